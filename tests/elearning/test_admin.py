"""The instructors' admin: courses and lessons, learners' progress read-only (importing a
course: test_import_admin.py)."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from elearning.instructors import INSTRUCTORS_GROUP, ensure_instructors_group
from elearning.progress import mark_lesson_done
from quiz.typography import french
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
    assert "2 / 3 (67\u00a0%)" in content
    response = instructor_client.get(reverse("admin:elearning_lessonprogress_changelist"))
    assert response.status_code == 200
    assert reverse("admin:elearning_lessonprogress_add") not in response.content.decode()
    assert instructor_client.get(reverse("admin:elearning_lessonprogress_add")).status_code == 403


# Writing courses and lessons ----------------------------------------------------------------


def test_new_lessons_come_last_in_their_course(admin_client, course):
    from tests.quiz.test_admin import page_data

    url = reverse("admin:elearning_course_change", args=[course.pk])
    data = page_data(admin_client.get(url))
    total = int(data["lessons-TOTAL_FORMS"])
    for n, title in enumerate(["Nouvelle A", "Nouvelle B"], start=total):
        # as the browser posts a new row: the position field's default, 0
        data.update(
            {
                f"lessons-{n}-title": title,
                f"lessons-{n}-slug": f"nouvelle-{n}",
                f"lessons-{n}-position": "0",
                f"lessons-{n}-reading_minutes": "5",
            }
        )
    data["lessons-TOTAL_FORMS"] = total + 2
    assert admin_client.post(url, data).status_code == 302
    positions = dict(course.lessons.values_list("title", "position"))
    assert positions["Nouvelle A"] == 4 and positions["Nouvelle B"] == 5


def test_a_course_without_lessons_cannot_be_published(admin_client, make_course):
    from tests.quiz.test_admin import page_data

    course = make_course(lessons=0, published=False)
    url = reverse("admin:elearning_course_change", args=[course.pk])
    data = page_data(admin_client.get(url))
    data["is_published"] = "on"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    course.refresh_from_db()
    assert not course.is_published
    with translation.override("fr"):
        message = gettext(
            "A published course needs at least one lesson: add one, or leave the course "
            "unpublished."
        )
    assert escape(message) in response.content.decode()


def test_saving_a_lesson_returns_to_its_courses_lessons(admin_client, course):
    from tests.quiz.test_admin import page_data

    lesson = course.lessons.first()
    url = reverse("admin:elearning_lesson_change", args=[lesson.pk])
    data = page_data(admin_client.get(url))
    response = admin_client.post(url, data)
    assert response["Location"] == (
        reverse("admin:elearning_lesson_changelist") + f"?course__id__exact={course.pk}"
    )


def test_the_lesson_preview_looks_like_the_lesson_and_unsaved_edits_warn(admin_client, course):
    lesson = course.lessons.first()
    lesson.body = "## Titre\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    lesson.save()
    page = admin_client.get(reverse("admin:elearning_lesson_change", args=[lesson.pk]))
    content = page.content.decode()
    assert '<div class="lesson-body">' in content and "elearning/css/lesson" in content
    assert "elearning/js/admin-unsaved" in content
    course_page = admin_client.get(reverse("admin:elearning_course_change", args=[course.pk]))
    assert "elearning/js/admin-unsaved" in course_page.content.decode()


# The admin's history, in the page's language ---------------------------------------------


def test_every_field_label_the_history_records_is_in_the_catalogue():
    from django.apps import apps
    from django.utils.text import capfirst

    from elearning.admin.history import FIELD_LABELS

    with translation.override(None):
        labels = {
            str(capfirst(field.verbose_name))
            for app in ("elearning", "quiz")
            for model in apps.get_app_config(app).get_models()
            for field in model._meta.get_fields()
            if getattr(field, "editable", False) and not field.auto_created
        }
    assert labels <= set(FIELD_LABELS), sorted(labels - set(FIELD_LABELS))


def test_a_quiz_edits_history_names_its_fields_in_french(admin_client):
    from django.contrib.admin.models import LogEntry

    from tests.quiz.test_admin import new_quiz, page_data

    quiz = new_quiz()
    url = reverse("admin:quiz_quiz_change", args=[quiz.pk])
    data = page_data(admin_client.get(url))
    data.update(title="Autre titre", pass_mark="70")
    assert admin_client.post(url, data).status_code == 302
    with translation.override("fr"):
        message = LogEntry.objects.get().get_change_message()
    assert message == french("Modifié : Titre et Seuil de réussite (%)."), message


def test_the_admins_generic_phrases_read_right_in_french(admin_client, course):
    with translation.override("fr"):
        add = admin_client.get(
            reverse("admin:quiz_accommodation_add"), HTTP_ACCEPT_LANGUAGE="fr"
        ).content.decode()
        lessons = admin_client.get(
            reverse("admin:elearning_lesson_changelist"), HTTP_ACCEPT_LANGUAGE="fr"
        ).content.decode()
    assert "Ajout de aménagement" not in add and french("Ajout : aménagement") in add
    assert "leçons sélectionnés" not in lessons and "Supprimer la sélection (leçons)" in lessons
