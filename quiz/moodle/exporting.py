"""Exporting questions to GIFT or Moodle XML: which questions a quiz, a category or a bank
exports, in which order, and the file.

A quiz exports the questions it picks, in its order, then those of its draw rules'
categories in its bank (those it may draw), by number; drafts too, since an export is a copy
of the material, not of what learners see today. A file holds the questions without a
category first, then category by category, since both formats set a category for the
questions that follow it.
"""

from django.utils.text import slugify

from ..models import Question
from .gift import GIFT, write_gift
from .questions import to_moodle
from .xml import XML, write_xml

CONTENT_TYPES = {GIFT: "text/plain; charset=utf-8", XML: "application/xml; charset=utf-8"}
SUFFIXES = {GIFT: ".gift.txt", XML: ".moodle.xml"}


def _with_choices(queryset):
    return queryset.select_related("category").prefetch_related("choices")


def quiz_questions(quizzes):
    """The questions of each quiz (see the module's docstring), each once."""
    questions = []
    for quiz in quizzes:
        questions += _with_choices(
            Question.objects.filter(picks__quiz=quiz).order_by("picks__position", "picks__pk")
        )
        categories = list(quiz.draw_rules.values_list("category", flat=True))
        if categories:
            questions += _with_choices(
                Question.objects.filter(bank_id=quiz.bank_id, category__in=categories)
                .exclude(picks__quiz=quiz)
                .order_by("number")
            )
    return list({question.pk: question for question in questions}.values())


def category_questions(categories):
    return list(
        _with_choices(Question.objects.filter(category__in=categories)).order_by(
            "category__name", "category_id", "number"
        )
    )


def bank_questions(bank, category=None):
    questions = Question.objects.filter(bank=bank)
    if category is not None:
        questions = questions.filter(category=category)
    return list(_with_choices(questions).order_by("number"))


def export_order(questions):
    """The questions as a file holds them: those without a category first, then category by
    category in the order they first come, each in its own order."""
    groups = {}
    for question in questions:
        groups.setdefault(question.category_id, []).append(question)
    uncategorised = groups.pop(None, [])
    return [*uncategorised, *(question for group in groups.values() for question in group)]


def export_questions(questions, file_format):
    """The file's content (bytes, UTF-8) of ``questions`` in ``export_order``."""
    moodle = [to_moodle(question) for question in export_order(questions)]
    if file_format == GIFT:
        return write_gift(moodle).encode("utf-8")
    return write_xml(moodle)


def export_filename(name, file_format):
    return f"{slugify(name) or 'questions'}{SUFFIXES[file_format]}"
