"""A person's name (elearning.names): control and invisible formatting characters refused
with a message by every form that takes one, names stored composed (NFC), and every name
shown isolated, so that a right-to-left override cannot reorder the text around it."""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from elearning.models import Certificate, Cohort, CohortMembership, User
from elearning.names import normalise_name, printable_name, validate_name
from tests.elearning.flows import read_all_lessons, take_final

SPOOF = "Dupont \u202e)eéuqovér( \u202c"
FRENCH_MESSAGE = "Ce nom contient des caractères invisibles ou de contrôle"


@pytest.mark.parametrize(
    "char",
    [
        *(chr(code) for code in range(0x202A, 0x202F)),  # embeddings and overrides
        *(chr(code) for code in range(0x2066, 0x206A)),  # isolates
        "\u200e",  # left-to-right mark
        "\u200f",  # right-to-left mark
        "\u061c",  # Arabic letter mark
        "\u200b",  # zero-width space
        "\u200d",  # zero-width joiner
        "\u00ad",  # soft hyphen
        "\ufeff",  # byte order mark
        "\x00",
        "\t",
        "\n",
        "\x1b",
        "\x7f",
        "\x85",
        "\u2028",  # line separator
        "\u2029",  # paragraph separator
    ],
)
def test_a_control_or_invisible_character_is_refused(char):
    with pytest.raises(ValidationError) as refused:
        validate_name(f"Lé{char}a")
    assert refused.value.code == "control_characters"
    assert f"U+{ord(char):04X}" in refused.value.messages[0]


@pytest.mark.parametrize(
    "name",
    ["Léa", "Nguyễn Thị Thảo", "O’Brien", "Jean-Pierre", "Zoë Ñúñez", "محمد", "יעל", "李 小龙"],
)
def test_names_of_every_script_and_their_spaces_pass(name):
    validate_name(name)
    validate_name(name.replace(" ", "\u00a0"))


def test_names_are_stored_composed_on_one_line_with_single_spaces():
    assert normalise_name("  Zoe\u0308   Ñu\u0301n\u0303ez ") == "Zoë Ñúñez"
    assert printable_name(SPOOF) == "Dupont )eéuqovér("


def signup_data(**overrides):
    return {
        "email": "lea@example.com",
        "first_name": "Léa",
        "last_name": "Durand",
        "preferred_language": "fr",
        "password1": "une-phrase-longue-2026",
        "password2": "une-phrase-longue-2026",
        **overrides,
    }


@pytest.mark.django_db
def test_signup_refuses_a_name_with_a_direction_override_in_french(client):
    response = client.post(reverse("signup"), signup_data(last_name=SPOOF))
    assert response.status_code == 200
    assert FRENCH_MESSAGE in response.content.decode()
    assert "U+202E, U+202C" in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.django_db
def test_signup_stores_the_name_composed(client):
    response = client.post(
        reverse("signup"), signup_data(first_name="Zoe\u0308  Marie", last_name="Nun\u0303ez")
    )
    assert response.status_code == 302
    user = User.objects.get()
    assert (user.first_name, user.last_name) == ("Zoë Marie", "Nuñez")


@pytest.mark.django_db
def test_the_profile_refuses_it_and_keeps_the_name(client, learner):
    client.force_login(learner)
    response = client.post(
        reverse("profile"),
        {"first_name": "Lé\x1ba", "last_name": SPOOF, "preferred_language": "fr"},
    )
    assert response.status_code == 200
    assert response.content.decode().count(FRENCH_MESSAGE) == 2
    learner.refresh_from_db()
    assert learner.first_name == "Léa" and "\u202e" not in learner.last_name


@pytest.mark.django_db
def test_the_profile_stores_the_name_composed(client, learner):
    client.force_login(learner)
    client.post(
        reverse("profile"),
        {"first_name": "Zoe\u0308", "last_name": "X", "preferred_language": "fr"},
    )
    learner.refresh_from_db()
    assert learner.first_name == "Zoë"


@pytest.fixture
def superuser_client(client, django_user_model):
    root = django_user_model.objects.create_superuser(
        email="root@example.com", password="a-long-password-1", first_name="R", last_name="S"
    )
    client.force_login(root)
    return client


