"""Her data: the "Mes données" page, its JSON download, deleting her account (what goes,
what stays anonymous, her certificates per the school's setting) and the privacy page."""

import json

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from elearning import completion, personal_data
from elearning.models import (
    Certificate,
    Cohort,
    CohortMembership,
    Enrolment,
    LessonProgress,
    LoginSession,
    User,
)
from quiz.attempts import start_attempt
from quiz.models import Accommodation, Attempt, Response, ReviewCard
from quiz.statistics import ALL, FIRST, quiz_statistics
from quiz.typography import french
from tests.conftest import TEST_COHORT

from .flows import read_all_lessons, take_final

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


def everything(user, course, cohort, *, failed_attempts=1):
    """Give ``user`` some of every kind of data: a cohort, her course's lessons done, failed
    then passed final quizzes (so a certificate), a checkpoint left in progress, a review
    card and an accommodation."""
    Cohort.objects.get_or_create(name=cohort)[0].learners.add(user)
    browser = Client()
    browser.force_login(user)
    read_all_lessons(browser, course)
    for _ in range(failed_attempts):
        take_final(browser, course, right_answers=1)
    take_final(browser, course)
    checkpoint = course.lessons.get(position=1).checkpoint_quiz
    start_attempt(user, checkpoint)
    question = course.final_quiz.questions.first()
    ReviewCard.objects.create(learner=user, question=question, due=timezone.now())
    Accommodation.objects.create(
        learner=user, quiz=checkpoint, extra_minutes=10, reason=f"Tiers-temps {user.last_name}"
    )
    return Certificate.objects.get(learner=user)


@pytest.fixture
def alice(make_user, quiz_course):
    user = make_user(first_name="Alice", last_name="Dupont", email="alice@example.com")
    everything(user, quiz_course, TEST_COHORT)
    return user


@pytest.fixture
def berenice(make_user, quiz_course):
    user = make_user(first_name="Bérénice", last_name="Martin", email="berenice@example.com")
    everything(user, quiz_course, "Promotion de Bérénice")
    return user


def download(client):
    response = client.post(reverse("my_data_download"))
    assert response.status_code == 200
    return response


# The export -------------------------------------------------------------------------------


def test_the_export_holds_all_of_hers(client, alice, berenice, quiz_course):
    client.force_login(alice)
    response = download(client)
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="mes-donnees-')
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert list(data) == [
        "format",
        "version",
        "exported_at",
        "profile",
        "cohorts",
        "enrolments",
        "lessons_done",
        "attempts",
        "review_cards",
        "certificates",
        "accommodations",
        "login_sessions",
    ]
    assert (data["format"], data["version"]) == ("elearning-personal-data", 1)
    assert data["profile"]["email"] == "alice@example.com"
    assert (data["profile"]["first_name"], data["profile"]["last_name"]) == ("Alice", "Dupont")
    assert [cohort["name"] for cohort in data["cohorts"]] == [TEST_COHORT]
    assert [enrolment["course_slug"] for enrolment in data["enrolments"]] == [quiz_course.slug]
    assert len(data["lessons_done"]) == 3
    mine = Attempt.objects.filter(learner=alice)
    assert len(data["attempts"]) == mine.count() == 3
    states = sorted(attempt["state"] for attempt in data["attempts"])
    assert states == ["in_progress", "submitted", "submitted"]
    final = next(a for a in data["attempts"] if a["quiz"] == "Final" and a["passed"])
    assert (final["score"], final["max_score"]) == ("5", "5")
    assert len(final["answers"]) == 5
    answer = final["answers"][0]
    assert answer["selected"] and set(answer["selected"]) <= set(answer["choices"])
    assert len(data["review_cards"]) == ReviewCard.objects.filter(learner=alice).count() == 5
    certificate = Certificate.objects.get(learner=alice)
    assert [c["code"] for c in data["certificates"]] == [certificate.display_code]
    assert data["certificates"][0]["name"] == "Alice Dupont"
    assert [a["reason"] for a in data["accommodations"]] == ["Tiers-temps Dupont"]


