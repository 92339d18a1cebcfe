"""``manage.py draft_questions <course-slug> [--lesson <slug>] [--limit N]``: propose
question drafts from a course's lessons, here and now, for instructors to accept or reject
in the admin. Drafts proposed before (accepted, rejected or waiting) are not proposed again.
The admin's "Draft questions" action queues the same drafting as a background task.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext, ngettext

from elearning.drafting import draft_course
from elearning.models import Course, Lesson


class Command(BaseCommand):
    help = "Propose multiple-choice question drafts from a course's lessons."

    def add_arguments(self, parser):
        parser.add_argument("course", help="the course's slug")
        parser.add_argument("--lesson", help="only this lesson (its slug)")
        parser.add_argument("--limit", type=int, help="at most N drafts per lesson, best first")

    def handle(self, *args, course, lesson=None, limit=None, **options):
        if limit is not None and limit < 1:
            raise CommandError(gettext("--limit must be at least 1."))
        course_slug, lesson_slug = course, lesson
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
        for item, count in results:
            self.stdout.write(
                ngettext(
                    "%(lesson)s: %(count)d new draft", "%(lesson)s: %(count)d new drafts", count
                )
                % {"lesson": item.title, "count": count}
            )
        if not sum(count for _item, count in results):
            self.stdout.write(
                gettext("No new draft: the text gave none, or every draft was proposed before.")
            )
