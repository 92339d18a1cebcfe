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

from quiz import grading
from quiz.models import Attempt, AttemptState

from .models import Enrolment, Lesson, LessonProgress, percent
from .outlines import CourseOutline, get_outlines


@dataclass(frozen=True)
class QuizResult:
    """Her standing on one quiz: the grade its grading method gives, and her attempts."""

    attempt_count: int = 0
    in_progress: bool = False
    percent: int | None = None  # None until an attempt is submitted
    passed: bool = False  # the grading attempt passed


@dataclass(frozen=True)
class LearnerProgress:
    enrolments: dict = field(default_factory=dict)  # course pk -> last activity
    done: frozenset = frozenset()  # lesson pks
    quizzes: dict = field(default_factory=dict)  # quiz pk -> QuizResult
    final_passed: dict = field(default_factory=dict)  # course pk -> first pass of its final quiz
    completed: dict = field(default_factory=dict)  # course pk -> (completed at, final grade %)


@dataclass(frozen=True)
class _AttemptRow:
    quiz_pk: int
    number: int
    state: str
    score: object
    max_score: object
    passed: bool | None
    submitted_at: object


def quiz_results(rows, methods):
    """QuizResult per quiz from her attempt rows (``methods``: quiz pk -> grading method)."""
    by_quiz = {}
    for row in rows:
        by_quiz.setdefault(row.quiz_pk, []).append(row)
    results = {}
    for quiz_pk, attempts in by_quiz.items():
        submitted = [a for a in attempts if a.state == AttemptState.SUBMITTED]
        grade = grading.grade_of(submitted, methods[quiz_pk])
        results[quiz_pk] = QuizResult(
            attempt_count=len(attempts),
            in_progress=len(submitted) < len(attempts),
            percent=None
            if grade is None
            else grading.display_percent(grade.score, grade.max_score),
            passed=bool(grade and grade.passed),
        )
    return results


@lru_cache(maxsize=4096)
def _learner_progress(user_pk, progress_version):
    """Her enrolments, done lessons and quiz results (the version is part of the cache key)."""
    enrolments, final_passed, completed = {}, {}, {}
    for course_pk, last_activity, passed_at, completed_at, grade in Enrolment.objects.filter(
        learner_id=user_pk
    ).values_list(
        "course_id",
        "last_activity_at",
        "final_quiz_passed_at",
        "completed_at",
        "completion_percent",
    ):
        enrolments[course_pk] = last_activity
        if passed_at is not None:
            final_passed[course_pk] = passed_at
        if completed_at is not None:
            completed[course_pk] = (completed_at, grade)
    done = frozenset(
        LessonProgress.objects.filter(learner_id=user_pk).values_list("lesson_id", flat=True)
    )
    rows, methods = [], {}
    for values in Attempt.objects.filter(learner_id=user_pk).values_list(
        "quiz_id",
        "number",
        "state",
        "score",
        "max_score",
        "passed",
        "submitted_at",
        "quiz__grading_method",
    ):
        rows.append(_AttemptRow(*values[:-1]))
        methods[values[0]] = values[-1]
    return LearnerProgress(
        enrolments=enrolments,
        done=done,
        quizzes=quiz_results(rows, methods),
        final_passed=final_passed,
        completed=completed,
    )


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
    quizzes: dict = field(default_factory=dict)  # quiz pk -> QuizResult
    final_passed_at: datetime | None = None
    completed: tuple | None = None  # (completed at, final grade %) once completed

    @property
    def is_enrolled(self):
        return self.last_activity_at is not None

    @property
    def completed_at(self):
        return self.completed[0] if self.completed else None

    @property
    def completion_percent(self):
        return self.completed[1] if self.completed else None

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

    @cached_property
    def checkpoints(self):
        """(lesson, its checkpoint quiz's QuizResult) for the lessons that have one."""
        return [
            (lesson, self.quizzes.get(lesson.checkpoint_quiz_pk, QuizResult()))
            for lesson in self.course.lessons
            if lesson.checkpoint_quiz_pk is not None
        ]

    @property
    def final_quiz(self):
        """Her QuizResult on the course's final quiz, or None when the course has none."""
        if self.course.final_quiz_pk is None:
            return None
        return self.quizzes.get(self.course.final_quiz_pk, QuizResult())

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
    return course_progress(outline, learner_progress(user))


def course_progress(outline, progress):
    return CourseProgress(
        course=outline,
        done=progress.done,
        last_activity_at=progress.enrolments.get(outline.pk),
        quizzes=progress.quizzes,
        final_passed_at=progress.final_passed.get(outline.pk),
        completed=progress.completed.get(outline.pk),
    )


def dashboard(user):
    """The learner's published courses, most recently active first, with her progress."""
    progress = learner_progress(user)
    outlines = get_outlines().by_pk
    courses = [
        course_progress(outlines[pk], progress)
        for pk in progress.enrolments
        if pk in outlines and outlines[pk].is_published
    ]
    courses.sort(key=lambda item: (-item.last_activity_at.timestamp(), item.course.title))
    return courses


def lesson_page_or_404(course_slug, lesson_slug, user):
    """(course outline, index, lesson outline, is_done, checkpoint QuizResult or None)."""
    outline = visible_outline_or_404(course_slug, user)
    index, lesson = outline.lesson(lesson_slug)
    if lesson is None:
        raise Http404
    progress = learner_progress(user)
    checkpoint = None
    if lesson.checkpoint_quiz_pk is not None:
        checkpoint = progress.quizzes.get(lesson.checkpoint_quiz_pk, QuizResult())
    return outline, index, lesson, lesson.pk in progress.done, checkpoint


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
