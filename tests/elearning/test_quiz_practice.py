"""Quizzes that teach: Enter never skips the check, a checkpoint whose answers are all
checked finishes in one step, and its results list what she missed, with the lesson's
passages, and the next step."""

import re
from urllib.parse import unquote

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from elearning.models import QuestionSource, text_fragment
from quiz.typography import keep_together
from tests.elearning.flows import answer, question_url, start
from tests.quiz.answers import right, wrong

pytestmark = pytest.mark.django_db

NO_MORE_CHANGES = "ne peuvent plus être modifiées"


def results_url(course, attempt):
    return reverse("quiz_results", args=[course.slug, attempt.pk])


def buttons(html):
    """The quiz form's submit buttons, in document order: (value, text)."""
    form = re.search(r'<form [^>]*class="quiz-form".*?</form>', html, re.S).group(0)
    return [
        (value, re.sub(r"<[^>]+>|\s+", " ", text).strip())
        for value, text in re.findall(
            r'<button type="submit" name="action" value="([^"]+)"[^>]*>(.*?)</button>', form, re.S
        )
    ]


def with_sources(quiz, lesson):
    """Each question of the quiz taught by a passage of ``lesson``."""
    for question in quiz.questions.all():
        QuestionSource.objects.create(
            question=question,
            lesson=lesson,
            passage=f"Passage du cours pour « {question.text} », avec l'explication.",
        )


def check_all(client, course, attempt, picks):
    for response in attempt.responses.order_by("position"):
        answer(client, course, attempt, response.position, picks(response), action="check")


def test_enter_checks_the_answer_before_anything_else(client, learner, quiz_course):
    """The form's first submit button is what Enter does: the check, while there is one."""
    client.force_login(learner)
    attempt = start(client, quiz_course, quiz_course.lessons.get(position=1).checkpoint_quiz)
    first = attempt.responses.get(position=1)
    page = client.get(question_url(quiz_course, attempt, 1)).content.decode()
    assert buttons(page)[0][0] == "check"
    assert [value for value, _text in buttons(page)][:3] == ["check", "next", "summary"]
    answer(client, quiz_course, attempt, 1, wrong(first), action="check")
    # Checked: moving on comes first.
    assert buttons(client.get(question_url(quiz_course, attempt, 1)).content.decode())[0][0] == (
        "next"
    )
    page = client.get(question_url(quiz_course, attempt, 2)).content.decode()
    assert [value for value, _text in buttons(page)][:3] == ["check", "prev", "next"]


def test_the_final_quiz_moves_on_with_enter(client, learner, quiz_course):
    client.force_login(learner)
    attempt = start(client, quiz_course, quiz_course.final_quiz)
    first = buttons(client.get(question_url(quiz_course, attempt, 1)).content.decode())
    last = buttons(client.get(question_url(quiz_course, attempt, 5)).content.decode())
    assert first[0][0] == "next" and "check" not in dict(first)
    assert last[0][0] == "summary" and "finish" not in dict(last)


def test_a_checkpoint_with_every_answer_checked_finishes_in_one_step(client, learner, quiz_course):
    quiz = quiz_course.lessons.get(position=1).checkpoint_quiz
    client.force_login(learner)
    attempt = start(client, quiz_course, quiz)
    check_all(client, quiz_course, attempt, right)
    page = client.get(question_url(quiz_course, attempt, 3)).content.decode()
    # One button, first: no review before submitting.
    assert [value for value, _text in buttons(page)][:2] == ["finish", "prev"]
    assert "summary" not in dict(buttons(page))
    # An earlier question offers it beside "next".
    earlier = dict(buttons(client.get(question_url(quiz_course, attempt, 1)).content.decode()))
    assert "finish" in earlier and "summary" not in earlier

    finished = client.post(question_url(quiz_course, attempt, 3), {"action": "finish"})
    assert finished["Location"] == results_url(quiz_course, attempt)
    attempt.refresh_from_db()
    assert (attempt.state, attempt.score) == ("submitted", 3)
    assert not list(get_messages(finished.wsgi_request))  # no exam ceremony


def test_the_summary_of_a_fully_checked_checkpoint_has_no_warning(client, learner, quiz_course):
    quiz = quiz_course.lessons.get(position=1).checkpoint_quiz
    client.force_login(learner)
    attempt = start(client, quiz_course, quiz)
    check_all(client, quiz_course, attempt, wrong)
    page = client.get(reverse("quiz_summary", args=[quiz_course.slug, attempt.pk]))
    html = page.content.decode()
    assert NO_MORE_CHANGES not in html
    assert "Terminer le quiz" in html
    # The final quiz keeps its warning.
    final = start(client, quiz_course, quiz_course.final_quiz)
    html = client.get(reverse("quiz_summary", args=[quiz_course.slug, final.pk])).content.decode()
    assert NO_MORE_CHANGES in html and "Envoyer mes réponses" in html


@pytest.mark.parametrize("final", [False, True])
def test_finishing_is_refused_until_every_answer_is_checked(client, learner, quiz_course, final):
    quiz = quiz_course.final_quiz if final else quiz_course.lessons.get(position=1).checkpoint_quiz
    client.force_login(learner)
    attempt = start(client, quiz_course, quiz)
    first = attempt.responses.get(position=1)
    if not final:
        answer(client, quiz_course, attempt, 1, right(first), action="check")
    refused = client.post(question_url(quiz_course, attempt, 1), {"action": "finish"})
    assert refused["Location"] == question_url(quiz_course, attempt, 1)
    page = client.get(refused["Location"]).content.decode()
    assert "Certaines réponses ne sont pas encore vérifiées" in page
    attempt.refresh_from_db()
    assert attempt.state == "in_progress" and attempt.score is None


