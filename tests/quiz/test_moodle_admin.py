"""The admin's import of GIFT and Moodle XML into a bank (upload, preview, confirm) and the
export actions on the quiz and category lists (quiz/admin.py, quiz/moodle/forms.py)."""

from pathlib import Path
from unittest import mock

import lxml.html
import pytest
from django.conf import settings
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from quiz.models import Bank, Category, Choice, Question, QuestionStatus, Quiz, QuizQuestion
from quiz.moodle import importing
from quiz.moodle.importing import read_file

pytestmark = pytest.mark.django_db

FILES = Path(__file__).parent / "moodle"


@pytest.fixture
def client(instructor_client):
    """An instructor who reads the admin in English."""
    instructor_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return instructor_client


@pytest.fixture
def bank():
    return Bank.objects.create(name="Banque du service")


def import_url(bank):
    return reverse("admin:quiz_bank_import", args=[bank.pk])


def upload(client, bank, name, data=None, **fields):
    data = (FILES / name).read_bytes() if data is None else data
    return client.post(
        import_url(bank), {"file": SimpleUploadedFile(name, data), "file_format": "", **fields}
    )


def page(response):
    return lxml.html.fromstring(response.content.decode())


def rows(response, table_id):
    """Each body row of a table as its cells' texts."""
    return [
        [" ".join(cell.text_content().split()) for cell in row.xpath("./th|./td")]
        for row in page(response).xpath(f"//table[@id='{table_id}']/tbody/tr")
    ]


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def confirm(client, bank, response):
    token = page(response).xpath("//input[@name='preview']/@value")[0]
    return client.post(import_url(bank), {"preview": token}, follow=True)


# The way in -------------------------------------------------------------------------------------


def test_a_banks_page_links_to_the_import(client, bank):
    response = client.get(reverse("admin:quiz_bank_change", args=[bank.pk]))
    assert import_url(bank) in response.content.decode()
    assert client.get(import_url(bank)).status_code == 200


def test_the_import_is_for_those_who_may_add_questions(client, instructor, bank):
    instructor.groups.clear()
    instructor.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_bank", "change_bank"])
    )
    assert (
        import_url(bank)
        not in client.get(reverse("admin:quiz_bank_change", args=[bank.pk])).content.decode()
    )
    assert client.get(import_url(bank)).status_code == 403
    assert upload(client, bank, "features.gift").status_code == 403
    assert not bank.questions.exists()


def test_learners_and_strangers_are_sent_to_log_in(client, learner, bank):
    client.force_login(learner)
    response = client.get(import_url(bank))
    assert response.status_code == 302 and "login" in response.url


def test_a_bank_that_does_not_exist_is_not_found(client):
    assert client.get(reverse("admin:quiz_bank_import", args=[987654])).status_code == 404
    assert client.get("/admin/quiz/bank/abc/import/").status_code in (302, 404)


# Upload, preview, confirm ----------------------------------------------------------------------


def test_the_preview_shows_what_would_be_created_and_saves_nothing(client, bank):
    Category.objects.create(bank=bank, name="Signes cliniques")
    response = upload(client, bank, "features.gift")
    assert response.status_code == 200
    created = rows(response, "import-created")
    assert [row[0] for row in created] == [
        "7", "15", "21", "27", "35", "43", "45", "47", "49", "52", "60", "63", "74",
    ]  # fmt: skip
    assert created[0][1:4] == [
        "Signes cliniques",
        "single choice",
        "Qu'est-ce qu'une fasciculation ?",
    ]
    assert created[-1][1] == "Conduite à tenir (new)"
    assert "Doser le magnésium · 50 %" in created[11][4]
    assert created[9][5] == "HTML reduced to plain text."
    assert "It would create 1 category: Conduite à tenir." in response.content.decode()
    assert not bank.questions.exists() and bank.categories.count() == 1
    header = page(response).xpath("//table[@id='import-created']/thead//th")
    assert {th.get("scope") for th in header} == {"col"}


def test_confirming_creates_the_questions_as_drafts(client, bank):
    response = confirm(client, bank, upload(client, bank, "features.gift"))
    assert bank.questions.count() == 13
    assert set(bank.questions.values_list("status", flat=True)) == {QuestionStatus.DRAFT}
    assert messages_of(response) == [
        "13 questions created as drafts in “Banque du service”.",
        "2 categories created: Conduite à tenir, Signes cliniques.",
    ]
    assert response.redirect_chain[-1][0] == (
        reverse("admin:quiz_question_changelist")
        + f"?bank__id__exact={bank.pk}&status__exact=draft"
    )


