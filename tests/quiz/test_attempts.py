"""Attempts: drawing and shuffling frozen at the start, limits, deadlines, answers, submit."""

import random
from datetime import timedelta

import pytest
import time_machine
from django.db import IntegrityError, transaction
from django.utils import timezone

from quiz import attempts
from quiz.models import Accommodation, Attempt, Category, DrawRule, Question, Response
from tests.quiz.answers import right, wrong

pytestmark = pytest.mark.django_db


def test_draw_takes_so_many_of_each_category_and_every_category_every_time(make_quiz):
    quiz = make_quiz(questions=0, shuffle_questions=True)
    categories = [Category.objects.create(bank=quiz.bank, name=f"Objectif {n}") for n in range(3)]
    for category, size, count in zip(categories, (4, 5, 3), (2, 3, 1), strict=True):
        make_quiz(questions=size, category=category)  # questions of the same bank
        DrawRule.objects.create(quiz=quiz, category=category, count=count)
    seen = set()
    for seed in range(25):
        drawn = attempts.draw_questions(quiz, random.Random(seed))
        assert len(drawn) == 6
        counts = {c.pk: sum(q.category_id == c.pk for q in drawn) for c in categories}
        assert counts == {categories[0].pk: 2, categories[1].pk: 3, categories[2].pk: 1}
        seen.add(tuple(q.pk for q in drawn))
    assert len(seen) > 1  # the draw does vary between attempts
    assert attempts.questions_per_attempt(quiz) == 6


def test_drafts_never_reach_an_attempt(make_quiz, learner):
    quiz = make_quiz(questions=3)
    Question.objects.filter(picks__quiz=quiz, picks__position=2).update(status="draft")
    attempt, _ = attempts.start_attempt(learner, quiz)
    assert [r.question.picks.get().position for r in attempt.responses.all()] == [1, 3]


def test_a_quiz_shows_its_picks_in_order_then_draws_from_its_bank_among_the_others(
    make_quiz, learner
):
    quiz = make_quiz(questions=2)
    category = Category.objects.create(bank=quiz.bank, name="Signes")
    picked = quiz.questions.order_by("picks__position")
    picked.filter(picks__position=1).update(category=category)
    drawable = make_quiz(questions=3, category=category).questions.all()  # same bank
    make_quiz(questions=2, category=Category.objects.create(bank=quiz.bank, name="Autre"))
    other_bank = make_quiz(questions=2)
    DrawRule.objects.create(quiz=quiz, category=category, count=2)
    for seed in range(10):
        drawn = attempts.draw_questions(quiz, random.Random(seed))
        assert drawn[:2] == list(picked)
        assert len(drawn) == 4 and set(drawn[2:]) < set(drawable)
        assert [q.number for q in drawn[2:]] == sorted(q.number for q in drawn[2:])
        assert not set(drawn) & set(other_bank.questions.all())
    assert attempts.questions_per_attempt(quiz) == 4


def test_a_question_edited_in_the_bank_changes_in_every_quiz_but_not_in_attempts(
    make_quiz, learner
):
    first = make_quiz(questions=1)
    second = make_quiz(questions=0, bank=first.bank)
    question = first.questions.get()
    second.picks.create(question=question)
    attempt, _ = attempts.start_attempt(learner, first)
    question.text = "Reformulée"
    question.save()
    assert second.questions.get().text == "Reformulée"
    assert attempt.responses.get().question_text != "Reformulée"


def test_order_and_choices_are_frozen_at_the_start(make_quiz, learner):
    quiz = make_quiz(questions=6, shuffle_questions=True, shuffle_choices=True)
    attempt, created = attempts.start_attempt(learner, quiz, rng=random.Random(3))
    assert created
    before = [(r.question_id, [c["id"] for c in r.choices]) for r in attempt.responses.all()]
    # Starting again (a reload, a new session) resumes the same attempt, same order.
    again, created = attempts.start_attempt(learner, quiz, rng=random.Random(4))
    assert (again.pk, created) == (attempt.pk, False)
    after = [(r.question_id, [c["id"] for c in r.choices]) for r in again.responses.all()]
    assert after == before
    assert [q for q, _ in before] != sorted(q for q, _ in before)  # it was shuffled


