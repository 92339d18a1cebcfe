"""The shipped course's quizzes on a phone (390 x 844) and with the keyboard alone.

Every shipped question opens with the question, its choices and its main button on one
screen, and the focus on the question; a checkpoint is done with the keyboard alone,
each verdict seen (Enter on a chosen answer checks it, never skips it), then finishes
with one button on results that list what was missed, with the lesson's passages, and
the next step. Axe checks every page.
"""

import re

import pytest
from playwright.sync_api import expect

from .helpers import (
    COURSE_SLUG,
    PHONE,
    PHONE_CONTEXT,
    assert_accessible,
    assert_visible_focus,
    is_focused,
    log_in,
    tab_to,
    url_is,
)
from .test_phone import assert_no_horizontal_scroll

pytestmark = pytest.mark.browser

START_QUIZ = re.compile(r"Start the quiz|Commencer le quiz", re.I)
FINISH = re.compile(r"^\s*(Finish the quiz|Terminer le quiz)\s*$", re.I)
VERDICT = re.compile(
    r"Right answer|Bonne réponse|Wrong answer|Mauvaise réponse|Partly right|Partiellement juste",
    re.I,
)
NEXT_LESSON = re.compile(r"Next lesson|Leçon suivante", re.I)
REVIEW_AND_SUBMIT = re.compile(r"Review and submit|Relire et envoyer", re.I)
SAVED = re.compile(r"Answer saved|Réponse enregistrée", re.I)
NO_MORE_CHANGES = re.compile(r"can no longer be changed|ne peuvent plus être modifiées", re.I)


@pytest.fixture
def shipped_quizzes(shipped_lessons):
    """The shipped course with its question bank and quizzes, as ``make setup`` loads them."""
    from elearning.content import load_question_bank
    from elearning.models import Course

    load_question_bank()
    course = Course.objects.get(pk=shipped_lessons[0].pk)
    return course, list(course.lessons.in_reading_order())


@pytest.fixture
def context_options():
    return PHONE_CONTEXT


def start_quiz(page, quiz_url):
    page.goto(quiz_url)
    assert_accessible(page)
    page.get_by_role("button", name=START_QUIZ).click()
    expect(page).to_have_url(re.compile(r"/questions/1/$"))


def assert_question_fits(page):
    """The question, every choice and the main button lie within the first screen."""
    boxes = page.evaluate(
        """() => {
            const box = el => { const r = el.getBoundingClientRect(); return [r.top, r.bottom]; };
            const form = document.querySelector('form.quiz-form');
            return {
                question: box(document.getElementById('question')),
                choices: [...form.querySelectorAll('.form-check-label')].map(box),
                main: box(form.querySelector('.quiz-main')),
                scrollY: window.scrollY,
            };
        }"""
    )
    assert boxes["scrollY"] == 0, boxes
    assert boxes["choices"], boxes
    for top, bottom in [boxes["question"], *boxes["choices"], boxes["main"]]:
        assert top >= 0 and bottom <= PHONE["height"], f"{page.url}: {boxes}"
    # Each choice's whole box is its label: a 44 px target at least.
    heights = page.locator("form.quiz-form .form-check-label").evaluate_all(
        "labels => labels.map(label => label.getBoundingClientRect().height)"
    )
    assert min(heights) >= 44, heights


def test_every_shipped_question_fits_a_phone_screen(
    page, live_server, learner_account, shipped_quizzes
):
    """Each question of the shipped bank (the checkpoints' and those the final quiz draws
    from) in a quiz that shows them all, with a check button and a countdown: the most a
    question page ever holds."""
    from quiz.models import Question, Quiz, QuizQuestion

    user, password = learner_account
    course, _lessons = shipped_quizzes
    every = Quiz.objects.create(
        title="Toutes les questions",
        bank=course.bank,
        feedback_mode="immediate",
        time_limit_minutes=30,
    )
    questions = Question.objects.published().filter(bank=course.bank).order_by("number")
    QuizQuestion.objects.bulk_create(
        QuizQuestion(quiz=every, question=question, position=number)
        for number, question in enumerate(questions, start=1)
    )
    course.final_quiz = every
    course.save()
    count = every.picks.count()
    assert count >= 60  # the whole shipped bank

    log_in(page, live_server.url, user.email, password)
    start_quiz(page, course.final_quiz_url)
    base = page.url.removesuffix("1/")
    for number in range(1, count + 1):
        if number > 1:
            page.goto(f"{base}{number}/")
        expect(page.locator("#question")).to_be_focused()
        expect(page.locator(".quiz-countdown")).to_be_visible()
        expect(page.locator(".quiz-main")).to_have_text(re.compile(r"Vérifier ma réponse"))
        assert_question_fits(page)
        assert_no_horizontal_scroll(page)
        assert_accessible(page)
        # Picking an answer (saved at once) moves nothing out of sight.
        page.locator("form.quiz-form .form-check-label").first.click()
        expect(page.locator(".quiz-autosave")).to_have_text(SAVED)
        assert_question_fits(page)


