#!/usr/bin/env python
"""Load benchmark of the learner pages, served by gunicorn on PostgreSQL (`make bench`).

Sets up a throw-away PostgreSQL database (``elearning_bench``) with the shipped course
and one learner who has read two lessons and is taking the course's final quiz, serves
the site with gunicorn on 127.0.0.1 with production settings (``DJANGO_DEBUG=0``), logs
the learner in, then loads each of the dashboard, the course page, a lesson page, a
question page of her quiz attempt, the autosave of an answer on that page (a POST), and
two bench-only views (a trivial one, the reference, and the site's bare layout, for
information) with ``wrk`` for a bounded time. Prints requests/s, p50 and p95 latency per
URL, each page's throughput as a ratio of the trivial view's against its target (>= 0.25,
>= 0.20 for the question page, >= 0.15 for the autosave; p95 under 50 ms), the server's
CPU time per request, and, before the load, the SQL queries per page and where a
request's time goes. Every answer must be a 2xx (and
every autosave answer ``{"saved": true}``): one that is not fails the page.

Exit status: 0 when every page meets its target, 1 when one misses it, 2 on a setup
error. gunicorn is stopped and the bench database dropped at the end, even on error
(``--keep-db`` keeps the database). Never part of the test suite; see bench/README.md.
"""

import argparse
import contextlib
import fcntl
import http.client
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass
from datetime import datetime
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "bench"
PYTHON = sys.executable
HOST = "127.0.0.1"

PG_HOST, PG_PORT, PG_USER = "127.0.0.1", 5432, "postgres"
DB_NAME = "elearning_bench"
DATABASE_URL = f"postgres://{PG_USER}@{PG_HOST}:{PG_PORT}/{DB_NAME}"
PG_ADMIN_DSN = f"postgresql://{PG_USER}@{PG_HOST}:{PG_PORT}/postgres"

COURSE_SLUG = "secousses-dans-la-jambe-fasciculations"
TRIVIAL_URL = "/bench/trivial/"  # bench-only reference view (bench/urls.py)
LAYOUT_URL = "/bench/layout/"  # bench-only: the site's layout alone, for information
TARGET_RATIO = 0.25  # a page's throughput / the trivial view's
QUESTION_TARGET_RATIO = 0.20  # the quiz's question page
SAVE_TARGET_RATIO = 0.15  # the quiz's autosave (a POST that writes)
P95_LIMIT_MS = 50  # every judged page's 95th percentile latency, at 8 connections
LOGOUT_FORM = 'action="/accounts/logout/"'  # on every page a logged-in learner sees
SAVED = '{"saved": true}'  # the autosave's answer (JsonResponse({"saved": True}))
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass(frozen=True)
class Target:
    """One URL the benchmark loads: a GET, or a POST of form-encoded ``data``."""

    name: str
    url: str
    target: float | None = TARGET_RATIO  # None: not judged (a bench-only view)
    note: str = ""  # what a bench-only view is for
    data: str | None = None  # the POST's fields, without the CSRF token

    @property
    def method(self):
        return "GET" if self.data is None else "POST"

    def body(self, csrf_token):
        return f"csrfmiddlewaretoken={csrf_token}&{self.data}"


class BenchError(Exception):
    """A setup step failed: the benchmark cannot give figures."""


def log(message=""):
    print(message, flush=True)


# --------------------------------------------------------------------------- tools


def run(cmd, env, timeout, what):
    """Run ``cmd`` to completion (bounded by ``timeout``); return its stdout."""
    try:
        done = subprocess.run(
            cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired as exc:
        raise BenchError(f"{what}: no answer after {timeout} s ({' '.join(cmd)})") from exc
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-25:])
        raise BenchError(f"{what} failed (exit {done.returncode}):\n{tail}")
    return done.stdout


def ensure_wrk():
    if shutil.which("wrk"):
        return
    if os.geteuid() != 0:
        raise BenchError("wrk is missing: install it with `sudo apt-get install wrk`.")
    log("wrk is missing: installing the Debian package.")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run(["apt-get", "update", "-qq"], env, 300, "apt-get update")
    run(["apt-get", "install", "-y", "-qq", "wrk"], env, 300, "apt-get install wrk")
    if not shutil.which("wrk"):
        raise BenchError("wrk is still missing after apt-get install wrk.")


