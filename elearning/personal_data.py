"""A learner's own data: everything the site keeps about her, as one JSON document she
downloads, and the deletion of her account (the rights of access and erasure of the GDPR).

The export's format is described in ``docs/personal-data.md`` (``FORMAT``, ``VERSION``):
its keys and their order never change within a version. It reads through querysets, a
fixed number of queries whatever she has done. It holds what she answered, not the quizzes'
answer keys: those stay behind the quizzes' own review rules.

Deleting her account runs in one transaction and keeps two things, neither naming her:
- her submitted quiz attempts, anonymous (``Attempt.learner`` empty, with the cohorts she
  was in, ``AnonymousAttemptCohort``), so that every quiz's item analysis gives the same
  figures, to the school and to her instructors, before and after; her attempts in
  progress, which no statistics read, go;
- her certificates, when ``settings.KEEP_CERTIFICATES_AFTER_DELETION`` says so: still
  verifiable on the public page, stating the name they were issued to, as printed;
  otherwise deleted, and their codes then match no certificate.
Everything else goes with the account: profile, cohort memberships, enrolments and
progress, review cards, accommodations, sessions (ended on every device) and the login
records django-axes keeps under her e-mail address.
"""

from datetime import UTC

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from quiz.choices import AttemptState
from quiz.models import Accommodation, Attempt, ReviewCard

from .accounts import axes_username, end_every_session
from .models import (
    AnonymousAttemptCohort,
    Certificate,
    CohortMembership,
    Enrolment,
    LessonProgress,
    User,
)

FORMAT = "elearning-personal-data"
VERSION = 1


def _when(value):
    """Dates and times as ISO 8601 (times in UTC, with their offset), None as null."""
    if value is None:
        return None
    if hasattr(value, "astimezone"):
        return value.astimezone(UTC).isoformat()
    return value.isoformat()


def _number(value):
    """Scores are exact decimals: as strings, never floats that drift ("3.5000" -> "3.5")."""
    if value is None:
        return None
    return f"{value.normalize():f}"


def export(user):
    """All of ``user``'s data, as a dict ready for ``json.dumps``: nine queries."""
    memberships = CohortMembership.objects.filter(learner=user).select_related("cohort")
    enrolments = Enrolment.objects.filter(learner=user).select_related("course")
    lessons_done = LessonProgress.objects.filter(learner=user).select_related("lesson__course")
    attempts = (
        Attempt.objects.filter(learner=user)
        .select_related("quiz")
        .prefetch_related("responses")
        .order_by("started_at", "pk")
    )
    cards = ReviewCard.objects.filter(learner=user).select_related("question")
    certificates = Certificate.objects.filter(learner=user).order_by("issued_at", "pk")
    accommodations = Accommodation.objects.filter(learner=user).select_related("quiz")
    sessions = user.login_sessions.order_by("created_at", "pk")
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": _when(timezone.now()),
        "profile": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "preferred_language": user.preferred_language,
            "date_joined": _when(user.date_joined),
            "last_login": _when(user.last_login),
        },
        "cohorts": [
            {
                "name": membership.cohort.name,
                "joined_at": _when(membership.joined_at),
                "added_by_instructor": membership.added_by_id is not None,
            }
            for membership in memberships.order_by("joined_at", "pk")
        ],
        "enrolments": [
            {
                "course": enrolment.course.title,
                "course_slug": enrolment.course.slug,
                "enrolled_at": _when(enrolment.enrolled_at),
                "last_activity_at": _when(enrolment.last_activity_at),
                "final_quiz_passed_at": _when(enrolment.final_quiz_passed_at),
                "completed_at": _when(enrolment.completed_at),
                "completion_percent": enrolment.completion_percent,
            }
            for enrolment in enrolments.order_by("enrolled_at", "pk")
        ],
        "lessons_done": [
            {
                "course_slug": progress.lesson.course.slug,
                "lesson": progress.lesson.title,
                "lesson_slug": progress.lesson.slug,
                "completed_at": _when(progress.completed_at),
            }
            for progress in lessons_done.order_by("completed_at", "pk")
        ],
        "attempts": [_attempt(attempt) for attempt in attempts],
        "review_cards": [
            {
                "question": card.question.text,
                "created_at": _when(card.created_at),
                "due": _when(card.due),
                "last_review": _when(card.last_review),
                "review_count": card.review_count,
                "last_answered_at": _when(card.answered_at),
                "last_answer_right": card.last_correct,
            }
            for card in cards.order_by("created_at", "pk")
        ],
        "certificates": [
            {
                "code": certificate.display_code,
                "course": certificate.course_title,
                "name": certificate.learner_name,
                "completed_on": _when(certificate.completed_on),
                "issued_at": _when(certificate.issued_at),
                "score_percent": certificate.score_percent,
                "revoked_at": _when(certificate.revoked_at),
                "revocation_reason": certificate.revocation_reason,
            }
            for certificate in certificates
        ],
        "accommodations": [
            {
                "quiz": accommodation.quiz.title,
                "extra_minutes": accommodation.extra_minutes,
                "extra_attempts": accommodation.extra_attempts,
                "reason": accommodation.reason,
            }
            for accommodation in accommodations.order_by("pk")
        ],
        "login_sessions": [{"started_at": _when(session.created_at)} for session in sessions],
    }


