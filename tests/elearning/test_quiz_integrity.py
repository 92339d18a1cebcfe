"""What a quiz must never do: show the right answers early, let a learner read someone
else's attempt, grade an attempt twice, or run more queries as quizzes grow."""

import threading
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from elearning import quizzes
from elearning.progress import enrol
from quiz import attempts
from quiz.models import Attempt
from tests.quiz.answers import right, wrong

pytestmark = pytest.mark.django_db


class Inputs(HTMLParser):
    """The answer inputs of a page, as attribute dicts."""

    def __init__(self):
        super().__init__()
        self.inputs = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("name") == "answer":
            self.inputs.append(attrs)


def answer_inputs(html):
    parser = Inputs()
    parser.feed(html)
    return parser.inputs


def assert_no_answer_leaks(html, quiz):
    """Nothing in the page tells the right choices apart from the wrong ones."""
    assert "{#" not in html and "#}" not in html  # no template comment shown as text
    for question in quiz.questions.all():
        assert question.explanation not in html
        for choice in question.choices.all():
            assert choice.feedback not in html
    assert "is-correct" not in html
    assert "bonne réponse" not in html.lower()
    inputs = answer_inputs(html)
    # Right and wrong inputs carry the same attributes, apart from their value and id.
    shapes = {
        tuple(sorted((k, v) for k, v in attrs.items() if k not in {"value", "id", "checked"}))
        for attrs in inputs
    }
    assert len(shapes) <= 1, shapes
    for attrs in inputs:
        assert not any(name.startswith("data-") for name in attrs)


def question_url(course, attempt, position):
    return reverse("quiz_question", args=[course.slug, attempt.pk, position])


def test_no_page_shows_the_answers_before_their_time(client, learner, quiz_course):
    final = quiz_course.final_quiz
    client.force_login(learner)
    pages = [reverse("quiz_detail", args=[quiz_course.slug, final.pk])]
    client.post(reverse("quiz_start", args=[quiz_course.slug, final.pk]))
    attempt = Attempt.objects.get(quiz=final)
    first = attempt.responses.get(position=1)
    client.post(question_url(quiz_course, attempt, 1), {"answer": right(first), "action": "next"})
    pages += [question_url(quiz_course, attempt, n) for n in (1, 2, 5)]
    pages.append(reverse("quiz_summary", args=[quiz_course.slug, attempt.pk]))
    for url in pages:
        page = client.get(url)
        assert page.status_code == 200, url
        assert_no_answer_leaks(page.content.decode(), final)
    # A failed first attempt: her score and her picks, but neither the right answers nor
    # each question's verdict (a verdict gives the answer away).
    client.post(reverse("quiz_summary", args=[quiz_course.slug, attempt.pk]))
    results = client.get(reverse("quiz_results", args=[quiz_course.slug, attempt.pk]))
    html = results.content.decode()
    assert "Bonne réponse" not in html and "Sans réponse" in html
    assert "is-correct" not in html and "bonne réponse</span>" not in html
    for question in final.questions.all():
        assert question.explanation not in html


def test_immediate_feedback_shows_only_the_checked_questions_answer(client, learner, quiz_course):
    checkpoint = quiz_course.lessons.get(position=1).checkpoint_quiz
    client.force_login(learner)
    client.post(reverse("quiz_start", args=[quiz_course.slug, checkpoint.pk]))
    attempt = Attempt.objects.get(quiz=checkpoint)
    first, second = attempt.responses.all()[:2]
    before = client.get(question_url(quiz_course, attempt, 1)).content.decode()
    assert_no_answer_leaks(before, checkpoint)
    client.post(question_url(quiz_course, attempt, 1), {"answer": wrong(first), "action": "check"})
    after = client.get(question_url(quiz_course, attempt, 1)).content.decode()
    assert first.question.explanation in after and "is-correct" in after
    assert second.question.explanation not in after
    assert_no_answer_leaks(
        client.get(question_url(quiz_course, attempt, 2)).content.decode(), checkpoint
    )