def pg_ready():
    return (
        subprocess.run(
            ["pg_isready", "-q", "-h", PG_HOST, "-p", str(PG_PORT)], timeout=15
        ).returncode
        == 0
    )


def ensure_postgresql():
    if pg_ready():
        return
    versions = sorted(os.listdir("/etc/postgresql"), key=lambda v: [int(p) for p in v.split(".")])
    if not versions:
        raise BenchError(
            f"PostgreSQL is not answering on {PG_HOST}:{PG_PORT} and none is installed."
        )
    log(
        f"PostgreSQL is not answering on {PG_HOST}:{PG_PORT}: starting cluster {versions[-1]}/main."
    )
    run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", versions[-1], "main", "start"],
        os.environ.copy(),
        60,
        "pg_ctlcluster start",
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if pg_ready():
            return
        time.sleep(0.5)
    raise BenchError(f"PostgreSQL did not start answering on {PG_HOST}:{PG_PORT} within 30 s.")


def admin_sql(*statements):
    """Run statements on the server's ``postgres`` database; return the last one's rows."""
    import psycopg

    try:
        with psycopg.connect(PG_ADMIN_DSN, autocommit=True, connect_timeout=10) as conn:
            rows = None
            for statement in statements:
                cursor = conn.execute(statement)
                rows = cursor.fetchall() if cursor.description else None
            return rows
    except psycopg.Error as exc:
        raise BenchError(f"PostgreSQL ({PG_ADMIN_DSN}): {exc}") from exc


@contextlib.contextmanager
def single_run():
    """One benchmark at a time on this machine: they share the database and the CPU."""
    with open(Path(tempfile.gettempdir()) / "elearning-bench.lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise BenchError(
                "Another benchmark is running on this machine; try again later."
            ) from exc
        yield


def recreate_database():
    # The bench owns this database: a previous run's (--keep-db) is replaced.
    admin_sql(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)", f"CREATE DATABASE {DB_NAME}")


