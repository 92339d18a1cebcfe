"""French punctuation kept with its word wherever the site shows a course's or a question's
text (quiz.typography.keep_together, the keep_together filter): no line starts with « ? »,
« : » or a closing guillemet."""

import pytest
from django.template import Context, Template

from quiz.typography import keep_together
from tests.elearning.flows import question_url, start

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Est-ce grave ?", f"Est-ce grave{NBSP}?"),
        ("Causes : le stress ; la fatigue !", f"Causes{NBSP}: le stress{NBSP}; la fatigue{NBSP}!"),
        ("« inoffensif »", f"«{NBSP}inoffensif{NBSP}»"),
        ("70 % des cas", f"70{NBSP}% des cas"),
        # It adds no space where the text has none, and leaves apostrophes as written.
        ("Note: rest!", "Note: rest!"),
        ("qu'une", "qu'une"),
    ],
)
def test_spaces_before_french_punctuation_become_no_break_spaces(text, kept):
    assert keep_together(text) == kept


def test_the_filter_keeps_escaping():
    template = Template("{% load quiz_text %}{{ text|keep_together }}")
    assert template.render(Context({"text": "<b>Vrai ?</b>"})) == f"&lt;b&gt;Vrai{NBSP}?&lt;/b&gt;"


@pytest.mark.django_db
def test_a_question_and_its_choices_keep_their_punctuation_on_the_page(
    client, learner, quiz_course
):
    quiz = quiz_course.lessons.get(position=1).checkpoint_quiz
    question = quiz.questions.order_by("picks__position").first()
    question.text = "Est-ce « grave » ?"
    question.save()
    choice = question.choices.get(is_correct=True)
    choice.text = "Oui : toujours"
    choice.save()
    client.force_login(learner)
    attempt = start(client, quiz_course, quiz)
    position = attempt.responses.get(question=question).position
    page = client.get(question_url(quiz_course, attempt, position)).content.decode()
    assert f"Est-ce «{NBSP}grave{NBSP}»{NBSP}?" in page
    assert f"Oui{NBSP}: toujours" in page


@pytest.mark.django_db
def test_a_lesson_title_keeps_its_question_mark_in_the_buttons_that_name_it(
    client, learner, quiz_course
):
    from django.urls import reverse

    from elearning.progress import enrol

    enrol(learner, quiz_course)
    lesson = quiz_course.lessons.get(position=1)
    lesson.title = "Qu'est-ce qu'une fasciculation ?"
    lesson.save()
    client.force_login(learner)
    course_page = client.get(quiz_course.get_absolute_url()).content.decode()
    dashboard = client.get(reverse("dashboard")).content.decode()
    for page in (course_page, dashboard):
        assert f"fasciculation{NBSP}?" in page
        assert "fasciculation ?" not in page
