"""The password reset form sends a few mails per address and per client in a window, then
answers the same neutral page without sending any (elearning.throttling)."""

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

pytestmark = pytest.mark.django_db


def ask(client, email, address="203.0.113.9"):
    response = client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=address)
    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    return response


@pytest.fixture
def limits(settings):
    settings.PASSWORD_RESET_LIMIT_PER_ADDRESS = 3
    settings.PASSWORD_RESET_LIMIT_PER_CLIENT = 5
    settings.PASSWORD_RESET_WINDOW_MINUTES = 60
    return settings


def test_an_address_gets_a_few_mails_then_the_same_page_and_no_mail(client, learner, limits):
    for _ in range(3):
        ask(client, learner.email)
    assert len(mail.outbox) == 3
    for address in ("198.51.100.1", "198.51.100.2"):  # from other clients too
        ask(client, learner.email.upper(), address)
    assert len(mail.outbox) == 3


def test_the_address_gets_mail_again_after_the_window(client, learner, limits):
    # In the process's memory: Redis counts a window on its own clock, which the test
    # cannot move.
    limits.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    with time_machine.travel("2026-12-01 09:00 +0000", tick=False) as clock:
        for _ in range(4):
            ask(client, learner.email)
        assert len(mail.outbox) == 3
        clock.shift(61 * 60)
        ask(client, learner.email)
    assert len(mail.outbox) == 4


def test_one_client_asking_for_many_addresses_is_throttled(client, make_user, limits):
    learners = [make_user() for _ in range(7)]
    for learner in learners:
        ask(client, learner.email)
    assert [message.to for message in mail.outbox] == [[lea.email] for lea in learners[:5]]
    # Another client is not held back by that one.
    ask(client, learners[6].email, "192.0.2.50")
    assert mail.outbox[-1].to == [learners[6].email]


def test_unknown_addresses_count_too_and_look_the_same(client, learner, limits):
    for _ in range(5):
        ask(client, "personne@example.com")
    ask(client, learner.email)
    assert mail.outbox == []


def test_the_limits_default_to_a_few_per_address_and_more_per_client():
    from django.conf import settings

    assert settings.PASSWORD_RESET_LIMIT_PER_ADDRESS == 3
    assert settings.PASSWORD_RESET_LIMIT_PER_CLIENT == 20
    assert settings.PASSWORD_RESET_WINDOW_MINUTES == 60


def test_without_site_url_the_reset_link_takes_the_request_address(client, learner, settings):
    settings.SITE_URL = ""  # production's value when the variable is unset
    settings.ALLOWED_HOSTS = ["formation.example.org"]
    client.post(
        reverse("password_reset"), {"email": learner.email}, HTTP_HOST="formation.example.org"
    )
    assert "http://formation.example.org/accounts/password/reset/" in mail.outbox[0].body
