"""A quiz's review rule that hides the right answers hides each question's verdict too: a
failed final attempt marked question by question gave away every true/false answer for the
next attempt."""

import pytest
from django.urls import reverse

from quiz.models import Question
from tests.elearning.flows import take_final

pytestmark = pytest.mark.django_db

VERDICTS = ("answer-verdict is-right", "answer-verdict is-wrong", "answer-verdict is-partial")


def results(client, course, attempt):
    response = client.get(reverse("quiz_results", args=[course.slug, attempt.pk]))
    assert response.status_code == 200
    return response.content.decode()


def verdicts_in(page):
    return [verdict for verdict in VERDICTS if verdict in page]


@pytest.fixture
def final_course(client, learner, quiz_course):
    """The final quiz (3 attempts, answers shown after the last or a pass) of true/false
    questions, for a learner signed in."""
    Question.objects.filter(picks__quiz=quiz_course.final_quiz).update(kind="true_false")
    client.force_login(learner)
    return quiz_course


def test_a_failed_attempt_with_attempts_left_marks_no_question(client, final_course):
    attempt = take_final(client, final_course, right_answers=2)
    assert not attempt.passed
    page = results(client, final_course, attempt)
    assert verdicts_in(page) == []
    assert "Right answer" not in page and "Bonne réponse" not in page
    assert 'display-6 mb-1">40&nbsp;%' in page  # her score stays
    assert "after your last attempt or once you pass" in page or "dernière tentative" in page


def test_the_last_attempt_or_a_pass_marks_each_question(client, final_course):
    for _ in range(2):
        take_final(client, final_course, right_answers=2)
    last = take_final(client, final_course, right_answers=2)
    assert set(verdicts_in(results(client, final_course, last))) == {
        "answer-verdict is-right",
        "answer-verdict is-wrong",
    }


def test_a_pass_marks_each_question(client, final_course):
    attempt = take_final(client, final_course, right_answers=4)
    assert attempt.passed
    assert "answer-verdict is-wrong" in results(client, final_course, attempt)


def test_a_quiz_that_never_shows_answers_never_marks_a_question(client, final_course):
    final_course.final_quiz.review_policy = "never"
    final_course.final_quiz.save()
    for _ in range(3):
        attempt = take_final(client, final_course, right_answers=2)
    assert verdicts_in(results(client, final_course, attempt)) == []


def test_a_checkpoint_that_hides_answers_lists_no_missed_question(client, learner, quiz_course):
    from tests.elearning.flows import answer, start
    from tests.quiz.answers import wrong

    lesson = quiz_course.lessons.get(position=1)
    checkpoint = lesson.checkpoint_quiz
    checkpoint.review_policy = "never"
    checkpoint.feedback_mode = "deferred"
    checkpoint.save()
    client.force_login(learner)
    attempt = start(client, quiz_course, checkpoint)
    for response in attempt.responses.all():
        answer(client, quiz_course, attempt, response.position, wrong(response))
    client.post(reverse("quiz_summary", args=[quiz_course.slug, attempt.pk]))
    page = results(client, quiz_course, attempt)
    assert "missed-heading" not in page
    assert verdicts_in(page) == []
