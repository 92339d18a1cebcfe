"""The learner's quiz pages: taking a quiz, resuming, deadlines, results, and what they
mean for the course."""

import re
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from elearning import quizzes
from elearning.models import Enrolment, QuestionSource
from quiz import attempts
from quiz.models import Attempt, Response
from quiz.typography import french
from tests.elearning.flows import answer, question_url, start, take_final
from tests.quiz.answers import right, wrong

pytestmark = pytest.mark.django_db


def detail_url(course, quiz):
    return reverse("quiz_detail", args=[course.slug, quiz.pk])


def test_the_quiz_pages_need_a_login(client, quiz_course):
    url = detail_url(quiz_course, quiz_course.final_quiz)
    assert client.get(url).status_code == 302


def test_a_quiz_of_another_course_is_404(client, learner, quiz_course, make_course, make_quiz):
    other = make_course()
    client.force_login(learner)
    assert client.get(detail_url(other, quiz_course.final_quiz)).status_code == 404
    stray = make_quiz()  # in no course
    assert client.get(detail_url(quiz_course, stray)).status_code == 404


def test_one_question_per_page_with_its_number(client, learner, quiz_course):
    client.force_login(learner)
    attempt = start(client, quiz_course, quiz_course.final_quiz)
    page = client.get(question_url(quiz_course, attempt, 3))
    assert page.status_code == 200
    assert "Question 3 / 5" in page.content.decode()
    assert client.get(question_url(quiz_course, attempt, 6)).status_code == 404


def test_moving_on_saves_the_answer_and_coming_back_resumes(client, learner, quiz_course):
    client.force_login(learner)
    attempt = start(client, quiz_course, quiz_course.final_quiz)
    first = attempt.responses.get(position=1)
    moved = answer(client, quiz_course, attempt, 1, right(first))
    assert moved["Location"] == question_url(quiz_course, attempt, 2)
    second = attempt.responses.get(position=2)
    answer(client, quiz_course, attempt, 2, wrong(second), action="goto-4")
    # She closes the browser: a new session, the same attempt, where she was.
    client.logout()
    client.force_login(learner)
    resumed = client.post(reverse("quiz_start", args=[quiz_course.slug, attempt.quiz_id]))
    assert resumed["Location"] == question_url(quiz_course, attempt, 4)
    page = client.get(question_url(quiz_course, attempt, 2))
    checked = re.findall(r'<input[^>]*value="(\d+)"[^>]*checked', page.content.decode())
    assert checked == [str(pk) for pk in wrong(second)]
    assert Attempt.objects.filter(quiz=attempt.quiz).count() == 1


def test_the_question_map_shows_which_questions_are_answered(client, learner, quiz_course):
    client.force_login(learner)
    attempt = start(client, quiz_course, quiz_course.final_quiz)
    first, third = attempt.responses.get(position=1), attempt.responses.get(position=3)
    answer(client, quiz_course, attempt, 1, right(first), action="save")
    answer(client, quiz_course, attempt, 3, wrong(third), action="save")
    answer(client, quiz_course, attempt, 3, [], action="save")  # answered, then cleared
    html = client.get(question_url(quiz_course, attempt, 2)).content.decode()
    buttons = re.findall(
        r'value="goto-(\d)" class="btn btn-sm (btn-secondary|btn-outline-secondary)"'
        r'(?: aria-current="step")?>\d<span class="visually-hidden"> \(([^)]*)\)',
        html,
    )
    assert buttons == [
        ("1", "btn-secondary", "répondue"),
        ("2", "btn-outline-secondary", "sans réponse"),
        ("3", "btn-outline-secondary", "sans réponse"),
        ("4", "btn-outline-secondary", "sans réponse"),
        ("5", "btn-outline-secondary", "sans réponse"),
    ]


