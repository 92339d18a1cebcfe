"""What a learner does over HTTP, shared by the tests of the quiz pages and of completion."""

from django.urls import reverse

from quiz.models import Attempt
from tests.quiz.answers import right, wrong


def question_url(course, attempt, position):
    return reverse("quiz_question", args=[course.slug, attempt.pk, position])


def start(client, course, quiz):
    response = client.post(reverse("quiz_start", args=[course.slug, quiz.pk]))
    assert response.status_code == 302
    return Attempt.objects.in_progress().get(quiz=quiz)


def answer(client, course, attempt, position, choice_ids, action="next"):
    return client.post(
        question_url(course, attempt, position),
        {"answer": [str(pk) for pk in choice_ids], "action": action},
    )


def take_final(client, course, right_answers=5):
    """Answer the final quiz: the first ``right_answers`` right, the others wrong; submit."""
    attempt = start(client, course, course.final_quiz)
    for response in attempt.responses.all():
        picks = right(response) if response.position <= right_answers else wrong(response)
        answer(client, course, attempt, response.position, picks)
    client.post(reverse("quiz_summary", args=[course.slug, attempt.pk]))
    attempt.refresh_from_db()
    return attempt


def read_all_lessons(client, course):
    for lesson in course.lessons.order_by("position"):
        client.post(reverse("lesson_done", args=[course.slug, lesson.slug]))
