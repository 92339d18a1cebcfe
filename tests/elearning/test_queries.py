"""Pages run a fixed number of SQL queries, whatever the number of courses and lessons.

The course page, a lesson page and the dashboard read through querysets that annotate
her progress, and keep what they read in Django's cache under the content version and
her progress version (elearning/selectors.py, elearning/versions.py): the first request
reads, the next ones only check the versions.
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


def page_url(name, course):
    if name == "catalogue":
        return reverse("catalogue")
    if name == "dashboard":
        return reverse("dashboard")
    if name == "course":
        return course.get_absolute_url()
    return course.lessons.get(position=2).get_absolute_url()


# Each page: the session (kept on the server, so that logging out ends it), the user, the
# content version, then, the first time:
# - course: the course with her progress, its lessons with hers done, her quiz attempts;
# - lesson: the lesson with its course, the course's lessons (where it stands), her
#   attempts at its checkpoint quiz;
# - dashboard: her courses with their progress, her attempts at their final quizzes;
#   and, cached or not, how many questions she has to review today (one count: what is
#   due changes with the day).
# The catalogue is not cached: the session, the user, the courses with her progress.
COLD = {"course": 6, "lesson": 6, "dashboard": 6, "catalogue": 3}
WARM = {"course": 3, "lesson": 3, "dashboard": 4, "catalogue": 3}

SIZES = [(1, 3), (6, 12)]


@pytest.mark.parametrize("name", list(COLD))
@pytest.mark.parametrize(("courses", "lessons"), SIZES)
def test_query_count_does_not_grow(
    client, learner, world, django_assert_num_queries, name, courses, lessons
):
    made = world(courses, lessons)
    client.force_login(learner)
    url = page_url(name, made[0])
    with django_assert_num_queries(COLD[name]):
        assert client.get(url).status_code == 200
    with django_assert_num_queries(WARM[name]):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize(("courses", "lessons"), SIZES)
def test_after_marking_a_lesson_the_course_page_is_read_again(
    client, learner, world, django_assert_num_queries, courses, lessons
):
    made = world(courses, lessons)
    client.force_login(learner)
    course = made[0]
    client.get(course.get_absolute_url())
    client.post(reverse("lesson_done", args=[course.slug, f"lecon-{lessons // 2 + 1}"]))
    with django_assert_num_queries(COLD["course"]):
        response = client.get(course.get_absolute_url())
    assert response.context["course"].done_count == lessons // 2 + 1


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
    courses = [course for course, _final in client.get(reverse("dashboard")).context["courses"]]
    assert len(courses) == 6
    assert {(c.done_count, c.lesson_count, c.percent) for c in courses} == {(6, 12, 50)}
    # She read lessons 1 to 6 without taking a checkpoint: lesson 1's checkpoint is next.
    assert {c.next_lesson_slug for c in courses} == {"lecon-1"}
    assert {c.next_checkpoint_id for c in courses} == {
        course.lessons.get(slug="lecon-1").checkpoint_quiz_id for course in courses
    }
