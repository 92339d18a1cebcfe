"""Quizzes in a course: a lesson's checkpoint quiz, the course's final quiz, and what a
result means for the course.

The quiz engine (``quiz``) knows nothing of courses. This module finds which quiz sits
where, and wraps the engine's writes so that what follows for the course happens in the
same transaction: her first pass of the final quiz is recorded on her enrolment, a pass
that completes the course issues its certificate, her progress version moves on
(``elearning.versions``), and what she missed enters her review queue when the quiz's
place allows it (``elearning.revisions``).
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from quiz import attempts as engine
from quiz.models import Attempt, Quiz

from . import revisions
from .completion import complete_if_done
from .models import Course, Enrolment, Lesson, User
from .progress import enrol
from .selectors import visible_course_or_404
from .versions import progress_changed


@dataclass(frozen=True)
class QuizPlace:
    """Where a quiz sits: after a lesson (a checkpoint) or at the end of the course."""

    course: Course
    quiz_pk: int
    lesson: Lesson | None = None

    @property
    def is_final(self):
        return self.lesson is None

    @property
    def url(self):
        """The quiz's page."""
        return self.course.final_quiz_url if self.is_final else self.lesson.checkpoint_quiz_url


def place_in(course, quiz_pk):
    """The quiz's place in the course: its final quiz, or the checkpoint of one of its
    active lessons; None when the quiz is not in the course."""
    if quiz_pk is None:
        return None
    if course.final_quiz_id == quiz_pk:
        return QuizPlace(course=course, quiz_pk=quiz_pk)
    lesson = course.lessons.active().filter(checkpoint_quiz_id=quiz_pk).first()
    if lesson is None:
        return None
    return QuizPlace(course=course, quiz_pk=quiz_pk, lesson=lesson)


def place_or_404(course_slug, quiz_pk, user):
    place = place_in(visible_course_or_404(course_slug, user), quiz_pk)
    if place is None:
        raise Http404
    return place


def _her_attempt(user, attempt_pk):
    return (
        Attempt.objects.annotate(quiz_title=F("quiz__title"))
        .filter(pk=attempt_pk, learner=user)
        .first()
    )


def attempt_or_404(course_slug, attempt_pk, user):
    """(place, attempt) for one of her own attempts at a quiz of this course, with its
    quiz's title as ``quiz_title``.

    Someone else's attempt is a 404, as is an attempt reached through another course. An
    attempt whose time is up is graded here, whoever comes back first.
    """
    course = visible_course_or_404(course_slug, user)
    attempt = _her_attempt(user, attempt_pk)
    place = None if attempt is None else place_in(course, attempt.quiz_id)
    if place is None:
        raise Http404
    close_if_expired(attempt)
    return place, attempt


def start(learner, place, *, now=None):
    """Resume her attempt in progress or start a new one; enrols her in the course."""
    quiz = get_object_or_404(Quiz, pk=place.quiz_pk)
    with transaction.atomic():
        current = Attempt.objects.in_progress().of(learner, quiz).first()
        if current is not None:
            close_if_expired(current, now=now)
        enrol(learner, place.course)
        attempt, _created = engine.start_attempt(learner, quiz, now=now)
    return attempt


def answer(attempt, response, selected, *, check=False, confidence=None, move_to=None, now=None):
    """Keep her answer to one question and where she goes next.

    ``check``: immediate feedback, the answer is graded and locked (with ``confidence``,
    how sure she said she is, where the quiz asks it). A checked answer no
    longer changes: only the move is kept. Raises ``quiz.attempts.QuizRefusal``; when the
    deadline has passed, the attempt is graded before the refusal goes up.
    """
    try:
        if check:
            if attempt.confidence_marking and confidence is None and not response.is_locked:
                # Refused below until she says how sure she is; her pick is kept meanwhile.
                engine.save_answer(attempt, response, selected, now=now)
            with transaction.atomic():
                engine.check_answer(attempt, response, selected, confidence=confidence, now=now)
                if response.is_correct is False:
                    revisions.queue_missed(attempt)
        elif response.is_locked:
            if move_to is not None:
                engine.move_to(attempt, move_to, now=now)
        else:
            engine.save_answer(attempt, response, selected, now=now, move_to=move_to)
    except engine.DeadlinePassed:
        close_if_expired(attempt, now=now)
        raise


def submit(attempt, *, now=None):
    """Grade the attempt once, then record what it means for the course.

    Returns False when another request had already graded it.
    """
    with transaction.atomic():
        graded = engine.submit_attempt(attempt, now=now)
        if graded:
            progress_changed(attempt.learner_id)
            revisions.queue_missed(attempt)
        if graded and attempt.passed:
            record_final_pass(attempt)
            course = Course.objects.filter(final_quiz_id=attempt.quiz_id).first()
            if course is not None:
                # Passing the final quiz may complete the course, here.
                learner = User.objects.get(pk=attempt.learner_id)
                complete_if_done(learner, course, now=attempt.submitted_at)
    return graded


def finish(attempt, *, now=None):
    """Submit an attempt whose answers have all been checked: one step, as nothing is left
    to change. Raises ``quiz.attempts.NotAllChecked`` otherwise."""
    engine.ensure_all_checked(attempt)
    return submit(attempt, now=now)


def next_step(place):
    """Where a learner goes after a checkpoint: the next lesson in reading order, or None
    after the last lesson (then the final quiz, when the course has one)."""
    if place.is_final:
        return None
    return Lesson.objects.following(place.lesson).select_related("course").first()


def record_final_pass(attempt):
    """Her first pass of a course's final quiz, kept for good: later attempts never undo it."""
    Enrolment.objects.filter(
        learner_id=attempt.learner_id,
        course__final_quiz_id=attempt.quiz_id,
        final_quiz_passed_at__isnull=True,
    ).update(final_quiz_passed_at=attempt.submitted_at, final_quiz_attempt=attempt)


def close_if_expired(attempt, *, now=None):
    """Grade an attempt whose deadline has passed, with the answers saved before it."""
    if engine.is_expired(attempt, now):
        submit(attempt, now=now)
        attempt.refresh_from_db()
        return True
    return False


def close_expired(*, now=None):
    """Grade every attempt whose deadline has passed; returns how many this call graded."""
    now = now or timezone.now()
    closed = 0
    for attempt in Attempt.objects.expired(now).order_by("deadline", "pk").iterator():
        closed += submit(attempt, now=now)
    return closed


def third_more_time(learners, *, reason):
    """The "tiers-temps": for each learner, a third more time (rounded up to the minute) on
    every timed quiz of the courses she is enrolled in, kept with ``reason``; the extra
    attempts of an accommodation she has already keep. Returns how many accommodations
    were written."""
    from quiz.models import Accommodation

    written = 0
    with transaction.atomic():
        for learner in learners:
            courses = Course.objects.filter(enrolments__learner=learner)
            quizzes = Quiz.objects.filter(time_limit_minutes__isnull=False).filter(
                pk__in=[
                    *courses.exclude(final_quiz=None).values_list("final_quiz", flat=True),
                    *Lesson.objects.filter(course__in=courses)
                    .exclude(checkpoint_quiz=None)
                    .values_list("checkpoint_quiz", flat=True),
                ]
            )
            for quiz in quizzes:
                Accommodation.objects.update_or_create(
                    learner=learner,
                    quiz=quiz,
                    defaults={"extra_minutes": -(-quiz.time_limit_minutes // 3), "reason": reason},
                )
                written += 1
    return written
