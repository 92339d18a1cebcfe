"""Confidence-based marking (quiz.confidence): Moodle's table, the windows a level is the best
bet in, and an attempt's summary."""

from decimal import Decimal
from fractions import Fraction

import pytest

from quiz.choices import Confidence
from quiz.confidence import Calibration, cbm_mark, summarise


@pytest.mark.parametrize(
    ("share", "confidence", "mark"),
    [
        (1, Confidence.NOT_SURE, 1),
        (0, Confidence.NOT_SURE, 0),
        (1, Confidence.FAIRLY_SURE, 2),
        (0, Confidence.FAIRLY_SURE, -2),
        (1, Confidence.SURE, 3),
        (0, Confidence.SURE, -6),
        # A partly right answer earns its share of the right mark, never the wrong one.
        (Fraction(1, 2), Confidence.SURE, Fraction(3, 2)),
        (Fraction(1, 3), Confidence.FAIRLY_SURE, Fraction(2, 3)),
    ],
)
def test_each_answer_is_marked_by_moodles_table(share, confidence, mark):
    assert cbm_mark(share, confidence) == mark


def test_an_attempt_adds_its_marks_weighted_by_points_against_three_a_point():
    summary = summarise(
        [
            (1, 1, Confidence.SURE),  # +3
            (0, 1, Confidence.SURE),  # -6
            (1, 2, Confidence.FAIRLY_SURE),  # +4 (two points)
            (0, 1, None),  # not said: not sure, 0
        ]
    )
    assert summary.total == Decimal("1.00")
    assert summary.best == Decimal("15.00")
    assert summary.average == Decimal("0.25")


@pytest.mark.parametrize(
    ("confidence", "right", "answers", "calibration"),
    [
        # "Sure" pays above 80 % right: 4 of 5 is in its window, 3 of 5 is over-confident.
        (Confidence.SURE, 4, 5, Calibration.MATCHED),
        (Confidence.SURE, 3, 5, Calibration.OVER),
        # "Fairly sure" between 67 % and 80 %: always right there, she could say "sure".
        (Confidence.FAIRLY_SURE, 3, 4, Calibration.MATCHED),
        (Confidence.FAIRLY_SURE, 4, 4, Calibration.UNDER),
        (Confidence.FAIRLY_SURE, 1, 2, Calibration.OVER),
        # "Not sure" below 67 %: right 3 times in 3, she knew more than she said.
        (Confidence.NOT_SURE, 1, 2, Calibration.MATCHED),
        (Confidence.NOT_SURE, 3, 3, Calibration.UNDER),
    ],
)
def test_each_level_says_whether_her_confidence_matched(confidence, right, answers, calibration):
    rows = [(1, 1, confidence)] * right + [(0, 1, confidence)] * (answers - right)
    (level,) = summarise(rows).levels
    assert (level.answers, level.right) == (answers, right)
    assert level.calibration == calibration


def test_only_the_levels_she_used_are_summarised():
    levels = summarise([(1, 1, Confidence.SURE), (1, 1, Confidence.NOT_SURE)]).levels
    assert [level.confidence for level in levels] == [Confidence.NOT_SURE, Confidence.SURE]
