"""The instructors' admin: courses and lessons, text import, learners' progress read-only."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from elearning.instructors import INSTRUCTORS_GROUP, ensure_instructors_group
from elearning.models import Course, Lesson
from elearning.progress import mark_lesson_done

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


def upload(content, name="article.txt"):
    return SimpleUploadedFile(name, content, content_type="text/plain")


def test_instructor_imports_a_text_file(instructor_client):
    url = reverse("admin:elearning_course_import")
    assert instructor_client.get(url).status_code == 200
    data = b"Mon cours\n\nPartie un\n\nUn paragraphe.\n\nPartie deux\n\nUn autre.\n"
    response = instructor_client.post(url, {"file": upload(data)}, follow=True)
    course = Course.objects.get(slug="mon-cours")
    assert list(course.lessons.values_list("slug", flat=True)) == ["partie-un", "partie-deux"]
    messages = [str(m) for m in response.context["messages"]]
    assert "Cours créé : Mon cours" in messages
    assert "Leçons créées (2): partie-un, partie-deux" in messages


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "Le fichier soumis est vide."),  # Django's own check on an empty upload
        (b"\x00\x01\x02binary", "Le fichier est binaire"),
        ("Titre\n\nÉté.\n".encode("latin-1"), "n&#x27;est pas un texte UTF-8 valide"),
        (b"Titre\n\nSection\n", "aucun paragraphe"),
    ],
)
def test_admin_import_refuses_bad_files_and_saves_nothing(instructor_client, data, message):
    response = instructor_client.post(
        reverse("admin:elearning_course_import"), {"file": upload(data)}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Course.objects.exists() and not Lesson.objects.exists()


def test_admin_import_is_for_instructors_only(client, make_user):
    client.force_login(make_user(is_staff=True))  # staff, but no permission on courses
    response = client.post(
        reverse("admin:elearning_course_import"), {"file": upload(b"T\n\nS\n\nP.\n")}
    )
    assert response.status_code == 403
    assert not Course.objects.exists()
