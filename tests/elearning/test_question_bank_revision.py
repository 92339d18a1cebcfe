"""The second review reaches existing databases: the data migration revises the shipped
questions nobody edited, keeps every instructor's edit, and changes no attempt or grade."""

import importlib
import random

import pytest
from django.apps import apps as django_apps
from django.db.migrations.loader import MigrationLoader

from elearning.content import load_question_bank
from elearning.models import QuestionSource
from quiz.attempts import draw_questions, save_answer, start_attempt, submit_attempt
from quiz.models import Attempt, Choice, Question, Response
from tests.bank import SHIPPED as SHIPPED_NOW
from tests.bank import load_with_straight_apostrophes, straight_apostrophes
from tests.quiz.answers import right

pytestmark = pytest.mark.django_db

MIGRATION_NAME = "0010_question_bank_second_review"
migration = importlib.import_module(f"elearning.migrations.{MIGRATION_NAME}")
REVISIONS = migration.REVISIONS

FIELDS = ("text", "kind", "category", "objective", "explanation", "choices")

# This migration ran before 0019 wrote the shipped course's apostrophes ’: its revisions, and
# the databases it revises, write '.
SHIPPED = straight_apostrophes(SHIPPED_NOW)


def as_stored(question):
    """A question in the database, in the shape of the fixture's entries."""
    source = QuestionSource.objects.filter(question=question).first()
    return {
        "text": question.text,
        "kind": question.kind,
        "category": question.category.name if question.category else None,
        "objective": source.objective if source else None,
        "explanation": question.explanation,
        "choices": [
            {"text": choice.text, "correct": choice.is_correct, "feedback": choice.feedback}
            for choice in question.choices.order_by("position", "pk")
        ],
    }


def revise():
    return migration.revise(django_apps, None)


def restore():
    return migration.restore(django_apps, None)


def stored_bank():
    return sorted(
        (as_stored(question) for question in Question.objects.all()), key=lambda q: q["text"]
    )


def bank(entries):
    return sorted(({name: q[name] for name in FIELDS} for q in entries), key=lambda q: q["text"])


@pytest.fixture
def first_shipped(shipped_course):
    """A school that ran the site before the review: the bank as first shipped."""
    load_question_bank()
    load_with_straight_apostrophes()
    restore()
    shipped_course.refresh_from_db()
    return shipped_course


def test_the_migration_is_named_reversible_and_in_the_graph():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    assert ("elearning", MIGRATION_NAME) in loader.graph.nodes
    (operation,) = migration.Migration.operations
    assert operation.reversible


def test_each_revision_ends_as_the_fixture_ships_it():
    shipped = {question["text"]: {name: question[name] for name in FIELDS} for question in SHIPPED}
    assert len(REVISIONS) == 26
    for old, new in REVISIONS:
        assert shipped[new["text"]] == new
        assert old != new
        # Choices are changed in place or added after the others, never taken away.
        assert len(new["choices"]) >= len(old["choices"])


def test_backwards_gives_the_bank_as_first_shipped(first_shipped):
    old_texts = {old["text"] for old, _new in REVISIONS}
    unchanged = [q for q in SHIPPED if q["text"] not in {new["text"] for _o, new in REVISIONS}]
    assert stored_bank() == bank([*unchanged, *(old for old, _new in REVISIONS)])
    assert old_texts <= set(Question.objects.values_list("text", flat=True))


def test_forwards_revises_every_question_nobody_edited(first_shipped):
    report = revise()
    assert len(report.revised) == len(REVISIONS) and report.kept == []
    assert stored_bank() == bank(SHIPPED)
    # Run again, it changes nothing: nothing is still as first shipped.
    assert revise().revised == []
    assert stored_bank() == bank(SHIPPED)


