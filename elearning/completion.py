"""Course completion and its certificate: completing a course, issuing, revoking and
reissuing the certificate, verification codes, and the verification page's rate limit.
(The certificate's PDF is drawn in ``elearning.certificates``.)

A course is completed when every lesson is done and its final quiz is passed (a course
without a final quiz cannot be completed: it has nothing to grade). Completion is
recorded once, at the request that completes it (the last lesson marked done or the
passing submit, in either order), in that request's transaction, together with the
certificate: both callers
(``progress.mark_lesson_done`` and ``quizzes.submit``) call ``complete_if_done`` inside
their own transaction. A conditional update of the enrolment decides which request
completes, and a conditional unique constraint keeps one valid certificate per learner
and course whatever races.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from quiz import grading
from quiz.models import Attempt, AttemptState

from .models import Certificate, CodeLookupFailure, Course, Enrolment
from .versions import progress_changed

# Crockford's base32: digits and capitals without I, L, O and U, which read like 1, 1, 0
# and V. 16 characters carry 80 bits: neither guessable nor enumerable.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 16
GROUP = 4
# What a reader may type for a character of the code.
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})

# The verification page: so many unknown codes per client and window, then refused.
LOOKUP_FAILURE_LIMIT = 10
LOOKUP_WINDOW = timedelta(minutes=15)


def new_code():
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def display_code(code):
    """``7KQ2M9XD4HTRB3WN`` -> ``7KQ2-M9XD-4HTR-B3WN``."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def normalise_code(text):
    """The stored form of a code as someone typed it, or None when it cannot be one.

    Tolerant of case, spaces, dashes and the letters that read like digits.
    """
    cleaned = "".join((text or "").split()).replace("-", "").upper().translate(_READ_AS)
    if len(cleaned) != CODE_LENGTH or any(char not in ALPHABET for char in cleaned):
        return None
    return cleaned


def verify_url(code, request=None):
    """The public verification page of a certificate, from ``SITE_URL``: the address printed
    on a certificate must be the school's, not whatever Host a request named. A production
    site whose ``SITE_URL`` was left unset (``check --deploy`` fails then) falls back on the
    request's address, which ALLOWED_HOSTS vouches for, never on a development address."""
    path = reverse("certificate_verify_code", args=[display_code(code)])
    if settings.SITE_URL or request is None:
        return settings.SITE_URL + path
    return request.build_absolute_uri(path)


# ------------------------------------------------------------------------ completion


def missing_for(learner, course):
    """What she still has to do to complete the course: (lessons not done, in reading
    order; whether the final quiz is still to pass)."""
    lessons = list(course.lessons.in_reading_order().not_done_by(learner))
    passed = (
        course.final_quiz_id is not None
        and Enrolment.objects.filter(
            learner=learner, course=course, final_quiz_passed_at__isnull=False
        ).exists()
    )
    return lessons, not passed


def final_grade(learner, course):
    """Her final quiz grade, as a whole percentage, by the quiz's grading method."""
    quiz = course.final_quiz
    attempts = list(
        Attempt.objects.filter(learner=learner, quiz=quiz, state=AttemptState.SUBMITTED)
    )
    graded = grading.grade_of(attempts, quiz.grading_method)
    return graded.percent


def complete_if_done(learner, course, *, now=None):
    """Record her completion and issue the certificate if this request completes the
    course; returns the new certificate, or None (not complete yet, or already).

    Must run inside the caller's transaction.
    """
    lessons, quiz_missing = missing_for(learner, course)
    if lessons or quiz_missing:
        return None
    now = now or timezone.now()
    percent = final_grade(learner, course)
    completed = Enrolment.objects.filter(
        learner=learner, course=course, completed_at__isnull=True
    ).update(completed_at=now, completion_percent=percent)
    if not completed:
        return None  # completed before, or by a concurrent request
    return issue_certificate(learner, course, now=now, percent=percent)