def test_the_export_holds_nothing_of_another_learner(client, alice, berenice):
    client.force_login(alice)
    text = download(client).content.decode()
    theirs = Certificate.objects.get(learner=berenice)
    for trace in (
        "berenice@example.com",
        "Martin",
        "Bérénice",
        theirs.display_code,
        theirs.code,
        "Promotion de Bérénice",
        "Tiers-temps Martin",
    ):
        assert trace not in text
    # Every attempt listed is hers: as many as she has, their start times hers.
    data = json.loads(text)
    started = sorted(a["started_at"] for a in data["attempts"])
    expected = sorted(
        personal_data._when(a.started_at) for a in Attempt.objects.filter(learner=alice)
    )
    assert started == expected


def test_the_answer_keys_stay_out_of_the_export(client, alice):
    """Her answers, not which choices were right: the final quiz's review rules keep those."""
    client.force_login(alice)
    data = json.loads(download(client).content)
    for attempt in data["attempts"]:
        for answer in attempt["answers"]:
            assert set(answer) == {
                "position",
                "question",
                "choices",
                "selected",
                "answered_at",
                "confidence",
            }


@pytest.mark.parametrize("failed_attempts", [0, 2])
def test_the_export_runs_a_fixed_number_of_queries(
    client, make_user, quiz_course, django_assert_num_queries, failed_attempts
):
    """Nine queries for the export, whatever she has done; the page adds the session's
    and the user's."""
    user = make_user()
    everything(user, quiz_course, TEST_COHORT, failed_attempts=failed_attempts)
    with django_assert_num_queries(9):
        personal_data.export(user)
    client.force_login(user)
    with django_assert_num_queries(11):
        download(client)


# The pages --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("my_data", "get"),
        ("my_data_download", "post"),
        ("account_delete", "get"),
        ("account_delete", "post"),
    ],
)
def test_her_data_pages_need_a_login(client, name, method):
    response = getattr(client, method)(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_download_is_a_post(client, learner):
    client.force_login(learner)
    assert client.get(reverse("my_data_download")).status_code == 405


def test_the_page_is_reached_from_her_profile_and_is_in_french(client, learner):
    client.force_login(learner)
    assert f'href="{reverse("my_data")}"' in client.get(reverse("profile")).content.decode()
    page = client.get(reverse("my_data"))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Mes données" in html and "Télécharger mes données (JSON)" in html
    assert f'action="{reverse("my_data_download")}"' in html
    assert f'href="{reverse("account_delete")}"' in html
    assert "no-store" in page["Cache-Control"]


def test_the_page_in_english(client, make_user):
    client.force_login(make_user(preferred_language="en"))
    client.cookies["django_language"] = "en"
    html = client.get(reverse("my_data")).content.decode()
    assert "My data" in html and "Download my data (JSON)" in html


# Deleting her account ---------------------------------------------------------------------


def counts():
    return {
        "users": User.objects.count(),
        "attempts": Attempt.objects.count(),
        "responses": Response.objects.count(),
        "anonymous": Attempt.objects.filter(learner__isnull=True).count(),
        "memberships": CohortMembership.objects.count(),
        "enrolments": Enrolment.objects.count(),
        "progress": LessonProgress.objects.count(),
        "cards": ReviewCard.objects.count(),
        "certificates": Certificate.objects.count(),
        "accommodations": Accommodation.objects.count(),
    }


def delete(client, password=PASSWORD):
    return client.post(reverse("account_delete"), {"password": password})


def test_a_wrong_password_deletes_nothing(client, alice, berenice):
    client.force_login(alice)
    before = counts()
    response = delete(client, "not-her-password")
    assert response.status_code == 400
    assert french("Ce n'est pas votre mot de passe : votre compte n'a pas été supprimé.") in (
        response.content.decode()
    )
    assert counts() == before
    assert client.get(reverse("my_data")).status_code == 200  # still logged in


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"password": ""},
        {"password": "x" * 100_000},
        {"password": "abc\x00def"},
        {"password": ["one", "two"]},
        {"password": "\u202eevil\u202c"},
    ],
)
def test_bad_input_is_refused_with_a_message(client, alice, data):
    client.force_login(alice)
    before = counts()
    response = client.post(reverse("account_delete"), data)
    assert response.status_code == 400
    assert 'class="invalid-feedback' in response.content.decode()
    assert counts() == before


