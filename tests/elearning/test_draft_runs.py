"""Drafting runs that never end: a process killed outright (SIGKILL, out of memory, a
server restart) cannot record anything, so a run still running after the time limit is
marked failed; a process asked to stop (SIGTERM) records that it stopped, then exits.
"""

import os
import signal
import time
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import Truncator

from elearning import drafting
from elearning.management.commands import draft_questions as command
from elearning.models import DraftRun, DraftRunState

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_messages(settings):
    """Stored messages are written in the site's language: English here, so that these
    tests read the source strings whatever the French catalogue says."""
    settings.LANGUAGE_CODE = "en"


def make_run(course, *, age, state=DraftRunState.RUNNING, **fields):
    return DraftRun.objects.create(
        course=course, started_at=timezone.now() - age, state=state, **fields
    )


def test_a_run_running_past_the_limit_is_failed_and_no_other(quiz_course):
    limit = drafting.RUN_TIME_LIMIT
    stale = make_run(quiz_course, age=limit + timedelta(minutes=1))
    recent = make_run(quiz_course, age=limit - timedelta(minutes=1))
    ended = timezone.now() - limit
    done = make_run(
        quiz_course,
        age=limit * 3,
        state=DraftRunState.DONE,
        proposed=4,
        message="ok",
        finished_at=ended,
    )
    failed = make_run(
        quiz_course,
        age=limit * 3,
        state=DraftRunState.FAILED,
        message="ValueError: boom",
        finished_at=ended,
    )
    now = timezone.now()
    assert DraftRun.objects.expire_stale(now=now) == 1

    stale.refresh_from_db()
    assert (stale.state, stale.finished_at, stale.proposed) == ("failed", now, 0)
    assert stale.message.startswith("Stopped before the end: still running after 15 minutes")
    recent.refresh_from_db()
    assert (recent.state, recent.finished_at, recent.message) == ("running", None, "")
    done.refresh_from_db()
    assert (done.state, done.finished_at, done.message) == ("done", ended, "ok")
    failed.refresh_from_db()
    assert (failed.state, failed.finished_at) == ("failed", ended)
    assert failed.message == "ValueError: boom"
    # Nothing left to mark: a second pass changes nothing.
    assert DraftRun.objects.expire_stale(now=now) == 0


def test_expiring_is_one_update_at_the_time_limit_of_drafting(
    quiz_course, monkeypatch, django_assert_num_queries
):
    """A single UPDATE (no read, then write, that a run ending meanwhile would undo), with
    drafting's limit by default."""
    monkeypatch.setattr(drafting, "RUN_TIME_LIMIT", timedelta(minutes=2))
    stale = make_run(quiz_course, age=timedelta(minutes=3))
    recent = make_run(quiz_course, age=timedelta(minutes=1))
    with django_assert_num_queries(1) as queries:
        assert DraftRun.objects.expire_stale() == 1
    assert queries.captured_queries[0]["sql"].startswith("UPDATE")
    stale.refresh_from_db()
    recent.refresh_from_db()
    assert (stale.state, recent.state) == ("failed", "running")
    assert "after 2 minutes" in stale.message
    assert stale.finished_at is not None


def test_the_admin_lists_a_run_past_the_limit_as_failed(client, make_user, quiz_course):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    stale = make_run(quiz_course, age=drafting.RUN_TIME_LIMIT + timedelta(seconds=5))
    recent = make_run(quiz_course, age=timedelta(seconds=5))

    response = client.get(reverse("admin:elearning_draftrun_changelist"))
    assert response.status_code == 200
    listed = {run.pk: run.state for run in response.context["cl"].result_list}
    assert listed == {stale.pk: "failed", recent.pk: "running"}
    stale.refresh_from_db()
    assert stale.state == "failed" and stale.finished_at is not None
    assert escape(Truncator(stale.message).chars(90)) in response.content.decode()


def test_a_run_page_shows_a_run_past_the_limit_as_failed(client, make_user, quiz_course):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    stale = make_run(quiz_course, age=drafting.RUN_TIME_LIMIT + timedelta(seconds=5))
    response = client.get(reverse("admin:elearning_draftrun_change", args=[stale.pk]))
    assert response.status_code == 200
    assert response.context["original"].state == "failed"
    assert "Stopped before the end" in response.content.decode()


def test_starting_a_run_ends_those_past_the_limit(monkeypatch, quiz_course, instructor):
    monkeypatch.setattr(drafting.subprocess, "Popen", lambda command, **kwargs: None)
    stale = make_run(quiz_course, age=drafting.RUN_TIME_LIMIT + timedelta(seconds=5))
    run = drafting.start_run(quiz_course, None, instructor)
    stale.refresh_from_db()
    run.refresh_from_db()
    assert (stale.state, run.state) == ("failed", "running")


def test_a_run_that_cannot_start_is_failed_in_the_sites_language(
    monkeypatch, settings, quiz_course, instructor
):
    def cannot_start(command, **kwargs):
        raise OSError("no such file")

    monkeypatch.setattr(drafting.subprocess, "Popen", cannot_start)
    settings.LANGUAGE_CODE = "fr"
    run = drafting.start_run(quiz_course, None, instructor)
    run.refresh_from_db()
    assert run.state == "failed" and run.finished_at is not None
    assert run.message == "Impossible de démarrer : no such file"


@pytest.fixture
def sigterm_caught():
    """SIGTERM recorded by a handler of the test's own rather than ending the test run,
    should the command fail to handle it."""
    received = []

    def record(signum, frame):
        received.append(signum)

    previous = signal.signal(signal.SIGTERM, record)
    yield received, record
    signal.signal(signal.SIGTERM, previous)


def sigterm_while_drafting(course, *, lesson=None, limit=None):
    """Drafting that receives a real SIGTERM (a service stop) half-way."""
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(5)  # the command's handler interrupts this at once
    raise AssertionError("SIGTERM did not stop the drafting")


def test_sigterm_while_drafting_ends_the_run_failed_then_exits(
    monkeypatch, sigterm_caught, quiz_course
):
    received, test_handler = sigterm_caught
    monkeypatch.setattr(command, "draft_course", sigterm_while_drafting)
    run = DraftRun.objects.create(course=quiz_course)

    started = time.monotonic()
    with pytest.raises(BaseException) as stopped:  # anything, even a KeyboardInterrupt
        call_command("draft_questions", quiz_course.slug, "--run", str(run.pk), stdout=StringIO())
    assert time.monotonic() - started < 4
    # It exits with the status a process killed by SIGTERM reports.
    assert stopped.type is SystemExit and stopped.value.code == 128 + signal.SIGTERM
    run.refresh_from_db()
    assert (run.state, run.proposed) == ("failed", 0)
    assert run.finished_at is not None
    assert run.message.startswith("Stopped before the end: its process was asked to stop")
    # The command's handler took the signal, then gave SIGTERM back as it was.
    assert received == []
    assert signal.getsignal(signal.SIGTERM) is test_handler


def test_ctrl_c_while_drafting_ends_the_run_failed(monkeypatch, quiz_course):
    def interrupted(course, *, lesson=None, limit=None):
        raise KeyboardInterrupt

    monkeypatch.setattr(command, "draft_course", interrupted)
    run = DraftRun.objects.create(course=quiz_course)
    with pytest.raises(KeyboardInterrupt):
        call_command("draft_questions", quiz_course.slug, "--run", str(run.pk))
    run.refresh_from_db()
    assert run.state == "failed" and run.finished_at is not None
    assert run.message == command.stopped_message()
