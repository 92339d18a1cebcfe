"""Course outlines: every course with its active lessons, built once and kept in memory.

Learners open the course page, the lesson pages and their dashboard all day long;
instructors change a course a few times a term. So the course and lesson rows those
pages show, with each lesson's rendered Markdown and its URL, are read in two queries
and kept per process, under a *content version*: the latest change and the number of
courses and lessons. Each process asks the database for that version at most every
``ELEARNING_CONTENT_CHECK_SECONDS`` seconds (one small query), so an instructor's edit
reaches learners on every app server within that delay, with no shared cache to run.

The version sees every change made through the models (the admin, the importer, the
shipped-content loader all save that way). ``QuerySet.update()`` skips ``auto_now``: a
script that uses it should touch ``updated_at`` itself.
"""

import threading
import time
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.db.models import Count, Max
from django.urls import reverse

from .models import Course, Lesson
from .rendering import render_markdown


@dataclass(frozen=True)
class LessonOutline:
    pk: int
    course_pk: int
    slug: str
    title: str
    position: int
    reading_minutes: int
    objectives: tuple
    body_html: str
    url: str
    checkpoint_quiz_pk: int | None = None
    checkpoint_quiz_url: str | None = None

    def get_absolute_url(self):
        return self.url


@dataclass(frozen=True)
class CourseOutline:
    pk: int
    slug: str
    title: str
    summary: str
    is_published: bool
    url: str
    lessons: tuple  # active lessons, in reading order
    final_quiz_pk: int | None = None
    final_quiz_url: str | None = None

    def get_absolute_url(self):
        return self.url

    def visible_to(self, user):
        return self.is_published or user.is_staff

    def lesson(self, slug):
        """(index, lesson) of the active lesson with this slug, or (None, None)."""
        for index, lesson in enumerate(self.lessons):
            if lesson.slug == slug:
                return index, lesson
        return None, None


@dataclass(frozen=True)
class Outlines:
    by_slug: dict
    by_pk: dict


def content_version():
    """What changes whenever a course or a lesson is added, edited or deleted."""
    courses = Course.objects.aggregate(changed=Max("updated_at"), count=Count("pk"))
    lessons = Lesson.objects.aggregate(changed=Max("updated_at"), count=Count("pk"))
    return (courses["changed"], courses["count"], lessons["changed"], lessons["count"])


def quiz_url(course_slug, quiz_pk):
    if quiz_pk is None:
        return None
    return reverse("quiz_detail", kwargs={"course_slug": course_slug, "quiz_id": quiz_pk})


@lru_cache(maxsize=2)
def build_outlines(version):
    """All outlines, for one content version (the argument is the cache key)."""
    outlines = {}
    for course in Course.objects.order_by("pk"):
        outlines[course.pk] = (course, [])
    lessons = Lesson.objects.active().order_by("course_id", "position", "pk")
    for lesson in lessons.iterator():
        course, entries = outlines[lesson.course_id]
        entries.append(
            LessonOutline(
                pk=lesson.pk,
                course_pk=course.pk,
                slug=lesson.slug,
                title=lesson.title,
                position=lesson.position,
                reading_minutes=lesson.reading_minutes,
                objectives=tuple(lesson.objective_list),
                body_html=render_markdown(lesson.body),
                url=reverse(
                    "lesson_detail", kwargs={"course_slug": course.slug, "lesson_slug": lesson.slug}
                ),
                checkpoint_quiz_pk=lesson.checkpoint_quiz_id,
                checkpoint_quiz_url=quiz_url(course.slug, lesson.checkpoint_quiz_id),
            )
        )
    by_pk = {
        course.pk: CourseOutline(
            pk=course.pk,
            slug=course.slug,
            title=course.title,
            summary=course.summary,
            is_published=course.is_published,
            url=course.get_absolute_url(),
            lessons=tuple(entries),
            final_quiz_pk=course.final_quiz_id,
            final_quiz_url=quiz_url(course.slug, course.final_quiz_id),
        )
        for course, entries in outlines.values()
    }
    return Outlines(by_slug={outline.slug: outline for outline in by_pk.values()}, by_pk=by_pk)


class _VersionClock:
    """The content version, asked of the database at most every N seconds per process."""

    def __init__(self):
        self.lock = threading.Lock()
        self.version = None
        self.checked_at = float("-inf")

    def current(self):
        interval = getattr(settings, "ELEARNING_CONTENT_CHECK_SECONDS", 5)
        now = time.monotonic()
        with self.lock:
            if self.version is None or now - self.checked_at >= interval:
                self.version = content_version()
                self.checked_at = now
            return self.version

    def reset(self):
        with self.lock:
            self.version = None


_clock = _VersionClock()


def get_outlines():
    return build_outlines(_clock.current())


def forget():
    """Drop what this process remembers (tests)."""
    _clock.reset()
    build_outlines.cache_clear()
