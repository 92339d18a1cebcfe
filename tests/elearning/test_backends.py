"""Signing in goes through django-axes, then Django's own backend."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_logged_in_learner_stays_logged_in_and_a_deactivated_one_is_out(client, learner):
    client.post(
        "/accounts/login/", {"username": learner.email, "password": "correct-horse-battery"}
    )
    assert client.get("/dashboard/").status_code == 200
    learner.is_active = False
    learner.save()
    assert client.get("/dashboard/").status_code == 302


def test_a_new_account_is_signed_in_at_once(client):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "nouvelle@example.com",
            "first_name": "Inès",
            "last_name": "Morel",
            "password1": "Perfusion-Garde-2024!",
            "password2": "Perfusion-Garde-2024!",
            "preferred_language": "fr",
        },
    )
    assert response.status_code == 302
    assert client.get("/dashboard/").status_code == 200
