"""``manage.py close_expired_attempts``: grade the quiz attempts whose time is up.

An expired attempt is also graded when anyone next opens it; run this every few
minutes (cron, a systemd timer) so that the others are graded too, with what the
learner saved before her deadline.
"""

from django.core.management.base import BaseCommand

from elearning.quizzes import close_expired


class Command(BaseCommand):
    help = "Grade every quiz attempt whose deadline has passed, with the answers saved."

    def handle(self, *args, **options):
        closed = close_expired()
        self.stdout.write(f"{closed} expired attempt(s) graded.")
