"""Pages run a fixed number of SQL queries, whatever the number of courses and lessons.

The learner pages read courses and lessons from per-process outlines and the learner's
progress from a cache keyed on her progress version (elearning/outlines.py,
elearning/selectors.py). So a page costs a few queries the first time and, in the
steady state, only the two that load the session (kept on the server, so that logging
out ends it) and the user.
"""

import pytest
from django.urls import reverse

from elearning import quizzes
from elearning.progress import mark_lesson_done
from quiz.attempts import start_attempt

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(make_course, make_quiz, learner):
    """Builds ``courses`` courses of ``lessons`` lessons, half of them read by the learner,
    each lesson with a checkpoint quiz and each course with a final quiz she has taken."""

    def build(courses, lessons):
        made = [make_course(lessons=lessons) for _ in range(courses)]
        for course in made:
            for lesson in course.lessons.all():
                lesson.checkpoint_quiz = make_quiz(questions=1)
                lesson.save()
            course.final_quiz = make_quiz(questions=2, feedback_mode="deferred")
            course.save()
            for lesson in course.lessons.all()[: lessons // 2]:
                mark_lesson_done(learner, lesson)
            attempt, _ = start_attempt(learner, course.final_quiz)
            quizzes.submit(attempt)
        learner.refresh_from_db()
        return made

    return build


@pytest.fixture
def steady(settings):
    """Production's content check interval: the version is asked once, then remembered."""
    settings.ELEARNING_CONTENT_CHECK_SECONDS = 60


def page_url(name, course):
    if name == "catalogue":
        return reverse("catalogue")
    if name == "dashboard":
        return reverse("dashboard")
    if name == "course":
        return course.get_absolute_url()
    return course.lessons.get(position=2).get_absolute_url()


# First request: the session, the user, the content version (2), the outlines (courses,
# lessons) and the learner's progress (enrolments, done lessons, quiz attempts).
COLD = {"course": 9, "lesson": 9, "dashboard": 9, "catalogue": 3}
# Then only the session and the user (the catalogue keeps its one list query).
WARM = {"course": 2, "lesson": 2, "dashboard": 2, "catalogue": 3}

SIZES = [(1, 3), (6, 12)]


@pytest.mark.parametrize("name", list(COLD))
@pytest.mark.parametrize(("courses", "lessons"), SIZES)
def test_query_count_does_not_grow(
    client, learner, world, steady, django_assert_num_queries, name, courses, lessons
):
    made = world(courses, lessons)
    client.force_login(learner)
    url = page_url(name, made[0])
    with django_assert_num_queries(COLD[name]):
        assert client.get(url).status_code == 200
    with django_assert_num_queries(WARM[name]):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize(("courses", "lessons"), SIZES)
def test_after_marking_a_lesson_only_her_progress_is_read_again(
    client, learner, world, steady, django_assert_num_queries, courses, lessons
):
    made = world(courses, lessons)
    client.force_login(learner)
    course = made[0]
    client.get(course.get_absolute_url())
    client.post(reverse("lesson_done", args=[course.slug, f"lecon-{lessons // 2 + 1}"]))
    # The session, the user, then her enrolments, done lessons and quiz attempts.
    with django_assert_num_queries(5):
        response = client.get(course.get_absolute_url())
    assert response.context["progress"].done_count == lessons // 2 + 1


@pytest.mark.parametrize(("courses", "lessons"), SIZES)
def test_anonymous_catalogue_is_one_query(
    client, world, django_assert_num_queries, courses, lessons
):
    world(courses, lessons)
    with django_assert_num_queries(1):
        assert client.get(reverse("catalogue")).status_code == 200


def test_dashboard_figures_are_right_at_the_larger_size(client, learner, world):
    world(6, 12)
    client.force_login(learner)
    courses = client.get(reverse("dashboard")).context["courses"]
    assert len(courses) == 6
    assert {(c.done_count, c.lesson_count, c.percent) for c in courses} == {(6, 12, 50)}
    assert {c.next_lesson.position for c in courses} == {7}
