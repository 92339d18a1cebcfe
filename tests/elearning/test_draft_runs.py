"""Drafting runs as background tasks (Django's tasks API): the admin's action queues one
per lesson, a worker runs it, and the admin shows each run queued, running, done or failed
as the task's own record says, plus what the run keeps (what, by whom, how many drafts).

The drafting engine is the ``engine`` fixture's stand-in; the worker is the database
backend's own (``run_tasks``), and RQ on the Redis server the machine runs.
"""

import os
import signal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from elearning import drafting
from elearning.models import DraftRun, DraftRunState
from quiz.models import QuestionDraft

from .test_settings import run_django

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_messages(settings):
    """The admin in English, so that these tests read the source strings."""
    settings.LANGUAGE_CODE = "en"


def queue_drafting(client, lessons, capture):
    """The lessons' "Draft questions" action, as an instructor posts it; the tasks are
    queued once the runs are committed, as they are at the end of a real request."""
    with capture(execute=True):
        return client.post(
            reverse("admin:elearning_lesson_changelist"),
            {"action": "draft_questions", "_selected_action": [lesson.pk for lesson in lessons]},
            follow=True,
        )


def runs_listed(client):
    response = client.get(reverse("admin:elearning_draftrun_changelist"))
    assert response.status_code == 200
    return response, {run.pk: run.state for run in response.context["cl"].result_list}


def test_the_action_queues_a_task_that_the_worker_runs(
    engine,
    instructor,
    instructor_client,
    quiz_course,
    run_tasks,
    django_capture_on_commit_callbacks,
):
    lesson = quiz_course.lessons.get(position=2)
    response = queue_drafting(instructor_client, [lesson], django_capture_on_commit_callbacks)
    assert "Drafting queued for 1 lesson" in response.content.decode()

    run = DraftRun.objects.get()
    assert (run.course, run.lesson, run.started_by, run.proposed) == (
        quiz_course,
        lesson,
        instructor,
        None,
    )
    task = DBTaskResult.objects.get()
    assert (str(task.id), task.task_path, task.status) == (
        run.task_id,
        "elearning.drafting.draft_run",
        TaskResultStatus.READY,
    )
    assert task.args_kwargs == {"args": [run.pk], "kwargs": {}}
    assert engine == []  # nothing drafted in the web request
    assert runs_listed(instructor_client)[1] == {run.pk: DraftRunState.QUEUED}

    run_tasks()

    task.refresh_from_db()
    assert (task.status, task.return_value) == (TaskResultStatus.SUCCESSFUL, 2)
    run = DraftRun.objects.get()
    assert (run.state, run.proposed, run.error) == (DraftRunState.DONE, 2, "")
    assert run.task_result.finished_at == task.finished_at
    assert [text for text, _context, _limit in engine] == [lesson.body]
    assert set(QuestionDraft.objects.values_list("source__lesson", flat=True)) == {lesson.pk}
    response, states = runs_listed(instructor_client)
    assert states == {run.pk: DraftRunState.DONE}
    page = response.content.decode()
    assert '<td class="field-state">done</td>' in page
    assert '<td class="field-proposed">2</td>' in page


def test_a_run_shows_running_while_the_worker_drafts(
    monkeypatch, quiz_course, instructor, run_tasks, django_capture_on_commit_callbacks
):
    seen = []

    def draft_course(course, *, lesson=None, limit=None):
        seen.append(DraftRun.objects.get().state)
        return [(lesson, 0)]

    monkeypatch.setattr(drafting, "draft_course", draft_course)
    with django_capture_on_commit_callbacks(execute=True):
        drafting.start_run(quiz_course, None, instructor)
    run_tasks()
    assert seen == [DraftRunState.RUNNING]
    run = DraftRun.objects.get()
    assert (run.state, run.proposed) == (DraftRunState.DONE, 0)


def test_a_failed_run_says_why_in_the_admin(
    monkeypatch, client, make_user, quiz_course, run_tasks, django_capture_on_commit_callbacks
):
    def draft_course(course, *, lesson=None, limit=None):
        raise ValueError("the language model is missing")

    monkeypatch.setattr(drafting, "draft_course", draft_course)
    with django_capture_on_commit_callbacks(execute=True):
        drafting.start_run(quiz_course, None, None)
    run_tasks()

    run = DraftRun.objects.get()
    assert (run.state, run.proposed) == (DraftRunState.FAILED, None)
    assert run.error == "ValueError: the language model is missing"
    assert DBTaskResult.objects.get().status == TaskResultStatus.FAILED
    client.force_login(make_user(is_staff=True, is_superuser=True))
    response, states = runs_listed(client)
    assert states == {run.pk: DraftRunState.FAILED}
    assert escape("ValueError: the language model is missing") in response.content.decode()
    page = client.get(reverse("admin:elearning_draftrun_change", args=[run.pk]))
    assert page.status_code == 200
    assert "the language model is missing" in page.content.decode()


def test_the_task_is_queued_only_once_the_run_is_committed(
    quiz_course, instructor, django_capture_on_commit_callbacks
):
    """A worker on another server may start at once: it must find the run saved."""
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        run = drafting.start_run(quiz_course, None, instructor)
    assert not DBTaskResult.objects.exists()
    assert DraftRun.objects.get().state == DraftRunState.QUEUED
    for callback in callbacks:
        callback()
    run.refresh_from_db()
    assert DBTaskResult.objects.get().id.hex == run.task_id.replace("-", "")