def test_a_checkpoint_done_with_the_keyboard_alone(
    page, live_server, learner_account, shipped_quizzes
):
    from quiz.models import Attempt

    user, password = learner_account
    _course, lessons = shipped_quizzes
    first, second = lessons[0], lessons[1]
    log_in(page, live_server.url, user.email, password)
    page.goto(first.checkpoint_quiz_url)
    assert_accessible(page)
    start = page.get_by_role("button", name=START_QUIZ)
    tab_to(page, start)
    page.keyboard.press("Enter")

    count = first.checkpoint_quiz.picks.count()
    for number in range(1, count + 1):
        expect(page).to_have_url(re.compile(rf"/questions/{number}/$"))
        assert_accessible(page)
        # The page opens on the question: one Tab reaches the first answer.
        expect(page.locator("#question")).to_be_focused()
        answer = page.locator("form.quiz-form input[name=answer]").first
        assert tab_to(page, answer) == 1
        assert_visible_focus(page)
        page.keyboard.press("Space")
        expect(answer).to_be_checked()
        # Enter on the chosen answer checks it: the verdict, with the focus, not the next question.
        page.keyboard.press("Enter")
        expect(page).to_have_url(re.compile(rf"/questions/{number}/#checked$"))
        verdict = page.locator(".answer-verdict")
        expect(verdict).to_have_text(VERDICT)
        expect(verdict).to_be_focused()
        expect(page.locator(".explanation")).to_be_visible()
        assert_accessible(page)
        last = number == count
        # Once every answer is checked: one button finishes, no review before submitting.
        if last:
            expect(page.get_by_role("button", name=REVIEW_AND_SUBMIT)).to_have_count(0)
        main = page.locator("form.quiz-form .quiz-main")
        expect(main).to_have_text(FINISH if last else re.compile(r"Suivant|Next"))
        tab_to(page, main)
        assert_visible_focus(page)
        page.keyboard.press("Enter")

    # The results: what she missed, each with its lesson passage, then the next step.
    expect(page).to_have_url(re.compile(r"/quiz/attempts/\d+/$"))
    expect(page.locator("main")).not_to_contain_text(NO_MORE_CHANGES)
    attempt = Attempt.objects.get(learner=user, quiz=first.checkpoint_quiz)
    assert attempt.state == "submitted"
    missed = list(attempt.responses.exclude(is_correct=True).order_by("position"))
    right = count - len(missed)
    expect(page.get_by_role("heading", level=1)).to_contain_text(rf"{right} ")
    items = page.locator(".quiz-missed > li")
    expect(items).to_have_count(len(missed))
    for item, response in zip(items.all(), missed, strict=True):
        expect(item).to_contain_text(response.question_text)
        passage = response.question.source.passage
        expect(item.locator("blockquote")).to_have_text(passage)
        link = item.get_by_role("link")
        expect(link).to_have_attribute(
            "href", re.compile("^" + re.escape(first.get_absolute_url() + "#:~:text="))
        )
    assert_accessible(page)

    step = page.get_by_role("link", name=NEXT_LESSON)
    expect(step).to_contain_text(second.title)
    tab_to(page, step)
    assert is_focused(step)
    page.keyboard.press("Enter")
    expect(page).to_have_url(url_is(live_server.url, second.get_absolute_url()))
    assert_accessible(page)
    assert COURSE_SLUG in page.url
