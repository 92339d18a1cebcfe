"""The certificates' admin: listed, searched and filtered, read-only, revoked or reissued
with a reason that is kept (who, when, why), in a fixed number of queries."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from elearning.completion import issue_certificate, revoke_certificate
from elearning.models import Certificate, Enrolment
from tests.conftest import teach

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:elearning_certificate_changelist"


def certify(learner, course, percent=90):
    """Her certificate, as completion issues it: after a completed enrolment. She is in the
    cohort the instructor of these tests teaches."""
    teach(learner)
    Enrolment.objects.update_or_create(
        learner=learner,
        course=course,
        defaults={"completed_at": timezone.now(), "completion_percent": percent},
    )
    return issue_certificate(learner, course)


def listed(client, **params):
    response = client.get(reverse(CHANGELIST), params)
    assert response.status_code == 200
    return {certificate.pk for certificate in response.context["cl"].result_list}


def act(client, action, certificates, **data):
    """Post an action from the list, as the admin's form and its confirmation page do."""
    return client.post(
        reverse(CHANGELIST),
        {"action": action, ACTION_CHECKBOX_NAME: [c.pk for c in certificates], **data},
    )


def texts(response):
    return [str(message) for message in response.wsgi_request._messages]


# The list ---------------------------------------------------------------------------------


def test_the_list_shows_what_each_certificate_states(instructor_client, learner, course):
    certificate = certify(learner, course, percent=87)
    content = instructor_client.get(reverse(CHANGELIST)).content.decode()
    assert certificate.display_code in content
    assert certificate.learner_name in content
    assert course.title in content
    assert ">87<" in content


def test_search_by_code_with_or_without_dashes_and_by_name(instructor_client, make_user, course):
    lea = certify(make_user(first_name="Léa", last_name="Martin"), course)
    zoe = certify(make_user(first_name="Zoé", last_name="Bernard"), course)
    assert listed(instructor_client, q=lea.code) == {lea.pk}
    assert listed(instructor_client, q=lea.display_code) == {lea.pk}
    assert listed(instructor_client, q=lea.display_code.lower()) == {lea.pk}
    assert listed(instructor_client, q=lea.display_code[:9]) == {lea.pk}  # "7KQ2-M9XD"
    assert listed(instructor_client, q="Bernard") == {zoe.pk}
    assert listed(instructor_client, q=zoe.learner.email) == {zoe.pk}
    assert listed(instructor_client, q="Marie-Claire") == set()


def test_a_search_by_code_keeps_the_filters(instructor_client, learner, course, make_course):
    certificate = certify(learner, course)
    other = make_course()
    assert (
        listed(instructor_client, q=certificate.display_code, course__id__exact=other.pk) == set()
    )


def test_filter_valid_or_revoked(instructor_client, learner, make_user, course):
    kept = certify(learner, course)
    revoked = certify(make_user(), course)
    act(instructor_client, "revoke", [revoked], apply="yes", reason="Fraude")
    assert listed(instructor_client, state="valid") == {kept.pk}
    assert listed(instructor_client, state="revoked") == {revoked.pk}
    assert listed(instructor_client) == {kept.pk, revoked.pk}


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_list_runs_a_fixed_number_of_queries(
    instructor_client, instructor, make_user, make_course
):
    def build(learners, courses):
        for _ in range(courses):
            course = make_course(lessons=1)
            for _ in range(learners):
                certificate = certify(make_user(), course)
            revoke_certificate(certificate, instructor, "Test")

    build(1, 1)
    small = queries(instructor_client, reverse(CHANGELIST))
    build(4, 3)
    assert queries(instructor_client, reverse(CHANGELIST)) == small


# Read-only --------------------------------------------------------------------------------


def test_no_add_no_delete_and_a_read_only_page(instructor_client, learner, course):
    certificate = certify(learner, course)
    assert instructor_client.get(reverse("admin:elearning_certificate_add")).status_code == 403
    delete = reverse("admin:elearning_certificate_delete", args=[certificate.pk])
    assert instructor_client.post(delete, {"post": "yes"}).status_code == 403
    response = instructor_client.get(reverse(CHANGELIST))
    assert "delete_selected" not in response.content.decode()
    assert reverse("admin:elearning_certificate_add") not in response.content.decode()

    url = reverse("admin:elearning_certificate_change", args=[certificate.pk])
    response = instructor_client.get(url)
    assert response.status_code == 200
    assert not response.context["adminform"].form.fields  # every field shown read-only
    content = response.content.decode()
    assert certificate.display_code in content
    assert reverse("certificate_verify_code", args=[certificate.display_code]) in content
    assert 'name="_save"' not in content

    response = instructor_client.post(url, {"learner_name": "Autre", "score_percent": 100})
    assert response.status_code == 403
    certificate.refresh_from_db()
    assert (certificate.learner_name, certificate.score_percent) == (learner.get_full_name(), 90)
    assert Certificate.objects.count() == 1