def test_true_false_keeps_its_order_when_choices_are_shuffled(make_quiz, learner):
    quiz = make_quiz(questions=5, kinds=dict.fromkeys(range(1, 6), "true_false"))
    quiz.shuffle_choices = True
    quiz.save()
    attempt, _ = attempts.start_attempt(learner, quiz)
    assert {tuple(c["text"] for c in r.choices) for r in attempt.responses.all()} == {
        ("Vrai", "Faux")
    }


def test_one_attempt_in_progress_is_enforced_by_the_database(make_quiz, learner):
    quiz = make_quiz()
    attempt, _ = attempts.start_attempt(learner, quiz)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attempt.objects.create(
            learner=learner,
            quiz=quiz,
            number=2,
            started_at=timezone.now(),
            pass_mark=80,
            feedback_mode="deferred",
            review_policy="never",
            max_score=3,
        )
    attempts.submit_attempt(attempt)
    second, created = attempts.start_attempt(learner, quiz)
    assert created and second.number == 2


def test_beyond_the_maximum_a_new_attempt_is_refused(make_quiz, learner):
    quiz = make_quiz(max_attempts=2)
    for _ in range(2):
        attempt, _ = attempts.start_attempt(learner, quiz)
        attempts.submit_attempt(attempt)
    with pytest.raises(attempts.NoAttemptsLeft):
        attempts.start_attempt(learner, quiz)
    assert Attempt.objects.count() == 2


def test_an_extra_attempt_granted_to_one_learner(make_quiz, learner, make_user):
    quiz = make_quiz(max_attempts=1)
    other = make_user()
    Accommodation.objects.create(learner=learner, quiz=quiz, extra_attempts=1)
    for person in (learner, other):
        attempt, _ = attempts.start_attempt(person, quiz)
        attempts.submit_attempt(attempt)
    second, created = attempts.start_attempt(learner, quiz)
    assert created and second.number == 2
    with pytest.raises(attempts.NoAttemptsLeft):
        attempts.start_attempt(other, quiz)


def test_extra_time_moves_the_deadline(make_quiz, learner, make_user):
    quiz = make_quiz(time_limit_minutes=30)
    Accommodation.objects.create(learner=learner, quiz=quiz, extra_minutes=10)
    now = timezone.now()
    with_extra, _ = attempts.start_attempt(learner, quiz, now=now)
    plain, _ = attempts.start_attempt(make_user(), quiz, now=now)
    assert with_extra.deadline - now == timedelta(minutes=40)
    assert plain.deadline - now == timedelta(minutes=30)


def test_an_answer_after_the_deadline_is_refused_and_not_saved(make_quiz, learner):
    quiz = make_quiz(time_limit_minutes=30)
    with time_machine.travel("2026-11-25 10:00 +0000", tick=False):
        attempt, _ = attempts.start_attempt(learner, quiz)
        first, second = list(attempt.responses.all())[:2]
        attempts.save_answer(attempt, first, right(first))
    with time_machine.travel("2026-11-25 10:29:59 +0000", tick=False):
        attempts.save_answer(attempt, first, right(first))
    with (
        time_machine.travel("2026-11-25 10:30 +0000", tick=False),
        pytest.raises(attempts.DeadlinePassed),
    ):
        attempts.save_answer(attempt, second, right(second))
    second.refresh_from_db()
    assert second.selected == []


def test_saving_validates_the_choices_against_the_question(make_quiz, learner):
    quiz = make_quiz(questions=2)
    attempt, _ = attempts.start_attempt(learner, quiz)
    first, second = attempt.responses.all()
    with pytest.raises(ValueError):
        attempts.save_answer(attempt, first, right(second))
    with pytest.raises(ValueError):
        attempts.save_answer(attempt, first, [c["id"] for c in first.choices][:2])


