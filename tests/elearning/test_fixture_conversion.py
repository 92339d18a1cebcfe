"""The shipped course and its question bank, converted to one Django fixture, hold the same content.

Compared with the two files the fixture replaces (the course's fixture and the question bank in
a format of its own, read by the loader of the time): same texts, questions, choices and order.
This check goes with those files.
"""

import json

import pytest
from django.core.management import call_command

from elearning.content import load_missing, load_question_bank
from elearning.models import Course, GlossaryTerm, Lesson, QuestionSource
from quiz.models import Category, Choice, DrawRule, Question, Quiz
from tests.bank import COURSE_FIXTURE, FIXTURES, read_bank

OLD_COURSE = FIXTURES / "course-secousses-dans-la-jambe.json"
OLD_BANK = FIXTURES / "quiz-secousses-dans-la-jambe.json"
QUIZ_LINKS = {"elearning.course": "final_quiz", "elearning.lesson": "checkpoint_quiz"}


def test_the_fixture_holds_the_question_bank_as_its_own_format_did():
    assert read_bank(COURSE_FIXTURE) == json.loads(OLD_BANK.read_text(encoding="utf-8"))


def test_the_fixture_holds_the_course_as_its_old_fixture_did():
    old = json.loads(OLD_COURSE.read_text(encoding="utf-8"))
    new = [
        record
        for record in json.loads(COURSE_FIXTURE.read_text(encoding="utf-8"))
        if record["model"].startswith("elearning.")
        and record["model"] != "elearning.questionsource"
    ]
    for record in new:
        record["fields"].pop(QUIZ_LINKS.get(record["model"]), None)
    assert new == old


def snapshot():
    """Every shipped object, as content: no primary keys, no timestamps."""
    return {
        "courses": list(
            Course.objects.values(
                "title", "slug", "summary", "editorial_notes", "is_published", "final_quiz__title"
            )
        ),
        "lessons": list(
            Lesson.objects.order_by("course__slug", "position").values(
                "course__slug",
                "title",
                "slug",
                "position",
                "objectives",
                "body",
                "reading_minutes",
                "is_archived",
                "checkpoint_quiz__title",
            )
        ),
        "glossary": list(
            GlossaryTerm.objects.order_by("course__slug", "term").values(
                "course__slug", "term", "definition"
            )
        ),
        "categories": sorted(Category.objects.values_list("name", flat=True)),
        "quizzes": list(
            Quiz.objects.order_by("title").values(
                "title",
                "description",
                "pass_mark",
                "max_attempts",
                "time_limit_minutes",
                "shuffle_questions",
                "shuffle_choices",
                "feedback_mode",
                "grading_method",
                "review_policy",
            )
        ),
        "questions": list(
            Question.objects.order_by("quiz__title", "position").values(
                "quiz__title",
                "position",
                "text",
                "kind",
                "explanation",
                "points",
                "category__name",
                "status",
                "partial_credit",
            )
        ),
        "choices": list(
            Choice.objects.order_by(
                "question__quiz__title", "question__position", "position"
            ).values(
                "question__quiz__title",
                "question__position",
                "position",
                "text",
                "is_correct",
                "feedback",
            )
        ),
        "sources": list(
            QuestionSource.objects.order_by("question__quiz__title", "question__position").values(
                "question__quiz__title",
                "question__position",
                "lesson__slug",
                "objective",
                "passage",
            )
        ),
        "draw_rules": list(
            DrawRule.objects.order_by("quiz__title", "category__name").values(
                "quiz__title", "category__name", "count"
            )
        ),
    }


@pytest.mark.django_db
def test_loaddata_gives_what_the_loader_gave_from_the_old_files():
    load_missing([OLD_COURSE])
    load_question_bank([OLD_BANK])
    old = snapshot()
    assert len(old["questions"]) == 68 and len(old["choices"]) == 248
    Course.objects.all().delete()
    Quiz.objects.all().delete()
    Category.objects.all().delete()
    assert snapshot() == {name: [] for name in old}

    call_command("loaddata", COURSE_FIXTURE, verbosity=0)

    assert snapshot() == old
