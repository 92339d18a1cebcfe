"""``manage.py import_questions PATH --bank NAME``: a GIFT or Moodle XML file's questions into
a bank, as drafts (see ``quiz.moodle.importing``)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from quiz.models import Bank
from quiz.moodle.gift import GIFT
from quiz.moodle.importing import (
    MAX_FILE_BYTES,
    ImportProblem,
    import_questions,
    new_categories,
    read_file,
)
from quiz.moodle.xml import XML


class Command(BaseCommand):
    help = (
        "Import the multiple-choice and true/false questions of a GIFT or Moodle XML file "
        "into a question bank, as drafts; other kinds are listed as skipped. A file with "
        "errors imports nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The GIFT (.gift, .txt) or XML file.")
        parser.add_argument("--bank", required=True, help="The name of the bank to import into.")
        parser.add_argument(
            "--format",
            dest="file_format",
            choices=[GIFT, XML],
            help="The file's format, when its name does not tell (.gift, .txt, .xml).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would be imported; save nothing."
        )

    def handle(self, *args, path, bank, file_format, dry_run, **options):
        try:
            target = Bank.objects.get(name=bank)
        except Bank.DoesNotExist:
            raise CommandError(
                _("No question bank is named “%(name)s”.") % {"name": bank}
            ) from None
        try:
            with path.open("rb") as file:
                # One byte more than allowed is enough to refuse a file as too large.
                data = file.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise CommandError(f"{path}: {exc.strerror}.") from None
        try:
            reading = read_file(data, path.name, file_format)
        except ImportProblem as problem:
            raise CommandError(f"{path}: {problem}") from None
        for skipped in reading.skipped:
            self.stdout.write(
                _("Skipped, line %(line)d (%(kind)s): %(reason)s")
                % {"line": skipped.line, "kind": skipped.kind, "reason": skipped.reason}
            )
        if reading.problems:
            for problem in reading.problems:
                self.stderr.write(f"{path}:{problem.line}: {problem.message}")
            raise CommandError(_("The file has errors: nothing was imported."))
        if dry_run:
            self.show(target, reading.questions)
            return
        try:
            report = import_questions(target, reading.questions)
        except ImportProblem as problem:
            raise CommandError(f"{path}: {problem}") from None
        for line in report.lines():
            self.stdout.write(line)

    def show(self, bank, questions):
        for question in questions:
            self.stdout.write(
                _("Line %(line)d: %(kind)s, %(category)s: %(text)s")
                % {
                    "line": question.line,
                    "kind": question.kind_label,
                    "category": question.category or "–",
                    "text": " ".join(question.text.split())[:80],
                }
            )
        for name in new_categories(bank, questions):
            self.stdout.write(_("New category: %(name)s") % {"name": name})
