"""Importing a course in the admin: a file or a paste, a preview of the lessons to check and
edit, then one save; every refusal is a message on the page, never an error page."""

from pathlib import Path

import lxml.html
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from elearning.documents import MAX_DOCUMENT_BYTES
from elearning.models import Course, Lesson
from quiz.typography import french

from .test_importing import compound_file, word_document

pytestmark = pytest.mark.django_db

URL = reverse("admin:elearning_course_import")
DOCUMENTS = Path(__file__).parent / "documents"
TEXT = "Mon cours\n\nPartie un\n\nUn paragraphe.\n\nPartie deux\n\nUn autre paragraphe ici.\n"


def upload(content, name="article.txt"):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def preview_form(response):
    """The preview's form as the browser would send it: {name: value}."""
    page = lxml.html.fromstring(response.content.decode())
    (form,) = page.xpath('//form[.//input[@name="lessons-TOTAL_FORMS"]]')
    # A browser drops the newline that opens a textarea (Django's widget writes one).
    return {
        name: value.removeprefix("\n") if form.inputs[name].tag == "textarea" else value
        for name, value in form.form_values()
    }


def preview(client, **data):
    response = client.post(URL, data)
    assert response.status_code == 200
    assert response.templates[0].name == "admin/elearning/course/import_preview.html"
    return response


def save(client, response, button="save", **changes):
    data = {**preview_form(response), **changes, button: "1"}
    return client.post(URL, data)


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_the_courses_list_leads_to_the_import_page_with_a_file_and_a_paste_box(
    instructor_client,
):
    changelist = instructor_client.get(reverse("admin:elearning_course_changelist"))
    assert f'href="{URL}">Importer</a>' in changelist.content.decode()
    page = instructor_client.get(URL).content.decode()
    assert 'type="file" name="file"' in page
    assert '<textarea name="text"' in page


def test_an_upload_shows_the_lessons_it_makes_before_anything_is_saved(instructor_client):
    data = (DOCUMENTS / "encyclopedie-mobile.txt").read_bytes()
    response = preview(instructor_client, file=upload(data, "hoquet.txt"))
    assert not Course.objects.exists()

    outline = [
        (form["title"].value(), form.summary()) for form in response.context["preview"].lessons
    ]
    assert [title for title, _ in outline] == [
        "Hoquet",
        "Description",
        "Causes",
        "Conduite à tenir",
    ]
    assert outline[1][1] == {
        "words": 29,
        "minutes": 1,
        "opening": "Chaque secousse dure une fraction de seconde et se répète à intervalles "
        "réguliers. On parle de hoquet persistant au-delà de quarante-huit heures et de "
        "hoquet rebelle au-delà d'un mois.",
    }
    page = response.content.decode()
    assert "Mots" in page and "Lecture" in page and "Premières lignes" in page
    assert '<td class="import-number">29</td>' in page
    assert "Chaque secousse dure une fraction de seconde" in page
    assert preview_form(response)["course-title"] == "Hoquet"


def test_saving_the_preview_creates_the_course_and_names_the_lessons_by_title(
    instructor_client,
):
    response = save(instructor_client, preview(instructor_client, file=upload(TEXT.encode())))
    course = Course.objects.get(slug="mon-cours")
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:elearning_course_change", args=[course.pk])
    assert list(course.lessons.values_list("slug", "title", "body")) == [
        ("partie-un", "Partie un", "Un paragraphe."),
        ("partie-deux", "Partie deux", "Un autre paragraphe ici."),
    ]
    messages = messages_of(instructor_client.get(response["Location"]))
    assert french("Cours créé : Mon cours") in messages
    assert french("2 leçons créées : « Partie un », « Partie deux »") in messages


def test_the_preview_carries_the_lessons_in_the_form_itself(instructor_client, instructor):
    response = preview(instructor_client, file=upload(TEXT.encode()))
    assert preview_form(response)["lessons-1-body"] == "Un autre paragraphe ici."
    # Another browser, sharing nothing with the first but the form, saves the same course.
    other = Client()
    other.force_login(instructor)
    assert save(other, response).status_code == 302
    assert Course.objects.get().lessons.count() == 2


def test_titles_and_texts_edited_in_the_preview_are_what_is_saved(instructor_client):
    response = preview(instructor_client, file=upload(TEXT.encode()))
    save(
        instructor_client,
        response,
        **{
            "course-title": "Cours relu",
            "lessons-0-title": "Première partie",
            "lessons-0-body": "Un paragraphe relu :\n\n- un point\n- un autre",
        },
    )
    course = Course.objects.get()
    assert (course.title, course.slug) == ("Cours relu", "cours-relu")
    assert course.lessons.first().title == "Première partie"
    assert course.lessons.first().body == "Un paragraphe relu :\n\n- un point\n- un autre"


