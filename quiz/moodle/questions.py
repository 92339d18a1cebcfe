"""A question as Moodle's formats carry it, and how it maps onto ours both ways.

Both readers (``gift``, ``xml``) turn a file into ``MoodleQuestion``s: Moodle's kind, its
text and general feedback, answers with their fractions (in percent) and feedback, its
category and tags. ``to_ours`` makes one of our questions of it, or says why it is skipped;
``to_moodle`` does the reverse for the writers. The rules, Moodle's where Moodle has one:

- Multiple choice with one right answer (Moodle's "single", GIFT's ``=``) is a single-choice
  question: the answer worth 100 % is the correct one; other weights (``~%50%``, negative
  ones) are kept on the choices and graded as Moodle grades them. Moodle wants one answer
  worth 100 %: without one the file is in error; with two, the question is skipped (ours has
  one correct choice).
- Multiple choice with several answers (no ``=``) is a multiple-response question with
  partial credit: the choices of positive weight are correct, and the positive weights must
  add up to 100 % (Moodle's rule). Weights that are our default rule's (each right choice
  100/right choices, each wrong one -100/wrong choices) are not stored: the question grades
  by the rule and stays plain to edit.
- Our all-or-nothing multiple response has no Moodle equivalent: it goes out with Moodle's
  nearest weights (right choices share 100 %, a wrong pick costs 100 %) and the tag
  ``all-or-nothing``, which brings it back as it was. A question goes out with the weights
  it has, or else those its rule implies (``implied_weights``); weights that a file gives
  and that are the ones its rule implies are not stored.
- True/false becomes our true/false question, its choices "Vrai" and "Faux" as the bank's
  true/false questions have them; the feedback for answering true goes on "Vrai".
- Every other kind (essay, matching, numerical, short answer, cloze, description...) is
  skipped, named, with its line.
- A question our rule for answerable questions refuses (``validate_choices``) is skipped with
  the rule's reasons.
"""

import re
from dataclasses import asdict, dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.core.exceptions import ValidationError
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..models import Category, Choice, QuestionKind, validate_choices

# The bank's words for the choices of a true/false question (the shipped bank's, and the
# drafting engine's).
TRUE, FALSE = "Vrai", "Faux"
TRUE_WORDS = {"vrai", "true", "v", "t"}

MULTICHOICE, TRUEFALSE = "multichoice", "truefalse"
ALL_OR_NOTHING = "all-or-nothing"

CHOICE_MAX_LENGTH = Choice._meta.get_field("text").max_length
CATEGORY_MAX_LENGTH = Category._meta.get_field("name").max_length
WEIGHT_PLACES = Decimal("0.00001")  # as Moodle writes fractions: 0.3333333 = 33.33333 %
WEIGHT_TOLERANCE = Decimal("0.001")
POINTS_MAX = 32767
_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)")


def kind_names():
    """Moodle's question kinds as people name them (both formats' names)."""
    return {
        "essay": _("essay"),
        "match": _("matching"),
        "matching": _("matching"),
        "numerical": _("numerical"),
        "shortanswer": _("short answer"),
        "multianswer": _("cloze (embedded answers)"),
        "cloze": _("cloze (embedded answers)"),
        "description": _("description"),
        "calculated": _("calculated"),
        "calculatedsimple": _("calculated"),
        "calculatedmulti": _("calculated"),
        "randomsamatch": _("random short-answer matching"),
        "ddwtos": _("drag and drop into text"),
        "gapselect": _("select missing words"),
        "ddimageortext": _("drag and drop onto image"),
        "ddmarker": _("drag and drop markers"),
        MULTICHOICE: _("multiple choice"),
        TRUEFALSE: _("true/false"),
    }


def kind_name(qtype):
    return kind_names().get(qtype, qtype)


class FormatError(ValueError):
    """The file breaks the format's rules at ``line``; nothing of it is imported."""

    def __init__(self, line, message):
        super().__init__(message)
        self.line, self.message = line, message


@dataclass
class Problem:
    line: int
    message: str


@dataclass
class Skipped:
    line: int
    kind: str  # as people name it
    reason: str


@dataclass
class Answer:
    text: str  # plain text
    fraction: Decimal  # percent
    feedback: str = ""
    line: int = 0


@dataclass
class MoodleQuestion:
    """One question of a file, as the format says it (texts already plain)."""

    line: int
    qtype: str
    text: str = ""
    general_feedback: str = ""
    single: bool = True
    answers: list = field(default_factory=list)
    points: Decimal | None = None  # Moodle's default mark; None: the format has none (GIFT)
    category: str | None = None
    tags: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    name: str = ""
    number: int | None = None  # ours, in its bank: written in a comment


@dataclass
class ImportedChoice:
    text: str
    is_correct: bool
    feedback: str = ""
    fraction: Decimal | None = None

    @property
    def weight(self):
        """The weight as people write it ("50", "-33.33333"), or ""."""
        return "" if self.fraction is None else f"{self.fraction.normalize():f}"


