"""Backing up the site's database and restoring a backup into an empty one, with each
database's own tool: SQLite's online backup API (what ``sqlite3 db.sqlite3 ".backup FILE"``
runs: a consistent copy of a live database, WAL included, while learners keep writing),
and PostgreSQL's ``pg_dump --format=custom`` and ``pg_restore``. ``docs/backups.md`` gives
the same steps as plain commands.

A backup is one file in ``settings.BACKUP_DIR`` (``ELEARNING_BACKUP_DIR``), named by the
time it was made: ``elearning-20261201-031500.sqlite3`` or ``.dump``. Restoring refuses a
database that already has tables: a restore goes into an empty database, never over one.
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

SUFFIXES = {"sqlite": ".sqlite3", "postgresql": ".dump"}


class BackupError(Exception):
    """Why a backup or a restore could not be made, in words for the operator."""


def _vendor(using):
    vendor = connections[using].vendor
    if vendor not in SUFFIXES:
        raise BackupError(f"Backups handle SQLite and PostgreSQL, not {vendor}.")
    return vendor


def _postgres(using, program):
    """``program``'s path and the environment naming the database (libpq's PG* variables:
    the password never appears on a command line)."""
    path = shutil.which(program)
    if path is None:
        raise BackupError(
            f"{program} is not installed (Debian: apt-get install postgresql-client)."
        )
    params = connections[using].settings_dict
    env = {**os.environ}
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
    ):
        if params.get(key):
            env[variable] = str(params[key])
    return path, params["NAME"], env


def _run(command, env):
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        raise BackupError(done.stderr.strip() or f"{command[0]} failed ({done.returncode}).")


def backup(directory=None, *, using=DEFAULT_DB_ALIAS, now=None):
    """A backup of the database ``using`` in ``directory`` (``settings.BACKUP_DIR`` by
    default, created if missing); returns the file's path."""
    vendor = _vendor(using)
    directory = Path(directory or settings.BACKUP_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    stamp = f"{(now or timezone.now()):%Y%m%d-%H%M%S}"
    target = directory / f"elearning-{stamp}{SUFFIXES[vendor]}"
    if target.exists():
        raise BackupError(f"{target} already exists.")
    partial = target.with_name(target.name + ".partial")  # never a half-written backup
    try:
        if vendor == "sqlite":
            connection = connections[using]
            connection.ensure_connection()
            with sqlite3.connect(partial) as copy:
                connection.connection.backup(copy)
            copy.close()
        else:
            pg_dump, name, env = _postgres(using, "pg_dump")
            options = ["--format=custom", "--no-owner", "--no-privileges"]
            _run([pg_dump, *options, "--file", partial, "--dbname", name], env)
        partial.rename(target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def restore(path, *, using=DEFAULT_DB_ALIAS):
    """Restore the backup at ``path`` into the database ``using``, which must be empty
    (a new SQLite file, a database just made by ``createdb``)."""
    vendor = _vendor(using)
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"No backup at {path}.")
    connection = connections[using]
    tables = connection.introspection.table_names()
    if tables:
        raise BackupError(
            f"The database {connection.settings_dict['NAME']} is not empty ({len(tables)} "
            "tables): restore into a new, empty database."
        )
    if vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as source:
            try:
                source.backup(connection.connection)
            except sqlite3.DatabaseError as error:
                raise BackupError(f"{path} is not an SQLite backup: {error}.") from None
        source.close()
    else:
        pg_restore, name, env = _postgres(using, "pg_restore")
        options = ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
        _run([pg_restore, *options, "--dbname", name, path], env)