def test_the_autosave_request_keeps_the_answer_and_answers_json(client, learner, quiz_course):
    client.force_login(learner)
    attempt = start(client, quiz_course, quiz_course.final_quiz)
    first = attempt.responses.get(position=1)
    saved = client.post(
        question_url(quiz_course, attempt, 1),
        {"answer": str(right(first)[0]), "action": "save"},
        headers={"X-Requested-With": "fetch"},
    )
    assert saved.json() == {"saved": True}
    first.refresh_from_db()
    assert first.selected == right(first)


def test_a_choice_from_another_question_is_a_form_error(client, learner, quiz_course):
    client.force_login(learner)
    attempt = start(client, quiz_course, quiz_course.final_quiz)
    second = attempt.responses.get(position=2)
    for bad in (right(second), ["abc"], ["999999"]):
        page = answer(client, quiz_course, attempt, 1, bad)
        assert page.status_code == 400
        html = page.content.decode()
        assert "Ce choix ne fait pas partie de la question" in html
        # The error is tied to the field, and every choice is marked invalid.
        assert '<fieldset class="mb-3" aria-describedby="answer-errors">' in html
        shown = len(attempt.responses.get(position=1).choices)
        assert html.count('class="form-check-input is-invalid"') == shown
    assert attempt.responses.get(position=1).selected == []


def test_a_multiple_response_question_says_so_and_shows_her_saved_picks(
    client, learner, make_course, make_quiz
):
    course = make_course()
    course.final_quiz = make_quiz(questions=1, kinds={1: "multiple"}, feedback_mode="deferred")
    course.save()
    client.force_login(learner)
    attempt = start(client, course, course.final_quiz)
    response = attempt.responses.get()
    answer(client, course, attempt, 1, right(response), action="save")
    html = client.get(question_url(course, attempt, 1)).content.decode()
    assert '<fieldset class="mb-3" aria-describedby="answer-help">' in html
    assert (
        '<p id="answer-help" class="form-text mt-0">Cochez toutes les réponses justes.</p>' in html
    )
    checked = re.findall(
        r'<input [^>]*type="checkbox" name="answer" value="(\d+)"[^>]* checked>', html
    )
    assert sorted(int(pk) for pk in checked) == sorted(right(response))
    assert html.count('type="checkbox" name="answer"') == 4


def test_the_summary_lists_unanswered_questions(client, learner, quiz_course):
    client.force_login(learner)
    attempt = start(client, quiz_course, quiz_course.final_quiz)
    first = attempt.responses.get(position=1)
    answer(client, quiz_course, attempt, 1, right(first), action="summary")
    page = client.get(reverse("quiz_summary", args=[quiz_course.slug, attempt.pk]))
    assert [r.position for r in page.context["unanswered"]] == [2, 3, 4, 5]
    assert "4 questions n’ont pas encore de réponse" in page.content.decode()


def test_submitting_grades_and_the_results_show_the_score(client, learner, quiz_course):
    client.force_login(learner)
    attempt = take_final(client, quiz_course, right_answers=4)
    assert (attempt.state, attempt.score, attempt.passed) == ("submitted", 4, True)
    page = client.get(reverse("quiz_results", args=[quiz_course.slug, attempt.pk]))
    assert page.status_code == 200
    assert "80&nbsp;%" in page.content.decode()
    assert page.context["show_answers"]  # a pass opens the review
    # Submitting again (a second tab) grades nothing twice.
    client.post(reverse("quiz_summary", args=[quiz_course.slug, attempt.pk]))
    attempt.refresh_from_db()
    assert attempt.score == 4


def test_the_first_pass_of_the_final_quiz_is_kept(client, learner, quiz_course):
    client.force_login(learner)
    take_final(client, quiz_course, right_answers=2)
    enrolment = Enrolment.objects.get(learner=learner, course=quiz_course)
    assert enrolment.final_quiz_passed_at is None
    passed = take_final(client, quiz_course, right_answers=5)
    failed_later = take_final(client, quiz_course, right_answers=0)
    enrolment.refresh_from_db()
    assert not failed_later.passed
    assert enrolment.final_quiz_passed_at == passed.submitted_at
    assert enrolment.final_quiz_attempt_id == passed.pk


