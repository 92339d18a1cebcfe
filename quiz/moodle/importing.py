"""Importing a Moodle question file into a bank: the file read for a preview, nothing saved
(``read_file``), then its questions created as drafts in one transaction
(``import_questions``).

A file is GIFT or Moodle XML, told by its name (``.gift``, ``.txt``; ``.xml``) or else by its
content (XML starts with "<"); at most 2 MB and 1,000 questions. GIFT is text, read as the
course importer reads text files (``elearning/documents.py``, which this app cannot import):
UTF-8 with or without its mark, UTF-16 with its mark, otherwise Windows-1252 (Notepad's
"ANSI" on a French Windows). A file with errors imports nothing; the questions skipped are
listed, never dropped silently.
"""

from dataclasses import dataclass, field
from pathlib import PurePath

from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .. import textfiles
from ..models import Bank, Category, Choice, Question, QuestionStatus
from .gift import GIFT, read_gift
from .xml import XML, read_xml

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_QUESTIONS = 1000
FORMAT_SUFFIXES = {".gift": GIFT, ".txt": GIFT, ".xml": XML}
FORMAT_NAMES = {GIFT: "GIFT", XML: "Moodle XML"}


class ImportProblem(ValueError):
    """The file cannot be imported at all; the message says why, in one line."""


def check_size(size):
    if size > MAX_FILE_BYTES:
        raise ImportProblem(
            _("The file is too large (%(size)s; at most %(limit)s).")
            % {"size": filesizeformat(size), "limit": filesizeformat(MAX_FILE_BYTES)}
        )


def read_file(data, filename="", file_format=None):
    """The ``Reading`` of a question file (its questions, those skipped, its errors), or
    ImportProblem when it cannot be read at all."""
    check_size(len(data))
    if not data.strip():
        raise ImportProblem(_("The file is empty."))
    file_format = file_format or detect_format(data, filename)
    reading = read_gift(decode_text(data)) if file_format == GIFT else read_xml(data)
    count = len(reading.questions) + len(reading.skipped)
    if count > MAX_QUESTIONS:
        raise ImportProblem(
            _("The file holds %(count)d questions, more than %(limit)d: split it in several files.")
            % {"count": count, "limit": MAX_QUESTIONS}
        )
    return reading


def detect_format(data, filename=""):
    suffix = PurePath(filename).suffix.lower()
    if suffix in FORMAT_SUFFIXES:
        return FORMAT_SUFFIXES[suffix]
    if suffix:
        raise ImportProblem(
            _(
                "The importer cannot read this type of file (%(type)s): it reads GIFT (.gift, "
                ".txt) and Moodle XML (.xml)."
            )
            % {"type": suffix}
        )
    start = data.lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n")
    return XML if start.startswith(b"<") else GIFT


def decode_text(data):
    """The text of a GIFT file (``quiz.textfiles``), or ImportProblem."""
    try:
        return textfiles.decode_text(data)
    except textfiles.NotText as problem:
        if problem.kind == textfiles.NotText.BINARY:
            raise ImportProblem(_("The file is not text: GIFT is text, Moodle XML too.")) from None
        raise ImportProblem(_unknown_encoding()) from None


def _unknown_encoding():
    return _(
        "The file is not text in an encoding the importer knows (UTF-8, UTF-16 or Windows-1252)."
    )


def new_categories(bank, questions):
    """The names of the categories the questions name that the bank does not have yet."""
    names = {question.category for question in questions if question.category}
    existing = set(bank.categories.filter(name__in=names).values_list("name", flat=True))
    return sorted(names - existing)


def note_repeats(bank, questions):
    """Note on each question whose text a question of the bank already has (importing a file
    twice makes two copies)."""
    texts = {question.text for question in questions}
    known = set(bank.questions.filter(text__in=texts).values_list("text", flat=True))
    for question in questions:
        if question.text in known:
            question.notes.append(_("The bank already has a question with this text."))


@dataclass
class ImportReport:
    bank: Bank
    created: list = field(default_factory=list)  # the questions
    categories: list = field(default_factory=list)  # the names of the categories created

    def lines(self):
        lines = [
            ngettext(
                "%(count)d question created as a draft in “%(bank)s”.",
                "%(count)d questions created as drafts in “%(bank)s”.",
                len(self.created),
            )
            % {"count": len(self.created), "bank": self.bank}
        ]
        if self.categories:
            lines.append(
                ngettext(
                    "%(count)d category created: %(names)s.",
                    "%(count)d categories created: %(names)s.",
                    len(self.categories),
                )
                % {"count": len(self.categories), "names": ", ".join(self.categories)}
            )
        return lines


@transaction.atomic
def import_questions(bank, questions):
    """Create ``questions`` (``ImportedQuestion``s) in ``bank`` as drafts, with the
    categories they name (created in the bank where missing); all or nothing."""
    if not questions:
        raise ImportProblem(_("The file has no question to import."))
    # One import at a time per bank: questions are numbered in it.
    bank = Bank.objects.select_for_update().get(pk=bank.pk)
    report = ImportReport(bank=bank)
    names = {question.category for question in questions if question.category}
    categories = {category.name: category for category in bank.categories.filter(name__in=names)}
    for name in sorted(names - set(categories)):
        categories[name] = Category.objects.create(bank=bank, name=name)
        report.categories.append(name)
    choices = []
    for imported in questions:
        question = Question.objects.create(
            bank=bank,
            text=imported.text,
            kind=imported.kind,
            explanation=imported.explanation,
            points=imported.points,
            partial_credit=imported.partial_credit,
            category=categories.get(imported.category),
            status=QuestionStatus.DRAFT,
        )
        choices += [
            Choice(
                question=question,
                position=position,
                text=choice.text,
                is_correct=choice.is_correct,
                feedback=choice.feedback,
                fraction=choice.fraction,
            )
            for position, choice in enumerate(imported.choices, start=1)
        ]
        report.created.append(question)
    Choice.objects.bulk_create(choices)
    return report