def test_forwards_keeps_every_question_an_instructor_edited(first_shipped):
    hypnic_old, _ = next(pair for pair in REVISIONS if pair[0]["text"].startswith("Au moment"))
    causes_old, _ = next(pair for pair in REVISIONS if "sont causées par" in pair[0]["text"])
    cause_old, _ = next(pair for pair in REVISIONS if pair[0]["text"].startswith("Que sait-on"))
    # Her own wording of the stem; one choice's feedback; a category of her own.
    hypnic = Question.objects.get(text=hypnic_old["text"])
    hypnic.text = "Au moment de s'endormir, M. D. sursaute : de quoi s'agit-il ?"
    hypnic.save()
    causes = Question.objects.get(text=causes_old["text"])
    choice = causes.choices.order_by("position").first()
    choice.feedback = "Le stress est un déclencheur inoffensif (voir la leçon 3)."
    choice.save()
    before = {q.pk: as_stored(q) for q in (hypnic, causes)}
    cause = Question.objects.get(text=cause_old["text"])
    cause.category.name = "Jambes sans repos (catégorie de la formatrice)"
    cause.category.save()

    report = revise()

    for pk, stored in before.items():
        assert as_stored(Question.objects.get(pk=pk)) == stored
    assert report.kept == [causes_old["text"]]  # found by its text, its choices edited
    assert len(report.revised) == len(REVISIONS) - 2
    # The unedited question is revised, but stays in the category she renamed.
    cause.refresh_from_db()
    assert cause.text == cause_old["text"] and cause.choices.first().text.startswith("Une origine")
    assert cause.category.name == "Jambes sans repos (catégorie de la formatrice)"
    assert cause.source.objective == (
        "Distinguer le syndrome des jambes sans repos des fasciculations."
    )


def attempt_showing(learner, quiz, question):
    """Her attempt at ``quiz`` with ``question`` drawn (the first seed that draws it)."""
    seed = next(
        seed for seed in range(200) if question in draw_questions(quiz, rng=random.Random(seed))
    )
    attempt, _created = start_attempt(learner, quiz, rng=random.Random(seed))
    return attempt


def frozen(attempt):
    return [
        (r.question_id, r.question_text, r.kind, r.explanation, r.choices, r.selected)
        for r in attempt.responses.order_by("position")
    ]


def test_attempts_keep_what_they_showed_and_their_grades(first_shipped, learner, make_user):
    final = first_shipped.final_quiz
    causes = Question.objects.get(text="Les fasciculations pathologiques sont causées par :")
    # A submitted attempt, every answer right by the first key (motor-neuron disease alone).
    done = attempt_showing(learner, final, causes)
    for response in done.responses.all():
        save_answer(done, response, right(response))
    submit_attempt(done)
    done.refresh_from_db()
    # Another learner's attempt in progress at the restless-legs checkpoint, answered right.
    other = make_user(email="autre@example.org")
    checkpoint = first_shipped.lessons.get(slug="syndrome-des-jambes-sans-repos").checkpoint_quiz
    ongoing, _created = start_attempt(other, checkpoint)
    for response in ongoing.responses.all():
        save_answer(ongoing, response, right(response))
    before = (frozen(done), frozen(ongoing), done.score, done.passed)
    choice_ids = set(Choice.objects.values_list("pk", flat=True))

    revise()

    done.refresh_from_db()
    ongoing.refresh_from_db()
    assert (frozen(done), frozen(ongoing), done.score, done.passed) == before
    # Every choice an attempt showed still names its row: none deleted.
    assert choice_ids <= set(Choice.objects.values_list("pk", flat=True))
    # The attempt in progress is graded on what it showed: all right, as she answered.
    submit_attempt(ongoing)
    ongoing.refresh_from_db()
    assert ongoing.score == ongoing.max_score and ongoing.passed
    assert Response.objects.filter(attempt=ongoing, is_correct=False).count() == 0
    # The question now keys every serious cause, for the attempts to come.
    causes.refresh_from_db()
    assert causes.kind == "multiple"
    assert causes.choices.filter(is_correct=True).count() == 4
    assert Attempt.objects.count() == 2


def test_backwards_keeps_the_revised_question_whose_added_choices_an_attempt_showed(
    first_shipped, learner
):
    revise()
    causes = Question.objects.get(
        text="Les fasciculations pathologiques peuvent être causées par :"
    )
    attempt = attempt_showing(learner, first_shipped.final_quiz, causes)
    grown = {new["text"] for old, new in REVISIONS if len(new["choices"]) > len(old["choices"])}
    shown = {response.question_text for response in attempt.responses.all()}

    report = restore()

    assert causes.text in report.kept
    assert set(report.kept) == grown & shown
    assert len(report.revised) == len(REVISIONS) - len(report.kept)
    causes.refresh_from_db()
    assert causes.choices.count() == 6 and causes.kind == "multiple"