def test_the_course_page_and_dashboard_show_the_grades(client, learner, quiz_course):
    client.force_login(learner)
    take_final(client, quiz_course, right_answers=3)
    take_final(client, quiz_course, right_answers=5)
    course_page = client.get(quiz_course.get_absolute_url())
    final = course_page.context["final_quiz"]
    assert (final.percent, final.passed, final.attempt_count) == (100, True, 2)
    assert french("Note : 100 %") in course_page.content.decode()
    dashboard = client.get(reverse("dashboard")).content.decode()
    assert "Examen final" in dashboard or "Quiz final" in dashboard
    assert "Réussi" in dashboard


def test_latest_grading_method_shows_the_latest_attempt(client, learner, quiz_course):
    quiz = quiz_course.final_quiz
    quiz.grading_method = "latest"
    quiz.save()
    client.force_login(learner)
    take_final(client, quiz_course, right_answers=5)
    take_final(client, quiz_course, right_answers=3)
    final = client.get(quiz_course.get_absolute_url()).context["final_quiz"]
    assert (final.percent, final.passed) == (60, False)


def test_review_waits_for_the_last_attempt_or_a_pass(client, learner, quiz_course):
    client.force_login(learner)
    results = []
    for _ in range(3):
        attempt = take_final(client, quiz_course, right_answers=1)
        page = client.get(reverse("quiz_results", args=[quiz_course.slug, attempt.pk]))
        results.append(page.context["show_answers"])
    assert results == [False, False, True]
    refused = client.post(reverse("quiz_start", args=[quiz_course.slug, quiz_course.final_quiz_id]))
    assert refused.status_code == 302
    follow = client.get(refused["Location"])
    assert "Vous avez utilisé toutes vos tentatives" in follow.content.decode()
    assert Attempt.objects.filter(quiz=quiz_course.final_quiz).count() == 3


def test_review_links_each_question_to_its_lesson(client, learner, quiz_course):
    lesson = quiz_course.lessons.get(position=2)
    for question in quiz_course.final_quiz.questions.all():
        QuestionSource.objects.create(question=question, lesson=lesson)
    client.force_login(learner)
    attempt = take_final(client, quiz_course, right_answers=5)
    page = client.get(reverse("quiz_results", args=[quiz_course.slug, attempt.pk]))
    assert page.content.decode().count(f'href="{lesson.get_absolute_url()}"') == 5


def test_immediate_check_shows_right_or_wrong_and_locks(client, learner, quiz_course):
    lesson = quiz_course.lessons.get(position=1)
    client.force_login(learner)
    attempt = start(client, quiz_course, lesson.checkpoint_quiz)
    first = attempt.responses.get(position=1)
    QuestionSource.objects.create(question=first.question, lesson=lesson)
    checked = answer(client, quiz_course, attempt, 1, wrong(first), action="check")
    assert checked["Location"] == question_url(quiz_course, attempt, 1) + "#checked"
    page = client.get(checked["Location"]).content.decode()
    assert "Mauvaise réponse" in page
    assert "Explication 1." in page
    assert "Retour Fausse" in page
    assert f'href="{lesson.get_absolute_url()}"' in page
    # The answer is locked: a new pick is refused and the first one kept.
    answer(client, quiz_course, attempt, 1, right(first), action="check")
    first.refresh_from_db()
    assert first.selected == wrong(first) and first.is_correct is False


def test_an_answer_after_the_deadline_is_refused_and_the_attempt_graded(
    client, learner, quiz_course
):
    client.force_login(learner)
    with time_machine.travel("2026-11-25 09:00 +0000", tick=False):
        attempt = start(client, quiz_course, quiz_course.final_quiz)
        first, second = attempt.responses.all()[:2]
        answer(client, quiz_course, attempt, 1, right(first))
    with time_machine.travel("2026-11-25 09:31 +0000", tick=False):
        late = answer(client, quiz_course, attempt, 2, right(second))
        assert late["Location"] == reverse("quiz_results", args=[quiz_course.slug, attempt.pk])
        page = client.get(late["Location"]).content.decode()
    assert "Le temps accordé pour ce quiz est écoulé" in page
    attempt.refresh_from_db()
    second.refresh_from_db()
    assert attempt.state == "submitted" and attempt.score == 1
    assert second.selected == []
    assert attempt.submitted_at == attempt.deadline