def test_immediate_check_grades_and_locks_the_answer(make_quiz, learner):
    quiz = make_quiz(questions=2)
    attempt, _ = attempts.start_attempt(learner, quiz)
    first = attempt.responses.first()
    attempts.check_answer(attempt, first, wrong(first))
    first.refresh_from_db()
    assert (first.is_locked, first.is_correct, first.points_awarded) == (True, False, 0)
    with pytest.raises(attempts.AnswerLocked):
        attempts.save_answer(attempt, first, right(first))
    with pytest.raises(attempts.AnswerLocked):
        attempts.check_answer(attempt, first, right(first))
    first.refresh_from_db()
    assert first.selected == wrong(first)


def test_a_save_read_before_a_check_in_another_tab_is_refused(make_quiz, learner):
    """The save's request read the answer unlocked; another tab checked it meanwhile:
    the database's condition refuses the save, and the checked answer stays."""
    quiz = make_quiz(questions=2)
    attempt, _ = attempts.start_attempt(learner, quiz)
    first = attempt.responses.first()
    stale = attempt.responses.get(pk=first.pk)
    attempts.check_answer(attempt, first, wrong(first))
    with pytest.raises(attempts.AnswerLocked):
        attempts.save_answer(attempt, stale, right(stale))
    first.refresh_from_db()
    assert (first.selected, first.is_correct) == (wrong(first), False)


def test_deferred_quiz_refuses_checking(make_quiz, learner):
    quiz = make_quiz(feedback_mode="deferred")
    attempt, _ = attempts.start_attempt(learner, quiz)
    response = attempt.responses.first()
    with pytest.raises(attempts.QuizRefusal):
        attempts.check_answer(attempt, response, right(response))
    response.refresh_from_db()
    assert not response.is_locked


def test_submit_grades_what_was_saved_once(make_quiz, learner):
    quiz = make_quiz(questions=5, pass_mark=80, kinds={5: "multiple"})
    attempt, _ = attempts.start_attempt(learner, quiz)
    responses = list(attempt.responses.all())
    for response in responses[:4]:
        attempts.save_answer(attempt, response, right(response))
    assert attempts.submit_attempt(attempt) is True
    attempt.refresh_from_db()
    assert (attempt.state, attempt.score, attempt.max_score, attempt.passed) == (
        "submitted",
        4,
        5,
        True,
    )
    assert [r.is_correct for r in attempt.responses.all()] == [True] * 4 + [False]
    # A second submit (a double click, a second tab) changes nothing.
    assert attempts.submit_attempt(attempt) is False
    with pytest.raises(attempts.AttemptClosed):
        attempts.save_answer(attempt, responses[4], right(responses[4]))
    attempt.refresh_from_db()
    assert attempt.score == 4


def test_an_edit_after_the_attempt_never_rewrites_it(make_quiz, learner):
    quiz = make_quiz(questions=1)
    attempt, _ = attempts.start_attempt(learner, quiz)
    response = attempt.responses.get()
    attempts.save_answer(attempt, response, right(response))
    question = response.question
    question.text = "Texte réécrit"
    question.save()
    good = question.choices.get(is_correct=True)
    good.is_correct, good.text = False, "Plus bonne"
    good.save()
    question.choices.filter(text="Fausse").update(is_correct=True)
    attempts.submit_attempt(attempt)
    response.refresh_from_db()
    attempt.refresh_from_db()
    assert response.question_text == f"Question 1 du quiz {quiz.title.split()[-1]} ?"
    assert response.choices[0]["text"] == "Bonne"
    assert response.is_correct and attempt.score == 1


def test_a_question_with_responses_cannot_be_deleted(make_quiz, learner):
    from django.db.models import ProtectedError

    quiz = make_quiz(questions=1)
    attempts.start_attempt(learner, quiz)
    question = quiz.questions.get()
    with pytest.raises(ProtectedError):
        question.delete()
    assert Response.objects.filter(question=question).exists()