def issue_certificate(learner, course, *, now=None, percent=None, replaces=None, name=None):
    """A new certificate with a snapshot of what it states (and a fresh code): ``name``, or
    her name as her profile has it."""
    now = now or timezone.now()
    enrolment = Enrolment.objects.filter(learner=learner, course=course).first()
    if percent is None:
        percent = enrolment.completion_percent if enrolment else None
    completed_at = enrolment.completed_at if enrolment and enrolment.completed_at else now
    for _ in range(5):
        try:
            with transaction.atomic():
                progress_changed(learner.pk)  # her pages offer it
                return Certificate.objects.create(
                    code=new_code(),
                    learner=learner,
                    course=course,
                    issued_at=now,
                    learner_name=name or learner.get_full_name() or learner.email,
                    course_title=course.title,
                    completed_on=timezone.localdate(completed_at),
                    score_percent=percent,
                    replaces=replaces,
                )
        except IntegrityError:
            # A code already taken (80 random bits: never in practice), or a valid
            # certificate already there (the constraint): try a new code, then give up.
            if Certificate.objects.valid().filter(learner=learner, course=course).exists():
                raise
    raise IntegrityError("no free certificate code after 5 tries")


def revoke_certificate(certificate, by, reason, *, now=None):
    """Revoke a valid certificate, keeping who, when and why. Returns False when it was
    already revoked (nothing changes then)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValueError("a revocation needs a reason")
    now = now or timezone.now()
    revoked = Certificate.objects.filter(pk=certificate.pk, revoked_at__isnull=True).update(
        revoked_at=now, revoked_by=by, revocation_reason=reason
    )
    if revoked:
        certificate.revoked_at, certificate.revoked_by = now, by
        certificate.revocation_reason = reason
        progress_changed(certificate.learner_id)  # her pages stop offering it
    return bool(revoked)


def issue_again(certificate, *, now=None):
    """A new certificate for a revoked one's learner and course, with its grade, replacing
    it; None when it has a successor already, or she holds a valid one (nothing changes)."""
    if not certificate.is_revoked or Certificate.objects.filter(replaces=certificate).exists():
        return None
    if certificate.learner_id is None:  # her account was deleted: nobody to issue it to
        return None
    course = Course.objects.get(pk=certificate.course_id)
    if Certificate.objects.valid().filter(learner=certificate.learner, course=course).exists():
        return None
    return issue_certificate(
        certificate.learner,
        course,
        now=now,
        percent=certificate.score_percent,
        replaces=certificate,
    )


@transaction.atomic
def reissue_certificate(certificate, by, reason, *, now=None, name=None):
    """Revoke the certificate and issue its successor: a new code and a fresh snapshot
    (the usual reason: a misspelt name, corrected in her profile). Returns the new one,
    or None when the certificate was already revoked."""
    now = now or timezone.now()
    if certificate.learner_id is None:  # her account was deleted: revoke it, not reissue
        return None
    if not revoke_certificate(certificate, by, reason, now=now):
        return None
    course = Course.objects.get(pk=certificate.course_id)
    return issue_certificate(
        certificate.learner,
        course,
        now=now,
        percent=certificate.score_percent,
        replaces=certificate,
        name=name,
    )


# ---------------------------------------------------------------- verification


def lookup_refused(client, *, now=None):
    """Whether this client has tried too many unknown codes lately."""
    since = (now or timezone.now()) - LOOKUP_WINDOW
    recent = CodeLookupFailure.objects.filter(client=client, at__gte=since)
    return recent.count() >= LOOKUP_FAILURE_LIMIT


def record_lookup_failure(client, *, now=None):
    now = now or timezone.now()
    # Old failures count no more: dropped here, so that the table stays small.
    CodeLookupFailure.objects.filter(at__lt=now - LOOKUP_WINDOW).delete()
    CodeLookupFailure.objects.create(client=client, at=now)
