"""Confidence-based marking (CBM), as Moodle scores it: with each answer the learner says how
sure she is, and the answer earns by that table (Moodle's ``question_cbm``, Gardner-Medwin's
scheme):

    ============  =====  =====
    sure of it    right  wrong
    ============  =====  =====
    not sure       +1      0
    fairly sure    +2     −2
    sure           +3     −6
    ============  =====  =====

A partly right answer (a multiple response with partial credit) earns its share of the
right mark; a wrong one (no credit at all) the wrong mark. Saying "sure" pays only when she
is right more than 80 % of the time, "fairly sure" between 67 % and 80 %: those are the
windows her answers at each level are compared with, to tell her whether her confidence
matched her knowledge.

The quiz's grade (the pass mark, completion, the certificate) stays the accuracy: CBM is a
practice tool, off by default, shown beside the grade and never lowering it. A confident
wrong answer is what the spaced review brings back first.
"""

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from .choices import Confidence

# Moodle's table: (mark when right, mark when wrong), per question of one point.
MARKS = {
    Confidence.NOT_SURE: (1, 0),
    Confidence.FAIRLY_SURE: (2, -2),
    Confidence.SURE: (3, -6),
}

# The share of right answers for which each level is the best bet (Moodle's optimal windows).
WINDOWS = {
    Confidence.NOT_SURE: (Fraction(0), Fraction(2, 3)),
    Confidence.FAIRLY_SURE: (Fraction(2, 3), Fraction(4, 5)),
    Confidence.SURE: (Fraction(4, 5), Fraction(1)),
}


def cbm_mark(share, confidence):
    """The CBM mark of one answer earning `share` (0 to 1) of its points at `confidence`."""
    right, wrong = MARKS[Confidence(confidence)]
    share = Fraction(share)
    return Fraction(wrong) if share <= 0 else right * share


class Calibration:
    UNDER = "under"  # right more often than her level bets on: she could say surer
    MATCHED = "matched"
    OVER = "over"  # wrong more often than her level allows


@dataclass(frozen=True)
class Level:
    confidence: int
    answers: int
    right: int

    @property
    def label(self):
        return Confidence(self.confidence).label

    @property
    def accuracy(self):
        return Fraction(self.right, self.answers) if self.answers else None

    @property
    def window(self):
        return WINDOWS[Confidence(self.confidence)]

    @property
    def calibration(self):
        low, high = self.window
        accuracy = self.accuracy
        if accuracy is None:
            return None
        if accuracy < low:
            return Calibration.OVER
        if accuracy > high:
            return Calibration.UNDER
        return Calibration.MATCHED


@dataclass(frozen=True)
class Summary:
    """An attempt's CBM: its total against the most it could be (3 a point), and how her
    answers fared at each level she used."""

    total: Decimal
    best: Decimal
    levels: tuple

    @property
    def signed_total(self):
        return signed(self.total)

    @property
    def average(self):
        """The mark per question answered, from −6 to 3 (Moodle's "CBM average")."""
        answered = sum(level.answers for level in self.levels)
        return self.total / answered if answered else Decimal(0)


def summarise(answers):
    """`answers`: (share of the points earned, points, confidence or None) per question.
    An answer without a confidence counts as "not sure", as Moodle assumes."""
    total, best = Fraction(0), Fraction(0)
    counts = {level: [0, 0] for level in Confidence}
    for share, points, confidence in answers:
        confidence = Confidence(confidence or Confidence.NOT_SURE)
        total += cbm_mark(share, confidence) * points
        best += 3 * points
        counts[confidence][0] += 1
        counts[confidence][1] += Fraction(share) >= 1
    levels = tuple(
        Level(level, answered, right) for level, (answered, right) in counts.items() if answered
    )
    return Summary(_decimal(total), _decimal(best), levels)


def summary_of(responses):
    """The summary of an attempt's responses (those checked with a confidence)."""
    return summarise(
        (share_of(response), response.points, response.confidence)
        for response in responses
        if response.confidence is not None
    )


def share_of(response):
    """The share of its points a graded response earned, from 0 to 1."""
    if not response.points or response.points_awarded is None:
        return Fraction(0)
    return Fraction(Decimal(response.points_awarded)) / response.points


def signed(value):
    """A mark as people read it: '+3', '−6', '0', '+1.5' (one decimal at most)."""
    value = Fraction(value)
    text = (
        str(value.numerator // value.denominator)
        if value.denominator == 1
        else (f"{float(abs(value)):.1f}".rstrip("0").rstrip("."))
    )
    text = text.lstrip("-")
    if value > 0:
        return f"+{text}"
    return f"−{text}" if value < 0 else "0"


def _decimal(value):
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.01"))