def _attempt(attempt):
    return {
        "quiz": attempt.quiz.title,
        "number": attempt.number,
        "state": attempt.state,
        "started_at": _when(attempt.started_at),
        "deadline": _when(attempt.deadline),
        "submitted_at": _when(attempt.submitted_at),
        "score": _number(attempt.score),
        "max_score": _number(attempt.max_score),
        "passed": attempt.passed,
        "answers": [_answer(response) for response in attempt.responses.all()],
    }


def _answer(response):
    """Her answer to one question as it was shown: the choices in the order shown, and
    those she picked (texts, in that order); not which were right."""
    picked = set(response.selected)
    return {
        "position": response.position,
        "question": response.question_text,
        "choices": [choice["text"] for choice in response.choices],
        "selected": [choice["text"] for choice in response.choices if choice["id"] in picked],
        "answered_at": _when(response.answered_at),
        "confidence": response.confidence,
    }


def file_name():
    """The download's name: the site's own, with the day (``mes-donnees-2026-12-01.json``)."""
    return f"mes-donnees-{timezone.localdate():%Y-%m-%d}.json"


class DeletionRefused(Exception):
    """Staff accounts are not deleted from the learner's page: they hold the admin's
    history, and an administrator deletes them."""


@transaction.atomic
def delete_account(user):
    """Delete ``user``'s account and her data, keeping what the module docstring says.
    All or nothing: a failure leaves her account as it was."""
    if user.is_staff or user.is_superuser:
        raise DeletionRefused
    user = User.objects.select_for_update().get(pk=user.pk)
    # Her enrolments point at her passing attempt (PROTECT): they go first.
    Enrolment.objects.filter(learner=user).delete()
    mine = Attempt.objects.filter(learner=user)
    mine.filter(state=AttemptState.IN_PROGRESS).delete()
    cohorts = list(
        CohortMembership.objects.filter(learner=user).values_list("cohort_id", flat=True)
    )
    if cohorts:
        AnonymousAttemptCohort.objects.bulk_create(
            AnonymousAttemptCohort(attempt_id=attempt, cohort_id=cohort)
            for attempt in mine.values_list("pk", flat=True)
            for cohort in cohorts
        )
    mine.update(learner=None)
    certificates = Certificate.objects.filter(learner=user)
    if settings.KEEP_CERTIFICATES_AFTER_DELETION:
        certificates.update(learner=None)
    else:
        certificates.update(replaces=None)  # a reissue protects the one it replaced
        certificates.delete()
    end_every_session(user)
    name = axes_username(None, {"username": user.email})
    for record in (AccessAttempt, AccessFailureLog, AccessLog):
        record.objects.filter(username__iexact=name).delete()
    user.delete()
