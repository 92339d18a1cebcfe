"""The review list: flagged questions and drafted ones with enough answers show, with why;
keeping (with a note), unpublishing or editing takes them off until their reasons change;
grades already given never move."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from quiz.attempts import save_answer, start_attempt, submit_attempt
from quiz.models import Question, QuestionDraft, QuestionReview
from quiz.review import DRAFTED, MIN_DRAFT_ANSWERS, review_list
from quiz.statistics import EASY
from tests.conftest import teach
from tests.quiz.answers import right, wrong

pytestmark = pytest.mark.django_db

REVIEW = "admin:quiz_question_review"


def answer(learner, quiz, rights):
    """She answers the quiz's questions at the positions in ``rights`` right, the others
    wrong, and submits."""
    attempt, _ = start_attempt(learner, quiz)
    for response in attempt.responses.order_by("position"):
        picked = right(response) if response.position in rights else wrong(response)
        save_answer(attempt, response, picked)
    submit_attempt(attempt)
    return attempt


@pytest.fixture
def answered(make_quiz, make_user, instructor):
    """A quiz of four questions answered by five of her learners: everyone gets the first
    right (nearly always right); the others are mixed."""
    quiz = make_quiz(questions=4, feedback_mode="deferred")
    patterns = [{1, 2, 3, 4}, {1, 2, 3}, {1, 2}, {1, 4}, {1}]
    for rights in patterns:
        learner = make_user()
        teach(learner)
        answer(learner, quiz, rights)
    return quiz


def first_question(quiz):
    return quiz.questions.get(picks__position=1)


def test_a_flagged_question_is_listed_with_why(instructor_client, answered):
    page = instructor_client.get(reverse(REVIEW))
    assert page.status_code == 200
    items = page.context["items"]
    flagged = next(item for item in items if item.question == first_question(answered))
    assert EASY in flagged.reasons
    with translation.override("fr"):
        assert gettext("Nearly always right")[:10] in page.content.decode() or (
            "Presque toujours" in page.content.decode()
        )


def test_keeping_it_with_a_note_takes_it_off_until_its_reasons_change(
    instructor_client, instructor, answered
):
    question = first_question(answered)
    listed = next(i for i in review_list(instructor) if i.question == question)
    response = instructor_client.post(
        reverse(REVIEW),
        {"question": question.pk, "decision": "kept", "reasons": listed.reasons, "note": "Voulu"},
    )
    assert response.status_code == 302
    review = QuestionReview.objects.get()
    assert (review.decision, review.reasons, review.note, review.decided_by) == (
        "kept",
        listed.reasons,
        "Voulu",
        instructor,
    )
    assert question not in [item.question for item in review_list(instructor)]
    # Kept for other reasons than today's: back on the list.
    QuestionReview.objects.create(question=question, decision="kept", reasons="dubious")
    assert question in [item.question for item in review_list(instructor)]


def test_unpublishing_it_takes_it_out_of_attempts_and_keeps_grades(
    instructor_client, instructor, answered
):
    question = first_question(answered)
    scores = sorted(answered.attempts.values_list("score", flat=True))
    listed = next(i for i in review_list(instructor) if i.question == question)
    instructor_client.post(
        reverse(REVIEW),
        {"question": question.pk, "decision": "unpublished", "reasons": listed.reasons},
    )
    question.refresh_from_db()
    assert question.status == "draft"
    assert question not in [item.question for item in review_list(instructor)]
    assert sorted(answered.attempts.values_list("score", flat=True)) == scores


def test_editing_it_from_the_list_records_the_edit(instructor_client, instructor, answered):
    from tests.quiz.test_admin import page_data

    question = first_question(answered)
    listed = next(i for i in review_list(instructor) if i.question == question)
    url = reverse("admin:quiz_question_change", args=[question.pk]) + f"?review={listed.reasons}"
    assert url.split("?")[0] in instructor_client.get(reverse(REVIEW)).content.decode()
    data = page_data(instructor_client.get(url))
    data["text"] = "Une question reformulée ?"
    assert instructor_client.post(url, data).status_code == 302
    review = QuestionReview.objects.get()
    assert (review.decision, review.reasons) == ("edited", listed.reasons)
    assert question not in [item.question for item in review_list(instructor)]
    # Her learners' answers kept the wording they were given.
    shown = set(question.responses.values_list("question_text", flat=True))
    assert "Une question reformulée ?" not in shown


def test_a_drafted_question_is_listed_once_it_has_enough_answers(make_quiz, make_user, instructor):
    quiz = make_quiz(questions=2, feedback_mode="deferred")
    drafted = quiz.questions.get(picks__position=2)
    QuestionDraft.objects.create(
        kind="single", stem=drafted.text, answer="Bonne", source_sentence="…", key="k",
        question=drafted, state="accepted",
    )  # fmt: skip
    learners = []
    for n in range(MIN_DRAFT_ANSWERS):
        learner = make_user()
        teach(learner)
        learners.append(learner)
        answer(learner, quiz, {1, 2} if n % 2 else {2})
        listed = {item.question: item for item in review_list(instructor)}
        if n < MIN_DRAFT_ANSWERS - 1:
            assert drafted not in listed or DRAFTED not in listed[drafted].reasons
    assert DRAFTED in {item.question: item for item in review_list(instructor)}[drafted].reasons


def test_only_her_learners_figures_count(client, make_user, answered):
    from elearning.instructors import ensure_instructors_group

    other = make_user(is_staff=True)
    other.groups.add(ensure_instructors_group())
    client.force_login(other)
    assert client.get(reverse(REVIEW)).context["items"] == []


@pytest.mark.parametrize(
    "data",
    [
        {"question": "abc", "decision": "kept", "reasons": "easy"},
        {"question": "999999", "decision": "kept", "reasons": "easy"},
        {"question": "1", "decision": "deleted", "reasons": "easy"},
        {"question": "1", "decision": "kept", "reasons": "", "note": "x"},
        {},
    ],
)
def test_a_bad_decision_is_refused_with_a_message(instructor_client, answered, data):
    response = instructor_client.post(reverse(REVIEW), data, follow=True)
    assert response.status_code == 200
    assert not QuestionReview.objects.exists()
    assert list(response.context["messages"])


def test_the_list_is_for_staff_who_may_see_questions(client, learner, make_user):
    client.force_login(learner)
    assert client.get(reverse(REVIEW)).status_code == 302
    client.force_login(make_user(is_staff=True))
    assert client.get(reverse(REVIEW)).status_code == 403
    assert Question.objects.count() == 0


def test_the_question_list_leads_to_the_review_list(instructor_client):
    page = instructor_client.get(reverse("admin:quiz_question_changelist"))
    assert reverse(REVIEW) in page.content.decode()
