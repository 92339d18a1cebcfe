"""An instructor's edit shows on the learner's very next request.

Each test warms every learner page first (catalogue, dashboard, course, lesson, quiz page,
question page, results, certificate page), as a learner in the middle of the course would
have them, then makes one kind of edit through the admin, as an instructor does, and
reads the page that must show it. Nothing here waits or clears a cache: a page that kept
an old copy of the content, of her progress or of a quiz fails.
"""

import re

import lxml.html
import pytest
from django.test import Client
from django.urls import reverse

from elearning.models import Certificate
from quiz.models import Category, Question
from quiz.typography import french, keep_together
from tests.elearning.flows import question_url, read_all_lessons, start, take_final

pytestmark = pytest.mark.django_db


# ------------------------------------------------------------------- the instructor


def form_values(response, form_id):
    """The admin form as a browser would send it: {name: value or [values]}."""
    page = lxml.html.fromstring(response.content.decode())
    (form,) = page.xpath(f'//form[@id="{form_id}"]')
    values = {}
    for name, value in form.form_values():
        if form.inputs[name].tag == "textarea":
            value = value.removeprefix("\n")  # a browser drops the textarea's opening newline
        values.setdefault(name, []).append(value)
    return values


def admin_save(client, url, form_id, **changes):
    """Open an admin form, change some fields (None: untick), save it."""
    page = client.get(url)
    assert page.status_code == 200, url
    data = form_values(page, form_id)
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    response = client.post(url, {**data, "_save": "Enregistrer"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def change_url(obj):
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


def edit(client, obj, **changes):
    return admin_save(client, change_url(obj), f"{obj._meta.model_name}_form", **changes)


def delete(client, obj):
    meta = obj._meta
    url = reverse(f"admin:{meta.app_label}_{meta.model_name}_delete", args=[obj.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not type(obj).objects.filter(pk=obj.pk).exists()


def add_lesson(client, course, **fields):
    url = reverse("admin:elearning_lesson_add")
    data = {"course": str(course.pk), "reading_minutes": "3", "body": "Un texte.", **fields}
    response = client.post(url, {**data, "_save": "Enregistrer"})
    assert response.status_code == 302, response.context["adminform"].form.errors


@pytest.fixture
def instructor(make_user):
    client = Client()
    client.force_login(make_user(is_staff=True, is_superuser=True))
    return client


# ---------------------------------------------------------------------- the learner


@pytest.fixture
def learner_client(client, learner, quiz_course):
    """She has read lesson 1, submitted its checkpoint quiz once and started the final quiz."""
    client.force_login(learner)
    client.post(reverse("lesson_done", args=[quiz_course.slug, "lecon-1"]))
    checkpoint = quiz_course.lessons.get(position=1).checkpoint_quiz
    attempt = start(client, quiz_course, checkpoint)
    client.post(reverse("quiz_summary", args=[quiz_course.slug, attempt.pk]))
    client.checkpoint_attempt = attempt
    client.final_attempt = start(client, quiz_course, quiz_course.final_quiz)
    return client


def final_quiz_url(course):
    return reverse("quiz_detail", args=[course.slug, course.final_quiz_id])


def pages(course, client):
    lesson = course.lessons.get(position=1)
    return {
        "catalogue": reverse("catalogue"),
        "dashboard": reverse("dashboard"),
        "course": course.get_absolute_url(),
        "lesson": lesson.get_absolute_url(),
        "final quiz": final_quiz_url(course),
        "question": question_url(course, client.final_attempt, 1),
        "results": reverse("quiz_results", args=[course.slug, client.checkpoint_attempt.pk]),
        "certificate": reverse("course_certificate", args=[course.slug]),
    }


def warm(client, course):
    for name, url in pages(course, client).items():
        assert client.get(url).status_code == 200, name


def done_of(page):
    """(lessons done, lessons) as the page says it."""
    found = re.search(r"(\d+) leçons? terminées? sur (\d+)", page)
    return int(found[1]), int(found[2])


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.fixture
def warmed(learner_client, quiz_course, instructor):
    warm(learner_client, quiz_course)
    return learner_client


# -------------------------------------------------------------------------- lessons


def test_an_added_lesson_shows_at_once(warmed, quiz_course, instructor):
    add_lesson(instructor, quiz_course, title="Leçon ajoutée", slug="ajoutee", position="9")
    assert "Leçon ajoutée" in html(warmed, quiz_course.get_absolute_url())
    assert done_of(html(warmed, quiz_course.get_absolute_url())) == (1, 4)
    assert "4 leçons" in html(warmed, reverse("catalogue"))
    assert done_of(html(warmed, reverse("dashboard"))) == (1, 4)


def test_an_edited_lesson_shows_at_once(warmed, quiz_course, instructor):
    lesson = quiz_course.lessons.get(position=1)
    edit(instructor, lesson, title="Titre revu", body="Un corps **revu**.")
    page = html(warmed, lesson.get_absolute_url())
    assert "Titre revu" in page and "<strong>revu</strong>" in page
    assert "Titre revu" in html(warmed, quiz_course.get_absolute_url())
    # The checkpoint's pages name the lesson in their breadcrumb.
    assert "Titre revu" in html(warmed, pages(quiz_course, warmed)["results"])


def test_reordered_lessons_show_at_once(warmed, quiz_course, instructor):
    third = quiz_course.lessons.get(position=3)
    edit(instructor, third, position="0")
    page = html(warmed, quiz_course.get_absolute_url())
    assert page.index("Leçon 3") < page.index("Leçon 1") < page.index("Leçon 2")
    assert "Leçon 1 sur 3" in html(warmed, third.get_absolute_url())
    lesson_one = html(warmed, quiz_course.lessons.get(position=1).get_absolute_url())
    assert "Leçon 2 sur 3" in lesson_one and french("Précédente : Leçon 3") in lesson_one


def test_an_archived_lesson_goes_at_once(warmed, quiz_course, instructor):
    third = quiz_course.lessons.get(position=3)
    edit(instructor, third, is_archived="on")
    assert "Leçon 3" not in html(warmed, quiz_course.get_absolute_url())
    assert warmed.get(third.get_absolute_url()).status_code == 404
    assert done_of(html(warmed, quiz_course.get_absolute_url())) == (1, 2)


def test_a_deleted_lesson_goes_at_once(warmed, quiz_course, instructor):
    third = quiz_course.lessons.get(position=3)
    delete(instructor, third)
    assert "Leçon 3" not in html(warmed, quiz_course.get_absolute_url())
    assert warmed.get(third.get_absolute_url()).status_code == 404
    assert "2 leçons" in html(warmed, reverse("catalogue"))


# -------------------------------------------------------------------------- courses


def test_unpublishing_a_course_hides_it_at_once_and_publishing_shows_it(
    warmed, quiz_course, instructor
):
    edit(instructor, quiz_course, is_published=None)
    assert quiz_course.title not in html(warmed, reverse("catalogue"))
    assert quiz_course.title not in html(warmed, reverse("dashboard"))
    for name in ("course", "lesson", "final quiz", "question", "results", "certificate"):
        assert warmed.get(pages(quiz_course, warmed)[name]).status_code == 404, name
    edit(instructor, quiz_course, is_published="on")
    assert quiz_course.title in html(warmed, reverse("catalogue"))
    assert warmed.get(quiz_course.get_absolute_url()).status_code == 200


def test_a_renamed_course_shows_at_once(warmed, quiz_course, instructor):
    edit(instructor, quiz_course, title="Un autre titre")
    for name in ("catalogue", "dashboard", "course", "lesson", "final quiz", "results"):
        assert "Un autre titre" in html(warmed, pages(quiz_course, warmed)[name]), name


# ---------------------------------------------------------------------- quizzes


def test_a_checkpoint_quiz_added_unlinked_and_deleted_shows_at_once(
    warmed, quiz_course, make_quiz, instructor
):
    second = quiz_course.lessons.get(position=2)
    quiz = make_quiz(questions=2, title="Nouveau contrôle", bank=quiz_course.bank)
    edit(instructor, second, checkpoint_quiz=str(quiz.pk))
    quiz_url = reverse("quiz_detail", args=[quiz_course.slug, quiz.pk])
    # The lesson ends with its checkpoint (marking it done leads there).
    assert 'id="checkpoint-heading"' in html(warmed, second.get_absolute_url())
    assert quiz_url in html(warmed, quiz_course.get_absolute_url())
    assert warmed.get(quiz_url).status_code == 200

    edit(instructor, second, checkpoint_quiz="")
    assert 'id="checkpoint-heading"' not in html(warmed, second.get_absolute_url())
    assert quiz_url not in html(warmed, quiz_course.get_absolute_url())
    assert warmed.get(quiz_url).status_code == 404

    # Deleting a lesson's checkpoint quiz in the admin: its SET_NULL is an UPDATE that does
    # not move the lesson's updated_at. The course page must stop linking to it.
    edit(instructor, second, checkpoint_quiz=str(quiz.pk))
    assert quiz_url in html(warmed, quiz_course.get_absolute_url())
    delete(instructor, quiz)
    assert quiz_url not in html(warmed, quiz_course.get_absolute_url())
    assert quiz_url not in html(warmed, second.get_absolute_url())
    assert warmed.get(quiz_url).status_code == 404


def test_a_final_quiz_added_unlinked_and_deleted_shows_at_once(
    warmed, quiz_course, make_quiz, instructor
):
    final_url = final_quiz_url(quiz_course)
    edit(instructor, quiz_course, final_quiz="")
    assert final_url not in html(warmed, quiz_course.get_absolute_url())
    assert french("Examen final :") not in html(warmed, reverse("dashboard"))
    assert warmed.get(final_url).status_code == 404
    assert warmed.get(pages(quiz_course, warmed)["question"]).status_code == 404

    quiz = make_quiz(
        questions=2, title="Nouvel examen", feedback_mode="deferred", bank=quiz_course.bank
    )
    edit(instructor, quiz_course, final_quiz=str(quiz.pk))
    new_url = reverse("quiz_detail", args=[quiz_course.slug, quiz.pk])
    assert new_url in html(warmed, quiz_course.get_absolute_url())
    assert french("Examen final :") in html(warmed, reverse("dashboard"))

    delete(instructor, quiz)
    assert new_url not in html(warmed, quiz_course.get_absolute_url())
    assert warmed.get(new_url).status_code == 404


def test_quiz_rules_show_at_once(warmed, quiz_course, instructor):
    final = quiz_course.final_quiz
    url = final_quiz_url(quiz_course)
    edit(instructor, final, pass_mark="65", max_attempts="5")
    page = html(warmed, url)
    assert french("Seuil de réussite : 65 %") in page
    assert "Il reste 4 tentatives sur 5" in page


def test_draw_rules_show_at_once(warmed, quiz_course, instructor):
    final = quiz_course.final_quiz
    category = Category.objects.create(bank=quiz_course.bank, name="Causes")
    checkpoint = quiz_course.lessons.get(position=1).checkpoint_quiz
    checkpoint.questions.update(category=category)  # three of the course's bank
    assert "5 questions" in html(warmed, final_quiz_url(quiz_course))
    edit(
        instructor,
        final,
        **{
            "draw_rules-TOTAL_FORMS": "1",
            "draw_rules-0-category": str(category.pk),
            "draw_rules-0-count": "2",
        },
    )
    assert "7 questions" in html(warmed, final_quiz_url(quiz_course))  # its 5, and 2 drawn


def test_the_grading_method_shows_at_once(client, learner, quiz_course, instructor):
    client.force_login(learner)
    take_final(client, quiz_course, right_answers=5)
    take_final(client, quiz_course, right_answers=3)
    assert french("Note : 100 %") in html(client, quiz_course.get_absolute_url())
    assert french("note 100 %") in html(client, reverse("dashboard"))
    edit(instructor, quiz_course.final_quiz, grading_method="latest")
    assert french("Note : 60 %") in html(client, quiz_course.get_absolute_url())
    assert french("note 60 %") in html(client, reverse("dashboard"))


def test_publishing_and_unpublishing_a_question_shows_at_once(warmed, quiz_course, instructor):
    question = quiz_course.final_quiz.questions.get(picks__position=5)
    edit(instructor, question, status="draft")
    assert "4 questions" in html(warmed, final_quiz_url(quiz_course))
    edit(instructor, question, status="published")
    assert "5 questions" in html(warmed, final_quiz_url(quiz_course))


def test_an_edited_question_keeps_the_wording_her_attempt_showed(warmed, quiz_course, instructor):
    """Attempts keep what they showed: an edit reaches the next attempt, not hers."""
    shown = warmed.final_attempt.responses.get(position=1)
    question = Question.objects.get(pk=shown.question_id)
    edit(instructor, question, text="Une question reformulée ?")
    page = html(warmed, question_url(quiz_course, warmed.final_attempt, 1))
    assert keep_together(shown.question_text) in page and "reformulée" not in page


# ------------------------------------------------------------------------ certificates


def test_a_revoked_certificate_shows_at_once(client, learner, quiz_course, instructor):
    client.force_login(learner)
    read_all_lessons(client, quiz_course)
    take_final(client, quiz_course, right_answers=5)
    certificate = Certificate.objects.get(learner=learner)
    page = reverse("course_certificate", args=[quiz_course.slug])
    assert client.get(page)["Location"].endswith(f"/{certificate.display_code}/pdf/")
    verify = reverse("certificate_verify_code", args=[certificate.display_code])
    assert "authentique et valide" in html(client, verify)

    response = instructor.post(
        reverse("admin:elearning_certificate_changelist"),
        {
            "action": "revoke",
            "_selected_action": [str(certificate.pk)],
            "reason": "Fraude",
            "apply": "1",
        },
    )
    assert response.status_code == 302
    assert Certificate.objects.get(pk=certificate.pk).is_revoked
    assert client.get(page).status_code == 200  # no certificate to download any more
    assert client.get(reverse("certificate_pdf", args=[certificate.display_code])).status_code == (
        404
    )
    assert "Ce certificat a été révoqué." in html(client, verify)


def test_progress_written_elsewhere_shows_at_once(warmed, quiz_course, learner):
    """Her progress written by another request (another tab, another app server)."""
    from elearning.progress import mark_lesson_done

    mark_lesson_done(learner, quiz_course.lessons.get(position=2))
    assert done_of(html(warmed, quiz_course.get_absolute_url())) == (2, 3)
    assert french("Continuer : Leçon 3") in html(warmed, quiz_course.get_absolute_url())
    assert done_of(html(warmed, reverse("dashboard"))) == (2, 3)


def test_on_redis_app_servers_share_the_cache_and_see_an_edit_at_once(
    learner, quiz_course, instructor, settings, django_assert_num_queries
):
    """Two app servers (two clients) reading through one Redis: what one cached, the other
    reads, and an edit made on either shows on both at once."""
    from django.core.cache import caches

    from elearning.progress import mark_lesson_done
    from tests.elearning.test_sessions import TEST_REDIS_URL

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": TEST_REDIS_URL,
        }
    }
    caches["default"].clear()
    lesson = quiz_course.lessons.get(position=1)
    mark_lesson_done(learner, lesson)
    first, second = Client(), Client()
    for client in (first, second):
        client.force_login(learner)
    pages = [quiz_course.get_absolute_url(), lesson.get_absolute_url(), reverse("dashboard")]
    for url in pages:
        assert quiz_course.title in html(first, url)
        # Read by the other server from the shared cache: the session, the user, the version
        # (and on the dashboard the questions due for review, counted at each request).
        with django_assert_num_queries(4 if url == reverse("dashboard") else 3):
            assert quiz_course.title in html(second, url)
    edit(instructor, lesson, title="Titre revu")
    for client in (first, second):
        assert "Titre revu" in html(client, quiz_course.get_absolute_url())
        assert "Titre revu" in html(client, lesson.get_absolute_url())
    caches["default"].clear()
