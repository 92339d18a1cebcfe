"""Confidence-based marking on a checkpoint (issue 15, part 6): she says how sure she is
with each checked answer; nothing is checked without it; the verdict says the mark; the
results say how well her confidence matched; a confident miss comes back for review the
same day; the grade stays the share of right answers."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from quiz.models import Quiz, ReviewCard
from quiz.spaced_review import end_of_today
from quiz.typography import french
from tests.elearning.flows import question_url, start
from tests.quiz.answers import right, wrong

pytestmark = pytest.mark.django_db

NOT_SURE, FAIRLY_SURE, SURE = 1, 2, 3


@pytest.fixture
def cbm_course(quiz_course):
    quiz = quiz_course.lessons.get(position=1).checkpoint_quiz
    quiz.confidence_marking = True
    quiz.save()
    return quiz_course


def checkpoint(course):
    return course.lessons.get(position=1).checkpoint_quiz


def check(client, course, attempt, position, picks, confidence=None):
    data = {"answer": [str(pk) for pk in picks], "action": "check"}
    if confidence is not None:
        data["confidence"] = str(confidence)
    return client.post(question_url(course, attempt, position), data)


def text_of(response):
    return response.content.decode()


def test_the_question_asks_how_sure_she_is_only_where_the_quiz_uses_it(
    client, learner, cbm_course, quiz_course
):
    client.force_login(learner)
    attempt = start(client, cbm_course, checkpoint(cbm_course))
    page = text_of(client.get(question_url(cbm_course, attempt, 1)))
    assert 'name="confidence"' in page
    assert french("Quelle est votre certitude ?") in page
    assert all(label in page for label in ("Je doute", "Je crois savoir", "Je sais"))
    final = start(client, cbm_course, cbm_course.final_quiz)
    assert 'name="confidence"' not in text_of(client.get(question_url(cbm_course, final, 1)))


@pytest.mark.parametrize("confidence", [None, "", "9", "abc", "0"])
def test_no_answer_is_checked_without_a_valid_confidence(client, learner, cbm_course, confidence):
    client.force_login(learner)
    attempt = start(client, cbm_course, checkpoint(cbm_course))
    first = attempt.responses.get(position=1)
    data = {"answer": [str(pk) for pk in right(first)], "action": "check"}
    if confidence is not None:
        data["confidence"] = confidence
    reply = client.post(question_url(cbm_course, attempt, 1), data)
    first.refresh_from_db()
    assert not first.is_locked and first.confidence is None and first.is_correct is None
    if reply.status_code == 302:  # refused by the rule, with its message; her pick kept
        said = [str(m) for m in get_messages(reply.wsgi_request)]
        assert said == [french("Indiquez votre certitude avant de vérifier votre réponse.")]
        assert first.selected == right(first)
    else:  # refused by the form, on the page
        assert reply.status_code == 400
        assert french("Choisissez l'une des trois réponses") in text_of(reply)


def test_a_checked_answer_keeps_her_confidence_and_the_verdict_says_its_mark(
    client, learner, cbm_course
):
    client.force_login(learner)
    attempt = start(client, cbm_course, checkpoint(cbm_course))
    first = attempt.responses.get(position=1)
    check(client, cbm_course, attempt, 1, wrong(first), SURE)
    first.refresh_from_db()
    assert first.is_locked and first.is_correct is False and first.confidence == SURE
    page = text_of(client.get(question_url(cbm_course, attempt, 1)))
    assert french("Vous avez répondu « je sais » : −6.") in page
    second = attempt.responses.get(position=2)
    check(client, cbm_course, attempt, 2, right(second), FAIRLY_SURE)
    page = text_of(client.get(question_url(cbm_course, attempt, 2)))
    assert french("Vous avez répondu « je crois savoir » : +2.") in page


def test_a_quiz_without_it_keeps_no_confidence_even_when_one_is_posted(
    client, learner, quiz_course
):
    client.force_login(learner)
    attempt = start(client, quiz_course, checkpoint(quiz_course))
    first = attempt.responses.get(position=1)
    check(client, quiz_course, attempt, 1, right(first), SURE)
    first.refresh_from_db()
    assert first.is_locked and first.confidence is None
    assert "Vous avez répondu" not in text_of(client.get(question_url(quiz_course, attempt, 1)))


def test_the_results_say_the_marks_and_how_well_her_confidence_matched(client, learner, cbm_course):
    client.force_login(learner)
    attempt = start(client, cbm_course, checkpoint(cbm_course))
    responses = list(attempt.responses.order_by("position"))
    check(client, cbm_course, attempt, 1, right(responses[0]), SURE)  # +3
    check(client, cbm_course, attempt, 2, wrong(responses[1]), SURE)  # -6
    check(client, cbm_course, attempt, 3, right(responses[2]), NOT_SURE)  # +1
    client.post(question_url(cbm_course, attempt, 3), {"action": "finish"})
    attempt.refresh_from_db()
    assert attempt.is_submitted
    # The grade stays the share of right answers: 2 of 3.
    assert attempt.percent == 67
    page = text_of(client.get(reverse("quiz_results", args=[cbm_course.slug, attempt.pk])))
    assert french("Notes selon la certitude : −2 sur 9.") in page
    assert french("« Je sais » : 1 bonne réponse sur 2.") in page
    assert french("Plus de certitude que de bonnes réponses") in page
    assert french("« Je doute » : 1 bonne réponse sur 1.") in page
    assert french("Vous en saviez plus que vous ne le disiez") in page


def test_a_confident_miss_comes_back_the_same_day_an_unsure_one_tomorrow(
    client, learner, cbm_course
):
    client.force_login(learner)
    attempt = start(client, cbm_course, checkpoint(cbm_course))
    first, second = attempt.responses.order_by("position")[:2]
    check(client, cbm_course, attempt, 1, wrong(first), SURE)
    check(client, cbm_course, attempt, 2, wrong(second), NOT_SURE)
    sure = ReviewCard.objects.get(learner=learner, question=first.question)
    unsure = ReviewCard.objects.get(learner=learner, question=second.question)
    assert sure.due <= timezone.now()
    assert unsure.due >= end_of_today()
    assert unsure.due - sure.due > timedelta(hours=1)


def test_confidence_marking_needs_immediate_feedback(make_quiz):
    quiz = make_quiz(feedback_mode="deferred")
    quiz.confidence_marking = True
    with pytest.raises(Exception) as refused:
        quiz.full_clean()
    assert "immediate feedback" in str(refused.value) or "immédiat" in str(refused.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        Quiz.objects.filter(pk=quiz.pk).update(confidence_marking=True)