def test_guessing_her_password_here_is_locked_out(client, alice, settings):
    """Someone at her unlocked device cannot try passwords here without limit: the login's
    lockout counts them, and then refuses even the right one."""
    settings.AXES_FAILURE_LIMIT = 3
    client.force_login(alice)
    before = counts()
    statuses = [delete(client, f"guess-{n}").status_code for n in range(3)]
    assert statuses[:2] == [400, 400] and statuses[2] == 429
    assert delete(client).status_code == 429
    assert counts() == before


def test_the_confirmation_step_asks_for_her_password(client, alice):
    client.force_login(alice)
    page = client.get(reverse("account_delete"))
    html = page.content.decode()
    assert page.status_code == 200
    assert 'type="password"' in html and 'autocomplete="current-password"' in html
    assert "Supprimer mon compte pour de bon" in html
    assert User.objects.filter(pk=alice.pk).exists()


def test_deleting_her_account(client, alice, berenice, quiz_course):
    client.force_login(alice)
    session_key = client.session.session_key
    assert LoginSession.objects.filter(user=alice, session_key=session_key).exists()
    AccessLog.objects.create(username="alice@example.com", ip_address="127.0.0.1")
    AccessAttempt.objects.create(
        username="alice@example.com", ip_address="127.0.0.1", failures_since_start=1
    )
    AccessLog.objects.create(username="berenice@example.com", ip_address="127.0.0.1")
    hers = list(Attempt.objects.filter(learner=alice, state="submitted").values_list("pk"))
    cards = ReviewCard.objects.filter(learner=alice).count()
    before = counts()

    response = delete(client)

    assert response.status_code == 302 and response["Location"] == reverse("account_deleted")
    assert not User.objects.filter(pk=alice.pk).exists()
    after = counts()
    assert after["users"] == before["users"] - 1
    # Her submitted attempts stay, anonymous, with their answers; the one in progress goes.
    assert after["attempts"] == before["attempts"] - 1
    assert after["anonymous"] == len(hers) == 2
    assert set(Attempt.objects.filter(learner__isnull=True).values_list("pk")) == set(hers)
    assert after["responses"] == before["responses"] - 3  # the checkpoint's three questions
    for name in ("memberships", "enrolments", "accommodations"):
        assert after[name] == before[name] - 1, name
    assert after["cards"] == before["cards"] - cards
    assert after["progress"] == before["progress"] - 3
    # Logged out, everywhere; her login records gone, Bérénice's kept.
    assert not Session.objects.filter(session_key=session_key).exists()
    assert client.get(reverse("my_data")).status_code == 302
    assert not AccessLog.objects.filter(username="alice@example.com").exists()
    assert not AccessAttempt.objects.filter(username="alice@example.com").exists()
    assert AccessLog.objects.filter(username="berenice@example.com").exists()
    # Bérénice keeps all of hers.
    assert Attempt.objects.filter(learner=berenice).count() == 3
    assert Certificate.objects.filter(learner=berenice).count() == 1
    page = client.get(reverse("account_deleted"))
    assert page.status_code == 200
    assert "Votre compte a été supprimé" in page.content.decode()


def test_the_deletion_is_all_or_nothing(client, alice, monkeypatch):
    def fail(user):
        raise RuntimeError("the session store is down")

    monkeypatch.setattr(personal_data, "end_every_session", fail)
    before = counts()
    with pytest.raises(RuntimeError):
        personal_data.delete_account(alice)
    assert counts() == before
    assert Attempt.objects.filter(learner=alice).count() == 3


def test_staff_accounts_are_not_deleted_here(client, instructor):
    client.force_login(instructor)
    assert client.get(reverse("account_delete")).status_code == 403
    assert delete(client).status_code == 403
    assert "administrateur" in client.get(reverse("my_data")).content.decode()
    with pytest.raises(personal_data.DeletionRefused):
        personal_data.delete_account(instructor)
    assert User.objects.filter(pk=instructor.pk).exists()


def test_the_statistics_give_the_same_figures_after_her_deletion(
    alice, berenice, quiz_course, instructor_client, admin_client
):
    """The school's figures, and her instructor's (the cohort she was in), are the same."""
    quiz = quiz_course.final_quiz
    url = reverse("admin:quiz_quiz_statistics", args=[quiz.pk])

    def figures():
        return {
            "first": quiz_statistics(quiz, attempts=FIRST),
            "all": quiz_statistics(quiz, attempts=ALL),
            "admin": admin_client.get(url).context["figures"],
            "instructor": instructor_client.get(url).context["figures"],
            "instructor all": instructor_client.get(f"{url}?attempts=all").context["figures"],
        }

    before = figures()
    assert before["all"].attempt_count == 4 and before["all"].learner_count == 2
    assert before["instructor all"].attempt_count == 2  # Alice's, in the cohort she teaches
    hers = Client()
    hers.force_login(alice)
    assert delete(hers).status_code == 302
    after = figures()
    assert after == before
    assert after["instructor all"].learner_count == 1


