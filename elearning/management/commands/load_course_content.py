"""``manage.py load_course_content``: create the shipped course where it is missing."""

from django.core.management.base import BaseCommand

from elearning.content import load_missing


class Command(BaseCommand):
    help = "Load the shipped course; objects that already exist are never overwritten."

    def handle(self, *args, **options):
        report = load_missing()
        self.stdout.write(
            f"Shipped content: {len(report.created)} object(s) created, "
            f"{len(report.kept)} already present and kept as they are."
        )
