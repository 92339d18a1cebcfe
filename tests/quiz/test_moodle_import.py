"""Importing into a bank and exporting from it (quiz/moodle/importing.py, exporting.py), and the
commands ``import_questions`` and ``export_questions``."""

import io
from decimal import Decimal
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from quiz.attempts import start_attempt, submit_attempt
from quiz.models import (
    Bank,
    Category,
    Choice,
    DrawRule,
    Question,
    QuestionStatus,
    Quiz,
    QuizQuestion,
)
from quiz.moodle import importing
from quiz.moodle.exporting import category_questions, export_questions, quiz_questions
from quiz.moodle.importing import ImportProblem, import_questions, read_file

pytestmark = pytest.mark.django_db

FILES = Path(__file__).parent / "moodle"


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def bank():
    return Bank.objects.create(name="Banque d'import")


def read(name):
    return read_file((FILES / name).read_bytes(), name)


def test_questions_are_created_as_drafts_in_their_categories(bank):
    Question.objects.create(bank=bank, text="Déjà là")  # number 1
    existing = Category.objects.create(bank=bank, name="Examens")
    report = import_questions(bank, read("multichoice.xml").questions)
    assert [question.number for question in report.created] == [2, 3, 4]
    created = Question.objects.filter(pk__in=[q.pk for q in report.created])
    assert {question.status for question in created} == {QuestionStatus.DRAFT}
    assert {question.category for question in created} == {existing}
    assert report.categories == []
    first = created.get(number=2)
    assert [(c.position, c.text, c.is_correct, c.fraction) for c in first.choices.all()] == [
        (1, "L'électromyogramme", True, Decimal(100)),
        (2, "La radiographie", False, Decimal(0)),
        (3, "Le scanner cérébral", False, Decimal(-25)),
    ]
    assert "3 questions created as drafts" in report.lines()[0]


def test_missing_categories_are_created_in_the_bank(bank):
    other = Bank.objects.create(name="Autre banque")
    Category.objects.create(bank=other, name="Signes cliniques")
    report = import_questions(bank, read("features.gift").questions)
    assert report.categories == ["Conduite à tenir", "Signes cliniques"]
    assert set(bank.categories.values_list("name", flat=True)) == set(report.categories)
    assert bank.questions.count() == 13
    assert "2 categories created" in report.lines()[1]


def test_an_import_is_one_transaction(bank):
    questions = read("features.gift").questions
    with (
        mock.patch.object(Choice.objects, "bulk_create", side_effect=RuntimeError("disk full")),
        pytest.raises(RuntimeError),
    ):
        import_questions(bank, questions)
    assert not bank.questions.exists()
    assert not bank.categories.exists()


def test_a_file_with_errors_has_nothing_to_import_even_where_it_is_sound():
    reading = read("errors.gift")
    assert reading.problems  # the admin and the command stop here
    assert reading.questions  # its sound question is read, never imported alone


def test_nothing_to_import_is_refused(bank):
    with pytest.raises(ImportProblem):
        import_questions(bank, [])


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"x" * (importing.MAX_FILE_BYTES + 1), "big.gift", "too large"),
        (b"  \n ", "empty.gift", "empty"),
        (b"Question{=a ~b}", "questions.docx", "cannot read this type of file"),
        (b"\x00\x01binary", "q.gift", "not text"),
        (b"caf\x81 {=a ~b}", "q.gift", "encoding"),  # 0x81 is in no encoding it knows
    ],
)
def test_a_file_that_cannot_be_read_says_why(data, filename, message):
    with pytest.raises(ImportProblem, match=message):
        read_file(data, filename)


def test_too_many_questions(monkeypatch):
    monkeypatch.setattr(importing, "MAX_QUESTIONS", 3)
    with pytest.raises(ImportProblem, match="more than 3"):
        read("features.gift")


def test_the_format_is_told_by_the_name_or_the_content():
    xml = (FILES / "truefalse.xml").read_bytes()
    gift = (FILES / "features.gift").read_bytes()
    assert read_file(xml, "").format == "xml"
    assert read_file(gift, "").format == "gift"
    assert read_file(gift, "questions.txt").format == "gift"
    assert read_file(xml, "questions", file_format="xml").format == "xml"


