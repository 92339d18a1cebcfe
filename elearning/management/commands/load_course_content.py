"""``manage.py load_course_content``: create the shipped courses and quizzes (``fixtures/``)
where they are missing."""

from django.core.management.base import BaseCommand

from elearning.content import load_missing, load_question_bank


class Command(BaseCommand):
    help = "Load the shipped course and its quizzes; what already exists is never overwritten."

    def handle(self, *args, **options):
        report = load_missing()
        self.stdout.write(
            f"Shipped content: {len(report.created)} object(s) created, "
            f"{len(report.kept)} already present and kept as they are."
        )
        quizzes = load_question_bank()
        self.stdout.write(
            f"Question bank: {len(quizzes)} quiz(zes) created"
            + (f" ({', '.join(quizzes)})." if quizzes else "; the existing quizzes are kept.")
        )
