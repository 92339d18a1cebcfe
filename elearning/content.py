"""The shipped content: the course and its question bank, loaded without overwriting edits.

``loaddata`` would overwrite every object it finds by natural key. A school's
instructors edit the shipped course in the admin, and a second ``make run`` must
keep those edits: so an object that already exists (matched by its natural key)
is left as it is, and only what is missing is created. When a later release corrects
a shipped question, a data migration brings the correction to the questions nobody
has edited (``revise_shipped_questions``).
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps as global_apps
from django.conf import settings
from django.core import serializers
from django.db import transaction

from quiz.models import (
    Category,
    Choice,
    DrawRule,
    FeedbackMode,
    Question,
    QuestionStatus,
    Quiz,
    ReviewPolicy,
)

from .models import Course, QuestionSource

SHIPPED_FIXTURES = [Path(settings.BASE_DIR) / "fixtures" / "course-secousses-dans-la-jambe.json"]


@dataclass
class LoadReport:
    created: list = field(default_factory=list)
    kept: list = field(default_factory=list)


@transaction.atomic
def load_missing(paths=None):
    """Create the fixtures' objects that do not exist yet; keep the others untouched."""
    report = LoadReport()
    for path in paths or SHIPPED_FIXTURES:
        with open(path, encoding="utf-8") as stream:
            for deserialized in serializers.deserialize(
                "json", stream, handle_forward_references=True
            ):
                instance = deserialized.object
                label = f"{instance._meta.label}: {instance}"
                # The deserializer resolves natural keys: a pk means the object exists.
                if (
                    instance.pk is not None
                    and type(instance)._default_manager.filter(pk=instance.pk).exists()
                ):
                    report.kept.append(label)
                    continue
                deserialized.save()
                report.created.append(label)
    return report


QUESTION_BANKS = [Path(settings.BASE_DIR) / "fixtures" / "quiz-secousses-dans-la-jambe.json"]

QUIZ_SETTINGS = (
    "description",
    "pass_mark",
    "max_attempts",
    "time_limit_minutes",
    "shuffle_questions",
    "shuffle_choices",
    "grading_method",
    "review_policy",
)


@transaction.atomic
def load_question_bank(paths=None):
    """Create the shipped checkpoint and final quizzes where a lesson or the course has none.

    A quiz that an instructor has attached already (the shipped one, edited, or her own)
    is kept as it is. Returns the titles of the quizzes created.
    """
    created = []
    for path in paths or QUESTION_BANKS:
        with open(path, encoding="utf-8") as stream:
            bank = json.load(stream)
        course = Course.objects.filter(slug=bank["course"]).first()
        if course is None:
            continue
        lessons = {lesson.slug: lesson for lesson in course.lessons.all()}
        for checkpoint in bank.get("checkpoints", []):
            lesson = lessons.get(checkpoint["lesson"])
            if lesson is None or lesson.checkpoint_quiz_id is not None:
                continue
            lesson.checkpoint_quiz = _create_quiz(
                checkpoint,
                lessons,
                feedback_mode=FeedbackMode.IMMEDIATE,
                review_policy=ReviewPolicy.AFTER_EACH,
            )
            lesson.save(update_fields=["checkpoint_quiz", "updated_at"])
            created.append(lesson.checkpoint_quiz.title)
        final = bank.get("final")
        if final and course.final_quiz_id is None:
            course.final_quiz = _create_quiz(final, lessons, feedback_mode=FeedbackMode.DEFERRED)
            course.save(update_fields=["final_quiz", "updated_at"])
            created.append(course.final_quiz.title)
    return created


def _create_quiz(spec, lessons, **defaults):
    fields = {**defaults, **{name: spec[name] for name in QUIZ_SETTINGS if name in spec}}
    quiz = Quiz.objects.create(title=spec["title"], **fields)
    categories = {}

    def category(name):
        if name not in categories:
            categories[name], _ = Category.objects.get_or_create(name=name)
        return categories[name]

    for position, item in enumerate(spec["questions"], start=1):
        question = Question.objects.create(
            quiz=quiz,
            position=position,
            text=item["text"],
            kind=item["kind"],
            explanation=item.get("explanation", ""),
            points=item.get("points", 1),
            partial_credit=item.get("partial_credit", False),
            category=category(item["category"]) if item.get("category") else None,
            status=QuestionStatus.PUBLISHED,
        )
        Choice.objects.bulk_create(
            Choice(
                question=question,
                position=number,
                text=choice["text"],
                is_correct=choice["correct"],
                feedback=choice.get("feedback", ""),
            )
            for number, choice in enumerate(item["choices"], start=1)
        )
        lesson = lessons.get(item.get("lesson"))
        if lesson is not None:
            QuestionSource.objects.create(
                question=question,
                lesson=lesson,
                objective=item.get("objective", ""),
                passage=item.get("passage", ""),
            )
    for rule in spec.get("draw", []):
        DrawRule.objects.create(quiz=quiz, category=category(rule["category"]), count=rule["count"])
    return quiz