def drop_database():
    admin_sql(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


# ------------------------------------------------------------------------ HTTP


def request(port, method, path, headers=None, body=None, timeout=10):
    """One HTTP request to the bench server; returns (status, headers, body text)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.msg, response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def cookies_from(headers, jar):
    for value in headers.get_all("Set-Cookie") or []:
        parsed = SimpleCookie()
        parsed.load(value)
        for name, morsel in parsed.items():
            jar[name] = morsel.value
    return jar


def cookie_header(jar):
    return "; ".join(f"{name}={value}" for name, value in jar.items())


def login(port, email, password):
    """Log the learner in through the login form; return the Cookie header to send."""
    status, headers, body = request(port, "GET", "/accounts/login/")
    if status != 200:
        raise BenchError(f"GET /accounts/login/ answered {status}, expected 200.")
    jar = cookies_from(headers, {})
    match = CSRF_FIELD.search(body)
    if not match or "csrftoken" not in jar:
        raise BenchError("The login page has no CSRF token (form field or cookie).")
    form = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": match.group(1), "username": email, "password": password}
    )
    status, headers, body = request(
        port,
        "POST",
        "/accounts/login/",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie_header(jar),
        },
        body=form,
    )
    cookies_from(headers, jar)
    if status != 302 or "sessionid" not in jar:
        raise BenchError(
            f"Logging in as {email} failed: POST /accounts/login/ answered {status} "
            f"(Location: {headers.get('Location')}), cookies {sorted(jar)}; expected a 302 "
            "with a session cookie."
        )
    return cookie_header(jar)


def post_headers(cookie):
    """The autosave's headers, as quiz.js sends them (the form is form-encoded here)."""
    return {
        "Cookie": cookie,
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Requested-With": "fetch",
    }


def check_target(port, target, cookie, csrf_token=None):
    """Abort unless ``target`` answers 200 to the logged-in learner; return the body.

    A page must be a logged-in page (no redirect to login, a logout form); the autosave
    must answer ``{"saved": true}``.
    """
    if target.method == "POST":
        status, headers, body = request(
            port, "POST", target.url, headers=post_headers(cookie), body=target.body(csrf_token)
        )
    else:
        status, headers, body = request(port, "GET", target.url, headers={"Cookie": cookie})
    what = f"{target.method} {target.url}"
    if status in (301, 302, 303, 307, 308):
        raise BenchError(
            f"{what} answered {status} to {headers.get('Location')} with the session cookie: "
            "the learner is not logged in (or the URL is wrong, or the quiz attempt is over). "
            "No benchmark without a 200."
        )
    if status != 200:
        raise BenchError(
            f"{what} answered {status} with the session cookie, expected 200: {body[:300]}"
        )
    if target.method == "POST":
        if body.strip() != SAVED:
            raise BenchError(f"{what} answered 200 with {body[:300]!r}, expected {SAVED}.")
    elif target.url != TRIVIAL_URL and LOGOUT_FORM not in body:
        raise BenchError(f"{what} answered 200 but not as a logged-in page (no logout form).")
    return body


def check_targets(port, targets, cookie, token_page):
    """Check every target (pages first); return the CSRF token taken from ``token_page``."""
    csrf_token = None
    for target in targets:
        if target.method == "GET":
            body = check_target(port, target, cookie)
            if target.url == token_page:
                match = CSRF_FIELD.search(body)
                if not match:
                    raise BenchError(f"{target.url} has no CSRF token in its form.")
                csrf_token = match.group(1)
    for target in targets:
        if target.method == "POST":
            if csrf_token is None:
                raise BenchError(f"No page gave a CSRF token for POST {target.url}.")
            check_target(port, target, cookie, csrf_token)
    return csrf_token


# ------------------------------------------------------------------ CPU time


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def proc_stat(pid):
    """(process group, CPU seconds used) of a process, from /proc; None once it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as stream:
            fields = stream.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    # fields[0] is field 3 of proc(5): pgrp is field 5, utime 14, stime 15.
    return int(fields[2]), (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def group_cpu(pgid):
    """CPU seconds used by every live process of a process group (gunicorn and workers)."""
    total = 0.0
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            stat = proc_stat(entry)
            if stat and stat[0] == pgid:
                total += stat[1]
    return total


def db_backends_cpu():
    """CPU seconds used by the PostgreSQL backends connected to the bench database, by pid.

    PostgreSQL runs on this machine: its backends' CPU time is read from /proc.
    """
    rows = admin_sql(f"SELECT pid FROM pg_stat_activity WHERE datname = '{DB_NAME}'")
    usage = {}
    for (pid,) in rows or []:
        stat = proc_stat(pid)
        if stat:
            usage[pid] = stat[1]
    return usage


def machine_cpu():
    """(busy, total) CPU seconds of the whole machine since boot, from /proc/stat."""
    with open("/proc/stat") as stream:
        values = [int(v) for v in stream.readline().split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    total = sum(values[:8])  # guest time is already counted in user time
    return (total - idle) / CLOCK_TICKS, total / CLOCK_TICKS


def others_busy(seconds=1.0):
    """Share of the machine's CPU that other processes use, over ``seconds``."""
    busy, total = machine_cpu()
    time.sleep(seconds)
    busy2, total2 = machine_cpu()
    return (busy2 - busy) / (total2 - total) if total2 > total else 0.0


class CpuMeter:
    """CPU seconds spent by gunicorn (all its processes) and by PostgreSQL during a run.

    CPU time per request hardly depends on what else the machine runs, unlike requests/s:
    it tells what a page costs even when the machine is shared.
    """

    def __init__(self, server):
        self.server = server

    def __enter__(self):
        self.app = group_cpu(self.server.proc.pid)
        self.db = db_backends_cpu()
        self.children = os.times().children_user + os.times().children_system
        self.machine = machine_cpu()
        return self

    def __exit__(self, *exc_info):
        self.app = group_cpu(self.server.proc.pid) - self.app
        db_after = db_backends_cpu()
        self.db = sum(cpu - self.db.get(pid, 0.0) for pid, cpu in db_after.items())
        self.load_generator = os.times().children_user + os.times().children_system - self.children
        busy, total = machine_cpu()
        busy, total = busy - self.machine[0], total - self.machine[1]
        # What the rest of the machine used meanwhile: the noise in requests/s.
        others = busy - self.app - self.db - self.load_generator
        self.others_share = max(0.0, others / total) if total > 0 else 0.0


# -------------------------------------------------------------------- gunicorn


class Server:
    """gunicorn serving the site on 127.0.0.1; always stopped by ``stop()``."""

    def __init__(self, port, env, args, logfile):
        self.port = port
        self.logfile = logfile
        self.cmd = [
            PYTHON, "-m", "gunicorn", "config.wsgi",
            "--bind", f"{HOST}:{port}",
            "--workers", str(args.workers),
            "--worker-class", args.worker_class,
            "--threads", str(args.threads),
            "--chdir", str(ROOT),
            "--timeout", "30",
            "--graceful-timeout", "5",
            "--log-level", "warning",
        ]  # fmt: skip
        self.env = env
        self.proc = None

    def start(self):
        with open(self.logfile, "ab") as out:
            # Its own process group, so that stop() reaches the workers too.
            self.proc = subprocess.Popen(
                self.cmd, env=self.env, cwd=ROOT, stdout=out, stderr=out, start_new_session=True
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise BenchError(f"gunicorn exited ({self.proc.returncode}):\n{self.log_tail()}")
            try:
                status, _headers, _body = request(self.port, "GET", "/healthz", timeout=2)
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.25)
        raise BenchError(f"gunicorn did not answer /healthz within 30 s:\n{self.log_tail()}")

    def log_tail(self, lines=30):
        try:
            text = Path(self.logfile).read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.strip().splitlines()[-lines:])

    def stop(self):
        if self.proc is None or self.proc.poll() is not None:
            return
        for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
            try:
                os.killpg(self.proc.pid, sig)  # the group of the gunicorn this bench started
            except ProcessLookupError:
                return
            try:
                self.proc.wait(timeout=wait)
                return
            except subprocess.TimeoutExpired:
                continue


