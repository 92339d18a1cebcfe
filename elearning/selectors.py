"""Reads behind the learner's pages, from memory wherever the data allows.

A logged-in page already loads the learner's user row. Her enrolments and the
lessons she has done are cached per process under ``(user.pk, user.progress_version)``,
a version that every write of her progress increments (``elearning.progress``), so
the cache is exact on every app server without being shared. The courses and lessons
themselves come from ``elearning.outlines``. In the steady state the course page, a
lesson page and the dashboard run no query of their own.
"""

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property, lru_cache

from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Enrolment, Lesson, LessonProgress, percent
from .outlines import CourseOutline, get_outlines


@dataclass(frozen=True)
class LearnerProgress:
    enrolments: dict = field(default_factory=dict)  # course pk -> last activity
    done: frozenset = frozenset()  # lesson pks


@lru_cache(maxsize=4096)
def _learner_progress(user_pk, progress_version):
    """Her enrolments and done lessons (the version is part of the cache key)."""
    enrolments = dict(
        Enrolment.objects.filter(learner_id=user_pk).values_list("course_id", "last_activity_at")
    )
    done = frozenset(
        LessonProgress.objects.filter(learner_id=user_pk).values_list("lesson_id", flat=True)
    )
    return LearnerProgress(enrolments=enrolments, done=done)


def learner_progress(user):
    if not user.is_authenticated:
        return LearnerProgress()
    return _learner_progress(user.pk, user.progress_version)


@dataclass
class CourseProgress:
    """A course as one learner sees it: its lessons in order, each done or not."""

    course: CourseOutline
    done: frozenset = frozenset()
    last_activity_at: datetime | None = None

    @property
    def is_enrolled(self):
        return self.last_activity_at is not None

    @property
    def lessons(self):
        return self.course.lessons

    @cached_property
    def items(self):
        """(lesson, is_done) pairs, in reading order."""
        return [(lesson, lesson.pk in self.done) for lesson in self.course.lessons]

    @property
    def lesson_count(self):
        return len(self.course.lessons)

    @cached_property
    def done_count(self):
        return sum(1 for lesson in self.course.lessons if lesson.pk in self.done)

    @property
    def percent(self):
        return percent(self.done_count, self.lesson_count)

    @cached_property
    def next_lesson(self):
        """The first lesson not done yet, or None when all are done."""
        return next((lesson for lesson in self.course.lessons if lesson.pk not in self.done), None)

    @property
    def continue_lesson(self):
        """Where "continue" leads: the next lesson, or the first once all are done."""
        lessons = self.course.lessons
        return self.next_lesson or (lessons[0] if lessons else None)


def visible_outline_or_404(course_slug, user):
    outline = get_outlines().by_slug.get(course_slug)
    if outline is None or not outline.visible_to(user):
        raise Http404
    return outline


def course_progress_or_404(course_slug, user):
    outline = visible_outline_or_404(course_slug, user)
    progress = learner_progress(user)
    return CourseProgress(
        course=outline,
        done=progress.done,
        last_activity_at=progress.enrolments.get(outline.pk),
    )


def dashboard(user):
    """The learner's published courses, most recently active first, with her progress."""
    progress = learner_progress(user)
    outlines = get_outlines().by_pk
    courses = [
        CourseProgress(course=outlines[pk], done=progress.done, last_activity_at=last)
        for pk, last in progress.enrolments.items()
        if pk in outlines and outlines[pk].is_published
    ]
    courses.sort(key=lambda item: (-item.last_activity_at.timestamp(), item.course.title))
    return courses


def lesson_page_or_404(course_slug, lesson_slug, user):
    """(course outline, index, lesson outline, is_done) for the lesson page."""
    outline = visible_outline_or_404(course_slug, user)
    index, lesson = outline.lesson(lesson_slug)
    if lesson is None:
        raise Http404
    return outline, index, lesson, lesson.pk in learner_progress(user).done


def lesson_or_404(course_slug, lesson_slug, user):
    """The lesson as a model instance, for writes: active, in a course the user may see."""
    return get_object_or_404(
        Lesson.objects.active().visible_to(user).select_related("course"),
        course__slug=course_slug,
        slug=lesson_slug,
    )


def forget():
    """Drop what this process remembers of learners' progress (tests)."""
    _learner_progress.cache_clear()
