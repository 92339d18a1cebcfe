"""Cohorts: learners join with a code or are added; instructors see their cohorts' learners
and no one else's, in every admin page."""

import io

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from elearning.completion import issue_certificate
from elearning.instructors import ensure_instructors_group
from elearning.models import Cohort, CohortMembership, Enrolment
from elearning.progress import mark_lesson_done
from quiz.attempts import start_attempt
from quiz.models import Accommodation

pytestmark = pytest.mark.django_db


def said(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


# Joining with a code -----------------------------------------------------------------------


@pytest.fixture
def cohort():
    return Cohort.objects.create(name="Promotion 2026 - IFSI Lyon", join_code="K7MPQ2XD")


@pytest.mark.parametrize("typed", ["K7MPQ2XD", "k7mp q2xd", " K7MP-Q2XD "])
def test_a_learner_joins_with_the_code_as_typed(client, learner, cohort, typed):
    client.force_login(learner)
    response = client.post(reverse("join_cohort"), {"join-code": typed}, follow=True)
    assert list(learner.cohorts.all()) == [cohort]
    assert any(cohort.name in message for message in said(response))
    assert cohort.name in response.content.decode()  # her profile lists it


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("AAAAAAAA", "unknown"),
        ("", "empty"),
        ("K" * 500, "too long"),
        ("\x00K7MPQ2XD", "a NUL byte"),
    ],
)
def test_a_wrong_code_is_refused_with_a_message_and_saves_nothing(
    client, learner, cohort, typed, why
):
    client.force_login(learner)
    response = client.post(reverse("join_cohort"), {"join-code": typed}, follow=True)
    assert response.status_code == 200, why
    assert said(response), why
    assert not CohortMembership.objects.exists(), why


def test_a_closed_cohort_and_a_second_join_are_refused(client, learner, cohort):
    client.force_login(learner)
    client.post(reverse("join_cohort"), {"join-code": cohort.join_code})
    again = client.post(reverse("join_cohort"), {"join-code": cohort.join_code}, follow=True)
    assert CohortMembership.objects.count() == 1 and said(again)
    closed = Cohort.objects.create(name="Fermée", join_code="ABCDEFGH", is_open=False)
    response = client.post(reverse("join_cohort"), {"join-code": "ABCDEFGH"}, follow=True)
    assert not closed.learners.exists() and said(response)


def test_joining_needs_a_login_and_a_post(client, learner, cohort):
    response = client.post(reverse("join_cohort"), {"join-code": cohort.join_code})
    assert response.status_code == 302 and reverse("login") in response["Location"]
    client.force_login(learner)
    assert client.get(reverse("join_cohort")).status_code == 405
    assert not CohortMembership.objects.exists()


# What an instructor sees -------------------------------------------------------------------


@pytest.fixture
def two_classes(make_user, quiz_course):
    """Two instructors, each teaching one cohort of one learner who has progress, an
    attempt, an accommodation and a certificate."""
    group = ensure_instructors_group()
    classes = []
    for name in ("Lyon", "Nantes"):
        teacher = make_user(is_staff=True, first_name=f"Formatrice {name}")
        teacher.groups.add(group)
        student = make_user(first_name=f"Élève {name}", email=f"eleve-{name.lower()}@example.com")
        cohort = Cohort.objects.create(name=f"Promotion {name}")
        cohort.instructors.add(teacher)
        cohort.learners.add(student)
        mark_lesson_done(student, quiz_course.lessons.first())
        attempt, _ = start_attempt(student, quiz_course.final_quiz)
        Accommodation.objects.create(learner=student, quiz=quiz_course.final_quiz, extra_minutes=5)
        Enrolment.objects.filter(learner=student).update(
            completed_at=timezone.now(), completion_percent=90
        )
        issue_certificate(student, quiz_course)
        classes.append((teacher, student, attempt))
    return classes


LISTS = [
    "admin:elearning_user_changelist",
    "admin:elearning_enrolment_changelist",
    "admin:elearning_lessonprogress_changelist",
    "admin:elearning_certificate_changelist",
    "admin:quiz_attempt_changelist",
    "admin:quiz_accommodation_changelist",
]


@pytest.mark.parametrize("url_name", LISTS)
def test_an_instructor_sees_her_cohorts_learners_only(client, two_classes, url_name):
    (lyon, lyon_student, _), (_nantes, nantes_student, _) = two_classes
    client.force_login(lyon)
    content = client.get(reverse(url_name)).content.decode()
    assert "Élève Lyon" in content or lyon_student.email in content
    assert "Nantes" not in content and nantes_student.email not in content


def test_another_cohorts_objects_are_not_found(client, two_classes):
    (lyon, _, _), (_, nantes_student, nantes_attempt) = two_classes
    client.force_login(lyon)
    for url in [
        reverse("admin:quiz_attempt_change", args=[nantes_attempt.pk]),
        reverse("admin:elearning_user_change", args=[nantes_student.pk]),
        reverse("admin:elearning_certificate_change", args=[nantes_student.certificates.get().pk]),
    ]:
        response = client.get(url, follow=True)
        assert nantes_student.email not in response.content.decode(), url


def test_a_superuser_sees_every_learner(admin_client, two_classes):
    content = admin_client.get(reverse("admin:quiz_attempt_changelist")).content.decode()
    assert "Élève Lyon" in content and "Élève Nantes" in content


