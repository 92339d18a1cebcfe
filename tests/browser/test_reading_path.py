"""The reading path on a phone (390 × 844): course page, lesson, its checkpoint quiz, next
lesson, with axe on every page. What the quiz pages do is ``test_quiz.py``'s; here she
starts the checkpoint in the browser and its grading is the server's."""

import re

import pytest
from playwright.sync_api import expect

from .helpers import (
    MY_DASHBOARD,
    PHONE_CONTEXT,
    START_COURSE,
    assert_accessible,
    assert_visible_focus,
    log_in,
    tab_to,
    url_is,
)
from .test_phone import assert_no_horizontal_scroll

pytestmark = pytest.mark.browser

MARK_DONE_AND_TAKE_QUIZ = re.compile(
    r"Mark as done and take the quiz|Marquer comme terminée et faire le quiz", re.I
)
START_QUIZ = re.compile(r"Start the quiz|Commencer le quiz", re.I)
CONTINUE = re.compile(r"^\s*(Continue|Continuer)\b", re.I)


@pytest.fixture
def context_options():
    return PHONE_CONTEXT


def box(locator):
    return locator.bounding_box()


def submit_her_checkpoint(user, lesson):
    from elearning import quizzes
    from quiz.models import Attempt

    attempt = Attempt.objects.in_progress().get(learner=user, quiz=lesson.checkpoint_quiz)
    assert quizzes.submit(attempt)


def test_course_page_lesson_checkpoint_next_lesson(
    page, live_server, learner_account, shipped_quizzes
):
    user, password = learner_account
    course, lessons = shipped_quizzes
    first, second = lessons[0], lessons[1]
    log_in(page, live_server.url, user.email, password)
    assert_accessible(page)

    # The course page: each lesson with its checkpoint quiz beside it, in one list.
    page.goto(course.get_absolute_url())
    items = page.locator("ol.list-group > li")
    expect(items).to_have_count(len(lessons))
    for item, lesson in zip(items.all(), lessons, strict=True):
        expect(item.get_by_role("link", name=lesson.title, exact=True)).to_be_visible()
        quiz = item.get_by_role("link", name=f"Quiz de vérification\u00a0: {lesson.title}")
        expect(quiz).to_have_attribute("href", lesson.checkpoint_quiz_url)
        assert box(quiz)["height"] >= 44 and box(quiz)["width"] >= 44
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    tab_to(page, items.first.get_by_role("link", name=re.compile("Quiz de vérification")))
    assert_visible_focus(page)

    # The lesson ends with its checkpoint, before the next lesson.
    page.get_by_role("button", name=START_COURSE).click()
    expect(page).to_have_url(url_is(live_server.url, first.get_absolute_url()))
    mark = page.get_by_role("button", name=MARK_DONE_AND_TAKE_QUIZ)
    following = page.locator("a[rel=next]")
    expect(following).to_contain_text(second.title)
    assert box(mark)["y"] + box(mark)["height"] <= box(following)["y"]
    assert_no_horizontal_scroll(page)
    assert_accessible(page)

    # Marking it done (here with the keyboard) leads to its checkpoint.
    tab_to(page, mark)
    assert_visible_focus(page)
    page.keyboard.press("Enter")
    expect(page).to_have_url(url_is(live_server.url, first.checkpoint_quiz_url))
    assert_accessible(page)

    # Left for later, the checkpoint is her next step on the dashboard.
    page.goto("/dashboard/")
    expect(page.get_by_role("heading", level=1)).to_have_text(MY_DASHBOARD)
    card = page.locator("article.card")
    expect(card).to_contain_text(
        f"Prochaine étape\u00a0: le quiz de vérification de «\u00a0{first.title}\u00a0»"
    )
    assert_accessible(page)
    card.get_by_role("link", name=CONTINUE).click()
    expect(page).to_have_url(url_is(live_server.url, first.checkpoint_quiz_url))
    assert_accessible(page)

    page.get_by_role("button", name=START_QUIZ).click()
    expect(page).to_have_url(re.compile(r"/quiz/attempts/\d+/questions/1/$"))
    assert_accessible(page)
    submit_her_checkpoint(user, first)

    # The checkpoint taken, "Continue" leads to the next lesson.
    page.goto(course.get_absolute_url())
    expect(items.first.locator(".quiz-grade")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name=CONTINUE).click()
    expect(page).to_have_url(url_is(live_server.url, second.get_absolute_url()))
    expect(page.get_by_role("heading", level=1)).to_have_text(second.title)
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
