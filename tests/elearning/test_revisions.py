"""Spaced review in a course: which misses enter her queue (elearning.revisions), the
"Révisions" page and the dashboard's count."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

from elearning.models import QuestionSource
from quiz.models import Attempt, Response, ReviewCard
from quiz.typography import keep_together
from tests.elearning.flows import answer, start, take_final
from tests.quiz.answers import right, wrong

pytestmark = pytest.mark.django_db

MONDAY = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
TUESDAY = MONDAY + timedelta(days=1)


def queued(learner):
    return set(ReviewCard.objects.filter(learner=learner).values_list("question_id", flat=True))


def miss_checkpoint(client, course, misses=(1,), submit=True):
    """Take the first lesson's checkpoint, checking each answer and missing those at
    ``misses``, then submit it."""
    quiz = course.lessons.get(position=1).checkpoint_quiz
    attempt = start(client, course, quiz)
    for response in attempt.responses.all():
        picks = wrong(response) if response.position in misses else right(response)
        answer(client, course, attempt, response.position, picks, action="check")
    if submit:
        client.post(reverse("quiz_summary", args=[course.slug, attempt.pk]))
    return attempt


def card_url(card):
    return reverse("revision_card", args=[card.pk])


@pytest.fixture
def due_card(client, learner, quiz_course):
    """She missed the checkpoint's first question on Monday; it is Tuesday."""
    client.force_login(learner)
    with time_machine.travel(MONDAY, tick=False):
        miss_checkpoint(client, quiz_course)
    traveller = time_machine.travel(TUESDAY, tick=False)
    traveller.start()
    yield ReviewCard.objects.get(learner=learner)
    traveller.stop()


# Which misses enter the queue.


def test_a_checked_wrong_answer_in_a_checkpoint_is_queued_at_once(client, learner, quiz_course):
    client.force_login(learner)
    with time_machine.travel(MONDAY, tick=False):
        attempt = miss_checkpoint(client, quiz_course, misses=(1, 3), submit=False)
    assert attempt.state == "in_progress"  # not even submitted yet
    missed = attempt.responses.filter(position__in=(1, 3)).values_list("question", flat=True)
    assert queued(learner) == set(missed)
    card = ReviewCard.objects.filter(learner=learner).first()
    assert card.due == TUESDAY  # missed today, due tomorrow
    # Submitting the attempt changes nothing: the same misses, counted once.
    client.post(reverse("quiz_summary", args=[quiz_course.slug, attempt.pk]))
    assert ReviewCard.objects.get(pk=card.pk).due == TUESDAY
    assert ReviewCard.objects.filter(learner=learner).count() == 2


def test_a_deferred_checkpoint_queues_its_misses_when_submitted(
    client, learner, quiz_course, make_quiz
):
    lesson = quiz_course.lessons.get(position=2)
    lesson.checkpoint_quiz = make_quiz(questions=2, bank=quiz_course.bank, feedback_mode="deferred")
    lesson.save()
    client.force_login(learner)
    attempt = start(client, quiz_course, lesson.checkpoint_quiz)
    first, _unanswered = attempt.responses.all()
    answer(client, quiz_course, attempt, 1, wrong(first))
    # The second is left unanswered: not a miss.
    assert queued(learner) == set()
    client.post(reverse("quiz_summary", args=[quiz_course.slug, attempt.pk]))
    assert queued(learner) == {first.question_id}


def test_the_final_quiz_is_not_queued_while_attempts_remain_then_queued_once_passed(
    client, learner, quiz_course
):
    client.force_login(learner)
    first = take_final(client, quiz_course, right_answers=2)  # 40 %: failed, 2 attempts left
    assert not first.passed
    assert queued(learner) == set()
    second = take_final(client, quiz_course, right_answers=4)  # 80 %: passed
    assert second.passed
    missed = Response.objects.filter(attempt__in=[first, second], is_correct=False)
    assert queued(learner) == set(missed.values_list("question", flat=True))
    assert len(queued(learner)) == 3  # positions 3 to 5 in the first, 5 in the second


