"""Reading and writing Moodle XML (quiz/moodle/xml.py), on files of our own in
tests/quiz/moodle/: multiple choice, true/false, categories, kinds skipped, each malformed
case with its line, and files that would expand or read the server's files."""

import time
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import translation

from quiz.moodle.importing import read_file
from quiz.moodle.questions import Answer, MoodleQuestion
from quiz.moodle.xml import read_xml, write_xml

FILES = Path(__file__).parent / "moodle"


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def read(name):
    return read_file((FILES / name).read_bytes(), name)


def choices(question):
    return [(c.text, c.is_correct, c.feedback, c.weight) for c in question.choices]


@pytest.fixture(scope="module")
def multichoice():
    with translation.override("en"):
        reading = read("multichoice.xml")
    assert reading.problems == [] and reading.skipped == []
    return {question.line: question for question in reading.questions}


def test_a_single_answer_question_in_html_with_a_picture(multichoice):
    question = multichoice[13]
    assert question.kind == "single"
    assert question.category == "Examens"  # "$course$/top/Défaut pour Soins/Examens"
    assert question.text == "Quel examen mesure l'activité électrique des muscles ?"
    assert question.explanation == "L'électromyogramme (EMG) & rien d'autre."
    assert question.points == 2
    assert choices(question) == [
        ("L'électromyogramme", True, "Oui.", "100"),
        ("La radiographie", False, "Non : elle montre les os.", "0"),
        # Moodle's auto-format holding markup is HTML; plain text stays as written.
        ("Le scanner cérébral", False, "Non <b>vraiment</b>.", "-25"),
    ]
    assert question.notes == [
        "HTML reduced to plain text.",
        "1 image or other embedded item is left out.",
    ]


def test_a_multiple_answer_question_in_thirds(multichoice):
    question = multichoice[54]
    assert (question.kind, question.partial_credit) == ("multiple", True)
    # 33.33333 × 3 and -100 for the one wrong answer are the default rule's weights.
    assert choices(question) == [
        ("Une faiblesse", True, "Oui.", ""),
        ("Une fonte musculaire", True, "", ""),
        ("Des troubles pour avaler", True, "", ""),
        ("Une secousse en s'endormant", False, "Non : c'est une secousse hypnique.", ""),
    ]
    assert question.explanation == "Les **signes d'alerte** font consulter."  # Markdown
    # A mark of 1.5 points: ours are whole.
    assert question.points == 2
    assert question.notes == ["Its mark of 1.5 becomes 2 points."]


def test_the_all_or_nothing_tag(multichoice):
    question = multichoice[82]
    assert (question.kind, question.partial_credit) == ("multiple", False)
    assert [c.is_correct for c in question.choices] == [True, True, False]


def test_true_false_answers_by_their_names_or_in_order():
    reading = read("truefalse.xml")
    assert reading.problems == []
    first, second, third = reading.questions
    assert (first.line, first.category) == (8, "Vrai ou faux")  # <category> of an older file
    assert choices(first) == [
        ("Vrai", True, "Oui.", ""),
        ("Faux", False, "Si : elle en provoque.", ""),
    ]
    assert first.explanation == "Elle excite les nerfs."
    # "false" written first.
    assert choices(second) == [
        ("Vrai", False, "Non : elle est trop faible.", ""),
        ("Faux", True, "Exact.", ""),
    ]
    # "$course$/top": no category; answers not named true and false: the first is true.
    assert third.category is None
    assert choices(third) == [("Vrai", True, "", ""), ("Faux", False, "", "")]


def test_other_kinds_are_listed_as_skipped_with_their_names_and_lines():
    reading = read("other_kinds.xml")
    assert [(s.line, s.kind) for s in reading.skipped] == [
        (3, "essay"),
        (6, "matching"),
        (10, "numerical"),
        (14, "short answer"),
        (18, "cloze (embedded answers)"),
        (21, "description"),
        (24, "drag and drop into text"),
    ]
    assert [q.line for q in reading.questions] == [27]


ERRORS = [
    (8, "add up to 99.66666 %"),  # 33 is not a third
    (16, "must be worth 100 %"),
    (24, "“beaucoup” is not a weight"),
    (27, "has no type"),
    (30, "needs two answers"),
    (38, "“un” is not a mark"),
    (42, "The question has no text"),
]


