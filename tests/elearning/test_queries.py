"""Pages run a fixed number of SQL queries, whatever the number of courses and lessons."""

import pytest
from django.urls import reverse

from elearning.progress import mark_lesson_done

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(make_course, learner):
    """Builds ``courses`` courses of ``lessons`` lessons, half of them read by the learner."""

    def build(courses, lessons):
        made = [make_course(lessons=lessons) for _ in range(courses)]
        for course in made:
            for lesson in course.lessons.all()[: lessons // 2]:
                mark_lesson_done(learner, lesson)
        return made

    return build


# Queries per page for a logged-in learner: one to load the user (the session
# lives in a signed cookie), then the page's own plain queries.
EXPECTED = {
    "catalogue": 2,  # user, courses with counts
    "course": 5,  # user, course, enrolment, lessons done, lessons
    "lesson": 4,  # user, lesson with its course, sibling lessons, done or not
    "dashboard": 4,  # user, enrolments with courses, lessons done, lessons
}


def page_url(name, course):
    if name == "catalogue":
        return reverse("catalogue")
    if name == "dashboard":
        return reverse("dashboard")
    if name == "course":
        return course.get_absolute_url()
    return course.lessons.get(position=2).get_absolute_url()


@pytest.mark.parametrize("name", list(EXPECTED))
@pytest.mark.parametrize(("courses", "lessons"), [(1, 3), (6, 12)])
def test_query_count_does_not_grow(
    client, learner, world, django_assert_num_queries, name, courses, lessons
):
    made = world(courses, lessons)
    client.force_login(learner)
    url = page_url(name, made[0])
    with django_assert_num_queries(EXPECTED[name]):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize(("courses", "lessons"), [(1, 3), (6, 12)])
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
