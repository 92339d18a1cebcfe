"""The same learner's requests at the same moment, on PostgreSQL: real threads, each with
its own database connection, each a browser tab (the Django test client) going through the
views. Each race ends with exactly one row or one grade, no error leaking out of a view,
every thread done within its timeout and no lock left behind.

Already covered elsewhere, and not repeated here: the same attempt submitted by eight
requests (``test_quiz_integrity.test_concurrent_submits_grade_the_attempt_once``),
``complete_if_done`` called by eight at once
(``test_certificates.test_concurrent_completing_requests_issue_one_certificate``), answers
saved while the attempt is submitted (``tests/elearning/races.py``), the same
misses queued at once (``tests/quiz/races.py``). SQLite's in-memory test database is one
connection: these tests run in the PostgreSQL pass (CI's, or
``DATABASE_URL=postgres://... pytest tests/elearning/test_concurrency_pg.py``).
"""

import threading
import time
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from elearning import quizzes
from elearning.models import Certificate, Enrolment, LessonProgress
from elearning.progress import enrol, mark_lesson_done
from quiz import attempts, spaced_review
from quiz.models import Attempt, ReviewCard
from tests.quiz.answers import right, wrong

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite's in-memory test database is one connection",
    ),
]

TIMEOUT = 30
ROUNDS = 12  # for a race whose losing interleaving is not the likeliest one


def at_once(*requests):
    """Run each request in its own thread, released together; returns what each returned
    (its status code, or its response) and the exceptions that leaked out of them. Fails
    if a thread is still running after TIMEOUT seconds (a lock never released)."""
    barrier = threading.Barrier(len(requests))
    results, errors = [None] * len(requests), []

    def run(index, request):
        try:
            barrier.wait()
            results[index] = request()
        except Exception as exc:
            errors.append(repr(exc))
        finally:
            connection.close()

    threads = [
        threading.Thread(target=run, args=[index, request])
        for index, request in enumerate(requests)
    ]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + TIMEOUT
    for thread in threads:
        thread.join(max(deadline - time.monotonic(), 0))
    assert not any(thread.is_alive() for thread in threads), "a request never finished"
    assert_no_lock_left()
    return results, errors


def assert_no_lock_left():
    """Once every thread has closed its connection, no other session of the test database
    holds or waits for a lock (their backends may take a moment to go)."""
    query = """
        SELECT count(*) FROM pg_locks JOIN pg_stat_activity USING (pid)
        WHERE pg_stat_activity.datname = current_database() AND pid <> pg_backend_pid()
    """
    for _ in range(50):
        with connection.cursor() as cursor:
            cursor.execute(query)
            if cursor.fetchone()[0] == 0:
                return
        time.sleep(0.1)
    raise AssertionError("locks left by the racing requests")


def tab(user):
    """A browser tab of ``user``, logged in."""
    client = Client()
    client.force_login(user)
    return client


def post(client, url, data=None):
    return lambda: client.post(url, data or {}).status_code


def done_url(lesson):
    return reverse("lesson_done", args=[lesson.course.slug, lesson.slug])


def passed_final(learner, course):
    """A passed final quiz (her lessons not all done): the course waits for its last lesson."""
    attempt, _ = attempts.start_attempt(learner, course.final_quiz)
    for response in attempt.responses.all():
        attempts.save_answer(attempt, response, right(response))
    quizzes.submit(attempt)


def test_the_same_lesson_marked_done_from_two_tabs_is_one_row(learner, quiz_course):
    lesson = quiz_course.lessons.get(position=2)
    url = done_url(lesson)
    codes, errors = at_once(post(tab(learner), url), post(tab(learner), url))
    assert errors == []
    assert codes == [302, 302]
    assert LessonProgress.objects.filter(learner=learner, lesson=lesson).count() == 1
    assert Enrolment.objects.filter(learner=learner, course=quiz_course).count() == 1


def test_the_last_lesson_marked_done_twice_completes_the_course_once(learner, quiz_course):
    """The final quiz passed, the last lesson marked done from two tabs at once: one
    completion, one certificate."""
    enrol(learner, quiz_course)
    passed_final(learner, quiz_course)
    *first, last = quiz_course.lessons.order_by("position")
    for lesson in first:
        mark_lesson_done(learner, lesson)
    url = done_url(last)
    codes, errors = at_once(*[post(tab(learner), url) for _ in range(4)])
    assert errors == []
    assert codes == [302] * 4
    assert Certificate.objects.filter(learner=learner, course=quiz_course).count() == 1
    assert Enrolment.objects.get(learner=learner, course=quiz_course).completed_at is not None


