"""Reading progress: enrolling in a course and marking lessons done. Each write moves
the learner's progress version on, in its transaction (``elearning.versions``)."""

from django.db import transaction
from django.utils import timezone

from .completion import complete_if_done
from .models import Enrolment, LessonProgress
from .versions import progress_changed


@transaction.atomic
def enrol(learner, course):
    """Enrol ``learner`` in ``course`` once; later calls only touch the activity time."""
    now = timezone.now()
    enrolment, created = Enrolment.objects.get_or_create(
        learner=learner, course=course, defaults={"enrolled_at": now, "last_activity_at": now}
    )
    if not created:
        Enrolment.objects.filter(pk=enrolment.pk).update(last_activity_at=now)
    progress_changed(learner.pk)
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
