"""The progress report of a course: what each row says, its filters, its CSV export (the
bytes), cohort isolation, bad input and a constant number of queries."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from elearning import quizzes
from elearning.models import Cohort, LessonProgress
from elearning.progress import enrol, mark_lesson_done
from quiz.attempts import save_answer, start_attempt
from tests.conftest import teach
from tests.quiz.answers import right, wrong

pytestmark = pytest.mark.django_db


def take(learner, quiz, right_answers):
    """She answers the first ``right_answers`` questions right, the others wrong."""
    attempt, _ = start_attempt(learner, quiz)
    for n, response in enumerate(attempt.responses.order_by("position")):
        save_answer(attempt, response, right(response) if n < right_answers else wrong(response))
    quizzes.submit(attempt)
    return attempt


def report_url(course, **params):
    url = reverse("admin:elearning_course_report", args=[course.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def exported(client, course, **params):
    response = client.get(report_url(course, format="csv", **params))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    body = b"".join(response.streaming_content)
    assert body.startswith("\ufeff".encode())  # a BOM: spreadsheets read the accents
    text = body.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


@pytest.fixture
def cohort_learners(make_user, quiz_course, instructor):
    """Three learners of her cohort: Alice has completed the course (checkpoint 1/3 then
    3/3, final 5/5), Bruno failed the final (2/5) after one lesson, Chloé has not started
    (in the cohort, not enrolled)."""
    alice = make_user(first_name="Alice", last_name="Aubert", email="alice@example.com")
    bruno = make_user(first_name="Bruno", last_name="Blanc", email="bruno@example.com")
    chloe = make_user(first_name="Chloé", last_name="Chevalier", email="chloe@example.com")
    teach(alice, bruno, chloe)
    checkpoint = quiz_course.lessons.get(position=1).checkpoint_quiz
    for lesson in quiz_course.lessons.all():
        mark_lesson_done(alice, lesson)
    take(alice, checkpoint, 1)
    take(alice, checkpoint, 3)
    take(alice, quiz_course.final_quiz, 5)
    mark_lesson_done(bruno, quiz_course.lessons.get(position=1))
    take(bruno, quiz_course.final_quiz, 2)
    return alice, bruno, chloe


def test_each_row_says_lessons_grades_completion_and_certificate(
    instructor_client, quiz_course, cohort_learners
):
    alice, bruno, _chloe = cohort_learners
    rows = exported(instructor_client, quiz_course)
    header, *rows = rows
    assert header == [
        "Apprenant",
        "Adresse e-mail",
        "Leçon 1",
        "Leçon 2",
        "Leçon 3",
        "Leçons terminées",
        "Vérifier ses acquis (%)\u00a0: Leçon 1",
        "Examen final (%)",
        "Terminé le",
        "Certificat",
    ]
    by_email = {row[1]: row for row in rows}
    assert set(by_email) == {alice.email, bruno.email}  # enrolled learners only
    completed = alice.enrolments.get().completed_at.date().isoformat()
    code = alice.certificates.get().code
    assert by_email[alice.email] == [
        "Alice Aubert",
        alice.email,
        "1",
        "1",
        "1",
        "3",
        "100",
        "100",
        completed,
        code,
    ]
    assert by_email[bruno.email] == [
        "Bruno Blanc",
        bruno.email,
        "1",
        "0",
        "0",
        "1",
        "",
        "40",
        "",
        "",
    ]


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("not_started", {"chloe@example.com"}),
        ("in_progress", {"bruno@example.com"}),
        ("completed", {"alice@example.com"}),
        ("failed_final", {"bruno@example.com"}),
        ("", {"alice@example.com", "bruno@example.com", "chloe@example.com"}),
    ],
)
def test_the_cohorts_learners_by_progress(
    instructor_client, quiz_course, cohort_learners, status, expected
):
    cohort = Cohort.objects.get()
    rows = exported(instructor_client, quiz_course, cohort=cohort.pk, status=status)[1:]
    assert {row[1] for row in rows} == expected


def test_the_page_shows_the_same_rows_sorted_and_paginated(
    instructor_client, quiz_course, cohort_learners
):
    cohort = Cohort.objects.get()
    page = instructor_client.get(report_url(quiz_course, cohort=cohort.pk, o="-done"))
    assert page.status_code == 200
    content = page.content.decode()
    assert content.index("Alice Aubert") < content.index("Bruno Blanc") < content.index("Chloé")
    assert 'aria-sort="descending"' in content
    assert "3 apprenant" in content or "3 learners" in content


def test_another_cohort_is_never_shown(instructor_client, make_user, quiz_course, cohort_learners):
    stranger = make_user(first_name="Zoé", last_name="Zola", email="zoe@example.com")
    enrol(stranger, quiz_course)
    other = Cohort.objects.create(name="Autre promotion")
    other.learners.add(stranger)
    rows = exported(instructor_client, quiz_course)[1:]
    assert "zoe@example.com" not in {row[1] for row in rows}
    # Naming the other cohort in the address is refused: the report stays hers.
    page = instructor_client.get(report_url(quiz_course, cohort=other.pk))
    assert page.status_code == 200 and "Zola" not in page.content.decode()
    assert "errornote" in page.content.decode()
    rows = exported(instructor_client, quiz_course, cohort=other.pk)[1:]
    assert "zoe@example.com" not in {row[1] for row in rows}


@pytest.mark.parametrize(
    "params",
    [
        {"cohort": "abc"},
        {"cohort": "99999"},
        {"status": "nonsense"},
        {"o": "password"},
        {"page": "-4"},
        {"page": "x"},
        {"cohort": "%00"},
    ],
)
def test_bad_filters_never_fail(instructor_client, quiz_course, cohort_learners, params):
    assert instructor_client.get(report_url(quiz_course, **params)).status_code == 200


def test_only_staff_who_may_see_the_course(client, learner, make_user, quiz_course):
    url = report_url(quiz_course)
    client.force_login(learner)
    assert client.get(url).status_code == 302  # to the admin's login
    staff = make_user(is_staff=True)
    client.force_login(staff)
    assert client.get(url).status_code == 403
    staff.user_permissions.add(Permission.objects.get(codename="view_course"))
    assert client.get(url).status_code == 200
    missing = reverse("admin:elearning_course_report", args=[999999])
    assert client.get(missing).status_code == 404


def test_the_course_pages_lead_to_the_report(instructor_client, quiz_course):
    url = report_url(quiz_course)
    for page in (
        reverse("admin:elearning_course_changelist"),
        reverse("admin:elearning_course_change", args=[quiz_course.pk]),
    ):
        assert url in instructor_client.get(page).content.decode()


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    return len(captured)


def test_a_constant_number_of_queries_whatever_the_number_of_learners(
    instructor_client, make_user, quiz_course
):
    def add(count):
        for n in range(count):
            learner = make_user()
            teach(learner)
            mark_lesson_done(learner, quiz_course.lessons.get(position=1 + n % 3))
            if n % 2:
                take(learner, quiz_course.final_quiz, n % 5)

    add(2)
    small = [
        queries(instructor_client, report_url(quiz_course)),
        queries(instructor_client, report_url(quiz_course, format="csv")),
    ]
    add(12)
    large = [
        queries(instructor_client, report_url(quiz_course)),
        queries(instructor_client, report_url(quiz_course, format="csv")),
    ]
    assert large == small
    assert LessonProgress.objects.count() == 14
