"""The one rule for a percentage shown to people (quiz/percentages.py)."""

from decimal import Decimal

import pytest

from quiz.percentages import whole_percent


@pytest.mark.parametrize(
    ("part", "whole", "short_of", "shown"),
    [
        (1, 6, None, 17),  # 16.67: nearest, not truncated to 16
        (1, 3, None, 33),
        (2, 3, None, 67),
        (1, 8, None, 13),  # 12.5: halves up
        (5, 8, None, 63),  # 62.5: halves up, not to the even 62
        (0, 6, None, 0),
        (6, 6, None, 100),
        (199, 200, None, 99),  # 99.5 is not everything
        (Decimal("11.9999"), 15, 80, 79),  # 79.9993 % never shows the pass mark
        (Decimal("11.94"), 15, 80, 79),  # 79.6 %
        (Decimal("11.94"), 15, 70, 80),  # the same share, well over another pass mark
        (12, 15, 80, 80),  # exactly the pass mark
        (Decimal("2.5"), 4, 80, 63),  # 62.5, far from the mark: halves up
        (Decimal("9.9999"), 10, 80, 99),  # 99.999 % is not 100
        (None, 10, 80, 0),  # not graded
        (0, 0, None, 0),  # nothing of nothing
    ],
)
def test_whole_percent_rounds_to_nearest_but_never_up_to_a_mark_not_reached(
    part, whole, short_of, shown
):
    assert whole_percent(part, whole, short_of=short_of) == shown