@pytest.mark.parametrize(("line", "message"), ERRORS)
def test_each_malformed_case_is_an_error_at_its_line(line, message):
    reading = read("errors.xml")
    assert any(p.line == line and message in p.message for p in reading.problems), reading.problems
    assert [p.line for p in reading.problems] == [line for line, _message in ERRORS]


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("not_well_formed.xml", 5, "not well-formed XML (mismatched tag)"),
        ("not_a_quiz.xml", 2, "starts with <questions>, not <quiz>"),
        ("external_entity.xml", 3, "refused"),
    ],
)
def test_a_file_that_cannot_be_read_is_one_error_at_its_line(name, line, message):
    reading = read(name)
    assert reading.questions == [] and reading.skipped == []
    ((problem),) = reading.problems
    assert problem.line == line and message in problem.message


def test_an_xml_bomb_is_refused_before_it_expands():
    started = time.perf_counter()
    reading = read("bomb.xml")
    assert time.perf_counter() - started < 1
    (problem,) = reading.problems
    assert problem.line == 3  # the first entity declared
    assert "entities" in problem.message
    assert reading.questions == []


def test_an_external_entity_is_never_read():
    reading = read("external_entity.xml")
    assert "root:" not in repr(reading)


def test_xml_without_a_declared_encoding_in_windows_1252():
    xml = (
        "<quiz><question type='truefalse'><questiontext><text>La fièvre monte.</text>"
        "</questiontext><answer fraction='100'><text>true</text></answer>"
        "<answer fraction='0'><text>false</text></answer></question></quiz>"
    )
    (question,) = read_xml(xml.encode("cp1252")).questions
    assert question.text == "La fièvre monte."


def test_the_declared_encoding_is_followed():
    xml = (
        "<?xml version='1.0' encoding='ISO-8859-1'?><quiz><question type='truefalse'>"
        "<questiontext><text>Fièvre</text></questiontext><answer fraction='0'><text>true</text>"
        "</answer><answer fraction='100'><text>false</text></answer></question></quiz>"
    )
    (question,) = read_xml(xml.encode("latin-1")).questions
    assert question.text == "Fièvre"


def test_written_xml_reads_back_and_escapes_its_text():
    question = MoodleQuestion(
        line=0,
        qtype="multichoice",
        name="<Poids> & --",
        text="Lesquels ? <b>pas une balise</b> & ]]> --",
        general_feedback="Ligne 1\nLigne 2",
        single=False,
        answers=[
            Answer("A & B", Decimal("75"), "Oui"),
            Answer("C", Decimal("25")),
            Answer("D", Decimal("-100"), "Non"),
        ],
        points=Decimal(4),
        category="Catégorie",
        number=7,
    )
    data = write_xml([question])
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<quiz>')
    assert b"<!-- question: 7  -->" in data
    (back,) = read_xml(data).questions
    assert back.text == "Lesquels ? <b>pas une balise</b> & ]]> --"  # plain_text: as written
    assert back.explanation == "Ligne 1\nLigne 2"
    assert (back.category, back.points) == ("Catégorie", 4)
    assert [(c.text, c.feedback, c.weight) for c in back.choices] == [
        ("A & B", "Oui", "75"),
        ("C", "", "25"),
        ("D", "Non", "-100"),
    ]


def tf_with_mark(mark):
    return (
        "<quiz><question type='truefalse'><questiontext><text>Q</text></questiontext>"
        f"<defaultgrade>{mark}</defaultgrade><answer fraction='100'><text>true</text></answer>"
        "<answer fraction='0'><text>false</text></answer></question></quiz>"
    ).encode()


@pytest.mark.parametrize(
    ("mark", "points", "noted"),
    [
        ("1.0000000", 1, False),
        ("3", 3, False),
        ("0", 1, True),
        ("0.2", 1, True),
        ("40000", 32767, True),
        ("1e100000", 32767, True),
    ],
)
def test_marks_become_whole_points_within_bounds(mark, points, noted):
    (question,) = read_xml(tf_with_mark(mark)).questions
    assert question.points == points
    assert bool(question.notes) is noted


@pytest.mark.parametrize("weight", ["1e2", "50%", "NaN", "Infinity", ""])
def test_a_weight_is_a_plain_percentage(weight):
    xml = (
        "<quiz><question type='multichoice'><questiontext><text>Q</text></questiontext>"
        f"<answer fraction='{weight}'><text>a</text></answer>"
        "<answer fraction='100'><text>b</text></answer></question></quiz>"
    ).encode()
    (problem,) = read_xml(xml).problems
    assert "is not a weight" in problem.message
