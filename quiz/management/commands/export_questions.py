"""``manage.py export_questions --bank NAME [--category NAME] --format gift|xml PATH``: a
bank's questions (or a category's) to a GIFT or Moodle XML file (see
``quiz.moodle.exporting``)."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from quiz.models import Bank
from quiz.moodle.exporting import bank_questions, export_questions
from quiz.moodle.gift import GIFT
from quiz.moodle.xml import XML


class Command(BaseCommand):
    help = "Export a question bank's questions, or a category's, to GIFT or Moodle XML."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The file to write; - writes to the standard output.")
        parser.add_argument("--bank", required=True, help="The name of the bank.")
        parser.add_argument("--category", help="Only this category of the bank.")
        parser.add_argument("--format", dest="file_format", required=True, choices=[GIFT, XML])

    def handle(self, *args, path, bank, category, file_format, **options):
        try:
            source = Bank.objects.get(name=bank)
        except Bank.DoesNotExist:
            raise CommandError(
                _("No question bank is named “%(name)s”.") % {"name": bank}
            ) from None
        chosen = None
        if category is not None:
            chosen = source.categories.filter(name=category).first()
            if chosen is None:
                raise CommandError(
                    _("The bank “%(bank)s” has no category named “%(name)s”.")
                    % {"bank": bank, "name": category}
                )
        questions = bank_questions(source, chosen)
        if not questions:
            raise CommandError(_("There is no question to export."))
        content = export_questions(questions, file_format)
        if path == "-":
            sys.stdout.buffer.write(content)
            return
        try:
            Path(path).write_bytes(content)
        except OSError as exc:
            raise CommandError(f"{path}: {exc.strerror}.") from None
        self.stdout.write(
            ngettext(
                "%(count)d question written to %(path)s.",
                "%(count)d questions written to %(path)s.",
                len(questions),
            )
            % {"count": len(questions), "path": path}
        )
