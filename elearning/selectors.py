"""Reads behind the learner's pages: a few plain queries, assembled in Python.

Django takes about a millisecond to build a query with subquery annotations, more
than the database takes to run it, and these pages are the ones a class opens all
day. So each page fetches its handful of rows with plain queries and counts in
Python: a fixed number of queries whatever the number of courses and lessons.
"""

from dataclasses import dataclass, field

from django.shortcuts import get_object_or_404

from .models import Course, Enrolment, Lesson, LessonProgress, percent


@dataclass
class CourseProgress:
    """A course as one learner sees it: its lessons in order, each marked done or not."""

    course: Course
    lessons: list = field(default_factory=list)
    enrolment: Enrolment | None = None

    @property
    def lesson_count(self):
        return len(self.lessons)

    @property
    def done_count(self):
        return sum(1 for lesson in self.lessons if lesson.is_done)

    @property
    def percent(self):
        return percent(self.done_count, self.lesson_count)

    @property
    def next_lesson(self):
        """The first lesson not done yet, or None when all are done."""
        return next((lesson for lesson in self.lessons if not lesson.is_done), None)

    @property
    def continue_lesson(self):
        """Where "continue" leads: the next lesson, or the first once all are done."""
        return self.next_lesson or (self.lessons[0] if self.lessons else None)


def done_lesson_ids(learner, course_ids):
    if not learner.is_authenticated:
        return set()
    return set(
        LessonProgress.objects.filter(
            learner=learner, lesson__course_id__in=course_ids
        ).values_list("lesson_id", flat=True)
    )


def attach_lessons(progress_by_course, learner):
    """Fill each CourseProgress with its active lessons and the learner's done flags."""
    course_ids = list(progress_by_course)
    done = done_lesson_ids(learner, course_ids)
    lessons = Lesson.objects.active().filter(course_id__in=course_ids).order_by("position", "pk")
    for lesson in lessons:
        progress = progress_by_course[lesson.course_id]
        lesson.course = progress.course  # no query per lesson for its URL
        lesson.is_done = lesson.pk in done
        progress.lessons.append(lesson)


def course_progress_or_404(course_slug, learner):
    """The course page: 3 queries for a learner (course, lessons, progress) + enrolment."""
    course = get_object_or_404(Course.objects.visible_to(learner), slug=course_slug)
    progress = CourseProgress(course=course)
    if learner.is_authenticated:
        progress.enrolment = Enrolment.objects.filter(learner=learner, course=course).first()
    attach_lessons({course.pk: progress}, learner)
    return progress


def dashboard(learner):
    """The learner's courses, most recently active first, with their progress."""
    enrolments = (
        Enrolment.objects.filter(learner=learner, course__is_published=True)
        .select_related("course")
        .order_by("-last_activity_at", "course__title")
    )
    progress_by_course = {
        enrolment.course_id: CourseProgress(course=enrolment.course, enrolment=enrolment)
        for enrolment in enrolments
    }
    if progress_by_course:
        attach_lessons(progress_by_course, learner)
    return list(progress_by_course.values())


def lesson_or_404(course_slug, lesson_slug, user):
    """An active lesson of a course the user may see, with its course."""
    return get_object_or_404(
        Lesson.objects.active().visible_to(user).select_related("course"),
        course__slug=course_slug,
        slug=lesson_slug,
    )


def is_done(lesson, learner):
    return LessonProgress.objects.filter(learner=learner, lesson=lesson).exists()
