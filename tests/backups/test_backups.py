"""A backup restores: made with ``backup_database``, restored with ``restore_database`` into an
EMPTY database (a new SQLite file; a new PostgreSQL database on the PostgreSQL pass), read
by a fresh process of the site, it holds the same learners, attempts, answers and
certificates, and each certificate still verifies on the public page."""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from backups.database import BackupError, backup, restore
from elearning.models import Certificate
from tests.elearning.flows import read_all_lessons, take_final

from .restored import snapshot

# The backup tools read what other connections see: committed data.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def school(client, make_user, quiz_course):
    """Two learners who completed the course (certificates), one after a failed attempt."""
    for first_name, failed in (("Alice", 1), ("Bérénice", 0)):
        learner = make_user(first_name=first_name, last_name="Dupont")
        client.force_login(learner)
        read_all_lessons(client, quiz_course)
        for _ in range(failed):
            take_final(client, quiz_course, right_answers=1)
        take_final(client, quiz_course)
    assert Certificate.objects.count() == 2


def site(command, *, fails=False, **environment):
    """``manage.py command…`` in a new process of the site, on the database ``environment``
    names (no Redis: nothing read from a cache)."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in ("DATABASE_URL", "SQLITE_PATH", "REDIS_URL")
    }
    env.update(environment, DJANGO_ALLOWED_HOSTS="testserver", PYTHONPATH=str(settings.BASE_DIR))
    done = subprocess.run(
        [sys.executable, "manage.py", *command],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (done.returncode != 0) is fails, done.stderr[-2000:]
    return done.stderr if fails else done.stdout


READ = "from tests.backups.restored import snapshot; print(snapshot())"


def restored_snapshot(path, **environment):
    site(["restore_database", str(path)], **environment)
    return site(["shell", "--no-imports", "-c", READ], **environment).strip()


def test_a_sqlite_backup_restores_into_a_new_file(school, tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite pass")
    before = snapshot()
    path = Path(call_command("backup_database", "--output-dir", str(tmp_path)).strip())
    assert path.suffix == ".sqlite3" and path.parent == tmp_path
    target = tmp_path / "restored.sqlite3"
    assert not target.exists()
    assert restored_snapshot(path, SQLITE_PATH=str(target)) == before
    assert '"verifies": true' in before and '"verifies": false' not in before


def postgres_url(name):
    params = connection.settings_dict
    password = f":{quote(params['PASSWORD'], safe='')}" if params.get("PASSWORD") else ""
    host = params.get("HOST") or "localhost"
    port = f":{params['PORT']}" if params.get("PORT") else ""
    return f"postgres://{quote(params['USER'], safe='')}{password}@{host}{port}/{name}"


def test_a_postgresql_backup_restores_into_a_new_database(school, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the PostgreSQL pass")
    before = snapshot()
    path = Path(call_command("backup_database", "--output-dir", str(tmp_path)).strip())
    assert path.suffix == ".dump"
    name = f"{connection.settings_dict['NAME']}_restored"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        assert restored_snapshot(path, DATABASE_URL=postgres_url(name)) == before
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    assert '"verifies": true' in before and '"verifies": false' not in before


def test_a_restore_never_goes_over_a_database(school, tmp_path):
    path = backup(tmp_path)
    with pytest.raises(BackupError, match="not empty"):
        restore(path)
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore_database", str(path))
    assert Certificate.objects.count() == 2


def test_a_missing_or_foreign_file_is_refused(tmp_path):
    with pytest.raises(CommandError, match="No backup"):
        call_command("restore_database", str(tmp_path / "missing.dump"))
    foreign = tmp_path / "notes.txt"
    foreign.write_text("not a backup")
    target = tmp_path / "new.sqlite3"
    said = site(["restore_database", str(foreign)], fails=True, SQLITE_PATH=str(target))
    assert "is not an SQLite backup" in said
