"""Confidence-based marking on a phone, with the keyboard alone (issue 15, part 6): the
learner says how sure she is with each answer, Enter checks both, the verdict says her
mark, and the results say how well her confidence matched. Axe checks every page."""

import re

import pytest
from playwright.sync_api import expect

from .helpers import PHONE_CONTEXT, assert_accessible, assert_visible_focus, log_in, tab_to

pytestmark = pytest.mark.browser

START_QUIZ = re.compile(r"Start the quiz|Commencer le quiz", re.I)
FINISH = re.compile(r"^\s*(Finish the quiz|Terminer le quiz)\s*$", re.I)


@pytest.fixture
def context_options():
    return PHONE_CONTEXT


def test_a_checkpoint_with_confidence_marking_done_with_the_keyboard_alone(
    page, live_server, learner_account, shipped_quizzes
):
    user, password = learner_account
    _course, lessons = shipped_quizzes
    quiz = lessons[0].checkpoint_quiz
    quiz.confidence_marking = True
    quiz.save()
    log_in(page, live_server.url, user.email, password)
    page.goto(lessons[0].checkpoint_quiz_url)
    page.get_by_role("button", name=START_QUIZ).click()

    count = quiz.picks.count()
    for number in range(1, count + 1):
        expect(page).to_have_url(re.compile(rf"/questions/{number}/$"))
        expect(page.get_by_role("group", name="Quelle est votre certitude\u00a0?")).to_be_visible()
        assert_accessible(page)
        answer = page.locator("form.quiz-form input[name=answer]").first
        tab_to(page, answer)
        page.keyboard.press("Space")
        # Checking without saying how sure she is: refused, nothing checked.
        if number == 1:
            page.keyboard.press("Enter")
            expect(page.locator(".alert-danger, .alert-error, [role=alert]").first).to_contain_text(
                "Indiquez votre certitude"
            )
            expect(page.locator(".answer-verdict")).to_have_count(0)
            answer = page.locator("form.quiz-form input[name=answer]").first
            tab_to(page, answer)
            expect(answer).to_be_checked()  # her pick was kept
        # The confidence choices are radios: Tab reaches the group, arrows move in it.
        sure = page.locator("input[name=confidence][value='3']")
        tab_to(page, page.locator("input[name=confidence]").first)
        assert_visible_focus(page)
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        expect(sure).to_be_checked()
        page.keyboard.press("Enter")
        expect(page).to_have_url(re.compile(rf"/questions/{number}/#checked$"))
        expect(page.locator(".answer-confidence")).to_have_text(
            re.compile(r"Vous avez répondu «\u00a0je sais\u00a0»\u00a0: (\+3|−6)\.")
        )
        assert_accessible(page)
        main = page.locator("form.quiz-form .quiz-main")
        if number == count:
            expect(main).to_have_text(FINISH)
        tab_to(page, main)
        page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/quiz/attempts/\d+/$"))
    summary = page.locator(".quiz-confidence-summary")
    expect(summary).to_contain_text("Notes selon la certitude")
    expect(summary).to_contain_text("«\u00a0Je sais\u00a0»")
    assert_accessible(page)
