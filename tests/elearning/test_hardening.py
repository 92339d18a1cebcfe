"""Faults found while hardening the site that belong to no other rule's tests."""

import re

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from tests.elearning.test_certificate_admin import certify

pytestmark = pytest.mark.django_db


def test_the_reissue_page_sends_the_names_typed_beside_the_certificates(
    instructor_client, make_user, course
):
    """The name inputs sit in the table, before the form: without their form attribute a
    browser sent none of them, and the new certificate kept the misspelt name."""
    certificate = certify(make_user(last_name="Durnad"), course)
    page = instructor_client.post(
        reverse("admin:elearning_certificate_changelist"),
        {"action": "reissue", ACTION_CHECKBOX_NAME: [certificate.pk]},
    ).content.decode()
    form_id = re.search(r'<form method="post" id="([^"]+)"', page).group(1)
    name_input = re.search(rf'<input type="text" name="name-{certificate.pk}"[^>]*>', page).group(0)
    assert f'form="{form_id}"' in name_input