def test_a_second_confirmation_of_the_same_preview_imports_nothing_more(client, bank):
    preview = upload(client, bank, "features.gift")
    confirm(client, bank, preview)
    response = confirm(client, bank, preview)
    assert bank.questions.count() == 13
    assert messages_of(response) == ["These questions were imported already."]


def test_importing_the_same_file_again_is_flagged(client, bank):
    confirm(client, bank, upload(client, bank, "other_kinds.gift"))
    response = upload(client, bank, "other_kinds.gift")
    (row,) = rows(response, "import-created")
    assert row[5] == "The bank already has a question with this text."


def test_the_skipped_questions_are_listed_with_kind_line_and_why(client, bank):
    response = upload(client, bank, "other_kinds.xml")
    skipped = rows(response, "import-skipped")
    assert [row[:2] for row in skipped] == [
        ["3", "essay"],
        ["6", "matching"],
        ["10", "numerical"],
        ["14", "short answer"],
        ["18", "cloze (embedded answers)"],
        ["21", "description"],
        ["24", "drag and drop into text"],
    ]
    assert skipped[0][2] == "Only multiple-choice and true/false questions can be imported."
    assert len(rows(response, "import-created")) == 1


@pytest.mark.parametrize("name", ["errors.gift", "errors.xml", "bomb.xml", "not_well_formed.xml"])
def test_a_file_with_errors_shows_them_with_their_lines_and_saves_nothing(client, bank, name):
    response = upload(client, bank, name)
    assert response.status_code == 200
    errors = rows(response, "import-errors")
    with translation.override("en"):
        expected = read_file((FILES / name).read_bytes(), name).problems
    assert [int(row[0]) for row in errors] == [problem.line for problem in expected]
    assert "nothing was imported" in response.content.decode()
    assert not page(response).xpath("//input[@name='preview']")
    assert not bank.questions.exists() and not bank.categories.exists()


def test_a_file_of_skipped_questions_only_offers_no_import(client, bank):
    data = b"::Essai::Decrivez.{}\n"
    response = upload(client, bank, "essai.gift", data)
    assert rows(response, "import-created") == [["The file has no question that can be imported."]]
    assert "Import 0" not in response.content.decode()
    # Posting its preview anyway is refused with a message, nothing saved.
    response = confirm(client, bank, response)
    assert messages_of(response) == ["The file has no question to import."]
    assert not bank.questions.exists()


# Bad input: a message, never an error page, nothing saved --------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("big.gift", b"x" * (importing.MAX_FILE_BYTES + 1), "The file is too large"),
        ("empty.gift", b"", "The file is empty."),
        ("notes.docx", b"PK\x03\x04", "cannot read this type of file (.docx)"),
        ("image.gift", b"\x89PNG\r\n\x1a\n\x00\x00", "The file is not text"),
        ("latin.gift", b"caf\x81 {=a ~b}", "encoding the importer knows"),
    ],
)
def test_a_file_that_cannot_be_read_says_why(client, bank, name, data, message):
    response = upload(client, bank, name, data)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["file"])
    assert not bank.questions.exists()


def test_no_file_chosen(client, bank):
    response = client.post(import_url(bank), {"file_format": ""})
    assert response.context["form"].errors["file"] == ["Choose a file to import."]


def test_an_unknown_format_is_refused(client, bank):
    response = upload(client, bank, "features.gift", file_format="doc")
    assert "file_format" in response.context["form"].errors


@pytest.mark.parametrize(
    ("token", "message"),
    [
        ("not-a-preview", "This preview cannot be read: choose the file again."),
        ("", "This preview cannot be read: choose the file again."),
    ],
)
def test_a_forged_preview_is_refused(client, bank, token, message):
    response = client.post(import_url(bank), {"preview": token})
    assert response.status_code == 200
    assert messages_of(response) == [message]
    assert not bank.questions.exists()


def test_a_preview_made_for_another_bank_is_refused(client, bank):
    other = Bank.objects.create(name="Autre")
    token = page(upload(client, other, "features.gift")).xpath("//input[@name='preview']/@value")
    response = client.post(import_url(bank), {"preview": token[0]})
    assert messages_of(response) == ["This preview cannot be read: choose the file again."]
    assert not Question.objects.exists()


