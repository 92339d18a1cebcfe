"""Reading progress: enrolling in a course, marking lessons done, and where marking a
lesson done leads on the reading path (lesson, its checkpoint quiz, next lesson: which
steps are still ahead of her is ``LessonQuerySet.ahead_of``). Each write moves the
learner's progress version on, in its transaction (``elearning.versions``)."""

from django.db import transaction
from django.utils import timezone

from .completion import complete_if_done
from .models import Enrolment, Lesson, LessonProgress
from .versions import progress_changed


@transaction.atomic
def enrol(learner, course):
    """Enrol ``learner`` in ``course`` once; later calls only touch the activity time.

    Her row (its progress version) is locked first, before her enrolment: every write of
    her progress takes the locks in that order (``quizzes.submit`` moves her version on
    before it records a pass on the enrolment), so that two of her requests at once, her
    last lesson marked done in one tab while her final quiz is submitted in another, wait
    for each other instead of deadlocking."""
    now = timezone.now()
    progress_changed(learner.pk)
    enrolment, created = Enrolment.objects.get_or_create(
        learner=learner, course=course, defaults={"enrolled_at": now, "last_activity_at": now}
    )
    if not created:
        Enrolment.objects.filter(pk=enrolment.pk).update(last_activity_at=now)
    return enrolment


def mark_lesson_done(learner, lesson):
    """Record that ``learner`` has read ``lesson``; idempotent, safe under concurrent requests (the
    database holds one row per learner and lesson).

    Returns True when this call recorded it, False when it was already done.
    """
    with transaction.atomic():
        enrol(learner, lesson.course)
        # get_or_create retries the read when a concurrent request won the insert.
        _, created = LessonProgress.objects.get_or_create(learner=learner, lesson=lesson)
        if created:
            # Her last lesson may complete the course (with its certificate), here.
            complete_if_done(learner, lesson.course)
    return created


def step_after_reading(learner, lesson):
    """The page her reading path goes on to once ``lesson`` is done: its checkpoint quiz
    while she has not taken it, else the next lesson; None after the course's last lesson.

    Marking a lesson done records that she has read it (what completing the course counts)
    and leads to its checkpoint, so that the quiz is her natural next step; the checkpoint
    stays practice, never a condition for the next lesson or the course."""
    pending = Lesson.objects.filter(pk=lesson.pk).ahead_of(learner)
    if lesson.checkpoint_quiz_id is not None and pending.exists():
        return lesson.checkpoint_quiz_url
    following = Lesson.objects.following(lesson).first()
    return None if following is None else following.get_absolute_url()
