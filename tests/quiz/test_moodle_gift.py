"""Reading and writing GIFT (quiz/moodle/gift.py), on files of our own in tests/quiz/moodle/:
every detail Moodle documents, the kinds skipped, and each malformed case with its line."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import translation

from quiz.moodle.gift import escape, read_gift, write_gift
from quiz.moodle.importing import read_file
from quiz.moodle.questions import MoodleQuestion

FILES = Path(__file__).parent / "moodle"


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def read(name):
    return read_file((FILES / name).read_bytes(), name)


@pytest.fixture(scope="module")
def features():
    with translation.override("en"):
        reading = read("features.gift")
    assert reading.problems == [] and reading.skipped == []
    return {question.line: question for question in reading.questions}


def choices(question):
    return [(c.text, c.is_correct, c.feedback, c.weight) for c in question.choices]


def test_every_question_is_read_at_its_line(features):
    assert sorted(features) == [7, 15, 21, 27, 35, 43, 45, 47, 49, 52, 60, 63, 74]


def test_comments_are_left_out_and_a_category_applies_to_what_follows(features):
    first = features[7]
    assert first.text == "Qu'est-ce qu'une fasciculation ?"  # the title is not kept
    assert "//" not in " ".join(question.text for question in features.values())
    # "$course$/top/Défaut pour Soins/Signes cliniques": its last part.
    assert {features[line].category for line in (7, 15, 60, 63)} == {"Signes cliniques"}
    assert features[74].category == "Conduite à tenir"


def test_single_answer_with_feedback_and_general_feedback(features):
    question = features[7]
    assert question.kind == "single"
    assert choices(question) == [
        ("Une contraction brève de quelques fibres", True, "Oui.", ""),
        ("Une crampe douloureuse", False, "Non : une crampe dure et fait mal.", ""),
        ("Un tremblement", False, "Non.", ""),
    ]
    assert question.explanation == "Une fasciculation est une contraction brève et involontaire."
    assert (question.points, question.partial_credit) == (1, False)


def test_a_question_may_run_over_several_lines(features):
    assert features[15].text == (
        "Parmi ces signes,\nlequel accompagne une fasciculation\npathologique ?"
    )
    assert [c.text for c in features[15].choices] == [
        "Une faiblesse musculaire",
        "Une fatigue passagère",
        "Un effort récent",
    ]


def test_escapes_write_the_special_characters(features):
    question = features[21]
    assert question.text == ("Les signes ~ = # { } : et la barre \\ restent,\nsur deux lignes.")
    assert choices(question) == [
        ("Oui = juste", True, "Bonne # réponse", ""),
        ("Non {pas}", False, "", ""),
    ]


def test_weights_make_a_multiple_response_question_with_partial_credit(features):
    question = features[27]
    assert (question.kind, question.partial_credit) == ("multiple", True)
    # 50/50 and -100/-100 are not the default rule's -50/-50: kept.
    assert choices(question) == [
        ("L'électromyogramme", True, "Oui.", "50"),
        ("La prise de sang", True, "Oui.", "50"),
        ("La radiographie du genou", False, "Non.", "-100"),
        ("Aucun", False, "Non.", "-100"),
    ]


def test_thirds_and_a_weight_of_zero(features):
    question = features[35]
    assert [c.weight for c in question.choices] == ["33.33333", "33.33333", "33.33333", "0"]
    assert [c.is_correct for c in question.choices] == [True, True, True, False]


@pytest.mark.parametrize(
    ("line", "true_is_right", "true_feedback", "false_feedback", "explanation"),
    [
        (43, True, "", "", ""),  # TRUE
        (45, False, "Non : elles ne font pas mal.", "Exact.", ""),  # FALSE#wrong#right
        (47, True, "", "Faux : elle en provoque.", "La caféine excite les nerfs."),  # T#…####…
        (49, False, "", "", ""),  # F
    ],
)
def test_true_false_in_its_four_spellings_with_feedback(
    features, line, true_is_right, true_feedback, false_feedback, explanation
):
    question = features[line]
    assert question.kind == "true_false"
    assert choices(question) == [
        ("Vrai", true_is_right, true_feedback, ""),
        ("Faux", not true_is_right, false_feedback, ""),
    ]
    assert question.explanation == explanation


def test_format_tags(features):
    question = features[52]
    # [markdown] stays as written; [plain] keeps what looks like a tag; [html] becomes text.
    assert question.text == "Quel est le **muscle** le plus souvent touché ?"
    assert choices(question) == [
        ("Le <mollet>", True, "Oui, le mollet.", ""),
        ("La cuisse & la hanche", False, "", ""),
        ("Le bras", False, "", ""),
    ]
    assert question.explanation == "Le mollet, le plus souvent."
    assert question.notes == ["HTML reduced to plain text."]


def test_a_missing_word_question_keeps_its_blank(features):
    assert features[60].text == "Une contraction brève est une _____ du muscle."
    assert features[60].choices[0].text == "fasciculation"


def test_a_single_answer_keeps_partial_and_negative_weights(features):
    assert choices(features[63]) == [
        ("Rassurer et surveiller", True, "", "100"),
        ("Doser le magnésium", False, "", "50"),
        ("Prescrire un traitement", False, "", "-50"),
    ]


def test_points_and_all_or_nothing_come_from_comments(features):
    question = features[74]
    assert (question.kind, question.points, question.partial_credit) == ("multiple", 3, False)
    assert [c.fraction for c in question.choices] == [None, None, None]


# Kinds this site does not have ------------------------------------------------------------------


def test_other_kinds_are_listed_as_skipped_with_their_names_and_lines():
    reading = read("other_kinds.gift")
    assert reading.problems == []
    assert [(s.line, s.kind) for s in reading.skipped] == [
        (3, "essay"),
        (5, "matching"),
        (11, "numerical"),
        (13, "short answer"),
        (15, "description"),
        (17, "cloze (embedded answers)"),
        (19, "short answer"),  # {true}: Moodle reads only T, TRUE, F, FALSE
        (22, "multiple choice"),
        (24, "multiple choice"),
    ]
    assert all(s.reason for s in reading.skipped)
    assert "has one right answer" in reading.skipped[7].reason
    assert "same text" in reading.skipped[8].reason
    assert [q.line for q in reading.questions] == [27]


# Malformed files: every error with its line, nothing imported ---------------------------------

ERRORS = [
    (5, "title"),
    (7, "not closed"),
    (9, "no “{” opened"),
    (11, "second “{”"),
    (14, "“cinquante” is not a weight"),
    (20, "150 % is not between"),
    (23, "add up to 80 %"),
    (29, "at least two answers"),
    (31, "before the first answer"),
    (33, "no text"),
    (35, "The question has no text"),
    (37, "category has no name"),
    (39, "one set of answers"),
]


@pytest.fixture(scope="module")
def errors():
    with translation.override("en"):
        return read("errors.gift")


@pytest.mark.parametrize(("line", "message"), ERRORS)
def test_each_malformed_case_is_an_error_at_its_line(errors, line, message):
    assert any(p.line == line and message in p.message for p in errors.problems), errors.problems


def test_a_malformed_file_lists_all_its_errors_and_only_them(errors):
    assert [p.line for p in errors.problems] == [line for line, _message in ERRORS]
    assert [q.line for q in errors.questions] == [3]  # read, but never imported (see importing)


# Encodings --------------------------------------------------------------------------------------


def test_a_windows_1252_file_is_read_like_the_course_importer_reads_text():
    reading = read("windows-1252.gift")
    (question,) = reading.questions
    assert (question.line, question.category) == (5, "Fièvre")
    assert question.text == "Une fièvre à 38,5 °C est-elle élevée ?"
    assert choices(question) == [
        ("Modérée", True, "C’est ça.", ""),
        ("Très élevée", False, "Non…", ""),
    ]


def test_utf_16_with_its_mark_and_utf_8_with_its_mark():
    text = "Une fièvre est-elle grave ?{=Parfois ~Jamais}\n"
    for data in (text.encode("utf-16"), "\ufeff".encode() + text.encode()):
        (question,) = read_file(data, "q.txt").questions
        assert question.text == "Une fièvre est-elle grave ?"


# Writing ---------------------------------------------------------------------------------------


def test_escape_writes_every_special_character_on_one_line():
    assert escape("a~b=c#d{e}f:g\\h\ni") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni"


def test_written_gift_reads_back():
    from quiz.moodle.questions import Answer

    question = MoodleQuestion(
        line=0,
        qtype="multichoice",
        name="Poids : 1/2",
        text="Lesquels ?\nDeux lignes { }",
        general_feedback="[Voir] le cours",
        single=False,
        answers=[
            Answer("%A", Decimal("75"), "#1"),
            Answer("[B]", Decimal("25")),
            Answer("C", Decimal("-100"), "Non"),
        ],
        points=Decimal(2),
        category="Cat/égorie",
    )
    text = write_gift([question])
    assert "$CATEGORY: $course$/top/Cat//égorie" in text
    assert "// [points:2]" in text
    (back,) = read_gift(text).questions
    assert back.text == "Lesquels ?\nDeux lignes { }"
    assert back.explanation == "[Voir] le cours"
    assert back.category == "Cat/égorie"
    assert back.points == 2
    assert [(c.text, c.feedback, c.weight) for c in back.choices] == [
        ("%A", "#1", "75"),
        ("[B]", "", "25"),
        ("C", "Non", "-100"),
    ]
