"""Course completion and certificates: completing in either order, one certificate, the
snapshot, downloading, and the public verification page with its rate limit."""

import re
import threading
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from elearning import completion
from elearning.models import Certificate, CodeLookupFailure, Enrolment, LessonProgress
from elearning.progress import enrol
from tests.conftest import teach
from tests.elearning.flows import read_all_lessons, take_final
from tests.quiz.answers import right

pytestmark = pytest.mark.django_db


def enrolment_of(learner, course):
    return Enrolment.objects.get(learner=learner, course=course)


def test_lessons_last_completes_at_the_last_lesson(client, learner, quiz_course):
    client.force_login(learner)
    take_final(client, quiz_course)
    first, second, third = quiz_course.lessons.order_by("position")
    for lesson in (first, second):
        client.post(reverse("lesson_done", args=[quiz_course.slug, lesson.slug]))
        assert enrolment_of(learner, quiz_course).completed_at is None
    assert not Certificate.objects.exists()
    client.post(reverse("lesson_done", args=[quiz_course.slug, third.slug]))
    enrolment = enrolment_of(learner, quiz_course)
    assert enrolment.completed_at is not None
    assert enrolment.completion_percent == 100
    certificate = Certificate.objects.get()
    assert (certificate.learner, certificate.course, certificate.score_percent) == (
        learner,
        quiz_course,
        100,
    )
    assert certificate.completed_on == timezone.localdate(enrolment.completed_at)


def test_quiz_last_completes_at_the_passing_submit(client, learner, quiz_course):
    client.force_login(learner)
    read_all_lessons(client, quiz_course)
    assert enrolment_of(learner, quiz_course).completed_at is None
    failed = take_final(client, quiz_course, right_answers=3)  # 60 % < 80 %
    assert not failed.passed
    assert enrolment_of(learner, quiz_course).completed_at is None
    assert not Certificate.objects.exists()
    passed = take_final(client, quiz_course, right_answers=4)  # 80 %
    assert passed.passed
    enrolment = enrolment_of(learner, quiz_course)
    assert (enrolment.completed_at, enrolment.completion_percent) == (passed.submitted_at, 80)
    assert Certificate.objects.get().score_percent == 80


def test_never_complete_before_both(client, learner, quiz_course):
    client.force_login(learner)
    read_all_lessons(client, quiz_course)
    take_final(client, quiz_course, right_answers=2)
    assert enrolment_of(learner, quiz_course).completed_at is None
    assert completion.missing_for(learner, quiz_course) == ([], True)
    assert not Certificate.objects.exists()


def test_a_course_without_final_quiz_is_never_completed(client, learner, course):
    client.force_login(learner)
    read_all_lessons(client, course)
    assert enrolment_of(learner, course).completed_at is None
    assert not Certificate.objects.exists()


def test_completion_is_recorded_once(client, learner, quiz_course):
    client.force_login(learner)
    read_all_lessons(client, quiz_course)
    take_final(client, quiz_course)
    completed_at = enrolment_of(learner, quiz_course).completed_at
    # A later pass, a lesson marked again, and the service called again change nothing.
    take_final(client, quiz_course)
    read_all_lessons(client, quiz_course)
    with transaction.atomic():
        assert completion.complete_if_done(learner, quiz_course) is None
    assert enrolment_of(learner, quiz_course).completed_at == completed_at
    assert Certificate.objects.count() == 1


def test_a_valid_certificate_is_unique_per_learner_and_course(learner, quiz_course):
    from django.db import IntegrityError

    Enrolment.objects.create(learner=learner, course=quiz_course, completed_at=timezone.now())
    first = completion.issue_certificate(learner, quiz_course, percent=90)
    with pytest.raises(IntegrityError), transaction.atomic():
        completion.issue_certificate(learner, quiz_course, percent=90)
    completion.revoke_certificate(first, None, "Nom mal orthographié")
    second = completion.issue_certificate(
        learner, quiz_course, percent=90
    )  # a successor is allowed
    assert second.code != first.code
    assert Certificate.objects.valid().get() == second


@pytest.mark.django_db(transaction=True)
def test_concurrent_completing_requests_issue_one_certificate(learner, quiz_course):
    """Eight requests, each on its own connection, find the course complete at once:
    exactly one records the completion and issues the certificate."""
    if connection.vendor == "sqlite":
        pytest.skip(
            "runs in CI's PostgreSQL pass: SQLite's in-memory test database is one connection"
        )
    enrol(learner, quiz_course)
    LessonProgress.objects.bulk_create(
        LessonProgress(learner=learner, lesson=lesson) for lesson in quiz_course.lessons.all()
    )
    from quiz import attempts

    attempt, _ = attempts.start_attempt(learner, quiz_course.final_quiz)
    for response in attempt.responses.all():
        attempts.save_answer(attempt, response, right(response))
    attempts.submit_attempt(attempt)  # graded, but completion not checked yet
    Enrolment.objects.filter(learner=learner).update(final_quiz_passed_at=timezone.now())
    barrier = threading.Barrier(8)
    issued, errors = [], []

    def complete():
        try:
            barrier.wait()
            with transaction.atomic():
                issued.append(completion.complete_if_done(learner, quiz_course))
        except Exception as exc:
            errors.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=complete) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert len([c for c in issued if c is not None]) == 1
    assert Certificate.objects.count() == 1