def test_learners_and_staff_without_permission_are_kept_out(client, learner, make_user, course):
    certify(learner, course)
    client.force_login(learner)
    assert client.get(reverse(CHANGELIST)).status_code == 302
    client.force_login(make_user(is_staff=True))
    assert client.get(reverse(CHANGELIST)).status_code == 403


def test_viewers_cannot_revoke(client, learner, make_user, course):
    certificate = certify(learner, course)
    viewer = make_user(is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_certificate"))
    client.force_login(viewer)
    response = client.get(reverse(CHANGELIST))
    assert response.status_code == 200
    assert response.context["action_form"] is None  # no action offered
    act(client, "revoke", [certificate], apply="yes", reason="Fraude")
    certificate.refresh_from_db()
    assert not certificate.is_revoked


# Revoke -----------------------------------------------------------------------------------


def test_revoke_asks_for_a_reason_then_keeps_who_when_and_why(
    instructor_client, instructor, learner, course
):
    certificate = certify(learner, course)
    ask = act(instructor_client, "revoke", [certificate])
    assert ask.status_code == 200
    content = ask.content.decode()
    assert certificate.display_code in content
    assert '<label for="id_reason"' in content
    assert 'name="csrfmiddlewaretoken"' in content
    assert f'name="{ACTION_CHECKBOX_NAME}" value="{certificate.pk}"' in content
    assert 'name="action" value="revoke"' in content

    blank = act(instructor_client, "revoke", [certificate], apply="yes", reason="   ")
    assert blank.status_code == 200
    assert blank.context["form"].errors["reason"]
    assert "errorlist" in blank.content.decode()
    certificate.refresh_from_db()
    assert not certificate.is_revoked

    before = timezone.now()
    done = act(instructor_client, "revoke", [certificate], apply="yes", reason="Plagiat avéré")
    assert done.status_code == 302
    certificate.refresh_from_db()
    assert certificate.is_revoked and certificate.revoked_at >= before
    assert certificate.revoked_by == instructor
    assert certificate.revocation_reason == "Plagiat avéré"
    assert Certificate.objects.count() == 1
    assert any(certificate.display_code in text for text in texts(done))


def test_a_second_revoke_leaves_the_first_one(
    instructor_client, instructor, learner, make_user, course
):
    certificate = certify(learner, course)
    act(instructor_client, "revoke", [certificate], apply="yes", reason="Premier motif")
    certificate.refresh_from_db()
    first = (certificate.revoked_at, certificate.revoked_by, certificate.revocation_reason)

    other = make_user(is_staff=True, is_superuser=True)
    instructor_client.force_login(other)
    again = act(instructor_client, "revoke", [certificate])
    assert again.status_code == 302  # nothing left to revoke: back to the list, with a warning
    assert any(certificate.display_code in text for text in texts(again))
    act(instructor_client, "revoke", [certificate], apply="yes", reason="Second motif")
    certificate.refresh_from_db()
    assert (certificate.revoked_at, certificate.revoked_by, certificate.revocation_reason) == first


def test_revoke_applies_to_the_valid_ones_and_skips_the_others(
    instructor_client, learner, make_user, course
):
    revoked = certify(learner, course)
    act(instructor_client, "revoke", [revoked], apply="yes", reason="Premier motif")
    valid = certify(make_user(), course)
    ask = act(instructor_client, "revoke", [revoked, valid])
    assert [c.pk for c in ask.context["certificates"]] == [valid.pk]
    assert [c.pk for c in ask.context["skipped"]] == [revoked.pk]
    done = act(instructor_client, "revoke", [revoked, valid], apply="yes", reason="Second")
    valid.refresh_from_db()
    revoked.refresh_from_db()
    assert valid.revocation_reason == "Second"
    assert revoked.revocation_reason == "Premier motif"
    assert len(texts(done)) == 2  # one success, one warning


# Reissue ----------------------------------------------------------------------------------


def test_reissue_after_a_misspelt_name(instructor_client, instructor, make_user, course):
    learner = make_user(first_name="Léa", last_name="Durnad")
    old = certify(learner, course, percent=84)
    assert old.learner_name == "Léa Durnad"
    learner.last_name = "Durand"  # corrected in her profile
    learner.save()

    ask = act(instructor_client, "reissue", [old])
    assert ask.status_code == 200
    content = ask.content.decode()
    assert "Léa Durnad" in content and "Léa Durand" in content  # before and after
    assert 'name="action" value="reissue"' in content

    blank = act(instructor_client, "reissue", [old], apply="yes", reason="")
    assert blank.status_code == 200 and blank.context["form"].errors
    assert Certificate.objects.count() == 1

    done = act(instructor_client, "reissue", [old], apply="yes", reason="Nom mal orthographié")
    assert done.status_code == 302
    old.refresh_from_db()
    assert old.is_revoked and old.revoked_by == instructor
    assert old.revocation_reason == "Nom mal orthographié"
    new = Certificate.objects.get(replaces=old)
    assert new.code != old.code
    assert new.learner_name == "Léa Durand"
    assert new.score_percent == 84
    assert not new.is_revoked
    valid = Certificate.objects.valid().filter(learner=learner, course=course)
    assert list(valid) == [new]
    assert any(new.display_code in text for text in texts(done))

    # Each page links to the other.
    page = instructor_client.get(reverse("admin:elearning_certificate_change", args=[new.pk]))
    assert reverse("admin:elearning_certificate_change", args=[old.pk]) in page.content.decode()
    page = instructor_client.get(reverse("admin:elearning_certificate_change", args=[old.pk]))
    content = page.content.decode()
    assert reverse("admin:elearning_certificate_change", args=[new.pk]) in content
    assert "Nom mal orthographié" in content


def test_a_revoked_certificate_is_not_reissued(instructor_client, learner, course):
    certificate = certify(learner, course)
    act(instructor_client, "revoke", [certificate], apply="yes", reason="Fraude")
    done = act(instructor_client, "reissue", [certificate], apply="yes", reason="Nom")
    assert done.status_code == 302
    assert Certificate.objects.count() == 1
    assert not Certificate.objects.valid().exists()


# No page fails ----------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_page_answers(instructor_client, learner, make_user, course, language):
    instructor_client.cookies["django_language"] = language
    old = certify(learner, course)
    act(instructor_client, "reissue", [old], apply="yes", reason="Nom")
    certify(make_user(), course)
    new = Certificate.objects.get(replaces=old)
    year = timezone.localdate().year
    for params in [
        {},
        {"state": "valid"},
        {"state": "revoked"},
        {"course__id__exact": course.pk},
        {"issued_at__year": year},
        {"q": "Durand"},
        {"o": "1.-2.7"},
    ]:
        response = instructor_client.get(reverse(CHANGELIST), params)
        assert response.status_code == 200, params
    for certificate in (old, new):
        url = reverse("admin:elearning_certificate_change", args=[certificate.pk])
        assert instructor_client.get(url).status_code == 200
        url = reverse("admin:elearning_certificate_history", args=[certificate.pk])
        assert instructor_client.get(url).status_code == 200
    assert act(instructor_client, "reissue", [new]).status_code == 200
    assert act(instructor_client, "revoke", [new, old]).status_code == 200


# A revoked certificate, on her pages and issued again -----------------------------------


def test_a_revoked_certificate_is_offered_no_more_and_can_be_issued_again(
    instructor_client, learner, course
):
    certificate = certify(learner, course)
    client = Client()  # hers, beside the instructor's
    client.force_login(learner)
    download = reverse("course_certificate", args=[course.slug])
    for page in (reverse("dashboard"), course.get_absolute_url()):
        assert download in client.get(page).content.decode()

    act(instructor_client, "revoke", [certificate], apply="yes", reason="Erreur de saisie")
    certificate.refresh_from_db()
    assert certificate.is_revoked
    with translation.override("fr"):
        revoked = escape(
            gettext(
                "Your certificate of this course was revoked. Ask your instructor: she can "
                "issue a new one."
            )
        )
    for page in (reverse("dashboard"), course.get_absolute_url()):
        content = client.get(page).content.decode()
        assert download not in content and revoked in content
    pending = client.get(download)
    assert pending.status_code == 200
    assert pending.context["revoked"] == certificate

    response = act(instructor_client, "issue_again", [certificate])
    new = Certificate.objects.valid().get(learner=learner, course=course)
    assert new.replaces == certificate and new.code != certificate.code
    assert new.score_percent == certificate.score_percent
    assert download in client.get(reverse("dashboard")).content.decode()
    # Again: it has a successor now, nothing more is issued.
    act(instructor_client, "issue_again", [certificate, new])
    assert Certificate.objects.filter(learner=learner, course=course).count() == 2
    assert response.status_code == 302


def test_a_certificates_page_says_what_it_replaces_and_where_it_is_checked(
    instructor_client, learner, course, settings
):
    settings.SITE_URL = "https://formation.ifsi.example"
    certificate = certify(learner, course)
    content = instructor_client.get(
        reverse("admin:elearning_certificate_change", args=[certificate.pk])
    ).content.decode()
    assert "None" not in content
    assert f"https://formation.ifsi.example/certificates/verify/{certificate.display_code}" in (
        content
    )


def test_reissue_with_the_name_corrected_by_the_instructor(instructor_client, make_user, course):
    """Her profile is hers to edit, not the instructor's: the name is corrected on the
    reissue page, for the new certificate; control characters do not come through."""
    learner = make_user(first_name="Léa", last_name="Durnad")
    old = certify(learner, course)
    act(
        instructor_client,
        "reissue",
        [old],
        apply="yes",
        reason="Nom mal orthographié",
        **{f"name-{old.pk}": " Léa\u0007   Durand\n"},
    )
    new = Certificate.objects.get(replaces=old)
    assert new.learner_name == "Léa Durand"
    learner.refresh_from_db()
    assert learner.last_name == "Durnad"  # her profile is left as it is
