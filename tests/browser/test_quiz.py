"""Quizzes in the browser: a checkpoint quiz with feedback at each answer, the final quiz
in exam mode resumed from another browser, the keyboard on a question page, and an
instructor writing a quiz in the admin.

Axe checks every state of every quiz page the learner sees (before and after checking an
answer, the summary, the results). The admin is put aside (``exempt_admin_from_axe``).
Set QUIZ_SCREENSHOTS to a folder to also save the quiz pages at 1280 and 390 px wide.
"""

import os
import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import TIMEOUT_MS
from .helpers import (
    LOG_IN,
    START_COURSE,
    AxeGuard,
    assert_accessible,
    assert_visible_focus,
    exempt_admin_from_axe,
    log_in,
    tab_to,
    url_is,
)

pytestmark = pytest.mark.browser

PASSWORD = "Seringue-Garde-2024!"

# Names in English and in French, compiled catalogues or not.
CHECK_UNDERSTANDING = re.compile(r"Check your understanding|Vérifier ses acquis", re.I)
MARK_DONE_AND_TAKE_QUIZ = re.compile(
    r"Mark as done and take the quiz|Marquer comme terminée et faire le quiz", re.I
)
START_QUIZ = re.compile(r"Start the quiz|Commencer le quiz", re.I)
RESUME = re.compile(r"Resume my attempt|Reprendre ma tentative", re.I)
CHECK_ANSWER = re.compile(r"Check my answer|Vérifier ma réponse", re.I)
NEXT = re.compile(r"^\s*(Next|Suivant)\s*$", re.I)
PREVIOUS = re.compile(r"^\s*(Previous|Précédent)\s*$", re.I)
REVIEW_AND_SUBMIT = re.compile(r"Review and submit|Relire et envoyer", re.I)
SUBMIT = re.compile(r"Submit my answers|Envoyer mes réponses", re.I)
RIGHT = re.compile(r"Right answer|Bonne réponse", re.I)
WRONG = re.compile(r"Wrong answer|Mauvaise réponse", re.I)
NOT_ANSWERED = re.compile(r"Not answered|Sans réponse", re.I)
YOUR_ANSWER = re.compile(r"your answer|votre réponse", re.I)
EXPLANATION = re.compile(r"Explanation|Explication", re.I)
LESSON_LINK = re.compile(r"Read the lesson that teaches it|Relire la leçon correspondante", re.I)
SAVED = re.compile(r"Answer saved|Réponse enregistrée", re.I)
TIME_LEFT = re.compile(r"(Time left|Temps restant)\s*:\s*\d+:\d\d")
FINAL_QUIZ = re.compile(r"^\s*(Final quiz|Examen final)\s*$", re.I)
BACK_TO_LESSON = re.compile(r"Back to the lesson|Retour à la leçon", re.I)
NEXT_LESSON = re.compile(r"Next lesson|Leçon suivante", re.I)
ANSWERED = re.compile(r"^\s*(answered|répondue)\s*$", re.I)
UNANSWERED = re.compile(r"^\s*(not answered|sans réponse)\s*$", re.I)
NOT_PASSED = re.compile(r"Not passed|Non réussi", re.I)
START_NEW_ATTEMPT = re.compile(r"Start a new attempt|Commencer une nouvelle tentative", re.I)
# What would give the right answer away on a question page before submitting.
ANSWER_KEY = re.compile(r"right answer|bonne réponse|is-correct", re.I)

SHOTS = os.environ.get("QUIZ_SCREENSHOTS")


def snap(page, name):
    """With QUIZ_SCREENSHOTS set, save the page as a wide and as a phone screen."""
    if not SHOTS:
        return
    Path(SHOTS).mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=f"{SHOTS}/{name}-{width}.png", full_page=True)
    page.set_viewport_size(size)


@pytest.fixture
def student(make_user):
    return make_user(email="ines.moreau@example.com", first_name="Inès", password=PASSWORD)


def lesson_path(course, position):
    return course.lessons.get(position=position).get_absolute_url()


def link_questions_to_lesson(quiz, lesson):
    from elearning.models import QuestionSource

    for question in quiz.questions.all():
        QuestionSource.objects.create(question=question, lesson=lesson)


def expect_question(page, live_server, number, count):
    expect(page).to_have_url(
        re.compile(rf"{re.escape(live_server.url)}/.*/questions/{number}/(#checked)?$")
    )
    expect(page.locator(".quiz-counter")).to_have_text(re.compile(rf"\b{number}\s*/\s*{count}\b"))


def expect_saved(page):
    expect(page.locator(".quiz-autosave[role=status]")).to_have_text(SAVED)


