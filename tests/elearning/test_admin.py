"""The instructors' admin: courses and lessons, learners' progress read-only (importing a
course: test_import_admin.py)."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from elearning.instructors import INSTRUCTORS_GROUP, ensure_instructors_group
from elearning.progress import mark_lesson_done
from tests.conftest import teach

pytestmark = pytest.mark.django_db


def test_the_migration_created_the_group_and_the_function_is_idempotent():
    group = Group.objects.get(name=INSTRUCTORS_GROUP)
    before = set(group.permissions.values_list("codename", flat=True))
    assert {"add_course", "change_lesson", "view_lessonprogress", "view_enrolment"} <= before
    assert "change_lessonprogress" not in before
    assert ensure_instructors_group() == group
    assert set(group.permissions.values_list("codename", flat=True)) == before
    assert Group.objects.filter(name=INSTRUCTORS_GROUP).count() == 1


def test_learners_cannot_open_the_admin(client, learner):
    client.force_login(learner)
    response = client.get(reverse("admin:elearning_course_changelist"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_instructor_manages_courses_and_lessons(instructor_client, course):
    assert instructor_client.get(reverse("admin:elearning_course_changelist")).status_code == 200
    response = instructor_client.get(reverse("admin:elearning_course_change", args=[course.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Leçon 1" in content and "Leçon 3" in content  # lessons inline
    response = instructor_client.get(reverse("admin:elearning_course_changelist"), {"q": "Leçon 2"})
    assert course.title in response.content.decode()
    assert instructor_client.get(reverse("admin:elearning_lesson_add")).status_code == 200


def test_instructor_sees_editorial_notes(instructor_client, shipped_course):
    url = reverse("admin:elearning_course_change", args=[shipped_course.pk])
    content = instructor_client.get(url).content.decode()
    assert "Notes éditoriales pour les formateurs" in content
    assert "sclérose latérale amyotrophique" in content
    assert "<strong>Motoneurones" in content  # the notes are rendered, not escaped


def test_instructor_sees_learners_progress_read_only(instructor_client, course, learner):
    teach(learner)
    for lesson in course.lessons.all()[:2]:
        mark_lesson_done(learner, lesson)
    response = instructor_client.get(reverse("admin:elearning_enrolment_changelist"))
    content = response.content.decode()
    assert learner.email in content or learner.get_full_name() in content
    assert "2 / 3 (66 %)" in content
    response = instructor_client.get(reverse("admin:elearning_lessonprogress_changelist"))
    assert response.status_code == 200
    assert reverse("admin:elearning_lessonprogress_add") not in response.content.decode()
    assert instructor_client.get(reverse("admin:elearning_lessonprogress_add")).status_code == 403
