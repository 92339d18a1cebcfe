"""The shipped content: courses and their quizzes, loaded without overwriting edits.

The files in ``fixtures/`` are Django fixtures with natural keys: ``manage.py loaddata``
loads them into an empty database. But ``loaddata`` overwrites every object it finds by
natural key, and a school's instructors edit the shipped course in the admin: a second
``make run`` must keep those edits. So ``load_course_content`` reads the same files and only
creates what is missing:

- a course, lesson or glossary term that exists (matched by its natural key) is kept as it
  is; one that is missing is created (``load_missing``);
- a shipped quiz is created, with its questions, choices, question sources and draw rules,
  only where its lesson (or the course) has no quiz and no quiz has its title, and is then
  given to that lesson (or course) (``load_question_bank``). A quiz an instructor attached,
  edited, renamed or unlinked is hers, and nothing of the shipped one is added to it.

When a later release corrects a shipped question, a data migration brings the correction to
the questions nobody has edited (``revise_shipped_questions``).
"""

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps as global_apps
from django.conf import settings
from django.core import serializers
from django.core.serializers.base import DeserializationError
from django.db import transaction

from quiz.models import Quiz

FIXTURES = Path(settings.BASE_DIR) / "fixtures"

COURSE_MODELS = {"elearning.course", "elearning.lesson", "elearning.glossaryterm"}
# Where a course's quizzes hang: the field of the course or lesson that names one.
QUIZ_LINKS = {"elearning.course": "final_quiz", "elearning.lesson": "checkpoint_quiz"}
# What a quiz is made of, and the field that names what each part belongs to: a part is
# created with what it belongs to, never added to an object that exists.
QUIZ_PARTS = {
    "quiz.question": "quiz",
    "quiz.choice": "question",
    "quiz.drawrule": "quiz",
    "elearning.questionsource": "question",
}


def shipped_fixtures():
    return sorted(FIXTURES.glob("*.json"))


@dataclass
class LoadReport:
    created: list = field(default_factory=list)
    kept: list = field(default_factory=list)


@transaction.atomic
def load_missing(paths=None):
    """Create the fixtures' courses, lessons and glossary terms that do not exist yet; keep
    the others untouched. Their quizzes are ``load_question_bank``'s."""
    report = LoadReport()
    for record in _records(paths):
        if record["model"] not in COURSE_MODELS:
            continue
        instance, created = _load_if_missing(_without_quiz_link(record))
        (report.created if created else report.kept).append(f"{instance._meta.label}: {instance}")
    return report


@transaction.atomic
def load_question_bank(paths=None):
    """Create the fixtures' quizzes where a lesson or the course has none, and give them to it.

    A quiz is created with everything it is made of, or not at all: where its lesson (or
    the course) is missing or has a quiz already, or where a quiz of its title exists (the
    shipped one, kept by an instructor who unlinked it), nothing of it is. Categories are
    created as the new questions and draw rules need them. Returns the titles of the quizzes
    created.
    """
    records = list(_records(paths))
    places = {
        tuple(record["fields"][link]): record
        for record in records
        if (link := QUIZ_LINKS.get(record["model"])) and record["fields"].get(link)
    }
    categories = {
        (record["fields"]["name"],): record
        for record in records
        if record["model"] == "quiz.category"
    }
    created = defaultdict(set)  # model label: the natural keys of what this load created
    titles = []
    for record in records:
        model = record["model"]
        if model == "quiz.quiz":
            title = record["fields"]["title"]
            place = _empty_place(places.get((title,)))
            if place is None or Quiz.objects.filter(title=title).exists():
                continue
            quiz, _created = _load_if_missing(record)
            created[model].add(quiz.natural_key())
            link = QUIZ_LINKS[place._meta.label_lower]
            setattr(place, link, quiz)
            place.save(update_fields=[link, "updated_at"])
            titles.append(quiz.title)
        elif model in QUIZ_PARTS:
            owner = global_apps.get_model(model)._meta.get_field(QUIZ_PARTS[model])
            if (
                tuple(record["fields"][owner.name])
                not in created[owner.related_model._meta.label_lower]
            ):
                continue
            if category := record["fields"].get("category"):
                _load_if_missing(categories[tuple(category)])
            part, _created = _load_if_missing(record)
            if hasattr(part, "natural_key"):
                created[model].add(part.natural_key())
    return titles


def _records(paths):
    for path in paths or shipped_fixtures():
        with open(path, encoding="utf-8") as stream:
            yield from json.load(stream)


def _load_if_missing(record):
    """The record's object: the one its natural key finds, or a new one created now."""
    (deserialized,) = serializers.deserialize("python", [record])
    instance = deserialized.object
    # The deserializer resolves natural keys: a pk means the object exists.
    if instance.pk is not None and type(instance)._default_manager.filter(pk=instance.pk).exists():
        return instance, False
    deserialized.save()
    return instance, True


def _without_quiz_link(record):
    """A course's or lesson's record without the quiz it names (the question bank links it)."""
    link = QUIZ_LINKS.get(record["model"])
    return {**record, "fields": {name: v for name, v in record["fields"].items() if name != link}}


def _empty_place(record):
    """The course or lesson a shipped quiz hangs from, where it exists and has no quiz."""
    if record is None:
        return None
    try:
        (deserialized,) = serializers.deserialize("python", [_without_quiz_link(record)])
    except DeserializationError:  # its course is missing
        return None
    place = deserialized.object
    if place.pk is None:
        return None
    link = QUIZ_LINKS[record["model"]]
    return type(place)._default_manager.filter(pk=place.pk, **{f"{link}__isnull": True}).first()


@dataclass
class RevisionReport:
    revised: list = field(default_factory=list)
    kept: list = field(default_factory=list)


def revise_shipped_questions(revisions, apps=global_apps, *, backwards=False):
    """Bring shipped questions from one version of the bank to the next where nobody edited them.

    ``revisions`` are (old, new) pairs of question entries: the question's text, kind,
    category (its name), objective, explanation and choices (text, correct, feedback).
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