def test_an_expired_attempt_is_graded_when_read_and_by_the_command(
    client, learner, make_user, quiz_course
):
    other = make_user()
    with time_machine.travel("2026-11-25 09:00 +0000", tick=False):
        mine, _ = attempts.start_attempt(learner, quiz_course.final_quiz)
        theirs, _ = attempts.start_attempt(other, quiz_course.final_quiz)
        first = mine.responses.get(position=1)
        attempts.save_answer(mine, first, right(first))
    with time_machine.travel("2026-11-25 10:00 +0000", tick=False):
        client.force_login(learner)
        page = client.get(detail_url(quiz_course, quiz_course.final_quiz))
        assert page.status_code == 200
        mine.refresh_from_db()
        assert (mine.state, mine.score) == ("submitted", 1)
        theirs.refresh_from_db()
        assert theirs.state == "in_progress"
        call_command("close_expired_attempts", stdout=StringIO())
        theirs.refresh_from_db()
        assert (theirs.state, theirs.score) == ("submitted", 0)
        assert quizzes.close_expired() == 0


def test_someone_elses_attempt_is_404(client, learner, make_user, quiz_course):
    attempt, _ = attempts.start_attempt(make_user(), quiz_course.final_quiz)
    client.force_login(learner)
    for url in (
        question_url(quiz_course, attempt, 1),
        reverse("quiz_summary", args=[quiz_course.slug, attempt.pk]),
        reverse("quiz_results", args=[quiz_course.slug, attempt.pk]),
    ):
        assert client.get(url).status_code == 404
    assert (
        client.post(reverse("quiz_summary", args=[quiz_course.slug, attempt.pk])).status_code == 404
    )
    attempt.refresh_from_db()
    assert attempt.state == "in_progress"


def test_a_question_page_for_a_submitted_attempt_leads_to_the_results(client, learner, quiz_course):
    client.force_login(learner)
    attempt = take_final(client, quiz_course, right_answers=1)
    late = answer(client, quiz_course, attempt, 1, right(attempt.responses.get(position=1)))
    assert late["Location"] == reverse("quiz_results", args=[quiz_course.slug, attempt.pk])
    assert Response.objects.get(attempt=attempt, position=1).is_correct is True


def test_lesson_page_offers_its_checkpoint_quiz(client, learner, quiz_course):
    client.force_login(learner)
    lesson = quiz_course.lessons.get(position=1)
    # Read, the lesson links its checkpoint; before, marking it done leads there.
    client.post(reverse("lesson_done", args=[quiz_course.slug, lesson.slug]))
    page = client.get(lesson.get_absolute_url()).content.decode()
    assert detail_url(quiz_course, lesson.checkpoint_quiz) in page
    assert page.count("/quiz/") == 1


def test_a_checkpoints_pages_lead_back_to_its_lesson(client, learner, quiz_course):
    lesson = quiz_course.lessons.get(position=1)
    client.force_login(learner)
    attempt = start(client, quiz_course, lesson.checkpoint_quiz)
    lesson_link = f'href="{lesson.get_absolute_url()}"'
    # The breadcrumb on the question page.
    assert lesson_link in client.get(question_url(quiz_course, attempt, 1)).content.decode()
    client.post(reverse("quiz_summary", args=[quiz_course.slug, attempt.pk]))
    results = client.get(reverse("quiz_results", args=[quiz_course.slug, attempt.pk]))
    # The breadcrumb and "Back to the lesson".
    assert results.content.decode().count(lesson_link) == 2
