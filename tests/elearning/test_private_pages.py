"""A signed-in learner's pages are hers: ``Cache-Control: private, no-store`` on every one
(elearning.middleware.PrivatePagesMiddleware); anonymous pages keep their caching."""

import pytest
from django.urls import reverse

from elearning.models import Certificate
from quiz.models import Attempt
from tests.elearning.flows import read_all_lessons, start, take_final

pytestmark = pytest.mark.django_db


def cache_control(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


@pytest.fixture
def learner_pages(client, learner, quiz_course):
    """Every page of a learner who completed the course, with an attempt in progress."""
    client.force_login(learner)
    read_all_lessons(client, quiz_course)
    final = take_final(client, quiz_course)
    certificate = Certificate.objects.get(learner=learner)
    lesson = quiz_course.lessons.get(position=1)
    checkpoint = start(client, quiz_course, lesson.checkpoint_quiz)
    slug = quiz_course.slug
    return [
        reverse("catalogue"),
        reverse("dashboard"),
        reverse("revisions"),
        reverse("course_detail", args=[slug]),
        lesson.get_absolute_url(),
        reverse("quiz_detail", args=[slug, quiz_course.final_quiz.pk]),
        reverse("quiz_question", args=[slug, checkpoint.pk, 1]),
        reverse("quiz_summary", args=[slug, checkpoint.pk]),
        reverse("quiz_results", args=[slug, final.pk]),
        reverse("course_certificate", args=[slug]),
        reverse("certificate_pdf", args=[certificate.display_code]),
        reverse("certificate_verify"),
        reverse("certificate_verify_code", args=[certificate.display_code]),
        reverse("profile"),
        reverse("password_change"),
        reverse("password_change_done"),
    ]


def test_every_page_of_a_signed_in_learner_is_private_and_not_stored(client, learner_pages):
    assert Attempt.objects.exists()
    for url in learner_pages:
        response = client.get(url, follow=False)
        assert response.status_code in (200, 302), url
        assert {"private", "no-store"} <= cache_control(response), (url, response)


def test_a_redirect_answering_a_signed_in_learner_is_not_stored_either(client, learner, course):
    client.force_login(learner)
    lesson = course.lessons.get(position=1)
    response = client.post(reverse("lesson_done", args=[course.slug, lesson.slug]))
    assert response.status_code == 302
    assert {"private", "no-store"} <= cache_control(response)


def test_a_view_that_sets_its_own_caching_keeps_it(client, learner):
    client.force_login(learner)
    worker = client.get(reverse("service_worker"))
    assert cache_control(worker) == {"no-cache"}
    manifest = client.get(reverse("web_manifest"))
    assert cache_control(manifest) == {"max-age=3600"}


def anonymous_headers(client, course):
    urls = [
        reverse("catalogue"),
        reverse("login"),
        reverse("signup"),
        reverse("password_reset"),
        reverse("certificate_verify"),
        course.get_absolute_url(),
        reverse("service_worker"),
        reverse("web_manifest"),
    ]
    return {
        url: (response.status_code, response.get("Cache-Control"), response.get("Vary"))
        for url in urls
        for response in [client.get(url)]
    }


def test_anonymous_public_pages_are_unchanged(client, settings, quiz_course):
    with_rule = anonymous_headers(client, quiz_course)
    settings.MIDDLEWARE = [
        m for m in settings.MIDDLEWARE if not m.endswith("PrivatePagesMiddleware")
    ]
    assert anonymous_headers(client, quiz_course) == with_rule
    assert with_rule[reverse("catalogue")][1] is None  # still cacheable by the browser
    assert all(status == 200 for status, _, _ in with_rule.values())
