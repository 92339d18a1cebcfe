"""``manage.py import_course PATH``: a plain-text article becomes a course."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from elearning.importing import ImportProblem, import_course_file


class Command(BaseCommand):
    help = "Import a UTF-8 plain-text article as a course (re-importing updates it)."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The text file to import.")

    def handle(self, *args, path, **options):
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"{path}: cannot read the file ({exc.strerror}).") from None
        try:
            report = import_course_file(data)
        except ImportProblem as problem:
            raise CommandError(f"{path}: {problem}") from None
        for line in report.lines():
            self.stdout.write(line)