def test_the_final_quiz_is_queued_once_every_attempt_is_used(client, learner, quiz_course):
    client.force_login(learner)
    for _ in range(2):
        take_final(client, quiz_course, right_answers=1)
    assert queued(learner) == set()
    take_final(client, quiz_course, right_answers=1)  # the third and last
    assert len(queued(learner)) == 4


def test_a_quiz_outside_any_course_queues_nothing(learner, make_quiz):
    from elearning import quizzes
    from quiz import attempts

    quiz = make_quiz(questions=2)
    attempt, _ = attempts.start_attempt(learner, quiz)
    for response in attempt.responses.all():
        attempts.save_answer(attempt, response, wrong(response))
    quizzes.submit(attempt)
    assert queued(learner) == set()


# The "Révisions" page.


def test_the_page_needs_a_login(client):
    response = client.get(reverse("revisions"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_nothing_due_says_so(client, learner):
    client.force_login(learner)
    page = client.get(reverse("revisions")).content.decode()
    assert "Aucune question à revoir pour l’instant." in page


def test_a_due_card_is_shown_then_a_right_answer_reschedules_it_later(
    client, due_card, quiz_course
):
    question = due_card.question
    QuestionSource.objects.create(
        question=question,
        lesson=quiz_course.lessons.get(position=1),
        passage="Le passage de la leçon qui répond.",
    )
    page = client.get(reverse("revisions"))
    html = page.content.decode()
    assert page.status_code == 200
    assert keep_together(question.text) in html and f'action="{card_url(due_card)}"' in html
    assert "1 question à revoir aujourd’hui" in html
    assert "Le passage de la leçon qui répond." not in html  # not before she answers
    good = [c.pk for c in question.choices.all() if c.is_correct]
    posted = client.post(card_url(due_card), {"answer": [str(pk) for pk in good]})
    assert posted.status_code == 302
    assert posted["Location"] == card_url(due_card) + "#checked"
    due_card.refresh_from_db()
    assert due_card.due - TUESDAY > timedelta(days=1)
    assert (due_card.last_correct, due_card.review_count) == (True, 1)
    verdict = client.get(card_url(due_card)).content.decode()
    assert "Bonne réponse" in verdict
    assert "Explication 1." in verdict
    assert "Le passage de la leçon qui répond." in verdict
    assert quiz_course.lessons.get(position=1).get_absolute_url() in verdict
    assert "Vous avez revu toutes les questions du jour." in verdict
    # Nothing is due any more today.
    assert "Rien à revoir aujourd’hui." in client.get(reverse("revisions")).content.decode()


def test_a_wrong_answer_brings_the_card_back_sooner(client, due_card):
    bad = [c.pk for c in due_card.question.choices.all() if not c.is_correct][:1]
    client.post(card_url(due_card), {"answer": [str(bad[0])]})
    due_card.refresh_from_db()
    assert due_card.due == TUESDAY + timedelta(days=1)
    assert due_card.last_correct is False
    assert "Mauvaise réponse" in client.get(card_url(due_card)).content.decode()


def test_reviews_never_change_grades_nor_make_attempts(client, learner, due_card):
    before = list(Attempt.objects.values("pk", "state", "score", "passed"))
    responses = list(Response.objects.values("pk", "selected", "is_correct", "points_awarded"))
    good = [c.pk for c in due_card.question.choices.all() if c.is_correct]
    client.post(card_url(due_card), {"answer": [str(good[0])]})
    assert list(Attempt.objects.values("pk", "state", "score", "passed")) == before
    assert (
        list(Response.objects.values("pk", "selected", "is_correct", "points_awarded")) == responses
    )


def unchanged(card):
    saved = ReviewCard.objects.get(pk=card.pk)
    return (saved.due, saved.review_count, saved.last_answer) == (
        card.due,
        card.review_count,
        card.last_answer,
    )


def test_an_answer_without_a_choice_is_refused_with_a_message(client, due_card):
    page = client.post(card_url(due_card), {})
    assert page.status_code == 400
    assert "Choisissez une réponse avant de la vérifier." in page.content.decode()
    assert unchanged(due_card)


def test_a_choice_of_another_question_is_refused_with_a_message(client, due_card, make_quiz):
    stray = make_quiz(questions=1).questions.get().choices.first()
    for value in (str(stray.pk), "abc"):
        page = client.post(card_url(due_card), {"answer": [value]})
        assert page.status_code == 400
        assert "Ce choix ne fait pas partie de la question." in page.content.decode()
    assert unchanged(due_card)


def test_a_card_not_due_is_refused_with_a_message(client, due_card):
    good = [c.pk for c in due_card.question.choices.all() if c.is_correct]
    client.post(card_url(due_card), {"answer": [str(good[0])]})
    answered = ReviewCard.objects.get(pk=due_card.pk)
    again = client.post(card_url(due_card), {"answer": [str(good[0])]}, follow=True)
    assert "Cette question n’est pas encore à revoir" in again.content.decode()
    assert unchanged(answered)


def test_another_learners_card_is_404(client, due_card, make_user):
    client.force_login(make_user())
    assert client.get(card_url(due_card)).status_code == 404
    good = [c.pk for c in due_card.question.choices.all() if c.is_correct]
    assert client.post(card_url(due_card), {"answer": [str(good[0])]}).status_code == 404
    assert unchanged(due_card)
    assert "Aucune question à revoir" in client.get(reverse("revisions")).content.decode()


# The dashboard.


def test_the_dashboard_counts_the_questions_due_in_french(client, learner, quiz_course):
    client.force_login(learner)
    assert "à revoir" not in client.get(reverse("dashboard")).content.decode()
    with time_machine.travel(MONDAY, tick=False):
        miss_checkpoint(client, quiz_course, misses=(1,))
        page = client.get(reverse("dashboard")).content.decode()
        assert "Rien à revoir aujourd’hui." in page
        assert "Prochaine révision le 1 décembre 2026." in page
    with time_machine.travel(TUESDAY, tick=False):
        assert "1 question à revoir" in client.get(reverse("dashboard")).content.decode()
    with time_machine.travel(MONDAY + timedelta(hours=1), tick=False):
        miss_checkpoint(client, quiz_course, misses=(1, 2, 3))
    with time_machine.travel(TUESDAY + timedelta(hours=2), tick=False):
        page = client.get(reverse("dashboard")).content.decode()
    assert "3 questions à revoir" in page
    assert f'href="{reverse("revisions")}"' in page


@pytest.mark.parametrize("misses", [(1,), (1, 2, 3)])
def test_the_dashboard_count_costs_one_query_whatever_the_queue(
    client, learner, quiz_course, django_assert_num_queries, misses
):
    client.force_login(learner)
    with time_machine.travel(MONDAY, tick=False):
        miss_checkpoint(client, quiz_course, misses=misses)
    with time_machine.travel(TUESDAY, tick=False):
        client.get(reverse("dashboard"))  # the courses are cached; the count is not
        # The session, the user, the content version, her progress version, the count.
        with django_assert_num_queries(4):
            page = client.get(reverse("dashboard"))
    assert page.status_code == 200
    assert f"{len(misses)} question" in page.content.decode()


def test_a_passage_the_explanation_quotes_is_not_shown_twice(client, due_card, quiz_course):
    question = due_card.question
    question.explanation = "D’après le cours : « Le passage qui répond. »"
    question.save()
    QuestionSource.objects.create(
        question=question,
        lesson=quiz_course.lessons.get(position=1),
        passage="Le passage qui répond.",
    )
    good = [c.pk for c in question.choices.all() if c.is_correct]
    client.post(card_url(due_card), {"answer": [str(good[0])]})
    verdict = client.get(card_url(due_card)).content.decode()
    assert verdict.count("Le passage qui répond.") == 1
    assert "Ce que dit la leçon" not in verdict
    assert quiz_course.lessons.get(position=1).get_absolute_url() in verdict
