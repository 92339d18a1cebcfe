"""The authentication backend loads the logged-in user as Django's would."""

import pytest
from django.contrib.auth.backends import ModelBackend

from elearning.backends import LearnerBackend

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("user_id", ["pk", "str_pk"])
def test_it_loads_the_same_user_as_djangos_backend(make_user, user_id):
    user = make_user(first_name="Zoë", preferred_language="en")
    value = user.pk if user_id == "pk" else str(user.pk)
    loaded = LearnerBackend().get_user(value)
    expected = ModelBackend().get_user(user.pk)
    assert loaded == expected == user
    fields = ["email", "first_name", "last_name", "preferred_language", "password", "is_staff"]
    assert [getattr(loaded, f) for f in fields] == [getattr(expected, f) for f in fields]


def test_unknown_inactive_or_malformed_ids_give_no_user(make_user):
    inactive = make_user(is_active=False)
    backend = LearnerBackend()
    assert backend.get_user(inactive.pk) is None
    assert backend.get_user(inactive.pk + 1000) is None
    assert backend.get_user("not-a-number") is None
    assert backend.get_user(None) is None


def test_a_logged_in_learner_stays_logged_in_and_a_deactivated_one_is_out(client, learner):
    client.post(
        "/accounts/login/", {"username": learner.email, "password": "correct-horse-battery"}
    )
    assert client.get("/dashboard/").status_code == 200
    learner.is_active = False
    learner.save()
    assert client.get("/dashboard/").status_code == 302
