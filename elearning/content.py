"""The shipped content: courses, their question banks and quizzes, loaded without
overwriting edits.

The files in ``fixtures/`` are Django fixtures with natural keys: ``manage.py loaddata``
loads them into an empty database. But ``loaddata`` overwrites every object it finds by
natural key, and a school's instructors edit the shipped course in the admin: a second
``make run`` must keep those edits. So ``load_course_content`` reads the same files and only
creates what is missing:

- a course, lesson or glossary term that exists (matched by its natural key) is kept as it
  is; one that is missing is created, a course with its question bank (``load_missing``);
- the shipped questions (with their categories, choices and sources) go into a course's
  bank only while that bank holds no question: a bank with questions is the instructors'
  (``load_question_bank``);
- a shipped quiz is created, with its draw rules and the questions it picks, only where its
  lesson (or the course) has no quiz and no quiz has its title, and is then given to that
  lesson (or course). A quiz an instructor attached, edited, renamed or unlinked is hers,
  and nothing of the shipped one is added to it.

When a later release corrects a shipped question, a data migration brings the correction to
the questions nobody has edited (``revise_shipped_questions``).
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps as global_apps
from django.conf import settings
from django.core import serializers
from django.core.serializers.base import DeserializationError
from django.db import transaction

from quiz.models import Bank, Quiz

from .models import Course

FIXTURES = Path(settings.BASE_DIR) / "fixtures"

COURSE_MODELS = {"elearning.course", "elearning.lesson", "elearning.glossaryterm"}
# Where a course's quizzes hang: the field of the course or lesson that names one.
QUIZ_LINKS = {"elearning.course": "final_quiz", "elearning.lesson": "checkpoint_quiz"}
# What a bank holds, and how a record names its bank (the path of natural-key fields).
BANK_PARTS = {
    "quiz.category": ("bank",),
    "quiz.question": ("bank",),
    "quiz.choice": ("question", 1),
    "elearning.questionsource": ("question", 1),
}
# What a quiz is made of besides its settings: created with a quiz this load creates.
QUIZ_PARTS = {"quiz.drawrule", "quiz.quizquestion"}


def shipped_fixtures():
    return sorted(FIXTURES.glob("*.json"))


@dataclass
class LoadReport:
    created: list = field(default_factory=list)
    kept: list = field(default_factory=list)


@transaction.atomic
def load_missing(paths=None):
    """Create the fixtures' courses (each with its question bank), lessons and glossary terms
    that do not exist yet; keep the others untouched. Their questions and quizzes are
    ``load_question_bank``'s."""
    report = LoadReport()
    records = list(_records(paths))
    banks = {(r["fields"]["name"],): r for r in records if r["model"] == "quiz.bank"}
    for record in records:
        if record["model"] not in COURSE_MODELS:
            continue
        if record["model"] == "elearning.course" and not _exists(record):
            _load_if_missing(banks[tuple(record["fields"]["bank"])])
        instance, created = _load_if_missing(_without_quiz_link(record))
        (report.created if created else report.kept).append(f"{instance._meta.label}: {instance}")
    return report


@transaction.atomic
def load_question_bank(paths=None):
    """Fill the fixtures' banks that hold no question yet, then create the fixtures' quizzes
    where a lesson or the course has none, and give them to it.

    A quiz is created with its draw rules and the questions it picks (those its bank has),
    or not at all: where its lesson (or the course) is missing or has a quiz already, or
    where a quiz of its title exists (the shipped one, kept by an instructor who unlinked
    it), nothing of it is. Returns the titles of the quizzes created.
    """
    records = list(_records(paths))
    empty = {
        bank.natural_key()
        for bank in Bank.objects.filter(
            name__in=[r["fields"]["name"] for r in records if r["model"] == "quiz.bank"],
            course__isnull=False,
            questions__isnull=True,
        )
    }
    for record in records:
        if record["model"] in BANK_PARTS and _bank_of(record) in empty:
            _load_if_missing(record)
    places = {
        tuple(record["fields"][link]): record
        for record in records
        if (link := QUIZ_LINKS.get(record["model"])) and record["fields"].get(link)
    }
    created = set()  # the natural keys of the quizzes this load created
    titles = []
    for record in records:
        model = record["model"]
        if model == "quiz.quiz":
            title = record["fields"]["title"]
            place = _empty_place(places.get((title,)))
            if place is None or Quiz.objects.filter(title=title).exists():
                continue
            if place._meta.label_lower == "elearning.lesson":
                bank = place.course.bank
            else:
                bank = place.bank
            quiz, _created = _load_if_missing(
                {**record, "fields": {**record["fields"], "bank": bank.natural_key()}}
            )
            created.add(quiz.natural_key())
            link = QUIZ_LINKS[place._meta.label_lower]
            setattr(place, link, quiz)
            place.save(update_fields=[link, "updated_at"])
            titles.append(quiz.title)
        elif model in QUIZ_PARTS and tuple(record["fields"]["quiz"]) in created:
            try:
                _load_if_missing(record)
            except DeserializationError:
                continue  # a question or category the instructors' bank does not have
    return titles


def _records(paths):
    for path in paths or shipped_fixtures():
        with open(path, encoding="utf-8") as stream:
            yield from json.load(stream)


def _bank_of(record):
    """The natural key of the bank a bank part's record names."""
    name, *index = BANK_PARTS[record["model"]]
    value = record["fields"][name]
    return tuple(value[index[0] :]) if index else tuple(value)


def _exists(course_record):
    return Course.objects.filter(slug=course_record["fields"]["slug"]).exists()


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
    siblings = Category.objects.filter(name=target["category"])
    if any(field.name == "bank" for field in Category._meta.fields):
        siblings = siblings.filter(bank_id=category.bank_id)  # after the banks came
    return siblings.first() or category


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