def test_checkpoint_results_list_what_was_missed_with_the_passages(client, learner, quiz_course):
    lesson = quiz_course.lessons.get(position=1)
    with_sources(lesson.checkpoint_quiz, lesson)
    client.force_login(learner)
    attempt = start(client, quiz_course, lesson.checkpoint_quiz)
    second = attempt.responses.get(position=2)
    answer(client, quiz_course, attempt, 1, right(attempt.responses.get(position=1)), "check")
    answer(client, quiz_course, attempt, 2, wrong(second), "check")
    client.post(reverse("quiz_summary", args=[quiz_course.slug, attempt.pk]))  # 3: unanswered
    page = client.get(results_url(quiz_course, attempt))
    html = page.content.decode()

    assert "Quiz terminé\u00a0: 1 bonne réponse sur 3" in html
    assert "Résultats de la tentative" not in html
    assert [response.position for response, _source in page.context["missed"]] == [2, 3]
    missed = re.search(r'<ol class="list-unstyled quiz-missed">.*?</ol>', html, re.S).group(0)
    assert missed.count('<li class="card') == 2
    assert "Mauvaise réponse" in missed and "Sans réponse" in missed
    assert keep_together("Passage du cours pour « Question 2") in missed
    links = re.findall(r'href="([^"]+)">Relire ce passage dans la leçon', missed)
    assert len(links) == 2
    lesson_url, fragment = unquote(links[0]).split("#:~:text=")
    assert lesson_url == lesson.get_absolute_url()
    assert fragment.startswith("Passage du cours pour")
    # The next step: the next lesson.
    assert f'href="{quiz_course.lessons.get(position=2).get_absolute_url()}"' in html
    assert "Leçon suivante\u00a0: Leçon 2" in html


def test_after_the_last_checkpoint_comes_the_final_quiz(client, learner, quiz_course, make_quiz):
    last = quiz_course.lessons.get(position=3)
    last.checkpoint_quiz = make_quiz(questions=1, bank=quiz_course.bank)
    last.save()
    client.force_login(learner)
    attempt = start(client, quiz_course, last.checkpoint_quiz)
    check_all(client, quiz_course, attempt, right)
    client.post(question_url(quiz_course, attempt, 1), {"action": "finish"})
    html = client.get(results_url(quiz_course, attempt)).content.decode()
    assert f'href="{quiz_course.final_quiz_url}"' in html
    assert "Passer l’examen final" in html
    assert "Toutes vos réponses sont justes" in html
    # Without a final quiz, the course's page.
    quiz_course.final_quiz = None
    quiz_course.save()
    html = client.get(results_url(quiz_course, attempt)).content.decode()
    assert "Passer l’examen final" not in html
    assert re.search(
        rf'class="btn btn-primary quiz-main" href="{quiz_course.get_absolute_url()}"', html
    )


@pytest.mark.parametrize("questions", [3, 8])
def test_checkpoint_results_cost_a_fixed_number_of_queries(
    client, learner, make_course, make_quiz, django_assert_num_queries, questions
):
    course = make_course()
    lesson = course.lessons.get(position=1)
    lesson.checkpoint_quiz = make_quiz(questions=questions, bank=course.bank)
    lesson.save()
    with_sources(lesson.checkpoint_quiz, lesson)
    client.force_login(learner)
    attempt = start(client, course, lesson.checkpoint_quiz)
    check_all(client, course, attempt, wrong)
    client.post(question_url(course, attempt, 1), {"action": "finish"})
    with django_assert_num_queries(RESULTS_QUERIES):
        page = client.get(results_url(course, attempt))
    assert len(page.context["missed"]) == questions
    with django_assert_num_queries(QUESTION_QUERIES):
        client.get(question_url(course, attempt, 1))


# The session and her user, the course, the attempt, the lesson it follows, its quiz, her
# attempts, her accommodation, the responses, their sources with lessons, the next lesson.
RESULTS_QUERIES = 11
# The question page of a submitted attempt sends her to the results.
QUESTION_QUERIES = 5


@pytest.mark.parametrize(
    ("passage", "fragment"),
    [
        ("", ""),
        ("Une fasciculation est brève.", "Une fasciculation est brève."),
        (
            "Une fasciculation est une contraction brève de quelques fibres du muscle.",
            "Une fasciculation est une,quelques fibres du muscle.",
        ),
        # Apostrophes as the lesson shows them; no word that French typography respaces.
        ("Elle n'est pas grave : rassurez.", "Elle n’est pas grave,rassurez."),
        ("« Secousse » ou crampe ?", ""),
        (
            "Signes : faiblesse, amyotrophie, troubles de la parole - à signaler.",
            "Signes,parole - à signaler.",
        ),
    ],
)
def test_a_text_fragment_finds_the_passage(passage, fragment):
    built = text_fragment(passage)
    assert unquote(built.removeprefix("#:~:text=")) == fragment
    assert built == "" or built.startswith("#:~:text=")
    assert "-" not in built.removeprefix("#:~:text=")  # a dash would mean a prefix or suffix


def test_times_carry_no_microseconds(client, learner, quiz_course):
    client.force_login(learner)
    attempt = start(client, quiz_course, quiz_course.final_quiz)
    question = client.get(question_url(quiz_course, attempt, 1)).content.decode()
    client.post(reverse("quiz_summary", args=[quiz_course.slug, attempt.pk]))
    results = client.get(results_url(quiz_course, attempt)).content.decode()
    times = re.findall(r'<time datetime="([^"]+)"', question + results)
    assert len(times) >= 2
    for value in times:
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}", value), value