def completed(client, learner, course):
    client.force_login(learner)
    read_all_lessons(client, course)
    take_final(client, course)
    return Certificate.objects.get(learner=learner, course=course)


def test_the_certificate_keeps_what_it_stated(client, learner, quiz_course):
    certificate = completed(client, learner, quiz_course)
    name = learner.get_full_name()
    learner.first_name, learner.last_name = "Autre", "Nom"
    learner.save()
    quiz_course.title = "Un autre titre"
    quiz_course.save()
    certificate.refresh_from_db()
    assert (certificate.learner_name, certificate.course_title) != ("Autre Nom", "Un autre titre")
    assert certificate.learner_name == name
    page = Client().get(reverse("certificate_verify_code", args=[certificate.display_code]))
    assert name in page.content.decode()
    assert "Un autre titre" not in page.content.decode()


def test_codes_are_long_random_and_readable():
    codes = {completion.new_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert len(code) == 16 and set(code) <= set(completion.ALPHABET)
    assert not set("ILOU") & set(completion.ALPHABET)
    assert completion.display_code("7KQ2M9XD4HTRB3WN") == "7KQ2-M9XD-4HTR-B3WN"
    for typed in ("7kq2-m9xd-4htr-b3wn", " 7KQ2 M9XD 4HTR B3WN ", "7KQ2M9XD4HTRB3WN"):
        assert completion.normalise_code(typed) == "7KQ2M9XD4HTRB3WN"
    assert completion.normalise_code("OIL2-M9XD-4HTR-B3WN") == "0112M9XD4HTRB3WN"
    assert completion.normalise_code("7KQ2-M9XD") is None
    assert completion.normalise_code("7KQ2-M9XD-4HTR-B3W!") is None


# ----------------------------------------------------------------------- download


def test_the_course_certificate_url_leads_to_her_pdf(client, learner, quiz_course):
    certificate = completed(client, learner, quiz_course)
    page = client.get(reverse("course_certificate", args=[quiz_course.slug]))
    assert page["Location"] == reverse("certificate_pdf", args=[certificate.display_code])
    pdf = client.get(page["Location"])
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    expected = f"certificat-{quiz_course.slug}-{certificate.display_code}.pdf"
    assert pdf["Content-Disposition"] == f'attachment; filename="{expected}"'
    assert "no-store" in pdf["Cache-Control"]


def test_before_completion_the_page_says_what_is_left(client, learner, quiz_course):
    client.force_login(learner)
    first = quiz_course.lessons.order_by("position").first()
    client.post(reverse("lesson_done", args=[quiz_course.slug, first.slug]))
    page = client.get(reverse("course_certificate", args=[quiz_course.slug]))
    assert page.status_code == 200
    html = page.content.decode()
    left = re.findall(r'Leçon à terminer\u00a0: <a href="[^"]+">([^<]+)</a>', html)
    assert left == ["Leçon 2", "Leçon 3"]
    final = reverse("quiz_detail", args=[quiz_course.slug, quiz_course.final_quiz_id])
    assert f'Examen final pas encore réussi\u00a0: <a href="{final}">' in html


def test_the_certificate_page_needs_a_login_and_a_visible_course(client, learner, quiz_course):
    url = reverse("course_certificate", args=[quiz_course.slug])
    assert client.get(url).status_code == 302
    client.force_login(learner)
    assert client.get(reverse("course_certificate", args=["inconnu"])).status_code == 404


def test_only_its_learner_and_the_staff_who_see_her_download_the_pdf(
    client, learner, make_user, instructor, quiz_course
):
    certificate = completed(client, learner, quiz_course)
    url = reverse("certificate_pdf", args=[certificate.display_code])
    assert client.get(url).status_code == 200
    other = Client()
    assert other.get(url).status_code == 404  # anonymous
    other.force_login(make_user())
    assert other.get(url).status_code == 404  # another learner
    other.force_login(instructor)
    assert other.get(url).status_code == 404  # staff, not of her cohort: not hers to see
    teach(learner)
    assert other.get(url).status_code == 200  # her cohort's instructor
    superuser = Client()
    superuser.force_login(make_user(is_staff=True, is_superuser=True))
    assert superuser.get(url).status_code == 200
    assert client.get(reverse("certificate_pdf", args=["PAS-UN-CODE"])).status_code == 404
    completion.revoke_certificate(certificate, None, "Erreur")
    assert client.get(url).status_code == 404  # revoked: only shown as revoked
    assert other.get(url).status_code == 200


def test_the_dashboard_and_course_page_show_the_completion(client, learner, quiz_course):
    completed(client, learner, quiz_course)
    link = reverse("course_certificate", args=[quiz_course.slug])
    for url in (reverse("dashboard"), quiz_course.get_absolute_url()):
        html = client.get(url).content.decode()
        assert "Félicitations" in html, url
        assert f'href="{link}"' in html, url
        assert "Télécharger le certificat" in html, url


# ------------------------------------------------------------------- verification


def verify(client, code):
    return client.get(reverse("certificate_verify_code", args=[code]))


def test_a_valid_certificate_shows_its_name_course_and_date(client, learner, quiz_course):
    certificate = completed(client, learner, quiz_course)
    visitor = Client()
    page = verify(visitor, certificate.display_code)
    html = page.content.decode()
    assert page.status_code == 200
    assert "authentique" in html
    assert certificate.learner_name in html and certificate.course_title in html
    assert f'datetime="{certificate.completed_on:%Y-%m-%d}"' in html
    # Nothing else about her: no e-mail, no grade.
    assert learner.email not in html
    assert "no-store" in page["Cache-Control"] and "private" in page["Cache-Control"]


def test_a_revoked_certificate_says_so_with_the_date(client, learner, quiz_course):
    certificate = completed(client, learner, quiz_course)
    with time_machine.travel(datetime(2027, 3, 2, 10, tzinfo=UTC), tick=False):
        completion.revoke_certificate(certificate, None, "Nom mal orthographié")
    html = verify(Client(), certificate.display_code).content.decode()
    assert "révoqué" in html
    assert "2 mars 2027" in html
    assert "Nom mal orthographié" not in html  # the reason is for the school only


def test_an_unknown_code_is_unknown(client):
    page = verify(client, "7KQ2-M9XD-4HTR-B3WN")
    assert page.status_code == 404
    assert "Aucun certificat" in page.content.decode()


def test_messy_typing_reaches_the_certificate(client, learner, quiz_course):
    certificate = completed(client, learner, quiz_course)
    messy = certificate.display_code.lower().replace("-", " ")
    form = Client().get(reverse("certificate_verify"), {"code": f"  {messy} "})
    assert form["Location"] == reverse("certificate_verify_code", args=[certificate.display_code])
    direct = verify(Client(), certificate.code.lower())
    assert direct["Location"] == form["Location"]
    bad = Client().get(reverse("certificate_verify"), {"code": "1234"})
    assert bad.status_code == 400
    assert "16 lettres et chiffres" in bad.content.decode()


def test_repeated_unknown_codes_are_refused_for_a_while(client, learner, quiz_course):
    certificate = completed(client, learner, quiz_course)
    guesser = Client(REMOTE_ADDR="203.0.113.9")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for n in range(completion.LOOKUP_FAILURE_LIMIT):
            assert verify(guesser, f"7KQ2-M9XD-4HTR-{n:04d}").status_code == 404
        refused = verify(guesser, certificate.display_code)
        assert refused.status_code == 429
        assert "Trop de codes inconnus" in refused.content.decode()
        # Another client is not concerned.
        other = Client(REMOTE_ADDR="198.51.100.7")
        assert verify(other, certificate.display_code).status_code == 200
    with time_machine.travel(start + completion.LOOKUP_WINDOW + timedelta(seconds=1)):
        assert verify(guesser, certificate.display_code).status_code == 200
    # Old failures are dropped as new ones come.
    with time_machine.travel(start + 2 * completion.LOOKUP_WINDOW):
        verify(guesser, "7KQ2-M9XD-4HTR-0000")
    assert CodeLookupFailure.objects.count() == 1


def test_the_verify_form_is_public(client):
    page = client.get(reverse("certificate_verify"))
    assert page.status_code == 200
    assert re.search(r'<label for="verify-code"', page.content.decode())


def test_the_pdf_speaks_her_language_and_states_the_snapshot(client, learner, quiz_course):
    import io

    from pypdf import PdfReader

    certificate = completed(client, learner, quiz_course)
    url = reverse("certificate_pdf", args=[certificate.display_code])
    french = PdfReader(io.BytesIO(client.get(url).content)).pages[0].extract_text()
    assert "Certificat de réussite" in french
    assert certificate.learner_name in french and certificate.display_code in french
    from django.conf import settings

    verify = settings.SITE_URL + reverse("certificate_verify_code", args=[certificate.display_code])
    assert verify in french.replace("\n", "")
    learner.preferred_language = "en"
    learner.save()
    english = PdfReader(io.BytesIO(client.get(url).content)).pages[0].extract_text()
    assert "Certificate of completion" in english
