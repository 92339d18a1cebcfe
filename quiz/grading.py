"""Grading rules, in one place: a response's points, an attempt's pass, a learner's grade.

Points are exact: fractions while computing, ``Decimal`` with four places when stored
(a response's points are rounded once, half-even, at grading). The pass is decided on
those stored figures without rounding (points × 100 >= pass mark × maximum); only the
percentage shown to people is rounded (``quiz.percentages``), and never up to a pass that
is not one.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction

from .choices import GradingMethod, QuestionKind
from .percentages import whole_percent

POINTS_PLACES = Decimal("0.0001")


@dataclass(frozen=True)
class Mark:
    points: Decimal
    is_correct: bool


def to_points(value):
    """A fraction of points as stored: Decimal, four places, half-even."""
    fraction = Fraction(value)
    return (Decimal(fraction.numerator) / Decimal(fraction.denominator)).quantize(
        POINTS_PLACES, rounding=ROUND_HALF_EVEN
    )


def mark_response(
    kind, correct_ids, all_ids, selected_ids, points, partial_credit=False, fractions=None
):
    """The points one answer earns.

    Single choice and true/false: all or nothing. Multiple response: all or nothing, or
    with partial credit Moodle's default weights: each right pick earns
    1/(number of right choices) of the points, each wrong pick takes away
    1/(number of wrong choices), never below zero. An empty answer earns nothing.

    A question that came with weights of its own (``fractions``: {choice id: percent},
    Moodle's fractions) is graded by them, as Moodle grades it: a single choice earns the
    weight of the choice picked; a multiple response with partial credit the sum of the
    weights picked; never below 0 % nor above 100 % of the points.
    """
    correct_ids, selected_ids = set(correct_ids), set(selected_ids)
    weighted = kind == QuestionKind.SINGLE or (kind == QuestionKind.MULTIPLE and partial_credit)
    if fractions and weighted and selected_ids:
        return _weighted_mark(fractions, selected_ids, points)
    wrong_ids = set(all_ids) - correct_ids
    is_correct = bool(selected_ids) and selected_ids == correct_ids
    if is_correct:
        return Mark(to_points(points), True)
    if kind != QuestionKind.MULTIPLE or not partial_credit or not selected_ids:
        return Mark(to_points(0), False)
    right_picks = len(selected_ids & correct_ids)
    wrong_picks = len(selected_ids & wrong_ids)
    share = Fraction(right_picks, len(correct_ids))
    if wrong_ids:
        share -= Fraction(wrong_picks, len(wrong_ids))
    return Mark(to_points(max(share, 0) * points), False)


# A share this close to the whole is the whole: Moodle writes a third as 33.33333 %, so three
# of them add up to 99.99999 %.
WHOLE = 1 - Fraction(1, 100_000)


def _weighted_mark(fractions, selected_ids, points):
    share = sum(Fraction(Decimal(str(fractions.get(pk, 0)))) for pk in selected_ids) / 100
    share = min(max(share, Fraction(0)), Fraction(1))
    if share >= WHOLE:
        return Mark(to_points(points), True)
    return Mark(to_points(share * points), False)


def passes(score, max_score, pass_mark):
    """Exact: score × 100 >= pass mark × maximum (an empty quiz passes nothing)."""
    if not max_score:
        return False
    return Decimal(score) * 100 >= Decimal(pass_mark) * Decimal(max_score)


def grade_of(attempts, method):
    """The attempt that gives a learner's grade on a quiz, by its grading method.

    ``attempts`` are submitted attempts with ``score``, ``max_score`` and ``submitted_at``;
    "highest" takes the best percentage (the earliest on a tie), "latest" the last one.
    None when there is none.
    """
    attempts = list(attempts)
    if not attempts:
        return None
    if method == GradingMethod.LATEST:
        return max(attempts, key=lambda a: (a.submitted_at, a.number))
    return max(
        attempts,
        key=lambda a: (
            Fraction(Decimal(a.score)) / Fraction(Decimal(a.max_score)) if a.max_score else 0,
            -a.number,
        ),
    )


@dataclass(frozen=True)
class QuizResult:
    """A learner's standing on one quiz: the grade its grading method gives, and her attempts."""

    attempt_count: int = 0
    in_progress: bool = False
    percent: int | None = None  # None until an attempt is submitted
    passed: bool = False  # the grading attempt passed


def result_of(attempts, method):
    """Her ``QuizResult`` from all her attempts at one quiz (submitted or not)."""
    attempts = list(attempts)
    submitted = [a for a in attempts if a.is_submitted]
    grade = grade_of(submitted, method)
    return QuizResult(
        attempt_count=len(attempts),
        in_progress=len(submitted) < len(attempts),
        percent=None
        if grade is None
        else whole_percent(grade.score, grade.max_score, short_of=grade.pass_mark),
        passed=bool(grade and grade.passed),
    )
