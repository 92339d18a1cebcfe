"""Question drafts from a course's lessons: ``elearning`` feeds the quiz engine's drafting
(``quiz.drafting``, which works on plain text) with lessons, keeps which lesson each draft
comes from, and puts an accepted draft in the lesson's quiz.

Drafting loads spaCy's French model (a few seconds, about 300 MB): the admin queues it as a
background task (``draft_run``, Django's tasks API) that a worker runs, never a web
worker; ``manage.py draft_questions`` runs it in the shell. Nothing here is imported by the
pages.
"""

from functools import partial

from django.db import transaction
from django_tasks import task
from django_tasks_db import DatabaseBackend

from quiz import proposals

from .models import DraftRun, DraftSource, QuestionSource


class DraftHasNoQuiz(Exception):
    """Nowhere to put the draft's question: its lesson has no checkpoint quiz and its course
    no final quiz (or the draft comes from no lesson)."""


def draft_course(course, *, lesson=None, limit=None):
    """Propose drafts for the course's active lessons (or one lesson); returns
    [(lesson, number of new drafts)]. Distractors are looked for in the whole course."""
    from quiz.drafting import draft_questions  # loads spaCy: only in a worker or the shell

    lessons = list(course.lessons.in_reading_order())
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


def accept_draft(draft, by, *, now=None):
    """Accept a draft as an unpublished question of its lesson's checkpoint quiz, or else of
    the course's final quiz, with its lesson and source sentence kept as the question's
    source. Returns the question.

    Raises ``DraftHasNoQuiz``, ``proposals.DraftDecided``, or ``ValidationError`` when its
    choices make no answerable question; nothing is saved then. Read the drafts with
    ``select_related("source__lesson__course", "source__lesson__checkpoint_quiz")``.
    """
    lesson = draft.source.lesson if hasattr(draft, "source") else None
    quiz = lesson and (lesson.checkpoint_quiz or lesson.course.final_quiz)
    if quiz is None:
        raise DraftHasNoQuiz(draft)
    with transaction.atomic():
        question = proposals.accept(draft, quiz, by, now=now)
        QuestionSource.objects.create(
            question=question, lesson=lesson, passage=draft.source_sentence
        )
    return question


@task()
def draft_run(run_id):
    """The background task of a drafting run: draft, then record how many new drafts on the
    run. Returns that number. Its state, and its error if it fails, are the task's own."""
    run = DraftRun.objects.select_related("course", "lesson").get(pk=run_id)
    proposed = sum(count for _lesson, count in draft_course(run.course, lesson=run.lesson))
    DraftRun.objects.filter(pk=run_id).update(proposed=proposed)
    return proposed


def start_run(course, lesson, user):
    """Queue drafting for a worker; returns the run the admin then shows.

    The task is queued once the run is saved for good: a worker on another server (RQ)
    may start it at once, and must find the run."""
    run = DraftRun.objects.create(course=course, lesson=lesson, started_by=user)
    transaction.on_commit(partial(queue_run, run.pk))
    return run


def queue_run(run_id):
    """Queue the run's task and keep its id. A run that cannot be queued (the queue's
    database or Redis down) is not kept, and the error goes on to whoever started it."""
    try:
        result = draft_run.enqueue(run_id)
    except BaseException:
        DraftRun.objects.filter(pk=run_id).delete()
        raise
    DraftRun.objects.filter(pk=run_id).update(task_id=result.id)


def with_task_results(runs):
    """The runs, each with its task's record read: in one query when the tasks are in
    the database (a page of runs in the admin), one look-up each in Redis."""
    runs = list(runs)
    if isinstance(draft_run.get_backend(), DatabaseBackend):
        from django_tasks_db.models import DBTaskResult

        ids = [run.task_id for run in runs if run.task_id]
        found = {str(row.id): row.task_result for row in DBTaskResult.objects.filter(id__in=ids)}
        for run in runs:
            run.task_result = found.get(run.task_id)
    return runs