@pytest.mark.django_db
def test_the_admin_refuses_it_when_adding_and_changing_a_user(superuser_client, learner):
    added = superuser_client.post(
        reverse("admin:elearning_user_add"),
        {
            "email": "new@example.com",
            "first_name": "Léa",
            "last_name": SPOOF,
            "password1": "une-phrase-longue-2026",
            "password2": "une-phrase-longue-2026",
        },
    )
    assert added.status_code == 200
    assert FRENCH_MESSAGE in added.content.decode()
    assert not User.objects.filter(email="new@example.com").exists()
    url = reverse("admin:elearning_user_change", args=[learner.pk])
    page = superuser_client.get(url)
    data = {
        name: value
        for name, value in page.context["adminform"].form.initial.items()
        if value is not None and name not in ("groups", "user_permissions", "password")
    }
    changed = superuser_client.post(
        url, {**data, "first_name": "\u2067Léa\u2069", "date_joined_0": "", "last_login_0": ""}
    )
    assert FRENCH_MESSAGE in changed.content.decode()
    learner.refresh_from_db()
    assert learner.first_name == "Léa"


@pytest.fixture
def spoofed_certificate(learner, quiz_course):
    """A learner whose name was stored before the rule, with a certificate of it."""
    User.objects.filter(pk=learner.pk).update(last_name=SPOOF)
    her = Client()
    her.force_login(learner)
    read_all_lessons(her, quiz_course)
    take_final(her, quiz_course)
    return Certificate.objects.get(learner=learner)


@pytest.mark.django_db
def test_the_verification_page_isolates_the_name(client, spoofed_certificate):
    page = client.get(reverse("certificate_verify_code", args=[spoofed_certificate.display_code]))
    assert re.search(
        r"<dd[^>]*><bdi>Léa Dupont \u202e\)eéuqovér\( \u202c</bdi></dd>", page.content.decode()
    )


@pytest.mark.django_db
def test_the_navigation_isolates_her_name(client, learner, spoofed_certificate):
    client.force_login(learner)
    page = client.get(reverse("dashboard")).content.decode()
    assert "<bdi>Léa Dupont \u202e)eéuqovér( \u202c</bdi>" in page


@pytest.mark.django_db
def test_the_pdf_prints_the_name_without_its_override(client, learner, spoofed_certificate):
    client.force_login(learner)
    response = client.get(reverse("certificate_pdf", args=[spoofed_certificate.display_code]))
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Léa Dupont )eéuqovér(" in text
    assert not set(text) & {"\u202e", "\u202c", "\u2068", "\u2069"}


@pytest.mark.django_db
def test_the_admin_lists_and_reports_isolate_the_name(
    superuser_client, spoofed_certificate, quiz_course
):
    isolated = "<bdi>Léa Dupont \u202e)eéuqovér( \u202c</bdi>"
    users = superuser_client.get(reverse("admin:elearning_user_changelist")).content.decode()
    assert isolated in users
    certificates = superuser_client.get(
        reverse("admin:elearning_certificate_changelist")
    ).content.decode()
    assert isolated in certificates
    report = superuser_client.get(
        reverse("admin:elearning_course_report", args=[quiz_course.pk])
    ).content.decode()
    assert isolated in report
    record = superuser_client.get(
        reverse("admin:elearning_user_record", args=[spoofed_certificate.learner_id])
    ).content.decode()
    assert "\u2068Léa Dupont \u202e)eéuqovér( \u202c\u2069" in record


@pytest.mark.django_db
def test_the_forms_ask_the_browser_to_set_a_name_s_direction(client, learner):
    page = client.get(reverse("signup")).content.decode()
    assert re.search(
        r'<input[^>]*name="last_name"[^>]*dir="auto"|<input[^>]*dir="auto"[^>]*name="last_name"',
        page,
    )
    client.force_login(learner)
    page = client.get(reverse("profile")).content.decode()
    assert re.search(
        r'<input[^>]*dir="auto"[^>]*name="first_name"|<input[^>]*name="first_name"[^>]*dir="auto"',
        page,
    )


@pytest.mark.django_db
def test_where_no_markup_can_go_the_name_is_isolated_as_text(superuser_client, learner):
    """The admin's autocomplete results and select options print str(user): between
    U+2068 and U+2069, a right-to-left name cannot reorder what follows it."""
    User.objects.filter(pk=learner.pk).update(first_name="ليلى", last_name="Dupont")
    learner.refresh_from_db()
    assert str(learner) == "\u2068ليلى Dupont\u2069"
    cohort = Cohort.objects.create(name="Promotion 2026")
    CohortMembership.objects.create(cohort=cohort, learner=learner)
    found = superuser_client.get(
        "/admin/autocomplete/",
        {
            "app_label": "elearning",
            "model_name": "cohortmembership",
            "field_name": "learner",
            "term": "Dupont",
        },
    ).json()["results"]
    assert [row["text"] for row in found] == ["\u2068ليلى Dupont\u2069"]
    page = superuser_client.get(reverse("admin:elearning_cohort_change", args=[cohort.pk]))
    assert re.search(
        r"<option [^>]*selected>\u2068ليلى Dupont\u2069</option>", page.content.decode()
    )
