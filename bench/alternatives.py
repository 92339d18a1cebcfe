"""What the pages' queries cost, against simpler ways of fetching the same data.

A measurement for bench/README.md's analysis, not a change to the application: each
line times, in this process, one way of getting what a page needs (the application's
own queryset first, as of commit c7cb3f6, then an alternative), as CPU time of this
thread (Django's work) and wall time (with PostgreSQL's). Also times the site's layout
templates alone. A line whose queryset method the application no longer has says so.

Run against a database kept by ``bench/pages.py --keep-db``, with the bench settings
(see bench/README.md, "Looking closer")::

    .venv/bin/python bench/alternatives.py
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django

django.setup()

from django.contrib.sessions.backends.signed_cookies import SessionStore  # noqa: E402
from django.template.loader import render_to_string  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django.urls import resolve  # noqa: E402
from django.utils import translation  # noqa: E402

from elearning import views  # noqa: E402
from elearning.models import Course, Enrolment, Lesson, LessonProgress, User  # noqa: E402

EMAIL = "learner@bench.invalid"
COURSE_SLUG = "secousses-dans-la-jambe-fasciculations"
LESSON_SLUG = "declencheurs-inoffensifs"


def measure(label, fn, repeat=400, deadline_seconds=20):
    try:
        fn()
    except (AttributeError, ImportError, TypeError) as exc:
        # The application changes: a queryset method measured here may be gone.
        print(f"  {label:<66} n/a in this version of the code ({exc})")
        return
    cpu, wall = [], []
    deadline = time.monotonic() + deadline_seconds
    for _ in range(repeat):
        c, w = time.thread_time(), time.perf_counter()
        fn()
        cpu.append(time.thread_time() - c)
        wall.append(time.perf_counter() - w)
        if time.monotonic() > deadline:
            break
    print(
        f"  {label:<66} cpu {statistics.median(cpu) * 1000:6.2f} ms"
        f"   wall {statistics.median(wall) * 1000:6.2f} ms"
    )


def main():
    learner = User.objects.get(email=EMAIL)
    course = Course.objects.get(slug=COURSE_SLUG)

    print("Dashboard: the learner's enrolments with progress and the lesson to continue with")
    measure("today: Enrolment.objects.for_dashboard() evaluated", lambda: list(
        Enrolment.objects.for_dashboard(learner)
    ))  # fmt: skip
    if hasattr(Enrolment.objects, "for_dashboard"):
        sql, params = Enrolment.objects.for_dashboard(learner).query.sql_with_params()
        measure("the same SQL, already compiled (Enrolment.objects.raw)", lambda: list(
            Enrolment.objects.raw(sql, params)
        ))  # fmt: skip

    def plain_dashboard():
        enrolments = list(
            Enrolment.objects.filter(learner=learner, course__is_published=True).select_related(
                "course"
            )
        )
        done = set(
            LessonProgress.objects.filter(learner=learner).values_list("lesson_id", flat=True)
        )
        lessons = list(
            Lesson.objects.active()
            .filter(course_id__in=[e.course_id for e in enrolments])
            .order_by("course_id", "position", "pk")
            .values_list("id", "course_id", "slug")
        )
        return enrolments, done, lessons

    measure("3 plain queries (enrolments, done ids, lessons), counted in Python", plain_dashboard)

    print("Course page")
    measure("today: Course.objects.visible_to().for_learner() .get(slug)", lambda: (
        Course.objects.visible_to(learner).for_learner(learner).get(slug=COURSE_SLUG)
    ))  # fmt: skip
    measure("plain Course.objects.visible_to().get(slug) + enrolment .exists()", lambda: (
        Course.objects.visible_to(learner).get(slug=COURSE_SLUG),
        Enrolment.objects.filter(learner=learner, course=course).exists(),
    ))  # fmt: skip
    measure("today: course.lessons.active().with_done() evaluated", lambda: list(
        course.lessons.active().with_done(learner).order_by("position", "pk")
    ))  # fmt: skip

    print("Lesson page")
    measure("today: views.get_lesson_or_404()", lambda: views.get_lesson_or_404(
        learner, COURSE_SLUG, LESSON_SLUG
    ))  # fmt: skip

    def plain_lesson():
        lesson = (
            Lesson.objects.active()
            .select_related("course")
            .get(course__slug=COURSE_SLUG, course__is_published=True, slug=LESSON_SLUG)
        )
        return lesson, LessonProgress.objects.filter(learner=learner, lesson=lesson).exists()

    measure("plain select_related get + progress .exists()", plain_lesson)

    print("Every page")
    measure("the user, loaded by AuthenticationMiddleware (User by pk)", lambda: (
        User.objects.get(pk=learner.pk)
    ))  # fmt: skip
    translation.activate("fr")
    request = RequestFactory(HTTP_HOST="127.0.0.1").get("/dashboard/")
    request.user, request.session, request._messages = learner, SessionStore(), []
    request.resolver_match = resolve("/dashboard/")
    measure("template: base.html with no content", lambda: render_to_string(
        "base.html", {}, request
    ))  # fmt: skip
    measure("template: _language_switcher.html alone", lambda: render_to_string(
        "_language_switcher.html", {}, request
    ))  # fmt: skip


if __name__ == "__main__":
    main()
