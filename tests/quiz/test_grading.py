"""The grading rules, as a table (quiz/grading.py)."""

from decimal import Decimal
from types import SimpleNamespace

import pytest

from quiz import grading

# Choices 1..n; ``right`` are the correct ones.
CASES = [
    # kind, right, all, picked, points, partial, expected points, correct
    ("single", {1}, {1, 2, 3}, {1}, 1, False, "1", True),
    ("single", {1}, {1, 2, 3}, {2}, 1, False, "0", False),
    ("single", {1}, {1, 2, 3}, set(), 1, False, "0", False),
    ("single", {1}, {1, 2, 3}, {1}, 3, False, "3", True),
    ("true_false", {1}, {1, 2}, {1}, 2, False, "2", True),
    ("true_false", {1}, {1, 2}, {2}, 2, False, "0", False),
    # Partial credit on a single choice changes nothing.
    ("single", {1}, {1, 2, 3}, {2}, 1, True, "0", False),
    # Multiple response, all or nothing.
    ("multiple", {1, 2}, {1, 2, 3, 4}, {1, 2}, 1, False, "1", True),
    ("multiple", {1, 2}, {1, 2, 3, 4}, {1}, 1, False, "0", False),
    ("multiple", {1, 2}, {1, 2, 3, 4}, {1, 2, 3}, 1, False, "0", False),
    # Partial credit: +1/2 per right pick (2 right), -1/2 per wrong pick (2 wrong).
    ("multiple", {1, 2}, {1, 2, 3, 4}, {1, 2}, 1, True, "1", True),
    ("multiple", {1, 2}, {1, 2, 3, 4}, {1}, 1, True, "0.5", False),
    ("multiple", {1, 2}, {1, 2, 3, 4}, {1, 2, 3}, 1, True, "0.5", False),
    ("multiple", {1, 2}, {1, 2, 3, 4}, {1, 3}, 1, True, "0", False),
    ("multiple", {1, 2}, {1, 2, 3, 4}, {1, 3, 4}, 1, True, "0", False),  # never below zero
    ("multiple", {1, 2}, {1, 2, 3, 4}, {3, 4}, 1, True, "0", False),
    ("multiple", {1, 2}, {1, 2, 3, 4}, {1, 2, 3, 4}, 2, True, "0", False),
    ("multiple", {1, 2}, {1, 2, 3, 4}, set(), 1, True, "0", False),
    # Thirds: 3 right, 1 wrong; two right picks earn 2/3, stored to four places.
    ("multiple", {1, 2, 3}, {1, 2, 3, 4}, {1, 2}, 1, True, "0.6667", False),
    ("multiple", {1, 2, 3}, {1, 2, 3, 4}, {1}, 3, True, "1", False),
    ("multiple", {1, 2, 3}, {1, 2, 3, 4}, {1, 2, 4}, 1, True, "0", False),
    # 1 right, 3 wrong: a wrong pick costs a third.
    ("multiple", {1}, {1, 2, 3, 4}, {1, 2}, 3, True, "2", False),
]


@pytest.mark.parametrize(
    ("kind", "right", "all_ids", "picked", "points", "partial", "expected", "correct"), CASES
)
def test_mark_response(kind, right, all_ids, picked, points, partial, expected, correct):
    mark = grading.mark_response(kind, right, all_ids, picked, points, partial)
    assert mark.points == Decimal(expected)
    assert isinstance(mark.points, Decimal)
    assert mark.is_correct is correct


@pytest.mark.parametrize(
    ("score", "max_score", "pass_mark", "passes"),
    [
        ("12", "15", 80, True),  # exactly 80 %
        ("11.9999", "15", 80, False),  # 79.9993 %: no rounding up
        ("11", "15", 80, False),
        ("4", "5", 80, True),
        ("2", "3", 67, False),  # 66.67 % < 67
        ("2", "3", 66, True),
        ("0", "5", 0, True),
        ("5", "5", 100, True),
        ("4.9999", "5", 100, False),
        ("0", "0", 0, False),  # an empty attempt passes nothing
    ],
)
def test_pass_is_exact(score, max_score, pass_mark, passes):
    assert grading.passes(Decimal(score), Decimal(max_score), pass_mark) is passes


def attempt(number, score, max_score="10", day=1):
    return SimpleNamespace(
        number=number, score=Decimal(score), max_score=Decimal(max_score), submitted_at=day
    )


@pytest.mark.parametrize(
    ("method", "attempts", "grading_number"),
    [
        ("highest", [attempt(1, "6", day=1), attempt(2, "9", day=2), attempt(3, "7", day=3)], 2),
        ("latest", [attempt(1, "6", day=1), attempt(2, "9", day=2), attempt(3, "7", day=3)], 3),
        ("highest", [attempt(1, "8", day=1), attempt(2, "8", day=2)], 1),  # earliest on a tie
        # Percentages, not raw points, when attempts drew different maxima.
        ("highest", [attempt(1, "9", "20", day=1), attempt(2, "5", "5", day=2)], 2),
        ("latest", [attempt(1, "9", day=1)], 1),
    ],
)
def test_grade_follows_the_grading_method(method, attempts, grading_number):
    assert grading.grade_of(attempts, method).number == grading_number


def test_no_submitted_attempt_no_grade():
    assert grading.grade_of([], "highest") is None
