"""Spaced review's scheduling (quiz.spaced_review): FSRS cards for the questions a learner
missed, queued once, rescheduled by her answers, never touching attempts or grades."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import IntegrityError, transaction

from quiz import spaced_review
from quiz.models import Attempt, Response, ReviewCard

pytestmark = pytest.mark.django_db

# 10:00 in Paris, the site's time zone.
MONDAY = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def at(day, hour=9):
    """``day`` days after MONDAY, at ``hour`` (UTC)."""
    return MONDAY.replace(hour=hour) + timedelta(days=day)


def choice_ids(question, correct):
    return [c.pk for c in question.choices.all() if c.is_correct == correct][:1]


@pytest.fixture
def questions(make_quiz):
    return list(make_quiz(questions=3).questions.order_by("pk"))


def queue(learner, questions, when):
    spaced_review.queue_misses(learner.pk, {question.pk: when for question in questions})


def due_on(learner, moment):
    return set(spaced_review.due_today(learner, moment).values_list("question_id", flat=True))


def test_a_question_missed_today_is_due_tomorrow_not_today(learner, questions):
    with time_machine.travel(MONDAY, tick=False):
        queue(learner, questions[:1], MONDAY)
    card = ReviewCard.objects.get()
    assert card.due == MONDAY + timedelta(days=1)
    assert card.last_review == MONDAY
    assert card.state == ReviewCard.State.REVIEW
    assert due_on(learner, at(0, hour=22)) == set()  # 23:00 in Paris: still Monday
    assert due_on(learner, at(1, hour=6)) == {questions[0].pk}  # Tuesday morning
    assert due_on(learner, at(3)) == {questions[0].pk}  # and until she reviews it


def test_due_today_means_before_midnight_in_the_site_time_zone(learner, questions):
    # Missed on Monday at 23:30 in Paris: due on Tuesday at 23:30, so due all Tuesday.
    late = at(0, hour=22) + timedelta(minutes=30)
    queue(learner, questions[:1], late)
    assert due_on(learner, at(1, hour=5)) == {questions[0].pk}
    assert spaced_review.end_of_today(at(1, hour=5)) == datetime(2026, 12, 1, 23, tzinfo=UTC)


def test_queueing_is_idempotent_and_one_card_per_learner_and_question(
    learner, make_user, questions
):
    queue(learner, questions, MONDAY)
    queue(learner, questions, MONDAY)
    other = make_user()
    queue(other, questions[:1], MONDAY)
    assert ReviewCard.objects.filter(learner=learner).count() == 3
    assert ReviewCard.objects.count() == 4
    card = ReviewCard.objects.get(learner=learner, question=questions[0])
    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewCard.objects.create(learner=learner, question=questions[0], due=MONDAY)
    # An older miss than the card's last review was counted already: nothing moves.
    queue(learner, questions[:1], MONDAY - timedelta(days=2))
    assert ReviewCard.objects.get(pk=card.pk).due == card.due


def test_a_new_miss_of_a_queued_question_is_a_lapse(learner, questions):
    queue(learner, questions[:1], MONDAY)
    card = ReviewCard.objects.get()
    with time_machine.travel(at(1), tick=False):
        spaced_review.answer_card(card, choice_ids(questions[0], True))
    card.refresh_from_db()
    assert card.due > at(2)  # a right answer: days away
    stability = card.stability
    queue(learner, questions[:1], at(2))  # missed again in a quiz
    card.refresh_from_db()
    assert card.last_review == at(2)
    assert card.stability < stability
    assert card.due == at(3)


def test_a_right_answer_pushes_the_card_later_and_a_wrong_one_sooner(learner, questions):
    queue(learner, questions[:2], MONDAY)
    right_card, wrong_card = ReviewCard.objects.order_by("question_id")
    with time_machine.travel(at(1), tick=False):
        answered = spaced_review.answer_card(right_card, choice_ids(questions[0], True))
        assert answered.is_correct
        missed = spaced_review.answer_card(wrong_card, choice_ids(questions[1], False))
        assert not missed.is_correct
    right_card.refresh_from_db()
    wrong_card.refresh_from_db()
    # First interval one day; a right answer then gives several, a wrong one a day again.
    assert right_card.due - at(1) > timedelta(days=1)
    assert wrong_card.due == at(2)
    assert right_card.stability > wrong_card.stability
    assert (right_card.last_correct, wrong_card.last_correct) == (True, False)
    assert right_card.last_answer == choice_ids(questions[0], True)
    assert (right_card.review_count, right_card.answered_at) == (1, at(1))
    # Right again when due: the interval grows again.
    first_interval = right_card.due - at(1)
    with time_machine.travel(right_card.due, tick=False):
        reviewed_at = right_card.due
        spaced_review.answer_card(right_card, choice_ids(questions[0], True))
    right_card.refresh_from_db()
    assert right_card.due - reviewed_at > first_interval


def test_a_card_not_due_is_refused_and_nothing_changes(learner, questions):
    queue(learner, questions[:1], MONDAY)
    card = ReviewCard.objects.get()
    with time_machine.travel(at(0, hour=15), tick=False), pytest.raises(spaced_review.CardNotDue):
        spaced_review.answer_card(card, choice_ids(questions[0], True))
    assert ReviewCard.objects.get().due == card.due
    assert ReviewCard.objects.get().review_count == 0


def test_an_empty_answer_is_refused(learner, questions):
    queue(learner, questions[:1], MONDAY)
    card = ReviewCard.objects.get()
    with time_machine.travel(at(1), tick=False), pytest.raises(spaced_review.NoAnswer):
        spaced_review.answer_card(card, [])
    assert ReviewCard.objects.get().review_count == 0


def test_a_multiple_response_is_right_only_when_whole(learner, make_quiz):
    question = make_quiz(questions=1, kinds={1: "multiple"}, title="M").questions.get()
    question.partial_credit = True
    question.save()
    queue(learner, [question], MONDAY)
    card = ReviewCard.objects.get()
    good = [c.pk for c in question.choices.all() if c.is_correct]
    with time_machine.travel(at(1), tick=False):
        half = spaced_review.answer_card(card, good[:1])
    assert half.is_correct is False and half.points_awarded > 0
    card.refresh_from_db()
    with time_machine.travel(card.due, tick=False):
        assert spaced_review.answer_card(card, good).is_correct


def test_reviewing_makes_no_attempt_and_no_response(learner, questions):
    queue(learner, questions[:1], MONDAY)
    with time_machine.travel(at(1), tick=False):
        spaced_review.answer_card(ReviewCard.objects.get(), choice_ids(questions[0], True))
    assert not Attempt.objects.exists() and not Response.objects.exists()


def test_an_unpublished_question_leaves_the_queue(learner, questions):
    queue(learner, questions[:2], MONDAY)
    questions[0].status = "draft"
    questions[0].save()
    assert due_on(learner, at(1)) == {questions[1].pk}
    assert spaced_review.queue_summary(learner, at(1)) == {
        "due_count": 1,
        "total": 1,
        "next_due": None,
    }


SQLITE_RACE = """
from django.core.management import call_command
from django.db import connection
from elearning.models import User
from quiz.models import Bank, Question, ReviewCard
from tests.quiz.races import race_queue_misses

