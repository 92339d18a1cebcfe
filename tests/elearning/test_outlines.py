"""What the learner pages remember between requests, and when they notice a change."""

import pytest
from django.urls import reverse

from elearning import outlines
from elearning.models import Lesson
from elearning.progress import mark_lesson_done

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch, settings):
    """A monotonic clock the test moves by hand, and a 5-second content check."""
    settings.ELEARNING_CONTENT_CHECK_SECONDS = 5
    now = [1000.0]
    monkeypatch.setattr(outlines.time, "monotonic", lambda: now[0])

    def advance(seconds):
        now[0] += seconds

    return advance


def lesson_titles(client, course):
    progress = client.get(course.get_absolute_url()).context["progress"]
    return [lesson.title for lesson in progress.lessons]


def test_an_instructors_edit_reaches_learners_within_the_check_interval(
    client, course, learner, clock
):
    client.force_login(learner)
    assert lesson_titles(client, course)[0] == "Leçon 1"
    lesson = course.lessons.get(position=1)
    lesson.title = "Leçon revue"
    lesson.save()

    clock(4)
    assert lesson_titles(client, course)[0] == "Leçon 1"  # still the remembered outline
    clock(2)
    assert lesson_titles(client, course)[0] == "Leçon revue"


@pytest.mark.parametrize("change", ["archive", "delete", "add", "unpublish"])
def test_every_kind_of_content_change_is_noticed(client, course, learner, clock, change):
    client.force_login(learner)
    assert len(lesson_titles(client, course)) == 3
    if change == "archive":
        lesson = course.lessons.get(position=3)
        lesson.is_archived = True
        lesson.save()
        expected = 2
    elif change == "delete":
        course.lessons.get(position=3).delete()
        expected = 2
    elif change == "add":
        Lesson.objects.create(course=course, title="Leçon 4", slug="lecon-4", position=4, body="x")
        expected = 4
    else:
        course.is_published = False
        course.save()
    clock(6)
    if change == "unpublish":
        assert client.get(course.get_absolute_url()).status_code == 404
    else:
        assert len(lesson_titles(client, course)) == expected


def test_a_learners_own_progress_is_always_current(client, course, learner, clock):
    client.force_login(learner)
    assert client.get(course.get_absolute_url()).context["progress"].done_count == 0
    # Written elsewhere (another app server, another tab): her version changes.
    mark_lesson_done(learner, course.lessons.get(position=1))
    assert client.get(course.get_absolute_url()).context["progress"].done_count == 1
    assert client.get(reverse("dashboard")).context["courses"][0].done_count == 1


def test_another_learners_progress_never_shows(client, course, make_user, clock):
    alice, bob = make_user(), make_user()
    client.force_login(bob)
    client.get(course.get_absolute_url())
    for lesson in course.lessons.all():
        mark_lesson_done(alice, lesson)
    assert client.get(course.get_absolute_url()).context["progress"].done_count == 0
    client.force_login(alice)
    assert client.get(course.get_absolute_url()).context["progress"].done_count == 3