@dataclass
class RevisionReport:
    revised: list = field(default_factory=list)
    kept: list = field(default_factory=list)


def revise_shipped_questions(revisions, apps=global_apps, *, backwards=False):
    """Bring shipped questions from one version of the bank to the next where nobody edited them.

    ``revisions`` are (old, new) pairs of question entries as the bank's fixture writes them.
    A question is revised only while its text, kind, explanation and choices (text,
    correctness, feedback, in their order) are still exactly the old ones, so an instructor's
    edit is never overwritten; its category and objective follow only where they are still
    the old ones too.

    Choices change in place, and choices a revision adds come after them: none is deleted or
    reordered. An attempt froze the choices it showed, with their correctness
    (``Response.choices``), and is graded on that alone, so past attempts and grades stay
    what they were and every choice id they kept still names its row. Backwards, a question
    still exactly as revised goes back; the choices the revision added are deleted only where
    no attempt showed them, otherwise the question keeps its revised version.
    """
    Question = apps.get_model("quiz", "Question")
    Category = apps.get_model("quiz", "Category")
    Choice = apps.get_model("quiz", "Choice")
    Response = apps.get_model("quiz", "Response")
    QuestionSource = apps.get_model("elearning", "QuestionSource")
    report = RevisionReport()
    for old, new in revisions:
        current, target = (new, old) if backwards else (old, new)
        for question in Question.objects.filter(
            text=current["text"], kind=current["kind"], explanation=current["explanation"]
        ).select_related("category"):
            choices = list(question.choices.order_by("position", "pk"))
            if [(c.text, c.is_correct, c.feedback) for c in choices] != _choice_rows(current):
                report.kept.append(question.text)
                continue
            dropped = choices[len(target["choices"]) :]
            if dropped and _shown_in_attempts(Response, question, dropped):
                report.kept.append(question.text)
                continue
            for choice, spec in zip(choices, target["choices"], strict=False):
                choice.text, choice.is_correct = spec["text"], spec["correct"]
                choice.feedback = spec.get("feedback", "")
                choice.save(update_fields=["text", "is_correct", "feedback"])
            last = choices[-1].position if choices else 0
            Choice.objects.bulk_create(
                Choice(
                    question=question,
                    position=last + number,
                    text=spec["text"],
                    is_correct=spec["correct"],
                    feedback=spec.get("feedback", ""),
                )
                for number, spec in enumerate(target["choices"][len(choices) :], start=1)
            )
            Choice.objects.filter(pk__in=[choice.pk for choice in dropped]).delete()
            question.text, question.kind = target["text"], target["kind"]
            question.explanation = target["explanation"]
            question.category = _refiled(Category, question.category, current, target)
            question.save(update_fields=["text", "kind", "explanation", "category", "updated_at"])
            if target["objective"] != current["objective"]:
                QuestionSource.objects.filter(
                    question=question, objective=current["objective"]
                ).update(objective=target["objective"])
            report.revised.append(question.text)
    return report


def _refiled(Category, category, current, target):
    """The target's category where the question is still in the current one and the target's
    exists (a renamed category is the instructor's: the question stays where it is)."""
    if (
        target["category"] == current["category"]
        or category is None
        or category.name != current["category"]
    ):
        return category
    return Category.objects.filter(name=target["category"]).first() or category


def _choice_rows(entry):
    return [
        (choice["text"], choice["correct"], choice.get("feedback", ""))
        for choice in entry["choices"]
    ]


def _shown_in_attempts(Response, question, choices):
    ids = {choice.pk for choice in choices}
    return any(
        shown["id"] in ids
        for frozen in Response.objects.filter(question=question).values_list("choices", flat=True)
        for shown in frozen
    )