@pytest.mark.parametrize("questions", [5, 20])
def test_quiz_pages_run_a_fixed_number_of_queries(
    client, learner, make_course, make_quiz, django_assert_num_queries, settings, questions
):
    course = make_course()
    course.final_quiz = make_quiz(
        questions=questions, feedback_mode="deferred", time_limit_minutes=30
    )
    course.save()
    client.force_login(learner)
    client.post(reverse("quiz_start", args=[course.slug, course.final_quiz_id]))
    attempt = Attempt.objects.get()
    third = attempt.responses.get(position=3)
    url = question_url(course, attempt, 3)
    # The session, the user, the course, her attempt with its quiz's title, the question
    # shown, which questions are answered (the question map).
    with django_assert_num_queries(6):
        assert client.get(url).status_code == 200
    # The autosave: the session, the user, the course, her attempt, the question saved, then
    # the conditional update of the attempt and the answer: one statement on PostgreSQL, a
    # transaction (here a savepoint) of two updates on SQLite.
    with django_assert_num_queries(6 if connection.vendor == "postgresql" else 9):
        saved = client.post(
            url, {"answer": right(third), "action": "save"}, headers={"X-Requested-With": "fetch"}
        )
        assert saved.json() == {"saved": True}
    # Submit: the session, the user, the course, the attempt, a savepoint and its release,
    # the claim, the responses, their grades, the score, her progress version, the quiz's
    # place in the course and her attempts' tally (may its misses be reviewed yet? not
    # while she may try again), the final-quiz pass.
    with django_assert_num_queries(15):
        client.post(reverse("quiz_summary", args=[course.slug, attempt.pk]))
    results = reverse("quiz_results", args=[course.slug, attempt.pk])
    # The session, the user, the course, the attempt, its quiz, her attempts, her
    # accommodation, the responses, and which lessons of the course they come from, with
    # those lessons (the review shows answers after each attempt here).
    with django_assert_num_queries(9):
        assert client.get(results).status_code == 200


