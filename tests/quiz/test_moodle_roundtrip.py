"""Export, then import: the same questions come back (quiz/moodle/exporting.py, importing.py).

Over the whole shipped bank, in both formats, and over weighted questions the shipped bank
does not have (single choice with partial weights, multiple response with weights of its own,
all or nothing, points, texts with every character GIFT escapes).
"""

from decimal import Decimal

import pytest

from quiz.models import Bank, Category, Choice, Question
from quiz.moodle.exporting import bank_questions, export_order, export_questions
from quiz.moodle.importing import import_questions, read_file

FORMATS = [("gift", "bank.gift.txt"), ("xml", "bank.moodle.xml")]


def described(question):
    """What a round trip keeps of a question."""
    return {
        "text": question.text,
        "kind": question.kind,
        "explanation": question.explanation,
        "points": question.points,
        "category": question.category.name if question.category_id else None,
        "partial_credit": question.partial_credit,
        "choices": [
            (choice.text, choice.is_correct, choice.feedback, choice.fraction)
            for choice in question.choices.order_by("position")
        ],
    }


def round_trip(questions, file_format, filename):
    data = export_questions(questions, file_format)
    reading = read_file(data, filename)
    assert reading.problems == []
    assert reading.skipped == []
    bank = Bank.objects.create(name=f"Retour {file_format} {Bank.objects.count()}")
    import_questions(bank, reading.questions)
    return [described(question) for question in bank_questions(bank)]


@pytest.fixture
def shipped_bank(shipped_course):
    from elearning.content import load_missing, load_question_bank

    load_missing()
    load_question_bank()
    return shipped_course.bank


@pytest.mark.parametrize(("file_format", "filename"), FORMATS)
def test_the_whole_shipped_bank_comes_back(shipped_bank, file_format, filename):
    originals = export_order(bank_questions(shipped_bank))
    assert len(originals) == 68
    back = round_trip(originals, file_format, filename)
    assert len(back) == len(originals)
    for original, imported in zip(originals, back, strict=True):
        assert imported == described(original)


@pytest.fixture
def weighted_questions(db):
    bank = Bank.objects.create(name="Pondérées")
    category = Category.objects.create(bank=bank, name="Catégorie / avec barre")

    def question(kind, text, choices, **fields):
        made = Question.objects.create(bank=bank, kind=kind, text=text, **fields)
        for position, (choice_text, correct, feedback, fraction) in enumerate(choices, 1):
            Choice.objects.create(
                question=made,
                position=position,
                text=choice_text,
                is_correct=correct,
                feedback=feedback,
                fraction=None if fraction is None else Decimal(fraction),
            )
        return made

    return [
        question(
            "single",
            "Escapes: ~ = # { } : \\ and\na second line",
            [
                ("[html] is not a format here", True, "Oui # dièse", "100"),
                ("%50% is text", False, "", "50"),
                ("Moins", False, "Non {accolade}", "-50"),
            ],
            explanation="#### not a separator",
            points=3,
        ),
        question(
            "multiple",
            "Lesquels ?",
            [
                ("A", True, "", "33.33333"),
                ("B", True, "", "33.33333"),
                ("C", True, "", "33.33333"),
                ("D", False, "Non", "0"),
            ],
            partial_credit=True,
            category=category,
        ),
        question(
            "multiple",
            "Tout ou rien ?",
            [("A", True, "", None), ("B", True, "", None), ("C", False, "Non", None)],
            partial_credit=False,
            category=category,
        ),
        question(
            "multiple",
            "Crédit partiel par défaut ?",
            [("A", True, "", None), ("B", False, "", None), ("C", False, "", None)],
            partial_credit=True,
            category=category,
        ),
        question(
            "true_false",
            "Vrai ?",
            [("Vrai", False, "Non : faux.", None), ("Faux", True, "", None)],
            explanation="Parce que.",
            category=category,
        ),
        question(
            "true_false",
            "Faux ?",
            [("Vrai", True, "", None), ("Faux", False, "", None)],
            category=category,
            points=2,
        ),
    ]


@pytest.mark.parametrize(("file_format", "filename"), FORMATS)
def test_weights_points_and_escapes_come_back(weighted_questions, file_format, filename):
    originals = export_order(weighted_questions)
    back = round_trip(originals, file_format, filename)
    assert back == [described(question) for question in originals]