def test_a_run_that_cannot_be_queued_is_not_kept(
    settings, quiz_course, instructor, django_capture_on_commit_callbacks
):
    """Redis down (nothing listens on port 1): the instructor gets the error, and no run
    stays "queued" for ever."""
    from redis.exceptions import ConnectionError as RedisDown

    settings.RQ_QUEUES = {"default": {"URL": "redis://127.0.0.1:1/0"}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    with pytest.raises(RedisDown), django_capture_on_commit_callbacks(execute=True):
        drafting.start_run(quiz_course, None, instructor)
    assert not DraftRun.objects.exists()


def test_runs_whose_task_is_no_longer_kept_are_done_or_failed_by_their_count(
    quiz_course, run_tasks, django_capture_on_commit_callbacks
):
    """The backend forgets finished tasks (``prune_db_task_results``, Redis' expiry); a
    run that recorded its drafts was done, one that did not failed."""
    with django_capture_on_commit_callbacks(execute=True):
        done = drafting.start_run(quiz_course, None, None)
        failed = drafting.start_run(quiz_course, None, None)
    DBTaskResult.objects.all().delete()
    DraftRun.objects.filter(pk=done.pk).update(proposed=3)
    done, failed = DraftRun.objects.get(pk=done.pk), DraftRun.objects.get(pk=failed.pk)
    assert (done.state, done.error) == (DraftRunState.DONE, "")
    assert failed.state == DraftRunState.FAILED
    assert "no longer kept" in str(failed.error)


def test_reading_the_runs_writes_nothing_and_reads_them_in_fixed_queries(
    client, make_user, quiz_course, django_capture_on_commit_callbacks, django_assert_num_queries
):
    """No write on a GET (nothing to expire: the worker ends every task it starts), and
    the page's tasks are read in one query whatever their number."""
    client.force_login(make_user(is_staff=True, is_superuser=True))
    url = reverse("admin:elearning_draftrun_changelist")

    def queries_for(runs):
        with django_capture_on_commit_callbacks(execute=True):
            for _ in range(runs):
                drafting.start_run(quiz_course, quiz_course.lessons.first(), None)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return [query["sql"] for query in captured.captured_queries]

    few, many = queries_for(1), queries_for(4)
    assert len(few) == len(many)
    writes = ("INSERT", "UPDATE", "DELETE")
    assert not [sql for sql in few + many if sql.lstrip().upper().startswith(writes)]
    assert sum('"django_tasks_database_dbtaskresult"' in sql for sql in many) == 1


def test_without_redis_tasks_queue_in_the_database():
    result = run_django(
        """
        from django.conf import settings
        from elearning.drafting import draft_run
        print(type(draft_run.get_backend()).__name__, "django_rq" in settings.INSTALLED_APPS)
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["DatabaseBackend", "False"]


def test_with_redis_tasks_queue_in_redis():
    result = run_django(
        """
        from django.conf import settings
        from elearning.drafting import draft_run
        print(type(draft_run.get_backend()).__name__, "django_rq" in settings.INSTALLED_APPS)
        print(settings.RQ_QUEUES["default"]["URL"])
        """,
        env={"REDIS_URL": "redis://127.0.0.1:6379/3"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["RQBackend", "True", "redis://127.0.0.1:6379/3"]


# The Redis server the machine runs (see the README); a database of its own.
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def rq_tasks(settings):
    """Tasks queued in Redis through RQ, as with REDIS_URL set; the test database of Redis
    emptied before and after."""
    import django_rq

    settings.RQ_QUEUES = {"default": {"URL": TEST_REDIS_URL}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    redis = django_rq.get_connection("default")
    redis.flushdb()
    yield redis
    redis.flushdb()


def run_rq_worker():
    """An RQ worker on the queue until it is empty, in this process (``SimpleWorker``
    does not fork), so that the task sees the test's transaction."""
    import django_rq
    from django_tasks_rq import Job
    from rq.worker import SimpleWorker

    names = (signal.SIGINT, signal.SIGTERM)
    handlers = {name: signal.getsignal(name) for name in names}
    try:
        worker = django_rq.get_worker("default", job_class=Job, worker_class=SimpleWorker)
        worker.work(burst=True)
    finally:  # the worker takes Ctrl-C and SIGTERM for itself
        for name, handler in handlers.items():
            signal.signal(name, handler)


def test_on_redis_a_run_is_queued_in_rq_and_run_by_its_worker(
    rq_tasks, engine, quiz_course, instructor, django_capture_on_commit_callbacks
):
    import django_rq

    lesson = quiz_course.lessons.get(position=1)
    with django_capture_on_commit_callbacks(execute=True):
        run = drafting.start_run(quiz_course, lesson, instructor)
    run.refresh_from_db()
    queue = django_rq.get_queue("default")
    assert queue.job_ids == [run.task_id]
    assert queue.fetch_job(run.task_id).func_name == "elearning.drafting.draft_run"
    assert not DBTaskResult.objects.exists()
    assert run.state == DraftRunState.QUEUED

    run_rq_worker()

    assert queue.job_ids == []
    run = DraftRun.objects.get()
    assert (run.state, run.proposed) == (DraftRunState.DONE, 2)
    assert run.task_result.status == TaskResultStatus.SUCCESSFUL
    assert run.task_result.return_value == 2
    assert [text for text, _context, _limit in engine] == [lesson.body]