def test_a_learner_cannot_reach_someone_elses_results(client, learner, make_user, quiz_course):
    owner = make_user()
    attempt, _ = attempts.start_attempt(owner, quiz_course.final_quiz)
    quizzes.submit(attempt)
    client.force_login(learner)
    assert (
        client.get(reverse("quiz_results", args=[quiz_course.slug, attempt.pk])).status_code == 404
    )
    other_course_url = reverse("quiz_results", args=["cours-inconnu", attempt.pk])
    client.force_login(owner)
    assert client.get(other_course_url).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_concurrent_submits_grade_the_attempt_once(learner, quiz_course):
    """Eight requests submit the same attempt at the same moment, each on its own
    connection: exactly one grades it, the others find it graded."""
    if connection.vendor == "sqlite":
        pytest.skip(
            "runs in CI's PostgreSQL pass: SQLite's in-memory test database is one connection"
        )
    enrol(learner, quiz_course)
    attempt, _ = attempts.start_attempt(learner, quiz_course.final_quiz)
    for response in attempt.responses.all():
        attempts.save_answer(attempt, response, right(response))
    url = reverse("quiz_summary", args=[quiz_course.slug, attempt.pk])
    barrier = threading.Barrier(8)
    outcomes = []

    def submit():
        client = Client()
        client.force_login(learner)
        barrier.wait()
        try:
            outcomes.append(client.post(url).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert outcomes == [302] * 8
    attempt.refresh_from_db()
    assert (attempt.state, attempt.score, attempt.passed) == ("submitted", 5, True)
    enrolment_passes = quiz_course.enrolments.filter(final_quiz_passed_at__isnull=False).count()
    assert enrolment_passes == 1


SQLITE_SUBMITS = """
import threading
from django.core.management import call_command
from django.db import connection
from elearning.models import Course, Enrolment, User
from elearning.progress import enrol
from elearning import quizzes
from quiz import attempts
from quiz.models import Attempt, Choice, Question, Quiz, QuizQuestion

call_command("migrate", verbosity=0)
learner = User.objects.create_user(email="l@example.com", first_name="L", last_name="D")
course = Course.objects.create(title="C", slug="c", is_published=True)
quiz = Quiz.objects.create(title="Q", feedback_mode="deferred", bank=course.bank)
course.final_quiz = quiz
course.save()
for n in range(5):
    question = Question.objects.create(bank=course.bank, text=f"Q{n}", status="published")
    QuizQuestion.objects.create(quiz=quiz, question=question)
    Choice.objects.create(question=question, text="Bonne", is_correct=True)
    Choice.objects.create(question=question, text="Fausse")
enrol(learner, course)
attempt, _ = attempts.start_attempt(learner, quiz)
for response in attempt.responses.all():
    attempts.save_answer(attempt, response, [c["id"] for c in response.choices if c["correct"]])
connection.close()
barrier = threading.Barrier(8)
graded, errors = [], []

def submit():
    try:
        mine = Attempt.objects.get(pk=attempt.pk)
        barrier.wait()
        graded.append(quizzes.submit(mine))
    except Exception as exc:
        errors.append(repr(exc))
    finally:
        connection.close()

threads = [threading.Thread(target=submit) for _ in range(8)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join(60)
attempt.refresh_from_db()
passes = Enrolment.objects.filter(final_quiz_passed_at__isnull=False).count()
print(graded.count(True), graded.count(False), len(errors), attempt.score, passes)
"""


def test_concurrent_submits_grade_the_attempt_once_on_sqlite(tmp_path):
    """The same race on SQLite, in a fresh process with a database file (the test
    database is in memory, one connection): eight threads submit at once."""
    from tests.elearning.test_settings import run_django

    result = run_django(SQLITE_SUBMITS, {}, tmp_path)
    assert result.returncode == 0, result.stderr
    graded, refused, errors, score, passes = result.stdout.split()
    assert (graded, refused, errors) == ("1", "7", "0")
    assert score == "5.0000"
    assert passes == "1"  # the pass recorded once, by the one graded submit


@pytest.mark.django_db(transaction=True)
def test_answers_saved_during_a_submit_are_graded_or_refused(learner, quiz_course):
    """Each question's answer is saved by its own request while another submits: an
    answer is either saved before the grading, and graded, or refused; never saved after
    it. (On PostgreSQL the save is one statement whose claim takes the attempt's lock.)"""
    if connection.vendor == "sqlite":
        pytest.skip(
            "runs in CI's PostgreSQL pass: SQLite's in-memory test database is one connection"
        )
    from tests.elearning.races import graded_as_saved, race_saves_against_submit

    enrol(learner, quiz_course)
    attempt, _ = attempts.start_attempt(learner, quiz_course.final_quiz)
    outcomes, errors = race_saves_against_submit(attempt.pk)
    assert errors == []
    assert set(outcomes.values()) <= {"saved", "AttemptClosed"}
    assert len(outcomes) == 5
    assert all(graded_as_saved(attempt.pk).values())
    attempt.refresh_from_db()
    assert attempt.state == "submitted"
    assert attempt.score == sum(1 for outcome in outcomes.values() if outcome == "saved")


SQLITE_SAVES = """
import json
from django.core.management import call_command
from elearning.models import Course, Enrolment, User
from elearning.progress import enrol
from quiz import attempts
from quiz.models import Attempt, Choice, Question, Quiz, QuizQuestion
from tests.elearning.races import graded_as_saved, race_saves_against_submit

call_command("migrate", verbosity=0)
learner = User.objects.create_user(email="l@example.com", first_name="L", last_name="D")
course = Course.objects.create(title="C", slug="c", is_published=True)
quiz = Quiz.objects.create(title="Q", feedback_mode="deferred", bank=course.bank)
course.final_quiz = quiz
course.save()
for n in range(5):
    question = Question.objects.create(bank=course.bank, text=f"Q{n}", status="published")
    QuizQuestion.objects.create(quiz=quiz, question=question)
    Choice.objects.create(question=question, text="Bonne", is_correct=True)
    Choice.objects.create(question=question, text="Fausse")
enrol(learner, course)
attempt, _ = attempts.start_attempt(learner, quiz)
outcomes, errors = race_saves_against_submit(attempt.pk)
attempt.refresh_from_db()
print(json.dumps({
    "outcomes": sorted(outcomes.values()),
    "errors": errors,
    "graded_as_saved": all(graded_as_saved(attempt.pk).values()),
    "state": attempt.state,
    "score": str(attempt.score),
}))
"""


def test_answers_saved_during_a_submit_are_graded_or_refused_on_sqlite(tmp_path):
    """The same race on SQLite (the transaction path), in a fresh process."""
    import json

    from tests.elearning.test_settings import run_django

    result = run_django(SQLITE_SAVES, {}, tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["errors"] == []
    assert len(report["outcomes"]) == 5
    assert set(report["outcomes"]) <= {"saved", "AttemptClosed"}
    assert report["graded_as_saved"] is True
    assert report["state"] == "submitted"
    assert float(report["score"]) == report["outcomes"].count("saved")