def test_the_last_lesson_and_the_passing_final_at_once_complete_the_course_once(
    make_user, quiz_course
):
    """The two requests that can each complete the course, at the same moment: her last
    lesson marked done in one tab while her passing final quiz is submitted in another.
    Whichever commits second sees the other's write: completed once, never missed, and
    neither request fails on the other's locks (they once deadlocked, one time in three:
    hence several learners, each racing once)."""
    *first, last = quiz_course.lessons.order_by("position")
    for _ in range(ROUNDS):
        learner = make_user()
        enrol(learner, quiz_course)
        for lesson in first:
            mark_lesson_done(learner, lesson)
        attempt, _ = attempts.start_attempt(learner, quiz_course.final_quiz)
        for response in attempt.responses.all():
            attempts.save_answer(attempt, response, right(response))
        submit_url = reverse("quiz_summary", args=[quiz_course.slug, attempt.pk])
        codes, errors = at_once(post(tab(learner), done_url(last)), post(tab(learner), submit_url))
        assert errors == []
        assert codes == [302, 302]
        enrolment = Enrolment.objects.get(learner=learner, course=quiz_course)
        assert enrolment.completed_at is not None
        assert enrolment.final_quiz_passed_at is not None
        assert Certificate.objects.filter(learner=learner, course=quiz_course).count() == 1


def test_a_checkpoint_submitted_from_two_tabs_is_graded_once_and_queues_each_miss_once(
    learner, quiz_course
):
    """The same attempt submitted twice at once, with misses: one grade, and each missed
    question in her review queue once (the grading's side effects happen once too)."""
    checkpoint = quiz_course.lessons.get(position=1).checkpoint_quiz
    enrol(learner, quiz_course)
    attempt, _ = attempts.start_attempt(learner, checkpoint)
    for response in attempt.responses.all():
        attempts.save_answer(attempt, response, wrong(response))
    url = reverse("quiz_summary", args=[quiz_course.slug, attempt.pk])
    codes, errors = at_once(post(tab(learner), url), post(tab(learner), url))
    assert errors == []
    assert codes == [302, 302]
    attempt.refresh_from_db()
    assert (attempt.state, attempt.score) == ("submitted", 0)
    cards = ReviewCard.objects.filter(learner=learner)
    assert sorted(cards.values_list("question_id", flat=True)) == sorted(
        attempt.responses.values_list("question_id", flat=True)
    )


def test_an_attempt_started_from_two_tabs_is_one_attempt(learner, quiz_course):
    url = reverse("quiz_start", args=[quiz_course.slug, quiz_course.final_quiz_id])
    tabs = [tab(learner) for _ in range(4)]
    responses, errors = at_once(*[lambda client=client: client.post(url) for client in tabs])
    assert errors == []
    assert [response.status_code for response in responses] == [302] * 4
    attempt = Attempt.objects.in_progress().get(learner=learner)
    assert Attempt.objects.filter(learner=learner).count() == 1
    assert {response["Location"] for response in responses} == {
        reverse("quiz_question", args=[quiz_course.slug, attempt.pk, 1])
    }


def test_a_review_card_answered_from_two_tabs_is_one_review(learner, quiz_course):
    question = quiz_course.final_quiz.questions.first()
    spaced_review.queue_misses(learner.pk, {question.pk: timezone.now() - timedelta(days=1)})
    card = ReviewCard.objects.get(learner=learner)
    reviews = card.review_count
    url = reverse("revision_card", args=[card.pk])
    answer = {"answer": question.choices.get(is_correct=True).pk}
    tabs = [tab(learner), tab(learner)]
    responses, errors = at_once(
        *[lambda client=client: client.post(url, answer) for client in tabs]
    )
    assert errors == []
    # One to the verdict; the other back to the queue, refused as no longer due.
    assert sorted(response["Location"] for response in responses) == [
        reverse("revisions"),
        url + "#checked",
    ]
    card.refresh_from_db()
    assert card.review_count == reviews + 1
    assert card.last_correct is True