def radio(page, text):
    return page.get_by_role("radio", name=text, exact=True)


def assert_no_answer_key(page):
    """Nothing on a question page says which choice is right, in text, markup or attributes."""
    form = page.locator("form.quiz-form")
    expect(form.locator(".answer-review, .badge")).to_have_count(0)
    assert not ANSWER_KEY.search(page.content())
    # The choices are plain inputs: the right one looks exactly like the others.
    shapes = form.locator("input[name=answer]").evaluate_all(
        """inputs => inputs.map(input => ({
            type: input.type,
            className: input.className,
            attributes: [...input.attributes].map(a => a.name).filter(n => n !== 'checked').sort(),
            label: input.labels.length,
        }))"""
    )
    assert len(shapes) == 3
    assert all(shape == shapes[0] for shape in shapes), shapes
    assert shapes[0]["type"] == "radio" and shapes[0]["label"] == 1


def test_a_checkpoint_quiz_gives_feedback_at_each_answer(page, live_server, quiz_course, student):
    lesson_1 = quiz_course.lessons.get(position=1)
    link_questions_to_lesson(lesson_1.checkpoint_quiz, lesson_1)
    log_in(page, live_server.url, student.email, PASSWORD)
    page.goto(quiz_course.get_absolute_url())
    assert_accessible(page)
    page.get_by_role("button", name=START_COURSE).click()
    expect(page).to_have_url(url_is(live_server.url, lesson_path(quiz_course, 1)))
    assert_accessible(page)

    checkpoint = page.get_by_role("region", name=CHECK_UNDERSTANDING)
    # Marking the lesson done leads to its checkpoint (the reading path).
    checkpoint.get_by_role("button", name=MARK_DONE_AND_TAKE_QUIZ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Checkpoint")
    assert_accessible(page)
    page.get_by_role("button", name=START_QUIZ).click()

    # Question 1: a wrong answer, checked at once.
    expect_question(page, live_server, 1, 3)
    expect(page.locator(".quiz-countdown")).to_have_count(0)  # no time limit
    assert_accessible(page)
    snap(page, "checkpoint-question")
    radio(page, "Fausse").check()
    page.get_by_role("button", name=CHECK_ANSWER).click()

    expect_question(page, live_server, 1, 3)
    review = page.locator(".answer-review")
    expect(review.locator(".answer-verdict")).to_have_text(WRONG)
    expect(review.locator(".answer-choice.is-picked")).to_contain_text("Fausse")
    expect(review.locator(".answer-choice.is-picked")).to_contain_text(YOUR_ANSWER)
    expect(review.locator(".answer-choice.is-correct")).to_contain_text("Bonne")
    expect(review.locator(".answer-choice.is-correct")).to_contain_text(RIGHT)
    expect(review).to_contain_text("Retour Fausse")  # the feedback of her choice
    expect(review.locator(".explanation")).to_contain_text(EXPLANATION)
    expect(review.locator(".explanation")).to_contain_text("Explication 1.")
    # The link leads to the lesson's passage (the fixture's sources have none: its top).
    expect(review.get_by_role("link", name=LESSON_LINK)).to_have_attribute(
        "href", lesson_path(quiz_course, 1)
    )
    # The verdict has the focus, so that it is read first.
    expect(review.locator(".answer-verdict")).to_be_focused()
    # The answer is locked: the choices give way to their review, nothing more to check.
    expect(
        page.get_by_role("heading", level=1, name=re.compile(r"Question 1 du quiz"))
    ).to_be_visible()
    expect(page.get_by_role("radio")).to_have_count(0)
    expect(page.get_by_role("button", name=CHECK_ANSWER)).to_have_count(0)
    assert_accessible(page)
    snap(page, "checkpoint-checked")

    # Question 2: the right answer.
    page.get_by_role("button", name=NEXT).click()
    expect_question(page, live_server, 2, 3)
    assert_accessible(page)
    radio(page, "Bonne").check()
    page.get_by_role("button", name=CHECK_ANSWER).click()
    expect(page.locator(".answer-verdict")).to_have_text(RIGHT)
    expect(page.locator(".answer-choice.is-picked.is-correct")).to_contain_text("Bonne")
    expect(page.get_by_role("radio")).to_have_count(0)
    assert_accessible(page)

    # Question 3 is left unanswered: the summary says so.
    page.get_by_role("button", name=NEXT).click()
    expect_question(page, live_server, 3, 3)
    assert_accessible(page)
    page.get_by_role("button", name=REVIEW_AND_SUBMIT).click()
    expect(page).to_have_url(re.compile(r"/summary/$"))
    expect(page.locator(".alert-warning[role=status]")).to_contain_text(re.compile(r"\b1 question"))
    expect(page.locator("#questions-heading + ol .badge")).to_have_text(
        [ANSWERED, ANSWERED, UNANSWERED]
    )
    assert_accessible(page)
    snap(page, "checkpoint-summary")

    page.get_by_role("button", name=SUBMIT).click()
    expect(page).to_have_url(re.compile(r"/quiz/attempts/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile(r"\b1 (right answer|bonne réponse) (out of|sur) 3\b")
    )
    # What she missed, to read again; then the next step.
    expect(page.locator(".quiz-missed .answer-verdict")).to_have_text([WRONG, NOT_ANSWERED])
    expect(page.get_by_role("link", name=NEXT_LESSON)).to_have_attribute(
        "href", lesson_path(quiz_course, 2)
    )
    # A checkpoint does not count: no pass or fail anywhere on it.
    expect(page.locator("main")).not_to_contain_text(NOT_PASSED)
    assert_accessible(page)
    snap(page, "checkpoint-results")

    # Back on the lesson, the checkpoint shows her grade.
    page.get_by_role("link", name=BACK_TO_LESSON).click()
    expect(page).to_have_url(url_is(live_server.url, lesson_path(quiz_course, 1)))
    expect(page.get_by_role("region", name=CHECK_UNDERSTANDING)).to_contain_text("33 %")
    assert_accessible(page)


def open_final_quiz(page, course):
    page.goto(course.get_absolute_url())
    assert_accessible(page)
    page.get_by_role("link", name=FINAL_QUIZ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Final")
    expect(page.locator(".quiz-rules")).to_contain_text("80 %")
    assert_accessible(page)


def hold_moves(route):
    """Hold a posted move for a moment, as a slow network would: the page stays open."""
    if route.request.method == "POST" and not route.request.headers.get("x-requested-with"):
        time.sleep(0.3)
    route.continue_()


def assert_guard_clean(guard):
    assert not guard.server_errors, f"The server answered with errors: {guard.server_errors}"
    assert not guard.console_errors, f"Errors in the browser console: {guard.console_errors}"
    assert not guard.unchecked, f"Pages loaded but never checked with axe: {guard.unchecked}"


def test_the_final_quiz_resumes_in_a_new_session_and_grades_on_submit(
    page, browser, context_options, live_server, quiz_course, student
):
    from quiz.models import Attempt

    log_in(page, live_server.url, student.email, PASSWORD)
    open_final_quiz(page, quiz_course)
    page.get_by_role("button", name=START_QUIZ).click()

    expect_question(page, live_server, 1, 5)
    # The quiz has a time limit: a countdown runs (the server keeps the real deadline).
    expect(page.locator(".quiz-deadline")).to_contain_text(TIME_LEFT)
    assert_no_answer_key(page)
    assert_accessible(page)
    snap(page, "final-question")
    # She picks and moves on at once: "Next" saves the answer, and the script's own save,
    # still waiting, is dropped (landing later, it would take her back to question 1).
    autosaves = []
    page.on("request", lambda request: autosaves.append(request.headers.get("x-requested-with")))
    page.route("**/questions/1/", hold_moves)
    page.locator("form.quiz-form").evaluate(
        """form => {
            const inputs = [...form.querySelectorAll("input[name=answer]")];
            inputs.find(input => input.labels[0].textContent.trim() === "Bonne").click();
            form.querySelector("button[name=action][value=next]:not([aria-hidden])").click();
        }"""
    )

    expect_question(page, live_server, 2, 5)
    assert_no_answer_key(page)
    assert_accessible(page)
    page.unroute("**/questions/1/")
    assert "fetch" not in autosaves
    radio(page, "Bonne").check()
    expect_saved(page)  # saved by the script alone
    assert_accessible(page)
    page.close()  # she closes the browser

    # Later, in another browser: a new session.
    other = browser.new_context(base_url=live_server.url, **context_options)
    other.set_default_timeout(TIMEOUT_MS)
    try:
        page = other.new_page()
        guard = AxeGuard(page)
        log_in(page, live_server.url, student.email, PASSWORD)
        open_final_quiz(page, quiz_course)
        page.get_by_role("button", name=RESUME).click()

        # She is back where she was, with both answers kept.
        expect_question(page, live_server, 2, 5)
        expect(radio(page, "Bonne")).to_be_checked()
        expect(page.locator(".quiz-deadline")).to_contain_text(TIME_LEFT)
        assert_accessible(page)
        page.get_by_role("button", name=PREVIOUS).click()
        expect_question(page, live_server, 1, 5)
        expect(radio(page, "Bonne")).to_be_checked()
        assert_no_answer_key(page)
        assert_accessible(page)

        page.get_by_role("button", name=REVIEW_AND_SUBMIT).click()
        expect(page).to_have_url(re.compile(r"/summary/$"))
        expect(page.locator(".alert-warning[role=status]")).to_contain_text(
            re.compile(r"\b3 questions")
        )
        expect(page.locator("#questions-heading + ol .badge")).to_have_text(
            [ANSWERED, ANSWERED, UNANSWERED, UNANSWERED, UNANSWERED]
        )
        # The deadline and the submit button come before the list of questions.
        expect(page.locator(".quiz-deadline")).to_contain_text(TIME_LEFT)
        submit = page.get_by_role("button", name=SUBMIT)
        assert submit.bounding_box()["y"] < page.locator("#questions-heading").bounding_box()["y"]
        # The page opens on its heading: the next Tab reaches the submit button.
        expect(page.get_by_role("heading", level=1)).to_be_focused()
        assert tab_to(page, submit) == 1
        assert_visible_focus(page)
        assert_accessible(page)
        snap(page, "final-summary")

        page.get_by_role("button", name=SUBMIT).click()
        expect(page).to_have_url(re.compile(r"/quiz/attempts/\d+/$"))
        score = page.locator(".quiz-score")
        expect(score).to_contain_text("40 %")
        expect(score).to_contain_text(re.compile(r"\b2\b\D+\b5\b"))
        expect(score.locator(".alert")).to_have_text(NOT_PASSED)
        expect(score.locator(".alert")).to_contain_text("80 %")
        # Her answers are listed; the right ones, and which of hers were right, stay hidden
        # until her last attempt or a pass (a verdict would give the answer away).
        answers = page.locator("#answers-heading").locator("..")
        expect(answers.locator(".answer-verdict")).to_have_text([NOT_ANSWERED] * 3)
        expect(answers.locator(".answer-choice.is-picked")).to_have_count(2)
        expect(answers.locator(".answer-choice.is-correct")).to_have_count(0)
        expect(answers.locator(".explanation")).to_have_count(0)
        expect(page.get_by_role("button", name=START_NEW_ATTEMPT)).to_be_visible()
        assert_accessible(page)
        snap(page, "final-results")
        assert_guard_clean(guard)
    finally:
        other.close()

    attempt = Attempt.objects.get(learner=student, quiz=quiz_course.final_quiz)
    assert (attempt.state, attempt.score, attempt.passed) == ("submitted", 2, False)


def test_a_question_page_works_with_the_keyboard(page, live_server, quiz_course, student):
    log_in(page, live_server.url, student.email, PASSWORD)
    open_final_quiz(page, quiz_course)
    start = page.get_by_role("button", name=START_QUIZ)
    tab_to(page, start)
    assert_visible_focus(page)
    page.keyboard.press("Enter")
    expect_question(page, live_server, 1, 5)
    assert_accessible(page)

    # Targets a thumb hits, controls an eye sees: 44 px question numbers, and radios whose
    # border stands 3:1 against the page (WCAG 2.5.5, 1.4.11).
    sizes = page.locator(".quiz-map .btn").evaluate_all(
        "buttons => buttons.map(b => [b.offsetWidth, b.offsetHeight])"
    )
    assert sizes and all(width >= 44 and height >= 44 for width, height in sizes), sizes
    border = radio(page, "Bonne").evaluate("input => getComputedStyle(input).borderTopColor")
    assert contrast(border, "rgb(255, 255, 255)") >= 3, border

    # Tab reaches the first option; the arrows pick among the options; Space too.
    tab_to(page, radio(page, "Bonne"))
    assert_visible_focus(page)
    page.keyboard.press("Space")
    expect(radio(page, "Bonne")).to_be_checked()
    page.keyboard.press("ArrowDown")
    expect(radio(page, "Fausse")).to_be_focused()
    expect(radio(page, "Fausse")).to_be_checked()
    assert_visible_focus(page)
    expect_saved(page)

    for name in (NEXT, REVIEW_AND_SUBMIT):
        tab_to(page, page.get_by_role("button", name=name))
        assert_visible_focus(page)
    tab_to(page, page.get_by_role("button", name=re.compile(r"^2\b")))
    assert_visible_focus(page)

    # Enter on an option moves on to the next question (not back), keeping the answer.
    tab_to(page, radio(page, "Fausse"), backwards=True)
    page.keyboard.press("Enter")
    expect_question(page, live_server, 2, 5)
    assert_accessible(page)
    tab_to(page, page.get_by_role("button", name=PREVIOUS))
    assert_visible_focus(page)
    page.keyboard.press("Enter")
    expect_question(page, live_server, 1, 5)
    expect(radio(page, "Fausse")).to_be_checked()
    assert_accessible(page)


def contrast(first, second):
    """WCAG's contrast ratio of two CSS colours written as rgb(r, g, b)."""

    def luminance(colour):
        channels = [int(value) / 255 for value in re.findall(r"\d+", colour)[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def admin_field(page, label):
    """A field of an admin form by its label, in English or in French."""
    return page.locator("#content-main").get_by_label(re.compile(rf"^\s*({label})\s*:?\s*$", re.I))


def expect_admin_success(page, text):
    expect(page.locator(".messagelist .success")).to_contain_text(text)
    expect(page.locator(".errornote, .errorlist")).to_have_count(0)


def test_an_instructor_writes_a_quiz_in_the_admin(page, live_server, make_user):
    from django.contrib.auth.models import Group

    from elearning.instructors import INSTRUCTORS_GROUP, ensure_instructors_group
    from quiz.models import Bank, Quiz

    ensure_instructors_group()  # live-server tests start with empty tables
    Bank.objects.create(name="Soins infirmiers")
    instructor = make_user(email="formatrice@example.com", password=PASSWORD, is_staff=True)
    instructor.groups.add(Group.objects.get(name=INSTRUCTORS_GROUP))
    exempt_admin_from_axe(page)

    page.goto("/admin/")
    page.get_by_label(re.compile(r"E-?mail|Adresse", re.I)).fill(instructor.email)
    page.get_by_label(re.compile(r"Password|Mot de passe", re.I)).fill(PASSWORD)
    page.get_by_role("button", name=LOG_IN).click()
    expect(page).to_have_url(url_is(live_server.url, "/admin/"))

    # A new quiz, in exam mode.
    quizzes = page.locator("#content-main tr.model-quiz")
    quizzes.get_by_role("link", name=re.compile(r"^\s*(Add|Ajouter)\s*$", re.I)).click()
    expect(page).to_have_url(url_is(live_server.url, "/admin/quiz/quiz/add/"))
    admin_field(page, "Title|Titre").fill("Surveillance d’une perfusion")
    admin_field(page, "Question bank|Banque de questions").select_option(label="Soins infirmiers")
    admin_field(page, r"Pass mark \(%\)|Seuil de réussite \(%\)").fill("70")
    admin_field(page, "Maximum attempts|Nombre maximal de tentatives").fill("2")
    admin_field(page, r"Time limit \(minutes\)|Durée limite \(minutes\)").fill("15")
    admin_field(page, "Feedback|Correction").select_option("deferred")
    page.get_by_role("button", name=re.compile(r"continu", re.I)).click()
    expect_admin_success(page, "Surveillance d’une perfusion")

    # Its first question, with its choices, from the quiz's own page.
    page.get_by_role("link", name=re.compile(r"Add a question|Ajouter une question", re.I)).click()
    expect(page).to_have_url(re.compile(r"/admin/quiz/question/add/\?bank=\d+&add_to_quiz=\d+$"))
    admin_field(page, "Question").fill("Quel débit pour 1 L en 8 h ?")
    admin_field(page, "Status|Statut").select_option("published")
    admin_field(page, "Explanation|Explication").fill("1000 mL / 8 h = 125 mL/h.")
    choices = page.locator("#choices-group")
    for row, (text, right) in enumerate(
        [("125 mL/h", True), ("80 mL/h", False), ("250 mL/h", False)]
    ):
        choices.locator(f"#id_choices-{row}-text").fill(text)
        if right:
            choices.locator(f"#id_choices-{row}-is_correct").check()
    page.get_by_role("button", name=re.compile(r"^\s*(Save|Enregistrer)\s*$", re.I)).click()
    expect_admin_success(page, "Quel débit pour 1 L en 8 h ?")

    quiz = Quiz.objects.get(title="Surveillance d’une perfusion")
    assert (quiz.feedback_mode, quiz.pass_mark, quiz.max_attempts, quiz.time_limit_minutes) == (
        "deferred",
        70,
        2,
        15,
    )
    question = quiz.questions.get()  # in the quiz's bank, picked by the quiz
    assert (question.text, question.status) == ("Quel débit pour 1 L en 8 h ?", "published")
    assert question.bank == quiz.bank
    assert [(c.text, c.is_correct) for c in question.choices.order_by("position", "pk")] == [
        ("125 mL/h", True),
        ("80 mL/h", False),
        ("250 mL/h", False),
    ]