@dataclass
class ImportedQuestion:
    """One of our questions, ready to be created: what the preview shows and the import saves."""

    line: int
    kind: str
    text: str
    explanation: str = ""
    points: int = 1
    partial_credit: bool = False
    category: str | None = None
    choices: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    def to_dict(self):
        data = asdict(self)
        for choice in data["choices"]:
            if choice["fraction"] is not None:
                choice["fraction"] = str(choice["fraction"])
        return data

    @classmethod
    def from_dict(cls, data):
        choices = [
            ImportedChoice(
                text=choice["text"],
                is_correct=choice["is_correct"],
                feedback=choice["feedback"],
                fraction=None if choice["fraction"] is None else Decimal(choice["fraction"]),
            )
            for choice in data["choices"]
        ]
        return cls(**{**data, "choices": choices})

    @property
    def kind_label(self):
        return QuestionKind(self.kind).label


@dataclass
class Reading:
    """What a file holds: the questions to create, those skipped and why, and the errors
    (any error: nothing is imported)."""

    format: str
    questions: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    problems: list = field(default_factory=list)


# Categories ----------------------------------------------------------------------------------


def category_from_path(path, line):
    """The category a Moodle category path names: its last part (``$course$/top/Cardio`` ->
    "Cardio"), or None for the top of the bank. A "/" inside a name is written "//"."""
    parts = [part.strip().replace("\0", "/") for part in path.replace("//", "\0").split("/")]
    parts = [part for part in parts if part]
    if parts and parts[0].startswith("$") and parts[0].endswith("$"):
        parts = parts[1:]
    if parts and parts[0] == "top":
        parts = parts[1:]
    if not parts:
        if path.strip():
            return None
        raise FormatError(line, _("The category has no name."))
    name = " ".join(parts[-1].split())
    if len(name) > CATEGORY_MAX_LENGTH:
        raise FormatError(
            line,
            _("The category name is longer than %(limit)d characters.")
            % {"limit": CATEGORY_MAX_LENGTH},
        )
    return name


def category_path(name):
    return "$course$/top/" + name.replace("/", "//")


# Moodle's question -> ours --------------------------------------------------------------------


def parse_weight(text, line):
    """A weight in percent as a format writes it ("50", "-33.33333"), or FormatError."""
    weight = Decimal(text.strip()) if _NUMBER.fullmatch(text.strip()) else None
    if weight is None:
        raise FormatError(
            line,
            _("“%(weight)s” is not a weight: write a percentage such as 50 or -33.33333.")
            % {"weight": text},
        )
    if not -100 <= weight <= 100:
        raise FormatError(
            line,
            _("The weight %(weight)s %% is not between -100 %% and 100 %%.") % {"weight": text},
        )
    return weight.quantize(WEIGHT_PLACES)


def to_ours(moodle):
    """An ``ImportedQuestion`` of a Moodle question, or a ``Skipped`` saying why not; raises
    FormatError where Moodle itself would refuse the question."""
    if moodle.qtype not in (MULTICHOICE, TRUEFALSE):
        return Skipped(
            moodle.line,
            kind_name(moodle.qtype),
            _("Only multiple-choice and true/false questions can be imported."),
        )
    if not moodle.text:
        raise FormatError(moodle.line, _("The question has no text."))
    for answer in moodle.answers:
        if not answer.text:
            raise FormatError(answer.line or moodle.line, _("An answer has no text."))
    notes = list(moodle.notes)
    points = _points(moodle, notes)
    if moodle.qtype == TRUEFALSE:
        kind, partial_credit, choices = QuestionKind.TRUE_FALSE, False, _true_false(moodle)
    else:
        kind, partial_credit, choices = _multichoice(moodle)
    question = ImportedQuestion(
        line=moodle.line,
        kind=kind,
        text=moodle.text,
        explanation=moodle.general_feedback,
        points=points,
        partial_credit=partial_credit,
        category=moodle.category,
        choices=choices,
        notes=notes,
    )
    reasons = _unanswerable(question)
    if reasons:
        return Skipped(moodle.line, kind_name(moodle.qtype), " ".join(reasons))
    return question


def _points(moodle, notes):
    """Moodle's mark as our whole points (at least 1), with a note where it changes."""
    mark = moodle.points
    if mark is None:
        return 1
    if mark == mark.to_integral_value() and 1 <= mark <= POINTS_MAX:
        return int(mark)
    if mark > POINTS_MAX:
        points = POINTS_MAX
    else:
        points = max(int(mark.quantize(Decimal(1), ROUND_HALF_UP)), 1)
    notes.append(
        ngettext(
            "Its mark of %(mark)s becomes %(points)d point.",
            "Its mark of %(mark)s becomes %(points)d points.",
            points,
        )
        % {"mark": f"{mark:g}", "points": points}
    )
    return points


def _true_false(moodle):
    if len(moodle.answers) != 2:
        raise FormatError(moodle.line, _("A true/false question needs two answers."))
    by_word = {answer.text.strip().casefold(): answer for answer in moodle.answers}
    if set(by_word) == {"true", "false"}:
        true, false = by_word["true"], by_word["false"]
    else:  # Moodle's old files: true first
        true, false = moodle.answers
    if sorted([true.fraction, false.fraction]) != [0, 100]:
        raise FormatError(
            moodle.line,
            _("One answer of a true/false question is worth 100 % and the other 0 %."),
        )
    return [
        ImportedChoice(TRUE, true.fraction == 100, true.feedback),
        ImportedChoice(FALSE, false.fraction == 100, false.feedback),
    ]