def test_an_old_preview_is_refused(client, bank):
    preview = upload(client, bank, "features.gift")
    with mock.patch("quiz.moodle.forms.PREVIEW_MAX_AGE", -1):
        response = confirm(client, bank, preview)
    assert messages_of(response) == [
        "This preview is more than an hour old: choose the file again."
    ]
    assert not bank.questions.exists()


def test_the_preview_reads_a_fixed_number_of_queries(client, bank):
    def queries(name):
        with CaptureQueriesContext(connection) as captured:
            upload(client, bank, name)
        return len(captured)

    assert queries("features.gift") == queries("windows-1252.gift")


# Exports ----------------------------------------------------------------------------------------


@pytest.fixture
def quiz(bank):
    category = Category.objects.create(bank=bank, name="Signes")
    quiz = Quiz.objects.create(title="Quiz à exporter", bank=bank)
    for number in (1, 2):
        question = Question.objects.create(
            bank=bank, text=f"Question {number} ?", category=category
        )
        Choice.objects.create(question=question, position=1, text="Oui", is_correct=True)
        Choice.objects.create(question=question, position=2, text="Non", feedback="Hé non")
        QuizQuestion.objects.create(quiz=quiz, question=question)
    return quiz


def run_action(client, model, action, objects):
    return client.post(
        reverse(f"admin:quiz_{model}_changelist"),
        {"action": action, ACTION_CHECKBOX_NAME: [obj.pk for obj in objects]},
    )


@pytest.mark.parametrize(
    ("action", "filename", "content_type"),
    [
        ("export_gift", "quiz-a-exporter.gift.txt", "text/plain; charset=utf-8"),
        ("export_xml", "quiz-a-exporter.moodle.xml", "application/xml; charset=utf-8"),
    ],
)
def test_a_quiz_exports_to_a_download(client, quiz, action, filename, content_type):
    response = run_action(client, "quiz", action, [quiz])
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    reading = read_file(response.content, filename)
    assert [q.text for q in reading.questions] == ["Question 1 ?", "Question 2 ?"]
    assert reading.questions[0].choices[1].feedback == "Hé non"


def test_categories_export_to_a_download(client, quiz):
    category = Category.objects.get(name="Signes")
    response = run_action(client, "category", "export_xml", [category])
    assert response["Content-Disposition"] == 'attachment; filename="signes.moodle.xml"'
    assert len(read_file(response.content, "signes.xml").questions) == 2
    empty = Category.objects.create(bank=category.bank, name="Vide")
    response = run_action(client, "category", "export_gift", [category, empty])
    assert response["Content-Disposition"] == 'attachment; filename="questions.gift.txt"'


def test_exporting_nothing_says_so(client, bank):
    empty = Quiz.objects.create(title="Vide", bank=bank)
    response = run_action(client, "quiz", "export_gift", [empty])
    assert response.status_code == 302
    response = client.get(response.url)
    assert messages_of(response) == ["The selection has no question to export."]


# A question's weights on its page ----------------------------------------------------------------


def test_a_questions_page_shows_its_weights_and_refuses_unsound_ones(client, bank):
    from tests.quiz.test_admin import page_data

    question = Question.objects.create(
        bank=bank, text="Lesquels ?", kind="multiple", partial_credit=True
    )
    for position, (text, correct, weight) in enumerate(
        [("A", True, "75"), ("B", True, "25"), ("C", False, "-100")], start=1
    ):
        Choice.objects.create(
            question=question, position=position, text=text, is_correct=correct, fraction=weight
        )
    url = reverse("admin:quiz_question_change", args=[question.pk])
    response = client.get(url)
    assert page(response).xpath("//input[@name='choices-0-fraction']/@value") == ["75"]
    data = page_data(response)
    data["choices-1-fraction"] = "5"  # 75 + 5: not 100
    response = client.post(url, data)
    assert response.status_code == 200
    errors = next(
        inline.formset.non_form_errors().as_data()
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == "choices"
    )
    assert [error.code for error in errors] == ["weights_sum"]
    assert question.choices.get(text="B").fraction == 25
    data["choices-1-fraction"] = "25"
    data["choices-0-text"] = "A, mieux dit"
    assert client.post(url, data).status_code == 302
    assert question.choices.get(position=1).text == "A, mieux dit"
