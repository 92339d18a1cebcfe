"""Passwords are stored with Argon2id at OWASP's parameters, and those stored before by
PBKDF2 still sign in and are stored again with Argon2id (elearning/passwords.py)."""

import pytest
from django.contrib.auth.hashers import check_password, identify_hasher, make_password
from django.test import override_settings

from config import settings as project_settings
from elearning.models import User


@pytest.fixture
def project_hashers(settings):
    # the suite signs in with MD5 for speed (tests/conftest.py); here, the project's own
    settings.PASSWORD_HASHERS = project_settings.PASSWORD_HASHERS


def test_a_new_password_is_stored_with_argon2id_at_owasp_parameters(project_hashers):
    encoded = make_password("une phrase de passe assez longue")
    assert encoded.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    assert check_password("une phrase de passe assez longue", encoded)
    assert not check_password("une autre phrase de passe", encoded)


@pytest.mark.django_db
def test_a_pbkdf2_password_signs_in_and_is_stored_again_with_argon2id(client, project_hashers):
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher"]):
        user = User.objects.create_user("ancienne@example.org", "une phrase de passe ancienne")
    user.refresh_from_db()
    assert identify_hasher(user.password).algorithm == "pbkdf2_sha256"

    response = client.post(
        "/accounts/login/",
        {"username": "ancienne@example.org", "password": "une phrase de passe ancienne"},
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
