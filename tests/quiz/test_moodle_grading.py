"""Choices with weights of their own (Moodle's fractions): grading, the rule for sound weights,
and the weights an attempt freezes (quiz/grading.py, quiz/models.py, quiz/attempts.py)."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from quiz import grading
from quiz.attempts import check_answer, start_attempt, submit_attempt
from quiz.models import Choice, Question, validate_choices

THIRD = "33.33333"

# Choices 1..n with their weights in percent.
WEIGHTED = [
    # kind, weights, partial credit, picked, points, expected points, correct
    # Single choice: the weight of the choice picked.
    ("single", {1: "100", 2: "50", 3: "0"}, False, {1}, 1, "1", True),
    ("single", {1: "100", 2: "50", 3: "0"}, False, {2}, 2, "1", False),
    ("single", {1: "100", 2: "50", 3: "0"}, False, {3}, 1, "0", False),
    # A negative weight on a single choice earns nothing, never less.
    ("single", {1: "100", 2: "-50", 3: "0"}, False, {2}, 1, "0", False),
    # Multiple response: the sum of the weights picked.
    ("multiple", {1: "50", 2: "50", 3: "-100", 4: "-100"}, True, {1, 2}, 1, "1", True),
    ("multiple", {1: "50", 2: "50", 3: "-100", 4: "-100"}, True, {1}, 1, "0.5", False),
    # Never below zero.
    ("multiple", {1: "50", 2: "50", 3: "-100", 4: "-100"}, True, {1, 3}, 1, "0", False),
    ("multiple", {1: "50", 2: "50", 3: "-100", 4: "-100"}, True, {3, 4}, 1, "0", False),
    # A wrong choice of weight 0 costs nothing: the whole is still earned.
    ("multiple", {1: "50", 2: "50", 3: "0"}, True, {1, 2, 3}, 1, "1", True),
    ("multiple", {1: "75", 2: "25", 3: "-25"}, True, {1, 3}, 4, "2", False),
    # Thirds written as Moodle writes them add up to the whole.
    ("multiple", {1: THIRD, 2: THIRD, 3: THIRD, 4: "-100"}, True, {1, 2, 3}, 3, "3", True),
    ("multiple", {1: THIRD, 2: THIRD, 3: THIRD, 4: "-100"}, True, {1, 2}, 3, "2", False),
    # Nothing picked earns nothing.
    ("multiple", {1: "50", 2: "50", 3: "-100"}, True, set(), 1, "0", False),
    ("single", {1: "100", 2: "50"}, False, set(), 1, "0", False),
]


@pytest.mark.parametrize(
    ("kind", "weights", "partial", "picked", "points", "expected", "correct"), WEIGHTED
)
def test_weighted_choices_earn_their_weights(
    kind, weights, partial, picked, points, expected, correct
):
    right = {pk for pk, weight in weights.items() if Decimal(weight) > 0}
    if kind == "single":
        right = {pk for pk, weight in weights.items() if Decimal(weight) == 100}
    mark = grading.mark_response(
        kind, right, set(weights), picked, points, partial, fractions=weights
    )
    assert mark.points == Decimal(expected)
    assert mark.is_correct is correct


def test_a_multiple_response_without_partial_credit_ignores_its_weights():
    weights = {1: "50", 2: "50", 3: "0"}
    mark = grading.mark_response("multiple", {1, 2}, {1, 2, 3}, {1}, 1, False, fractions=weights)
    assert (mark.points, mark.is_correct) == (Decimal(0), False)


def test_without_weights_the_rules_stay_as_they_were():
    mark = grading.mark_response("single", {1}, {1, 2, 3}, {2}, 1, False, fractions={})
    assert (mark.points, mark.is_correct) == (Decimal(0), False)
    mark = grading.mark_response("multiple", {1, 2}, {1, 2, 3, 4}, {1}, 1, True, fractions=None)
    assert mark.points == Decimal("0.5")


# The rule for sound weights ---------------------------------------------------------------

SOUND = [
    ("single", [("a", True, "100"), ("b", False, "50"), ("c", False, "-50")]),
    ("multiple", [("a", True, THIRD), ("b", True, THIRD), ("c", True, THIRD), ("d", False, "0")]),
    ("multiple", [("a", True, "50"), ("b", True, "50"), ("c", False, "-100")]),
    ("single", [("a", True, None), ("b", False, None)]),
]


@pytest.mark.parametrize(("kind", "choices"), SOUND)
def test_sound_weights_pass(kind, choices):
    validate_choices(kind, choices)


UNSOUND = [
    ("true_false", [("Vrai", True, "100"), ("Faux", False, "0")], "weights_on_true_false"),
    ("single", [("a", True, "100"), ("b", False, None)], "weights_missing"),
    ("single", [("a", True, "150"), ("b", False, "0")], "weight_out_of_range"),
    ("single", [("a", True, "90"), ("b", False, "0")], "single_weights"),
    ("single", [("a", False, "100"), ("b", True, "0")], "single_weights"),
    ("multiple", [("a", True, "50"), ("b", False, "50"), ("c", False, "0")], "multiple_weights"),
    (
        "multiple",
        [("a", True, "33"), ("b", True, THIRD), ("c", True, THIRD), ("d", False, "0")],
        "weights_sum",
    ),
]


@pytest.mark.parametrize(("kind", "choices", "code"), UNSOUND)
def test_unsound_weights_are_refused_with_their_reason(kind, choices, code):
    with pytest.raises(ValidationError) as refused:
        validate_choices(kind, choices)
    assert code in {error.code for error in refused.value.error_list}


def test_the_sum_is_said_in_the_message():
    choices = [("a", True, "40"), ("b", True, "40"), ("c", False, "0")]
    with pytest.raises(ValidationError) as refused:
        validate_choices("multiple", choices)
    assert "80" in " ".join(refused.value.messages)


# Attempts freeze the weights and are graded by them --------------------------------------


def weigh(question, weights):
    for choice, weight in zip(question.choices.order_by("position"), weights, strict=True):
        choice.fraction = None if weight is None else Decimal(weight)
        choice.save()


def test_an_attempt_freezes_the_weights_and_grades_by_them(make_quiz, learner):
    quiz = make_quiz(questions=1, kinds={1: "multiple"}, feedback_mode="deferred")
    question = quiz.questions.get()
    question.partial_credit = True
    question.save()
    # Bonne, Aussi bonne (right), Fausse, Autre (wrong).
    weigh(question, ["75", "25", "-100", "0"])
    attempt, _created = start_attempt(learner, quiz)
    response = attempt.responses.get()
    assert {c["text"]: c.get("fraction") for c in response.choices} == {
        "Bonne": "75.00000",
        "Aussi bonne": "25.00000",
        "Fausse": "-100.00000",
        "Autre": "0.00000",
    }
    # An edit after the start changes nothing for this attempt.
    weigh(question, ["50", "50", "-100", "0"])
    ids = {c["text"]: c["id"] for c in response.choices}
    response.selected = [ids["Bonne"], ids["Autre"]]
    response.save()
    submit_attempt(attempt)
    response.refresh_from_db()
    assert response.points_awarded == Decimal("0.75")
    assert response.is_correct is False


def test_a_checked_single_choice_earns_its_weight(make_quiz, learner):
    quiz = make_quiz(questions=1)
    question = quiz.questions.get()
    weigh(question, ["100", "50", "0"])  # Bonne, Fausse, Autre
    attempt, _created = start_attempt(learner, quiz)
    response = attempt.responses.get()
    half = next(c["id"] for c in response.choices if c["text"] == "Fausse")
    check_answer(attempt, response, [half])
    assert response.points_awarded == Decimal("0.5")


def test_choices_without_weights_freeze_as_before(make_quiz, learner):
    quiz = make_quiz(questions=1)
    attempt, _created = start_attempt(learner, quiz)
    assert all(
        set(c) == {"id", "text", "correct", "feedback"} for c in attempt.responses.get().choices
    )


def test_the_database_refuses_a_weight_beyond_100(make_quiz):
    from django.db import IntegrityError, transaction

    question = Question.objects.filter(pk__in=make_quiz(questions=1).questions.all()).get()
    with pytest.raises(IntegrityError), transaction.atomic():
        Choice.objects.create(question=question, position=9, text="x", fraction=Decimal("101"))