def test_a_lesson_left_out_in_the_preview_is_not_saved(instructor_client):
    response = preview(instructor_client, file=upload(TEXT.encode()))
    save(instructor_client, response, **{"lessons-0-DELETE": "on"})
    assert list(Lesson.objects.values_list("title", "position")) == [("Partie deux", 1)]


BAD_EDITS = [
    ({"lessons-0-title": "  "}, "Donnez un titre à la leçon, ou ne l’importez pas."),
    (
        {"lessons-1-body": ""},
        "La leçon n’a pas de texte\u00a0: écrivez-le, ou n’importez pas la leçon.",
    ),
    ({"course-title": ""}, "Donnez un titre au cours."),
    ({"course-title": "…"}, "Le titre doit contenir des lettres ou des chiffres"),
    ({"lessons-0-DELETE": "on", "lessons-1-DELETE": "on"}, "Gardez au moins une leçon"),
]


@pytest.mark.parametrize(("changes", "message"), BAD_EDITS)
def test_a_bad_edit_is_refused_with_a_message_and_nothing_saved(
    instructor_client, changes, message
):
    response = save(
        instructor_client, preview(instructor_client, file=upload(TEXT.encode())), **changes
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "Veuillez corriger les erreurs ci-dessous." in page
    assert not Course.objects.exists() and not Lesson.objects.exists()
    # The instructor's edits are still there to correct.
    assert preview_form(response)["lessons-1-title"] == "Partie deux"


def test_updating_the_preview_recounts_an_edited_lesson_and_saves_nothing(instructor_client):
    response = preview(instructor_client, file=upload(TEXT.encode()))
    body = " ".join(["mot"] * 400)
    response = save(instructor_client, response, button="refresh", **{"lessons-0-body": body})
    assert response.status_code == 200
    assert response.context["preview"].lessons.forms[0].summary()["words"] == 400
    assert response.context["preview"].lessons.forms[0].summary()["minutes"] == 2
    assert not Course.objects.exists()


def test_pasted_text_is_previewed_as_plain_text(instructor_client):
    response = preview(instructor_client, text=TEXT)
    assert preview_form(response)["lessons-0-title"] == "Partie un"


def test_pasted_html_source_is_previewed_as_its_text(instructor_client):
    paste = "<h1>Mon cours</h1><h2>Partie un</h2><p>Un <b>paragraphe</b>.</p><ul><li>un</li></ul>"
    form = preview_form(preview(instructor_client, text=paste))
    assert (form["course-title"], form["lessons-0-title"]) == ("Mon cours", "Partie un")
    assert form["lessons-0-body"] == "Un **paragraphe**.\n\n- un"


def test_a_word_document_is_previewed(instructor_client):
    form = preview_form(preview(instructor_client, file=upload(word_document(), "fiche.docx")))
    assert form["course-title"] == "Les fasciculations"
    assert form["lessons-2-body"] == "### Bénignes\n\n- la fatigue ;\n- le café."


def test_importing_again_updates_the_course(instructor_client):
    save(instructor_client, preview(instructor_client, text=TEXT))
    response = save(instructor_client, preview(instructor_client, text=TEXT.replace("ici", "là")))
    messages = messages_of(instructor_client.get(response["Location"]))
    assert french("Cours mis à jour : Mon cours") in messages
    assert french("1 leçon mise à jour : « Partie deux »") in messages
    assert Course.objects.count() == 1


REFUSALS = [
    ({"file": upload(b"%PDF-1.7", "cours.pdf")}, "ne sait pas lire ce type de fichier (.pdf)"),
    ({"file": upload(compound_file("EncryptedPackage"), "a.docx")}, "protégé par un mot de passe"),
    ({"file": upload(compound_file("WordDocument"), "a.doc")}, "ancien document Word (.doc)"),
    ({"file": upload(b"")}, "Le fichier soumis est vide."),  # Django's own check
    ({"file": upload(b"a" * (MAX_DOCUMENT_BYTES + 1))}, "trop volumineux"),
    ({"text": "Notes et références[modifier | modifier le code]\n↑ Martin."}, "Il ne reste rien"),
    ({}, "Choisissez un fichier ou collez un texte."),
    ({"text": TEXT, "file": upload(TEXT.encode())}, "pas les deux"),
]


@pytest.mark.parametrize(("data", "message"), REFUSALS)
def test_a_document_it_cannot_use_is_refused_on_the_page_and_nothing_saved(
    instructor_client, data, message
):
    response = instructor_client.post(URL, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Course.objects.exists() and not Lesson.objects.exists()


def test_importing_is_for_instructors_only(client, make_user, instructor_client):
    response = preview(instructor_client, text=TEXT)
    client.force_login(make_user(is_staff=True))  # staff, but no permission on courses
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"text": TEXT}).status_code == 403
    assert save(client, response).status_code == 403
    assert not Course.objects.exists()
