"""Question drafts from a course's lessons: ``elearning`` feeds the quiz engine's drafting
(``quiz.drafting``, which works on plain text) with lessons, and keeps which lesson each
draft comes from.

Drafting loads spaCy's French model (a few seconds, about 300 MB): it runs in the
``draft_questions`` command, which the admin starts in a process of its own, never in a
web worker. Nothing here is imported by the pages.
"""

import subprocess
import sys
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from quiz import proposals

from .models import DraftRun, DraftRunState, DraftSource, Lesson

# A run still running after this long is marked failed (DraftRun.objects.expire_stale): its
# process was killed without a word. Drafting the whole course takes seconds (the language
# model's load included), so this leaves a wide margin on a busy server.
RUN_TIME_LIMIT = timedelta(minutes=15)


def draft_course(course, *, lesson=None, limit=None):
    """Propose drafts for the course's active lessons (or one lesson); returns
    [(lesson, number of new drafts)]. Distractors are looked for in the whole course."""
    from quiz.drafting import draft_questions  # loads spaCy: only in the command's process

    lessons = list(Lesson.objects.filter(course=course, is_archived=False).order_by("position"))
    context = "\n\n".join(item.body for item in lessons)
    chosen = [lesson] if lesson is not None else lessons
    results = []
    for item in chosen:
        drafts = draft_questions(
            item.body, context=context, limit=limit, topic=course.title, title=item.title
        )
        with transaction.atomic():
            created = proposals.store(drafts)
            DraftSource.objects.bulk_create(
                DraftSource(draft=draft, lesson=item) for draft in created
            )
        results.append((item, len(created)))
    return results


def start_run(course, lesson, user):
    """Start drafting in a process of its own; returns the run the admin then shows."""
    DraftRun.objects.expire_stale()
    run = DraftRun.objects.create(course=course, lesson=lesson, started_by=user)
    command = [sys.executable, str(settings.BASE_DIR / "manage.py"), "draft_questions"]
    command += [course.slug, "--run", str(run.pk)]
    if lesson is not None:
        command += ["--lesson", lesson.slug]
    try:
        subprocess.Popen(
            command,
            cwd=settings.BASE_DIR,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # outlives the request; the web worker never waits
        )
    except OSError as exc:
        with translation.override(settings.LANGUAGE_CODE):  # stored, read by every instructor
            message = gettext("Could not start: %(error)s") % {"error": exc}
        finish_run(run, DraftRunState.FAILED, 0, message)
    return run


def finish_run(run, state, proposed, message):
    DraftRun.objects.filter(pk=run.pk).update(
        state=state, proposed=proposed, message=message, finished_at=timezone.now()
    )