# ------------------------------------------------------------------------- wrk


def wrk_script_args(target, csrf_token):
    """bench/wrk_report.lua's arguments: check every answer; the POST's request."""
    script_args = ["check"]  # every URL, the reference included: each pays the same check
    if target.method == "POST":
        script_args += [
            "method=POST",
            f"body={target.body(csrf_token)}",
            *(
                f"header={name}:{value}"
                for name, value in post_headers("").items()
                if name != "Cookie"
            ),
            f"expect={SAVED}",
        ]
    return script_args


def run_wrk(port, target, cookie, csrf_token, duration, args, server):
    cmd = [
        "wrk",
        f"-t{min(args.wrk_threads, args.connections)}",
        f"-c{args.connections}",
        f"-d{duration}s",
        "--timeout", "10s",
        "--latency",
        "-s", str(BENCH_DIR / "wrk_report.lua"),
        "-H", f"Cookie: {cookie}",
        f"http://{HOST}:{port}{target.url}",
        "--", *wrk_script_args(target, csrf_token),
    ]  # fmt: skip
    what = f"wrk {target.method} {target.url}"
    with CpuMeter(server) as cpu:
        output = run(cmd, os.environ.copy(), duration + 60, what)
    if args.verbose:
        log(output.rstrip())
    for line in output.splitlines():
        if line.startswith("BENCH_RESULT "):
            result = json.loads(line.removeprefix("BENCH_RESULT "))
            break
    else:
        raise BenchError(f"{what} printed no result:\n{output}")
    if not result["checked"]:
        raise BenchError(f"{what}: bench/wrk_report.lua did not check the answers.")
    seconds = result["duration_us"] / 1e6
    result["rps"] = result["requests"] / seconds if seconds else 0.0
    requests = max(result["requests"], 1)
    result["app_cpu_ms"] = cpu.app * 1000 / requests
    result["db_cpu_ms"] = cpu.db * 1000 / requests
    result["wrk_cpu_ms"] = cpu.load_generator * 1000 / requests
    result["others_cpu_share"] = cpu.others_share
    # Socket errors, timeouts, and every answer that is not a 2xx (wrk's own
    # status_errors, above 399, are among them) or lacks the expected body.
    result["errors"] = sum(
        result[key]
        for key in (
            "connect_errors",
            "read_errors",
            "write_errors",
            "timeouts",
            "non2xx",
            "unexpected_body",
        )
    )
    return result