def test_imported_questions_work_in_quizzes(bank, learner):
    import_questions(bank, read("features.gift").questions)
    Question.objects.filter(bank=bank).update(status=QuestionStatus.PUBLISHED)
    quiz = Quiz.objects.create(title="Importé", bank=bank, feedback_mode="deferred")
    weighted = bank.questions.get(text="Que faire devant des fasciculations isolées ?")
    QuizQuestion.objects.create(quiz=quiz, question=weighted)
    DrawRule.objects.create(quiz=quiz, category=bank.categories.get(name="Conduite à tenir"))
    attempt, _created = start_attempt(learner, quiz)
    assert attempt.responses.count() == 2
    response = attempt.responses.get(question=weighted)
    half = next(c["id"] for c in response.choices if c["text"] == "Doser le magnésium")
    response.selected = [half]
    response.save()
    submit_attempt(attempt)
    response.refresh_from_db()
    assert response.points_awarded == Decimal("0.5")


# Exporting --------------------------------------------------------------------------------------


@pytest.fixture
def quiz_with_draw(bank):
    category = Category.objects.create(bank=bank, name="Tirées")
    other = Category.objects.create(bank=bank, name="Ailleurs")

    def question(text, category=None, status=QuestionStatus.PUBLISHED):
        made = Question.objects.create(bank=bank, text=text, category=category, status=status)
        Choice.objects.create(question=made, position=1, text="Oui", is_correct=True)
        Choice.objects.create(question=made, position=2, text="Non")
        return made

    quiz = Quiz.objects.create(title="Quiz exporté", bank=bank)
    second, first = question("Choisie 2"), question("Choisie 1", status=QuestionStatus.DRAFT)
    QuizQuestion.objects.create(quiz=quiz, question=first, position=1)
    QuizQuestion.objects.create(quiz=quiz, question=second, position=2)
    question("Tirable", category)
    question("Tirable brouillon", category, QuestionStatus.DRAFT)
    question("Pas concernée", other)
    DrawRule.objects.create(quiz=quiz, category=category, count=1)
    return quiz


def test_a_quiz_exports_its_picks_in_order_then_what_its_rules_may_draw(quiz_with_draw):
    texts = [question.text for question in quiz_questions([quiz_with_draw])]
    assert texts == ["Choisie 1", "Choisie 2", "Tirable", "Tirable brouillon"]


def test_a_category_exports_its_questions(quiz_with_draw):
    category = Category.objects.get(name="Tirées")
    assert [q.text for q in category_questions([category])] == ["Tirable", "Tirable brouillon"]


def test_an_export_sets_each_category_once(quiz_with_draw):
    gift = export_questions(quiz_questions([quiz_with_draw]), "gift").decode()
    assert gift.count("$CATEGORY:") == 1
    assert gift.index("Choisie 1") < gift.index("$CATEGORY: $course$/top/Tirées")


# The commands ---------------------------------------------------------------------------------


def test_import_command(bank):
    out = io.StringIO()
    call_command("import_questions", str(FILES / "other_kinds.gift"), bank=bank.name, stdout=out)
    output = out.getvalue()
    assert "Skipped, line 3 (essay)" in output
    assert "1 question created as a draft" in output
    assert bank.questions.count() == 1


def test_import_command_dry_run_saves_nothing(bank):
    out = io.StringIO()
    call_command(
        "import_questions", str(FILES / "features.gift"), bank=bank.name, dry_run=True, stdout=out
    )
    assert "Line 74: multiple response" in out.getvalue()
    assert "New category: Conduite à tenir" in out.getvalue()
    assert not bank.questions.exists()


def test_import_command_stops_at_errors_with_their_lines(bank):
    err = io.StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_questions", str(FILES / "errors.gift"), bank=bank.name, stderr=err)
    assert "errors.gift:7:" in err.getvalue()
    assert not bank.questions.exists()


def test_import_command_needs_an_existing_bank():
    with pytest.raises(CommandError, match="No question bank"):
        call_command("import_questions", str(FILES / "features.gift"), bank="Inconnue")


def test_import_command_takes_the_format_it_is_told(bank):
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_questions",
            str(FILES / "features.gift"),
            bank=bank.name,
            file_format="xml",
            stderr=err,
        )
    assert "features.gift:1: The file is not well-formed XML" in err.getvalue()


def test_import_command_missing_file(bank):
    with pytest.raises(CommandError, match=r"nope\.gift"):
        call_command("import_questions", "nope.gift", bank=bank.name)


def test_export_command_writes_a_file_that_imports_back(bank, tmp_path):
    import_questions(bank, read("features.gift").questions)
    path = tmp_path / "out.xml"
    out = io.StringIO()
    call_command(
        "export_questions",
        str(path),
        bank=bank.name,
        category="Conduite à tenir",
        file_format="xml",
        stdout=out,
    )
    assert "1 question written" in out.getvalue()
    (question,) = read_file(path.read_bytes(), path.name).questions
    assert question.text == "Que conseiller ?"
    with pytest.raises(CommandError, match="no category"):
        call_command(
            "export_questions", str(path), bank=bank.name, category="Aucune", file_format="gift"
        )
