"""Sessions live on the server: logging out, or "log out of every device", ends them, so a
copied session cookie no longer signs anyone in."""

import os

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from elearning.models import LoginSession

from .test_settings import run_django

pytestmark = pytest.mark.django_db


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def with_cookie_of(client):
    """Another browser holding a copy of `client`'s session cookie."""
    thief = Client()
    name = settings.SESSION_COOKIE_NAME
    thief.cookies[name] = client.cookies[name].value
    return thief


def signs_in(client):
    return client.get(reverse("dashboard")).status_code == 200


def test_logging_out_ends_the_session_on_the_server(learner):
    client = signed_in(learner)
    copy = with_cookie_of(client)
    assert signs_in(copy)
    client.post(reverse("logout"))
    assert not signs_in(copy)
    assert not LoginSession.objects.filter(user=learner).exists()


def test_logging_out_of_every_device_ends_every_session(learner, make_user):
    phone, laptop, other = signed_in(learner), signed_in(learner), signed_in(make_user())
    copy = with_cookie_of(laptop)
    assert LoginSession.objects.filter(user=learner).count() == 2
    response = phone.post(reverse("logout_everywhere"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("login"))
    assert "Toutes les sessions de votre compte ont été fermées" in response.content.decode()
    assert not signs_in(phone) and not signs_in(laptop) and not signs_in(copy)
    assert signs_in(other)  # someone else's session is hers
    assert not LoginSession.objects.filter(user=learner).exists()


def test_sessions_cleared_once_expired_are_forgotten_at_the_next_login(learner):
    signed_in(learner)
    Session.objects.all().delete()  # what 'manage.py clearsessions' does to expired ones
    signed_in(learner)
    assert LoginSession.objects.filter(user=learner).count() == 1


def test_the_profile_page_offers_it_as_a_form(learner):
    page = signed_in(learner).get(reverse("profile")).content.decode()
    assert f'action="{reverse("logout_everywhere")}"' in page
    assert "Me déconnecter de tous mes appareils" in page


@pytest.mark.parametrize("method", ["get", "put"])
def test_logging_out_of_every_device_takes_a_post(learner, method):
    client = signed_in(learner)
    assert getattr(client, method)(reverse("logout_everywhere")).status_code == 405
    assert signs_in(client)


def test_logging_out_of_every_device_asks_an_anonymous_visitor_to_sign_in(client):
    response = client.post(reverse("logout_everywhere"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_without_redis_sessions_are_in_the_database_and_the_cache_is_local():
    result = run_django(
        """
        from django.conf import settings
        print(settings.CACHES["default"]["BACKEND"])
        print(settings.SESSION_ENGINE)
        print(settings.AXES_HANDLER)
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.core.cache.backends.locmem.LocMemCache",
        "django.contrib.sessions.backends.db",
        "axes.handlers.database.AxesDatabaseHandler",
    ]


def test_with_redis_the_cache_the_sessions_and_the_login_throttling_share_it():
    result = run_django(
        """
        from django.conf import settings
        print(settings.CACHES["default"]["BACKEND"], settings.CACHES["default"]["LOCATION"])
        print(settings.SESSION_ENGINE)
        print(settings.AXES_HANDLER)
        """,
        env={"REDIS_URL": "redis://127.0.0.1:6379/3"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.core.cache.backends.redis.RedisCache",
        "redis://127.0.0.1:6379/3",
        "django.contrib.sessions.backends.cached_db",
        "axes.handlers.cache.AxesCacheHandler",
    ]


# The Redis server the machine runs (see the README); a database of its own.
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def test_on_redis_every_device_is_logged_out_through_the_shared_cache(learner, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": TEST_REDIS_URL,
        }
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    caches["default"].clear()
    phone, laptop = signed_in(learner), signed_in(learner)
    assert signs_in(laptop)  # now in the shared cache
    phone.post(reverse("logout_everywhere"))
    assert not signs_in(laptop)