def _multichoice(moodle):
    """(kind, partial credit, choices) of a multiple-choice question."""
    if len(moodle.answers) < 2:
        raise FormatError(moodle.line, _("A multiple-choice question needs at least two answers."))
    weights = [answer.fraction for answer in moodle.answers]
    if moodle.single:
        if max(weights) != 100:
            raise FormatError(
                moodle.line,
                _("One answer of a single-answer question must be worth 100 %."),
            )
        kind, partial_credit = QuestionKind.SINGLE, False
        correct = [weight == 100 for weight in weights]
    else:
        total = sum(weight for weight in weights if weight > 0)
        if abs(total - 100) > WEIGHT_TOLERANCE:
            raise FormatError(
                moodle.line,
                _(
                    "The positive weights of a multiple-answer question add up to "
                    "%(total)s %%, not 100 %%."
                )
                % {"total": f"{total.normalize():f}"},
            )
        kind = QuestionKind.MULTIPLE
        partial_credit = ALL_OR_NOTHING not in {tag.casefold() for tag in moodle.tags}
        correct = [weight > 0 for weight in weights]
    if weights == implied_weights(kind, partial_credit, correct):
        weights = [None] * len(weights)
    return (
        kind,
        partial_credit,
        [
            ImportedChoice(answer.text, is_correct, answer.feedback, weight)
            for answer, is_correct, weight in zip(moodle.answers, correct, weights, strict=True)
        ],
    )


def implied_weights(kind, partial_credit, correct):
    """The weights, in percent as Moodle writes them, that a question without weights of its
    own goes out with: the right choice 100 %, the others 0 %; with partial credit, each right
    choice 100/right choices and each wrong one -100/wrong choices (our default rule); all or
    nothing, Moodle's nearest: the right choices share 100 % and a wrong pick costs 100 %."""
    if kind != QuestionKind.MULTIPLE:
        return [Decimal(100) if is_correct else Decimal(0) for is_correct in correct]
    right = sum(correct) or 1
    wrong = (len(correct) - sum(correct)) or 1
    return [
        _percent(Fraction(100, right))
        if is_correct
        else (_percent(Fraction(-100, wrong)) if partial_credit else Decimal(-100))
        for is_correct in correct
    ]


def _percent(value):
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(WEIGHT_PLACES)


def _unanswerable(question):
    """Why our rules refuse the question (empty when they take it)."""
    reasons = []
    for choice in question.choices:
        if len(choice.text) > CHOICE_MAX_LENGTH:
            reasons.append(
                _("An answer is longer than %(limit)d characters.") % {"limit": CHOICE_MAX_LENGTH}
            )
            break
    try:
        validate_choices(
            question.kind, [(c.text, c.is_correct, c.fraction) for c in question.choices]
        )
    except ValidationError as error:
        reasons += error.messages
    return reasons


# Ours -> Moodle's -------------------------------------------------------------------------------


def to_moodle(question):
    """A ``MoodleQuestion`` of one of our questions (its choices and category read)."""
    choices = list(question.choices.all())
    moodle = MoodleQuestion(
        line=0,
        qtype=TRUEFALSE if question.kind == QuestionKind.TRUE_FALSE else MULTICHOICE,
        name=Truncator(" ".join(question.text.split())).chars(60),
        number=question.number,
        text=question.text,
        general_feedback=question.explanation,
        single=question.kind != QuestionKind.MULTIPLE,
        points=Decimal(question.points),
        category=question.category.name if question.category_id else None,
    )
    if question.kind == QuestionKind.TRUE_FALSE and len(choices) == 2:
        moodle.answers = _true_false_answers(choices)
        return moodle
    moodle.qtype = MULTICHOICE
    correct = [choice.is_correct for choice in choices]
    if choices and all(choice.fraction is not None for choice in choices):
        weights = [choice.fraction for choice in choices]
    else:
        weights = implied_weights(question.kind, question.partial_credit, correct)
    if question.kind == QuestionKind.MULTIPLE and not question.partial_credit:
        moodle.tags = [ALL_OR_NOTHING]
    moodle.answers = [
        Answer(choice.text, Decimal(weight).quantize(WEIGHT_PLACES), choice.feedback)
        for choice, weight in zip(choices, weights, strict=True)
    ]
    return moodle


def _true_false_answers(choices):
    """Moodle's "true" and "false" answers of our two choices: the one that says "Vrai" (or
    "True") is true, else the first."""
    true = next((c for c in choices if c.text.strip().casefold() in TRUE_WORDS), choices[0])
    false = next(c for c in choices if c is not true)
    return [
        Answer("true", Decimal(100 if true.is_correct else 0), true.feedback),
        Answer("false", Decimal(100 if false.is_correct else 0), false.feedback),
    ]
