"""How a share is shown as a percentage, everywhere a person reads one.

One rule for a learner's progress through a course's lessons, a quiz grade, the progress
report and its CSV, the admin's lists and the certificate: a whole number, rounded to the
nearest, halves up (1 lesson of 6 is 17 %, 2 of 3 is 67 %, as a person rounds by hand),
except that rounding never reaches a mark the exact share falls short of: 100 % means
truly everything, and a grade just under the pass mark never shows the pass mark
(79.6 % against 80 % to pass shows 79 %), so that a figure never reads as a pass or a
completion that is not one.

It lives in the quiz engine, the lower of the two apps, so that ``elearning`` and ``quiz``
share it (the import arrow goes ``elearning -> quiz`` only). Decisions are never made on
these figures: passing is exact (``quiz.grading.passes``), completion counts lessons.
The item analysis's figures (``quiz.statistics``) are measurements for instructors, shown
with one decimal, rounded halves up as well.
"""

from decimal import ROUND_HALF_UP, Decimal


def whole_percent(part, whole, *, short_of=None):
    """``part`` of ``whole`` as a whole percentage, for display only.

    ``short_of`` is a mark (a quiz's pass mark, in percent) that the figure shows only once
    the exact share reaches it; 100 is always such a mark. Nothing of nothing is 0.
    """
    if part is None or not whole:
        return 0
    exact = Decimal(part) * 100 / Decimal(whole)
    shown = int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    for mark in (100, short_of):
        if mark is not None and exact < mark <= shown:
            shown = int(mark) - 1
    return shown
