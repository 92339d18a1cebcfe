"""The move to question banks (quiz 0004-0005, elearning 0014-0016) on a database that has
courses, quizzes, attempts and grades: nothing of what learners did is lost or regraded."""

from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("quiz", "0003_question_drafts"), ("elearning", "0013_content_version")]
AFTER = [("quiz", "0005_bank_questions"), ("elearning", "0016_instructors_bank_permissions")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def latest():
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.fixture
def old_database(transactional_db):
    apps = migrate(BEFORE)
    yield apps
    latest()


def question(apps, quiz, position, text, category=None):
    made = apps.get_model("quiz", "Question").objects.create(
        quiz=quiz, position=position, text=text, status="published", category=category
    )
    Choice = apps.get_model("quiz", "Choice")
    Choice.objects.create(question=made, position=1, text="Bonne", is_correct=True)
    Choice.objects.create(question=made, position=2, text="Fausse", is_correct=False)
    return made


def test_courses_get_banks_and_quizzes_pick_or_draw_without_touching_attempts(old_database):
    apps = old_database
    Quiz = apps.get_model("quiz", "Quiz")
    Category = apps.get_model("quiz", "Category")
    signs = Category.objects.create(name="Signes")
    checkpoint = Quiz.objects.create(title="Leçon 1")
    final = Quiz.objects.create(title="Examen final")
    alone = Quiz.objects.create(title="Quiz sans cours")
    course = apps.get_model("elearning", "Course").objects.create(
        title="Fasciculations", slug="fasciculations", final_quiz=final
    )
    apps.get_model("elearning", "Lesson").objects.create(
        course=course, title="Leçon 1", slug="lecon-1", position=1, checkpoint_quiz=checkpoint
    )
    second = question(apps, checkpoint, 2, "Deuxième ?", signs)
    first = question(apps, checkpoint, 1, "Première ?", signs)
    drawn = [question(apps, final, n, f"Examen {n} ?", signs) for n in (1, 2)]
    apps.get_model("quiz", "DrawRule").objects.create(quiz=final, category=signs, count=1)
    elsewhere = question(apps, alone, 1, "Ailleurs ?", signs)
    apps.get_model("quiz", "DrawRule").objects.create(quiz=alone, category=signs, count=1)
    learner = apps.get_model("elearning", "User").objects.create(email="l@example.com")
    attempt = apps.get_model("quiz", "Attempt").objects.create(
        learner=learner,
        quiz=checkpoint,
        state="submitted",
        started_at=timezone.now(),
        submitted_at=timezone.now(),
        pass_mark=80,
        feedback_mode="immediate",
        review_policy="after_each",
        question_count=1,
        max_score=Decimal(1),
        score=Decimal("0.5"),
        passed=False,
    )
    apps.get_model("quiz", "Response").objects.create(
        attempt=attempt,
        question=first,
        position=1,
        question_text="Première ?",
        kind="single",
        points=1,
        choices=[{"id": 1, "text": "Bonne", "correct": True, "feedback": ""}],
        selected=[1],
        points_awarded=Decimal("0.5"),
    )

    apps = migrate(AFTER)

    Question = apps.get_model("quiz", "Question")
    Quiz = apps.get_model("quiz", "Quiz")
    Course = apps.get_model("elearning", "Course")
    course = Course.objects.get()
    bank = course.bank
    assert bank.name == "Fasciculations"
    # The course's quizzes and their questions are in its bank, numbered in it.
    assert {
        quiz.bank_id for quiz in Quiz.objects.filter(title__in=["Leçon 1", "Examen final"])
    } == {bank.pk}
    assert list(
        Question.objects.filter(bank=bank).order_by("number").values_list("pk", "number")
    ) == [(first.pk, 1), (second.pk, 2), (drawn[0].pk, 3), (drawn[1].pk, 4)]
    # A quiz without rules picks its questions in their order; one with rules picks none.
    picks = apps.get_model("quiz", "QuizQuestion").objects
    assert list(
        picks.filter(quiz__title="Leçon 1").order_by("position").values_list("question", flat=True)
    ) == [first.pk, second.pk]
    assert not picks.filter(quiz__title="Examen final").exists()
    # A quiz of no course keeps its questions to itself, in a bank of its own, and the
    # category both used is split, one per bank.
    alone = Quiz.objects.get(title="Quiz sans cours")
    assert (
        alone.bank_id != bank.pk and Question.objects.get(pk=elsewhere.pk).bank_id == alone.bank_id
    )
    categories = apps.get_model("quiz", "Category").objects
    assert sorted(categories.values_list("bank__name", "name")) == [
        ("Fasciculations", "Signes"),
        ("Quiz sans cours", "Signes"),
    ]
    rule = apps.get_model("quiz", "DrawRule").objects.get(quiz=alone)
    assert rule.category.bank_id == alone.bank_id
    # The attempt and its grade are untouched.
    attempt = apps.get_model("quiz", "Attempt").objects.get()
    assert (attempt.score, attempt.passed, attempt.quiz.title) == (Decimal("0.5"), False, "Leçon 1")
    assert attempt.responses.get().question_id == first.pk

    # Backwards, each question belongs to a quiz again, the one that picked it or drew it.
    apps = migrate(BEFORE)
    Question = apps.get_model("quiz", "Question")
    assert Question.objects.get(pk=second.pk).quiz.title == "Leçon 1"
    assert Question.objects.get(pk=drawn[1].pk).quiz.title == "Examen final"
    assert Question.objects.get(pk=elsewhere.pk).quiz.title == "Quiz sans cours"