def describe_errors(row):
    parts = [
        f"{row[key]} {label}"
        for key, label in (
            ("non2xx", f"non-2xx (first: {row['first_bad_status']})"),
            ("unexpected_body", "unexpected bodies"),
            ("connect_errors", "connect"),
            ("read_errors", "read"),
            ("write_errors", "write"),
            ("timeouts", "timeouts"),
        )
        if row.get(key)
    ]
    return ", ".join(parts)


def combine(runs):
    """Median over the rounds of one URL (a single round is returned as it is)."""
    keys = ("rps", "p50_us", "p95_us", "app_cpu_ms", "db_cpu_ms", "wrk_cpu_ms", "others_cpu_share")
    out = {key: statistics.median(run[key] for run in runs) for key in keys}
    out["errors"] = sum(run["errors"] for run in runs)
    for key in (
        "non2xx",
        "unexpected_body",
        "connect_errors",
        "read_errors",
        "write_errors",
        "timeouts",
    ):
        out[key] = sum(run[key] for run in runs)
    out["first_bad_status"] = next(
        (run["first_bad_status"] for run in runs if run["first_bad_status"]), 0
    )
    out["requests"] = sum(run["requests"] for run in runs)
    out["all_rps"] = [round(run["rps"], 1) for run in runs]
    return out


# ------------------------------------------------------------------------ main


