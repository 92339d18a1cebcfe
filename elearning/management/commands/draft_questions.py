"""``manage.py draft_questions <course-slug> [--lesson <slug>] [--limit N]``: propose
question drafts from a course's lessons, for instructors to accept or reject in the
admin. Drafts proposed before (accepted, rejected or waiting) are not proposed again.
"""

import signal
import threading
from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext, ngettext

from elearning.drafting import draft_course, finish_run
from elearning.models import Course, DraftRun, DraftRunState, Lesson


class Stopped(KeyboardInterrupt):
    """SIGTERM (a service stop or restart) while drafting. Like Ctrl-C's KeyboardInterrupt
    it is no Exception, so nothing on its way catches it by mistake; a transaction it
    crosses is rolled back, and psycopg cancels a query it interrupts."""


def raise_stopped(signum, frame):
    raise Stopped


@contextmanager
def stopped_by_sigterm():
    """While the block runs, SIGTERM raises Stopped in it; then SIGTERM is as before."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers (and receives signals)
        return
    previous = signal.signal(signal.SIGTERM, raise_stopped)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)


def stopped_message():
    # Stored text, read by every instructor: in the site's language.
    with translation.override(settings.LANGUAGE_CODE):
        return gettext(
            "Stopped before the end: its process was asked to stop (a service stop or "
            "restart). Draft again."
        )


class Command(BaseCommand):
    help = "Propose multiple-choice question drafts from a course's lessons."

    def add_arguments(self, parser):
        parser.add_argument("course", help="the course's slug")
        parser.add_argument("--lesson", help="only this lesson (its slug)")
        parser.add_argument("--limit", type=int, help="at most N drafts per lesson, best first")
        parser.add_argument("--run", type=int, help=HIDDEN_HELP)

    def handle(self, *args, course, lesson=None, limit=None, run=None, **options):
        run = DraftRun.objects.filter(pk=run).first() if run else None
        try:
            with stopped_by_sigterm():
                proposed, message = self.draft(course, lesson, limit)
        except KeyboardInterrupt as exc:  # SIGTERM (Stopped) or Ctrl-C: the run did not finish
            if run is not None:
                finish_run(run, DraftRunState.FAILED, 0, stopped_message())
            if isinstance(exc, Stopped):
                raise SystemExit(128 + signal.SIGTERM) from None  # the status SIGTERM gives
            raise
        except CommandError as exc:
            if run is not None:
                finish_run(run, DraftRunState.FAILED, 0, str(exc))
            raise
        except Exception as exc:  # the admin must learn that its run ended, then fail loudly
            if run is not None:
                finish_run(run, DraftRunState.FAILED, 0, f"{type(exc).__name__}: {exc}")
            raise
        if run is not None:
            finish_run(run, DraftRunState.DONE, proposed, message)
        self.stdout.write(message)

    def draft(self, course_slug, lesson_slug, limit):
        if limit is not None and limit < 1:
            raise CommandError(gettext("--limit must be at least 1."))
        course = Course.objects.filter(slug=course_slug).first()
        if course is None:
            raise CommandError(
                gettext("No course has the slug “%(slug)s”.") % {"slug": course_slug}
            )
        lesson = None
        if lesson_slug:
            lesson = Lesson.objects.filter(course=course, slug=lesson_slug).first()
            if lesson is None:
                raise CommandError(
                    gettext("The course “%(course)s” has no lesson “%(lesson)s”.")
                    % {"course": course_slug, "lesson": lesson_slug}
                )
        results = draft_course(course, lesson=lesson, limit=limit)
        lines = [
            ngettext("%(lesson)s: %(count)d new draft", "%(lesson)s: %(count)d new drafts", count)
            % {"lesson": item.title, "count": count}
            for item, count in results
        ]
        proposed = sum(count for _item, count in results)
        if not proposed:
            lines.append(
                gettext("No new draft: the text gave none, or every draft was proposed before.")
            )
        return proposed, "\n".join(lines)


HIDDEN_HELP = "the admin's drafting run to record the outcome on (internal)"