call_command("migrate", verbosity=0)
learner = User.objects.create_user(email="l@example.com", first_name="L", last_name="D")
bank = Bank.objects.create(name="B")
questions = [Question.objects.create(bank=bank, text=f"Q{n}", status="published") for n in range(3)]
connection.close()
errors = race_queue_misses(learner.pk, [question.pk for question in questions])
print(ReviewCard.objects.count(), len(errors), errors)
"""


@pytest.mark.django_db(transaction=True)
def test_misses_queued_at_once_by_several_requests_make_one_card_each(tmp_path, make_user):
    """Eight requests queue the same three misses at the same moment, each on its own
    connection: three cards, no error. On SQLite, in a fresh process with a database file
    (the test database is in memory, one connection)."""
    from django.db import connection

    if connection.vendor == "sqlite":
        from tests.elearning.test_settings import run_django

        result = run_django(SQLITE_RACE, {}, tmp_path)
        assert result.returncode == 0, result.stderr
        assert result.stdout.split(maxsplit=2)[:2] == ["3", "0"], result.stdout
        return
    from quiz.models import Bank, Question
    from tests.quiz.races import race_queue_misses

    learner = make_user()
    bank = Bank.objects.create(name="Course")
    pks = [Question.objects.create(bank=bank, text=f"Q{n}").pk for n in range(3)]
    assert race_queue_misses(learner.pk, pks) == []
    assert ReviewCard.objects.filter(learner=learner).count() == 3
