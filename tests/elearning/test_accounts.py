"""Learner accounts: sign-up, e-mail login, lockout, password reset, language."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

pytestmark = pytest.mark.django_db

User = get_user_model()
PASSWORD = "correct-horse-battery"


def signup_data(**overrides):
    data = {
        "email": "Lea.Durand@Example.com",
        "first_name": "Léa",
        "last_name": "Durand",
        "preferred_language": "fr",
        "password1": "une-phrase-longue-2026",
        "password2": "une-phrase-longue-2026",
    }
    data.update(overrides)
    return data


def without_csrf_tokens(response):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def login(client, username, password=PASSWORD, **extra):
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


def test_signup_creates_the_account_and_logs_in(client):
    response = client.post(reverse("signup"), signup_data())
    assert response.status_code == 302
    user = User.objects.get()
    assert user.email == "Lea.Durand@example.com"  # the domain is normalised
    assert (user.first_name, user.last_name) == ("Léa", "Durand")
    assert client.get(reverse("dashboard")).status_code == 200


def test_signup_refuses_a_duplicate_email_whatever_its_case(client, make_user):
    make_user(email="lea.durand@example.com")
    response = client.post(reverse("signup"), signup_data(email="LEA.DURAND@EXAMPLE.COM"))
    assert response.status_code == 200
    assert "Un compte existe déjà avec cette adresse e-mail" in response.content.decode()
    assert User.objects.count() == 1


def test_database_refuses_a_duplicate_email_whatever_its_case(make_user):
    from django.db import IntegrityError, transaction

    make_user(email="lea@example.com")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user(email="LEA@example.com", first_name="L", last_name="D")


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("court-1", "Ce mot de passe est trop court. Il doit contenir au minimum 10 caractères."),
        ("1234567890123", "Ce mot de passe est entièrement numérique."),
        ("motdepasse", "Ce mot de passe est trop courant."),
    ],
)
def test_signup_applies_the_password_validators_in_french(client, password, message):
    response = client.post(reverse("signup"), signup_data(password1=password, password2=password))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.exists()


def test_signup_form_errors_are_in_french(client):
    response = client.post(reverse("signup"), signup_data(email="pas-une-adresse", first_name=""))
    content = response.content.decode()
    assert "Saisissez une adresse de courriel valide." in content
    assert "Ce champ est obligatoire." in content


def test_signup_can_be_closed(client, settings):
    settings.SIGNUP_OPEN = False
    assert client.get(reverse("signup")).status_code == 403
    response = client.post(reverse("signup"), signup_data())
    assert response.status_code == 403
    assert "Les inscriptions sont fermées" in response.content.decode()
    assert not User.objects.exists()
    assert reverse("signup") not in client.get("/").content.decode()


def test_login_with_the_email_in_any_case(client, make_user):
    make_user(email="lea@example.com", password=PASSWORD)
    response = login(client, "LEA@Example.COM")
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")


def test_wrong_password_gets_a_french_message(client, make_user):
    make_user(email="lea@example.com")
    response = login(client, "lea@example.com", "mauvais-mot-de-passe")
    assert response.status_code == 200
    assert "L’adresse e-mail ou le mot de passe est incorrect." in response.content.decode()


def test_login_switches_to_the_learners_language(client, make_user):
    make_user(email="lea@example.com", preferred_language="en")
    response = login(client, "lea@example.com")
    assert response.cookies["django_language"].value == "en"
    assert '<html lang="en">' in client.get("/").content.decode()


def test_logout_is_post_only(client, learner):
    client.force_login(learner)
    assert client.get(reverse("logout")).status_code == 405
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("dashboard")).status_code == 302


def test_profile_edits_name_and_language(client, learner):
    client.force_login(learner)
    response = client.post(
        reverse("profile"),
        {"first_name": "Zoë", "last_name": "Ñúñez", "preferred_language": "en"},
    )
    assert response.status_code == 302
    learner.refresh_from_db()
    assert (learner.first_name, learner.last_name, learner.preferred_language) == (
        "Zoë",
        "Ñúñez",
        "en",
    )
    bad = client.post(
        reverse("profile"), {"first_name": "", "last_name": "X", "preferred_language": "xx"}
    )
    assert bad.status_code == 200
    learner.refresh_from_db()
    assert learner.first_name == "Zoë"


def test_password_change(client, learner):
    client.force_login(learner)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "nouvelle-phrase-2026",
            "new_password2": "nouvelle-phrase-2026",
        },
    )
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.check_password("nouvelle-phrase-2026")


def test_password_reset_link_uses_the_canonical_address(client, learner, settings):
    from django.urls import clear_url_caches

    response = client.post(
        reverse("password_reset"), {"email": learner.email.upper()}, HTTP_HOST="127.0.0.1"
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert f"{settings.SITE_URL}/accounts/password/reset/" in body
    clear_url_caches()


def test_password_reset_for_an_unknown_address_looks_the_same(client):
    response = client.post(reverse("password_reset"), {"email": "personne@example.com"})
    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    assert mail.outbox == []


class TestLockout:
    @pytest.fixture(autouse=True)
    def _limit(self, settings):
        settings.AXES_FAILURE_LIMIT = 3

    def fail(self, client, username, address, times):
        for _ in range(times):
            response = login(client, username, "mauvais-mot-de-passe", REMOTE_ADDR=address)
        return response

    def test_repeated_failures_lock_that_name_from_that_address(self, client, make_user):
        make_user(email="lea@example.com")
        response = self.fail(client, "lea@example.com", "10.0.0.1", 3)
        assert response.status_code == 429
        content = response.content.decode()
        assert "réessayez dans 15 minutes" in content
        # Even the right password is refused during the lockout.
        assert login(client, "lea@example.com", REMOTE_ADDR="10.0.0.1").status_code == 429

    def test_case_variants_of_the_name_count_together(self, client, make_user):
        make_user(email="lea@example.com")
        self.fail(client, "lea@example.com", "10.0.0.1", 2)
        response = login(client, "LEA@EXAMPLE.COM", "faux-encore", REMOTE_ADDR="10.0.0.1")
        assert response.status_code == 429

    def test_classmates_behind_the_same_school_address_are_not_locked(self, client, make_user):
        make_user(email="lea@example.com")
        make_user(email="tom@example.com")
        self.fail(client, "lea@example.com", "10.0.0.1", 3)
        assert login(client, "tom@example.com", REMOTE_ADDR="10.0.0.1").status_code == 302

    def test_the_lockout_does_not_reveal_whether_the_account_exists(self, client, make_user):
        make_user(email="lea@example.com")
        real = self.fail(client, "lea@example.com", "10.0.0.1", 3)
        ghost = self.fail(client, "personne@example.com", "10.0.0.1", 3)
        assert real.status_code == ghost.status_code == 429
        assert without_csrf_tokens(real) == without_csrf_tokens(ghost)

    def test_forwarded_header_is_ignored_without_a_trusted_proxy(self, client, make_user):
        make_user(email="lea@example.com")
        for n in range(3):
            login(
                client,
                "lea@example.com",
                "faux",
                REMOTE_ADDR="10.0.0.1",
                HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",
            )
        # Forging a new X-Forwarded-For does not dodge the lockout.
        response = login(
            client, "lea@example.com", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.9"
        )
        assert response.status_code == 429

    def test_behind_a_trusted_proxy_the_client_address_is_read(self, client, make_user, settings):
        settings.AXES_IPWARE_PROXY_COUNT = 1
        settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
        make_user(email="lea@example.com")
        proxy = "10.0.0.254"
        for _ in range(3):
            login(
                client,
                "lea@example.com",
                "faux",
                REMOTE_ADDR=proxy,
                HTTP_X_FORWARDED_FOR="203.0.113.7, 10.0.0.254",
            )
        locked = login(
            client,
            "lea@example.com",
            REMOTE_ADDR=proxy,
            HTTP_X_FORWARDED_FOR="203.0.113.7, 10.0.0.254",
        )
        assert locked.status_code == 429
        # The same name from another client behind the same proxy still logs in.
        other = login(
            client,
            "lea@example.com",
            REMOTE_ADDR=proxy,
            HTTP_X_FORWARDED_FOR="203.0.113.8, 10.0.0.254",
        )
        assert other.status_code == 302


def test_on_redis_the_lockout_is_counted_in_the_shared_cache(make_user, settings):
    """With REDIS_URL, django-axes counts failures in Redis: a lockout earned through one app
    server holds on another, and no failure row is written to the database."""
    from axes.handlers.proxy import AxesProxyHandler
    from axes.models import AccessAttempt
    from django.core.cache import caches
    from django.test import Client

    from tests.elearning.test_sessions import TEST_REDIS_URL

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": TEST_REDIS_URL,
        }
    }
    settings.AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
    settings.AXES_FAILURE_LIMIT = 3
    caches["default"].clear()
    AxesProxyHandler.get_implementation(force=True)
    try:
        make_user(email="lea@example.com")
        for _ in range(3):
            login(Client(), "lea@example.com", "mauvais-mot-de-passe", REMOTE_ADDR="10.0.0.1")
        other_server = Client()
        assert login(other_server, "lea@example.com", REMOTE_ADDR="10.0.0.1").status_code == 429
        assert not AccessAttempt.objects.exists()
    finally:
        caches["default"].clear()
        settings.AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
        AxesProxyHandler.get_implementation(force=True)