@pytest.mark.parametrize("keep", [True, False])
def test_her_certificates_stay_verifiable_only_if_the_school_says_so(
    client, alice, instructor, settings, keep
):
    settings.KEEP_CERTIFICATES_AFTER_DELETION = keep
    first = Certificate.objects.get(learner=alice)
    # A reissued certificate: the new one protects the one it replaces.
    second = completion.reissue_certificate(first, instructor, "Nom mal orthographié")
    client.force_login(alice)
    warning = client.get(reverse("account_delete")).content.decode()
    assert ("Vos certificats, tels qu’ils ont été délivrés" in warning) is keep
    assert ("leurs codes ne seront plus reconnus" in warning) is not keep
    assert delete(client).status_code == 302
    visitor = Client()
    page = visitor.get(reverse("certificate_verify_code", args=[second.display_code]))
    html = page.content.decode()
    if keep:
        assert page.status_code == 200
        assert "authentique" in html and "Alice Dupont" in html
        assert Certificate.objects.filter(learner__isnull=True).count() == 2
    else:
        assert page.status_code == 404
        assert "Aucun certificat ne porte ce code" in html
        assert not Certificate.objects.filter(code__in=[first.code, second.code]).exists()


def test_a_kept_certificate_of_a_deleted_account_still_prints(client, alice, admin_client):
    certificate = Certificate.objects.get(learner=alice)
    client.force_login(alice)
    delete(client)
    response = admin_client.get(reverse("certificate_pdf", args=[certificate.display_code]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    certificate.refresh_from_db()
    assert completion.issue_again(certificate) is None  # nobody to issue it to


def test_the_admin_shows_what_stays_of_a_deleted_account(client, alice, admin_client):
    """Her anonymous attempts and kept certificate, listed and opened; reissuing one is
    refused (nobody to issue it to) and revoking it still works."""
    certificate = Certificate.objects.get(learner=alice)
    client.force_login(alice)
    delete(client)
    attempt = Attempt.objects.filter(learner__isnull=True).first()
    for url in (
        reverse("admin:quiz_attempt_changelist"),
        reverse("admin:quiz_attempt_change", args=[attempt.pk]),
        reverse("admin:elearning_certificate_changelist"),
        reverse("admin:elearning_certificate_change", args=[certificate.pk]),
    ):
        assert admin_client.get(url).status_code == 200, url
    changelist = reverse("admin:elearning_certificate_changelist")
    selected = {"_selected_action": [certificate.pk], "apply": "yes", "reason": "Erreur"}
    assert admin_client.post(changelist, {"action": "reissue", **selected}).status_code == 302
    assert Certificate.objects.count() == 1
    assert admin_client.post(changelist, {"action": "revoke", **selected}).status_code == 302
    certificate.refresh_from_db()
    assert certificate.is_revoked


# The privacy page -------------------------------------------------------------------------


def test_every_page_links_to_the_privacy_page(client, learner):
    for url in (reverse("catalogue"), reverse("login"), reverse("certificate_verify")):
        assert f'href="{reverse("privacy")}"' in client.get(url).content.decode(), url


def test_the_privacy_page_says_what_who_and_how_long(client, settings):
    settings.PRIVACY_CONTACT_EMAIL = "dpo@ifsi.example.org"
    page = client.get(reverse("privacy"))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Confidentialité" in html
    assert 'href="mailto:dpo@ifsi.example.org"' in html
    assert "14\u00a0jours" in html or "14 jours" in html
    assert "aucune requête à un tiers" in html
    settings.PRIVACY_CONTACT_EMAIL = ""
    assert "administration de votre école" in client.get(reverse("privacy")).content.decode()


def test_the_privacy_page_in_english(client):
    client.cookies["django_language"] = "en"
    html = client.get(reverse("privacy")).content.decode()
    assert "The site sends no request to any third party" in html
