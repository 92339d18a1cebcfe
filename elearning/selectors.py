"""Reads behind the learner's pages: what the course page, a lesson page and the dashboard
show, each in a few queries through the models' querysets, and kept in Django's cache.

Which lessons count and in which order is ``LessonQuerySet.in_reading_order``; what a
learner has done is ``CourseQuerySet.with_progress`` and ``LessonQuerySet.with_done``; a
quiz grade is ``AttemptQuerySet.results``. What a page reads is cached under the content
version and her progress version, both kept in the database and moved on in the same
transaction as the write that changes them (``elearning.versions``): an instructor's
edit or her own progress shows on the very next request, on every app server, and an
entry no key reaches any more simply ages out. A lesson's rendered body is a template
fragment keyed on the Markdown itself (``lesson_detail.html``).
"""

from django.core.cache import cache
from django.shortcuts import get_object_or_404

from quiz.grading import QuizResult
from quiz.models import Attempt

from .models import Course, Lesson
from .versions import content_version

PAGE_SECONDS = 60 * 60  # an entry under an older version is never read again: it ages out


def cached(page, user, build, *args):
    """``build()``, from the cache when the same page was read under the same versions."""
    learner = f"{user.pk}.{user.progress_version}" if user.is_authenticated else "anonymous"
    key = ":".join(
        str(part) for part in (page, content_version(), learner, int(user.is_staff), *args)
    )
    return cache.get_or_set(key, build, PAGE_SECONDS)


def quiz_results(user, quiz_pks):
    """{quiz pk: her QuizResult} for these quizzes (a quiz she has not tried: no entry)."""
    quiz_pks = [pk for pk in quiz_pks if pk is not None]
    if not user.is_authenticated or not quiz_pks:
        return {}
    return Attempt.objects.filter(learner=user, quiz_id__in=quiz_pks).results()


def visible_course_or_404(course_slug, user):
    return get_object_or_404(Course.objects.visible_to(user), slug=course_slug)


def course_page(course_slug, user):
    """The course page's context: the course with her progress and her next step on its
    reading path (``CourseQuerySet.with_next_step``), its lessons, each with ``is_done``
    and ``checkpoint_result``, her
    standing on its checkpoint quiz (None without one), and her standing on the final
    quiz."""
    return cached("course", user, lambda: _course_page(course_slug, user), course_slug)


def _course_page(course_slug, user):
    course = get_object_or_404(
        Course.objects.visible_to(user).with_progress(user).with_next_step(user),
        slug=course_slug,
    )
    lessons = list(course.lessons.in_reading_order().with_done(user))
    results = quiz_results(
        user, [lesson.checkpoint_quiz_id for lesson in lessons] + [course.final_quiz_id]
    )
    for lesson in lessons:
        lesson.checkpoint_result = (
            None
            if lesson.checkpoint_quiz_id is None
            else results.get(lesson.checkpoint_quiz_id, QuizResult())
        )
    return {
        "course": course,
        "lessons": lessons,
        "final_quiz": None
        if course.final_quiz_id is None
        else results.get(course.final_quiz_id, QuizResult()),
    }


def lesson_page(course_slug, lesson_slug, user):
    """The lesson page's context: the lesson (with ``is_done`` and ``checkpoint_pending``)
    and its course, where it stands in the course, and her standing on its checkpoint
    quiz."""
    return cached(
        "lesson",
        user,
        lambda: _lesson_page(course_slug, lesson_slug, user),
        course_slug,
        lesson_slug,
    )


def _lesson_page(course_slug, lesson_slug, user):
    lesson = get_object_or_404(
        Lesson.objects.active().visible_to(user).with_steps(user).select_related("course"),
        course__slug=course_slug,
        slug=lesson_slug,
    )
    course = lesson.course
    neighbours = list(course.lessons.in_reading_order().only("slug", "title", "course"))
    index = next(i for i, item in enumerate(neighbours) if item.pk == lesson.pk)
    checkpoint = None
    if lesson.checkpoint_quiz_id is not None:
        results = quiz_results(user, [lesson.checkpoint_quiz_id])
        checkpoint = results.get(lesson.checkpoint_quiz_id, QuizResult())
    return {
        "course": course,
        "lesson": lesson,
        "checkpoint": checkpoint,
        "number": index + 1,
        "lesson_count": len(neighbours),
        "previous": neighbours[index - 1] if index > 0 else None,
        "next": neighbours[index + 1] if index + 1 < len(neighbours) else None,
    }


def dashboard(user):
    """[(course, her QuizResult on its final quiz or None)] for her published courses, most
    recently active first, each course with her progress and her next step on its reading
    path (``CourseQuerySet.with_next_step``)."""
    return cached("dashboard", user, lambda: _dashboard(user))


def _dashboard(user):
    courses = list(
        Course.objects.published()
        .with_progress(user)
        .with_next_step(user)
        .filter(last_activity_at__isnull=False)
        .order_by("-last_activity_at", "title")
    )
    results = quiz_results(user, [course.final_quiz_id for course in courses])
    return [
        (
            course,
            None
            if course.final_quiz_id is None
            else results.get(course.final_quiz_id, QuizResult()),
        )
        for course in courses
    ]


def lesson_or_404(course_slug, lesson_slug, user):
    """The lesson as a model instance, for writes: active, in a course the user may see."""
    return get_object_or_404(
        Lesson.objects.active().visible_to(user).select_related("course"),
        course__slug=course_slug,
        slug=lesson_slug,
    )