def test_an_accommodation_is_granted_to_her_learners_only(client, two_classes, quiz_course):
    (lyon, _, _), (_, nantes_student, _) = two_classes
    client.force_login(lyon)
    response = client.post(
        reverse("admin:quiz_accommodation_add"),
        {"learner": nantes_student.pk, "quiz": quiz_course.final_quiz.pk, "extra_minutes": "9"},
    )
    assert response.status_code == 200  # refused: not a choice
    assert not Accommodation.objects.filter(extra_minutes=9).exists()


# Cohorts in the admin ----------------------------------------------------------------------


def test_an_instructor_creates_a_cohort_and_adds_a_learner_by_her_exact_address(client, make_user):
    teacher = make_user(is_staff=True)
    teacher.groups.add(ensure_instructors_group())
    student = make_user(email="lea.martin@example.com")
    client.force_login(teacher)
    response = client.post(
        reverse("admin:elearning_cohort_add"),
        {
            "name": "Promotion 2027",
            "join_code": "PQRSTUVW",
            "is_open": "on",
            "memberships-TOTAL_FORMS": "1",
            "memberships-INITIAL_FORMS": "0",
            "memberships-0-learner": str(student.pk),
        },
    )
    assert response.status_code == 302
    cohort = Cohort.objects.get(name="Promotion 2027")
    assert list(cohort.instructors.all()) == [teacher]
    membership = cohort.memberships.get()
    assert (membership.learner, membership.added_by) == (student, teacher)

    # Finding a learner to add: her exact address only, never a browse of the others.
    search = reverse("admin:autocomplete")
    params = {"app_label": "elearning", "model_name": "cohortmembership", "field_name": "learner"}
    found = client.get(search, {**params, "term": "lea"}).json()["results"]
    assert found == []
    found = client.get(search, {**params, "term": "LEA.MARTIN@example.com"}).json()["results"]
    assert [row["id"] for row in found] == [str(student.pk)]


def test_an_instructor_sees_and_renews_the_codes_of_her_cohorts_only(client, two_classes):
    (lyon, _, _), _ = two_classes
    client.force_login(lyon)
    content = client.get(reverse("admin:elearning_cohort_changelist")).content.decode()
    assert "Promotion Lyon" in content and "Promotion Nantes" not in content
    lyon_cohort = Cohort.objects.get(name="Promotion Lyon")
    old = lyon_cohort.join_code
    client.post(
        reverse("admin:elearning_cohort_changelist"),
        {"action": "new_codes", "_selected_action": [lyon_cohort.pk]},
    )
    lyon_cohort.refresh_from_db()
    assert lyon_cohort.join_code != old and len(lyon_cohort.join_code) == 8


def test_the_demo_instructor_teaches_the_demo_learners_cohort(settings):
    from django.core.management import call_command

    settings.DEBUG = True
    call_command("create_demo_accounts", stdout=io.StringIO())
    call_command("create_demo_accounts", stdout=io.StringIO())  # twice: nothing more
    cohort = Cohort.objects.get()
    assert [user.email for user in cohort.learners.all()] == ["apprenante@example.com"]
    assert [user.email for user in cohort.instructors.all()] == ["formateur@example.com"]


def test_a_learners_record_gathers_her_course_and_is_hers_to_see(client, two_classes):
    (lyon, lyon_student, _), (_, nantes_student, _) = two_classes
    client.force_login(lyon)
    record = reverse("admin:elearning_user_record", args=[lyon_student.pk])
    content = client.get(record).content.decode()
    for expected in ("Promotion Lyon", "Leçon 1", lyon_student.certificates.get().display_code):
        assert expected in content, expected
    assert record in client.get(reverse("admin:elearning_user_changelist")).content.decode()
    assert record in client.get(reverse("admin:elearning_enrolment_changelist")).content.decode()
    assert (
        record
        in client.get(
            reverse("admin:elearning_user_change", args=[lyon_student.pk])
        ).content.decode()
    )
    # Another cohort's learner, a member of staff, or nobody: not found.
    for pk in (nantes_student.pk, lyon.pk, 999999):
        assert client.get(reverse("admin:elearning_user_record", args=[pk])).status_code == 404


def test_an_instructor_sees_no_password_hash_nor_rights_on_a_learners_page(client, two_classes):
    (lyon, lyon_student, _), _ = two_classes
    client.force_login(lyon)
    page = client.get(reverse("admin:elearning_user_change", args=[lyon_student.pk]))
    content = page.content.decode()
    assert "pbkdf2" not in content and "is_superuser" not in content


def test_a_third_more_time_for_chosen_learners_on_every_timed_quiz(
    client, two_classes, quiz_course
):
    from quiz.models import Accommodation

    (lyon, lyon_student, _), (_, nantes_student, _) = two_classes
    Accommodation.objects.all().delete()
    quiz_course.final_quiz.time_limit_minutes = 31
    quiz_course.final_quiz.save()
    client.force_login(lyon)
    client.post(
        reverse("admin:elearning_user_changelist"),
        {"action": "third_more_time", "_selected_action": [lyon_student.pk, nantes_student.pk]},
    )
    accommodation = Accommodation.objects.get()  # hers only: the other is not Lyon's
    assert accommodation.learner == lyon_student
    assert accommodation.quiz == quiz_course.final_quiz  # the only timed quiz
    assert accommodation.extra_minutes == 11  # a third of 31, rounded up