def parse_args():
    parser = argparse.ArgumentParser(
        description="Load benchmark of the learner pages (gunicorn + PostgreSQL + wrk)."
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds per URL (default 10)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (default 8)")
    parser.add_argument("--wrk-threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--warmup", type=int, default=2, help="unmeasured seconds per URL first")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds; medians kept")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--worker-class", default="sync", help="gunicorn worker class (sync)")
    parser.add_argument("--threads", type=int, default=1, help="gunicorn threads per worker")
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: free)")
    parser.add_argument("--keep-db", action="store_true", help=f"keep the {DB_NAME} database")
    parser.add_argument("--no-queries", action="store_true", help="skip the SQL query counts")
    parser.add_argument("--json", metavar="FILE", help="also write the figures to FILE")
    parser.add_argument("--verbose", action="store_true", help="show wrk's own output")
    args = parser.parse_args()
    for name in ("duration", "connections", "wrk_threads", "rounds", "workers", "threads"):
        if getattr(args, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")
    if args.warmup < 0:
        parser.error("--warmup must be 0 or more")
    return args


def production_env(tmp, database_url, site_url, **more):
    """The environment of a site served as in production (``DJANGO_DEBUG=0``) on
    127.0.0.1 over plain HTTP, with the bench URLconf; ``more``: further variables."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DATABASE_URL=database_url,
        SITE_URL=site_url,
        DJANGO_STATIC_ROOT=str(Path(tmp) / "staticfiles"),
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        PYTHONDONTWRITEBYTECODE="1",
        **more,
    )
    return env


def fresh_database(name, env):
    """A new database ``name`` with the site's tables, static files and shipped course."""
    admin_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", f"CREATE DATABASE {name}")
    manage = [PYTHON, str(ROOT / "manage.py")]
    run([*manage, "migrate", "--noinput"], env, 300, "migrate")
    run([*manage, "collectstatic", "--noinput"], env, 300, "collectstatic")
    return run([*manage, "load_course_content"], env, 120, "load_course_content")


def bench_env(tmp, port, password):
    return production_env(
        tmp, DATABASE_URL, f"http://{HOST}:{port}", BENCH_LEARNER_PASSWORD=password
    )


def print_queries(env, targets):
    """SQL queries per page, and where a request's time goes (bench/queries.py).

    Returns the rows by target name.
    """
    log("== In process (test client, whole middleware stack): queries, and ms per request")
    cmd = [PYTHON, str(BENCH_DIR / "queries.py"), "--repeat", "200"]
    cmd += [target.url for target in targets if target.method == "GET"]
    for target in targets:
        if target.method == "POST":
            cmd += ["--post", target.url, target.data]
    output = run(cmd, env, 420, "query count")
    rows = {}
    for line in output.splitlines():
        if line.startswith("{"):
            row = json.loads(line)
            rows[row["method"], row["url"]] = row
    columns = ("compile", "db", "orm", "template", "auth", "other", "cpu", "wall")
    header = f"   {'page':<10} {'queries':>7} " + " ".join(f"{c:>8}" for c in columns)
    log(header)
    by_name = {}
    for target in targets:
        row = by_name[target.name] = rows[target.method, target.url]
        what = f"{target.method} {target.url}"
        if row["status"] != 200:
            raise BenchError(f"{what} answered {row['status']} in process, expected 200.")
        if target.method == "POST" and row["body"].strip() != SAVED:
            raise BenchError(f"{what} answered {row['body']!r} in process, expected {SAVED}.")
        log(
            f"   {target.name:<10} {row['queries']:>7} "
            + " ".join(f"{row[f'{c}_ms']:>8.2f}" for c in columns)
        )
    log(
        "   (compile: querysets to SQL; db: waiting for PostgreSQL; orm: building querysets and\n"
        "   model instances; template: rendering; auth: session and user; medians, see queries.py)"
    )
    return by_name


def print_table(targets, results):
    """The throughput table; returns each target's verdict and the names that failed.

    A page fails below its target ratio, with a p95 at or above ``P95_LIMIT_MS``, or with
    any error; a bench-only view (the reference, the layout) fails the run only with errors.
    """
    trivial_rps = results["trivial"]["rps"]
    header = (
        f"{'page':<10} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'ratio':>6} {'target':>7}  result"
    )
    log(header)
    log("-" * len(header))
    verdicts, failed = {}, []
    for target in targets:
        row = results[target.name]
        ratio = row["rps"] / trivial_rps if trivial_rps else 0.0
        row["ratio"] = ratio
        errors = f"{row['errors']} errors: {describe_errors(row)}" if row["errors"] else ""
        if target.target is None:
            verdict = target.note + (f", FAIL ({errors})" if errors else "")
        elif errors:
            verdict = f"FAIL ({errors})"
        elif row["p95_us"] / 1000 >= P95_LIMIT_MS:
            verdict = f"FAIL (p95 at or above {P95_LIMIT_MS} ms)"
        else:
            verdict = "PASS" if ratio >= target.target else "FAIL"
        if "FAIL" in verdict:
            failed.append(target.name)
        verdicts[target.name] = verdict
        wanted = "-" if target.target is None else f">={target.target:.2f}"
        log(
            f"{target.name:<10} {row['rps']:>8.1f} {row['p50_us'] / 1000:>8.2f} "
            f"{row['p95_us'] / 1000:>8.2f} {ratio:>6.2f} {wanted:>7}  {verdict}"
        )
    return verdicts, failed


def print_cpu_table(targets, results):
    """CPU time per request: what each page costs, whatever else the machine runs."""
    trivial = results["trivial"]
    trivial_cpu = trivial["app_cpu_ms"] + trivial["db_cpu_ms"]
    log("CPU time per request, in ms (server = gunicorn + PostgreSQL; wrk: the load generator)")
    header = f"{'page':<10} {'gunicorn':>8} {'postgres':>8} {'server':>8} {'ratio':>6} {'wrk':>6}"
    log(header)
    log("-" * len(header))
    for target in targets:
        row = results[target.name]
        server_cpu = row["app_cpu_ms"] + row["db_cpu_ms"]
        row["cpu_ratio"] = trivial_cpu / server_cpu if server_cpu else 0.0
        log(
            f"{target.name:<10} {row['app_cpu_ms']:>8.2f} {row['db_cpu_ms']:>8.2f} "
            f"{server_cpu:>8.2f} {row['cpu_ratio']:>6.2f} {row['wrk_cpu_ms']:>6.2f}"
        )
    log(
        "(ratio = the trivial view's server CPU per request / the page's: the throughput ratio\n"
        " the pages would reach on a machine running nothing else, wrk aside)"
    )


def main():
    args = parse_args()
    try:
        import django  # noqa: F401
        import psycopg  # noqa: F401
    except ImportError:
        log("Run the benchmark with the project's virtualenv: `make bench`.")
        return 2

    # SIGTERM (a CI timeout, kill) unwinds through the finally blocks like Ctrl-C.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    started = datetime.now().astimezone()
    port = args.port or free_port()
    password = secrets.token_urlsafe(24)
    tmp = tempfile.mkdtemp(prefix="elearning-bench-")
    env = bench_env(tmp, port, password)
    server = None
    database_created = False
    exit_status = 2
    lock = contextlib.ExitStack()
    try:
        lock.enter_context(single_run())
        ensure_wrk()
        ensure_postgresql()
        pg_version = admin_sql("SHOW server_version")[0][0]
        log(f"== Setting up database {DB_NAME} (PostgreSQL {pg_version})")
        recreate_database()
        database_created = True
        manage = [PYTHON, str(ROOT / "manage.py")]
        run([*manage, "migrate", "--noinput"], env, 300, "migrate")
        run([*manage, "collectstatic", "--noinput"], env, 300, "collectstatic")
        log("   " + run([*manage, "load_course_content"], env, 120, "load_course_content").strip())
        seeded = json.loads(
            run([PYTHON, str(BENCH_DIR / "seed.py")], env, 120, "seed").strip().splitlines()[-1]
        )
        log(f"   learner {seeded['email']}, lessons done: {', '.join(seeded['done'])}")
        quiz = seeded["quiz"]
        log(
            f"   final quiz {quiz['quiz']} in progress: attempt {quiz['attempt']}, "
            f"{quiz['questions']} questions, {quiz['time_limit_minutes']} min + an accommodation "
            f"of {quiz['extra_minutes']} min (deadline {quiz['deadline']}); question "
            f"{quiz['position']}: {quiz['kind']}, {quiz['choices']} choices"
        )

        course_url = f"/courses/{COURSE_SLUG}/"
        question_url = f"{course_url}quiz/attempts/{quiz['attempt']}/questions/{quiz['position']}/"
        targets = [
            Target("trivial", TRIVIAL_URL, target=None, note="reference (bench-only view)"),
            Target("layout", LAYOUT_URL, target=None, note="info (bench-only view)"),
            Target("dashboard", "/dashboard/"),
            Target("course", course_url),
            Target("lesson", f"{course_url}lessons/{seeded['lesson']}/"),
            Target("question", question_url, target=QUESTION_TARGET_RATIO),
            Target(
                "save",
                question_url,
                target=SAVE_TARGET_RATIO,
                data=f"answer={quiz['answer']}&action=save",
            ),
        ]
        for target in targets:
            extra = f" ({target.data} + CSRF token, autosave)" if target.data else ""
            log(f"   {target.name:<10} {target.method:<4} {target.url}{extra}")
        queries = {} if args.no_queries else print_queries(env, targets)

        log(
            f"== gunicorn on {HOST}:{port}: {args.workers} worker(s), class {args.worker_class}, "
            f"{args.threads} thread(s); DJANGO_DEBUG=0, PostgreSQL"
        )
        server = Server(port, env, args, str(Path(tmp) / "gunicorn.log"))
        server.start()
        cookie = login(port, seeded["email"], password)
        csrf_token = check_targets(port, targets, cookie, question_url)
        log(
            f"   logged in as {seeded['email']}; every URL answers 200 with the session cookie "
            f"(the autosave: {SAVED})"
        )

        busy = others_busy()
        log(
            f"== wrk: {args.connections} connections, {min(args.wrk_threads, args.connections)} "
            f"thread(s), {args.duration} s per URL x {args.rounds} round(s), "
            f"{args.warmup} s warm-up (cores: {os.cpu_count()}; other processes use "
            f"{busy:.0%} of the CPU)"
        )
        if busy > 0.15:
            log(
                f"   WARNING: the machine is busy ({busy:.0%} of its CPU used by other processes): "
                "requests/s will be noisy; CPU time per request (below) much less so."
            )
        if args.warmup:
            for target in targets:
                run_wrk(port, target, cookie, csrf_token, args.warmup, args, server)
        runs = {target.name: [] for target in targets}
        for round_number in range(args.rounds):
            for target in targets:
                result = run_wrk(port, target, cookie, csrf_token, args.duration, args, server)
                runs[target.name].append(result)
                errors = f" ({describe_errors(result)})" if result["errors"] else ""
                log(
                    f"   round {round_number + 1}, {target.name:<10} {result['rps']:>8.1f} req/s, "
                    f"{result['requests']:>6} requests, {result['errors']} errors{errors}; other "
                    f"processes used {result['others_cpu_share']:.0%} of the CPU meanwhile"
                )
        # Still logged in after the load, still a 200 everywhere, the attempt still open.
        check_targets(port, targets, cookie, question_url)
        results = {name: combine(name_runs) for name, name_runs in runs.items()}

        log()
        others = max(row["others_cpu_share"] for row in results.values())
        log(
            f"== Results ({started:%Y-%m-%d %H:%M %Z}, {platform.node()}, {os.cpu_count()} cores; "
            f"other processes used up to {others:.0%} of the CPU during the runs)"
        )
        verdicts, failed = print_table(targets, results)
        log()
        print_cpu_table(targets, results)
        log()
        if failed:
            log(
                f"FAIL: {', '.join(failed)} below its target ratio to the trivial view's "
                f"throughput, at a p95 of {P95_LIMIT_MS} ms or more, or with errors."
            )
        else:
            log(
                "PASS: every page at or above its target ratio to the trivial view's throughput "
                f"({TARGET_RATIO}; the question page {QUESTION_TARGET_RATIO}, the autosave "
                f"{SAVE_TARGET_RATIO}), p95 under {P95_LIMIT_MS} ms, without errors."
            )
        if args.json:
            report = {
                "date": started.isoformat(timespec="seconds"),
                "cores": os.cpu_count(),
                "postgresql": pg_version,
                "gunicorn": {
                    "workers": args.workers,
                    "worker_class": args.worker_class,
                    "threads": args.threads,
                },
                "wrk": {
                    "connections": args.connections,
                    "threads": min(args.wrk_threads, args.connections),
                    "duration": args.duration,
                    "rounds": args.rounds,
                },
                "quiz": quiz,
                "pages": {
                    target.name: {
                        **results[target.name],
                        "method": target.method,
                        "url": target.url,
                        "target_ratio": target.target,
                        "verdict": verdicts[target.name],
                    }
                    | ({"in_process": queries[target.name]} if target.name in queries else {})
                    for target in targets
                },
            }
            Path(args.json).parent.mkdir(parents=True, exist_ok=True)
            Path(args.json).write_text(json.dumps(report, indent=2) + "\n")
            log(f"Figures written to {args.json}")
        exit_status = 1 if failed else 0
    except BenchError as exc:
        log(f"\nbench: ERROR: {exc}")
        if server is not None and server.log_tail():
            log(f"gunicorn log (last lines):\n{server.log_tail()}")
    except KeyboardInterrupt:
        log("\nbench: interrupted.")
        exit_status = 130
    except SystemExit as exc:  # SIGTERM
        log("\nbench: terminated.")
        exit_status = exc.code
    finally:
        if server is not None:
            server.stop()
        if database_created:
            if args.keep_db:
                log(f"Kept database {DATABASE_URL} (--keep-db).")
            else:
                try:
                    drop_database()
                except Exception as exc:  # the cleanup must not hide the run's own error
                    log(f"bench: could not drop {DB_NAME}: {exc}")
        shutil.rmtree(tmp, ignore_errors=True)
        lock.close()
    return exit_status


if __name__ == "__main__":
    sys.exit(main())
