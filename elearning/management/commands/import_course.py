"""``manage.py import_course PATH``: a document becomes a course (see ``elearning.importing``)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from elearning.documents import MAX_DOCUMENT_BYTES
from elearning.importing import (
    ImportProblem,
    import_course,
    read_document,
    reading_minutes,
    word_count,
)


class Command(BaseCommand):
    help = (
        "Import a document (plain text, Markdown, web page or Word .docx) as a course; "
        "importing it again updates the course."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The document to import.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Show the lessons the document makes, and save nothing.",
        )

    def handle(self, *args, path, dry_run, **options):
        try:
            with path.open("rb") as document:
                # One byte more than allowed is enough to refuse a file as too large.
                data = document.read(MAX_DOCUMENT_BYTES + 1)
        except OSError as exc:
            raise CommandError(f"{path}: cannot read the file ({exc.strerror}).") from None
        try:
            article = read_document(data, path.name)
            if dry_run:
                self.show(article)
                return
            report = import_course(article)
        except ImportProblem as problem:
            raise CommandError(f"{path}: {problem}") from None
        for line in report.lines():
            self.stdout.write(line)

    def show(self, article):
        self.stdout.write(article.title)
        for number, lesson in enumerate(article.lessons, 1):
            self.stdout.write(
                _("%(number)d. %(title)s (%(words)d words, %(minutes)d min)")
                % {
                    "number": number,
                    "title": lesson.title,
                    "words": word_count(lesson.body),
                    "minutes": reading_minutes(lesson.body),
                }
            )
