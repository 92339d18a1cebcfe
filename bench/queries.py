"""Per-page diagnostics, in process: SQL queries, where the time goes, and a profile.

Run by ``bench/pages.py`` with the bench environment, or by hand against a database
kept with ``--keep-db``, with the same settings (see bench/README.md)::

    .venv/bin/python bench/queries.py --sql --profile /dashboard/ /dashboard/ /bench/trivial/
    .venv/bin/python bench/queries.py --post URL "answer=12&action=save" --profile-post

Requests go through Django's test client, hence through the whole middleware stack
(not through gunicorn), logged in as the bench learner, with the CSRF checks enforced.
``--post URL DATA`` (repeatable) also times a form-encoded POST of DATA to URL, sent as
the quiz pages' autosave sends it (header ``X-Requested-With: fetch``), with the CSRF
token in the form; it must answer 200 and JSON. Each URL is requested once to
warm the caches, then its queries are captured on one request, then ``--repeat``
requests are timed (bounded to 30 s per URL) and split, per request, into:

- ``compile_ms``: CPU time turning querysets into SQL (``SQLCompiler.as_sql``);
- ``db_ms``: wall time in ``cursor.execute`` (PostgreSQL's work and the round trip);
- ``orm_ms``: CPU time building querysets (filter, annotate, chaining) and turning
  rows into model instances;
- ``template_ms``: CPU time rendering templates;
- ``auth_ms``: CPU time checking the session and loading the user (its query aside);
- ``other_ms``: the rest of the CPU time: middleware, view code, the test client.

Each moment counts once, in the innermost category: a query compiled while a template
renders counts as ``compile``, not ``template``.

Medians over the requests. Prints one JSON line per URL, GETs first, then POSTs (and,
with ``--profile URL`` or ``--profile-post``, a cProfile of that GET or of the first
POST on stderr).
"""

import argparse
import cProfile
import functools
import io
import json
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django

django.setup()

from django.contrib import auth  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.backends.utils import CursorWrapper  # noqa: E402
from django.db.models.query import QuerySet  # noqa: E402
from django.db.models.sql.compiler import SQLCompiler  # noqa: E402
from django.template.base import Template  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from elearning.models import User  # noqa: E402

HOST = "127.0.0.1"
CATEGORIES = ("compile", "db", "orm", "template", "auth")


class Breakdown:
    """Splits a request's time into categories, each counted once (exclusive time).

    The innermost category running owns the time: a query compiled while a template
    renders counts as ``compile``, not ``template``. ``db`` is wall time (waiting for
    PostgreSQL); the other categories are this thread's CPU time.
    """

    def __init__(self):
        self.stack = []
        self.reset()
        self.mark_cpu = self.mark_wall = 0.0

    def reset(self):
        self.cpu = dict.fromkeys(CATEGORIES, 0.0)
        self.wall = dict.fromkeys(CATEGORIES, 0.0)

    def _charge(self):
        cpu, wall = time.thread_time(), time.perf_counter()
        if self.stack:
            self.cpu[self.stack[-1]] += cpu - self.mark_cpu
            self.wall[self.stack[-1]] += wall - self.mark_wall
        self.mark_cpu, self.mark_wall = cpu, wall

    def wrap(self, cls, name, label):
        original = getattr(cls, name)
        meter = self

        @functools.wraps(original)
        def measured(*args, **kwargs):
            if label in meter.stack:  # nested (a subquery's compiler): already counted
                return original(*args, **kwargs)
            meter._charge()
            meter.stack.append(label)
            try:
                return original(*args, **kwargs)
            finally:
                meter._charge()
                meter.stack.pop()

        setattr(cls, name, measured)

    def install(self):
        self.wrap(SQLCompiler, "as_sql", "compile")
        self.wrap(CursorWrapper, "execute", "db")
        self.wrap(Template, "render", "template")
        # Building querysets, and turning rows into model instances.
        for name in ("_chain", "_filter_or_exclude_inplace", "_annotate", "_fetch_all"):
            self.wrap(QuerySet, name, "orm")
        # The session cookie's check and the user's loading (AuthenticationMiddleware).
        self.wrap(auth, "get_user", "auth")

    def measure(self, fn):
        """Run ``fn`` once; return its total CPU, wall and per-category times, in ms."""
        self.reset()
        cpu, wall = time.thread_time(), time.perf_counter()
        fn()
        cpu, wall = time.thread_time() - cpu, time.perf_counter() - wall
        result = {
            "compile_ms": self.cpu["compile"] * 1000,
            "db_ms": self.wall["db"] * 1000,
            "orm_ms": self.cpu["orm"] * 1000,
            "template_ms": self.cpu["template"] * 1000,
            "auth_ms": self.cpu["auth"] * 1000,
            "other_ms": (cpu - sum(self.cpu.values())) * 1000,
            "cpu_ms": cpu * 1000,
            "wall_ms": wall * 1000,
        }
        return result


def post_data(client, data):
    """The POST's form-encoded body, with the CSRF token the page's form would carry."""
    if "csrftoken" not in client.cookies:
        raise SystemExit("No CSRF cookie: the POST's URL must be a page with a form (GET first).")
    return f"csrfmiddlewaretoken={client.cookies['csrftoken'].value}&{data}"


def poster(client, url, data):
    """A function that sends the autosave POST, as quiz.js sends it (form-encoded here)."""
    body = post_data(client, data)

    def send():
        return client.post(
            url,
            body,
            content_type="application/x-www-form-urlencoded",
            headers={"X-Requested-With": "fetch"},
        )

    return send


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("urls", nargs="*")
    parser.add_argument(
        "--post",
        nargs=2,
        action="append",
        default=[],
        metavar=("URL", "DATA"),
        help="also time a form-encoded POST of DATA (without the CSRF token) to URL",
    )
    parser.add_argument("--email", default="learner@bench.invalid")
    parser.add_argument("--repeat", type=int, default=200, help="requests timed per URL")
    parser.add_argument("--sql", action="store_true", help="include each query's SQL")
    parser.add_argument("--profile", metavar="URL", help="cProfile this URL (stderr)")
    parser.add_argument(
        "--profile-post", action="store_true", help="cProfile the first --post (stderr)"
    )
    args = parser.parse_args()
    if not args.urls and not args.post:
        parser.error("give at least one URL or --post URL DATA")

    client = Client(HTTP_HOST=HOST, enforce_csrf_checks=True)
    client.force_login(User.objects.get(email=args.email))
    meter = Breakdown()
    meter.install()
    requests = [("GET", url, lambda url=url: client.get(url)) for url in args.urls]
    for url, data in args.post:
        client.get(url)  # the page the POST comes from: it sets the CSRF cookie
        requests.append(("POST", url, poster(client, url, data)))
    for method, url, send in requests:
        first = send()
        with CaptureQueriesContext(connection) as captured:
            response = send()
        # Read now: the next request resets the connection's query log.
        sql = [query["sql"] for query in captured.captured_queries]
        samples = []
        deadline = time.monotonic() + 30  # bounded, whatever --repeat says
        for _ in range(args.repeat):
            samples.append(meter.measure(send))
            if time.monotonic() > deadline:
                break
        result = {
            "method": method,
            "url": url,
            "status": response.status_code,
            "first_status": first.status_code,
            "bytes": len(response.content),
            "queries": len(sql),
            "requests_timed": len(samples),
        }
        for key in samples[0]:
            result[key] = round(statistics.median(sample[key] for sample in samples), 3)
        result["median_ms"] = result["wall_ms"]
        if method == "POST":
            result["content_type"] = response.get("Content-Type", "")
            result["body"] = response.content.decode("utf-8", "replace")[:200]
        if args.sql:
            result["sql"] = sql
        print(json.dumps(result), flush=True)

    profiled = None
    if args.profile:
        profiled = (f"GET {args.profile}", lambda: client.get(args.profile))
    elif args.profile_post and args.post:
        url, data = args.post[0]
        profiled = (f"POST {url} ({data})", poster(client, url, data))
    if profiled:
        label, send = profiled
        send()
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(100):
            send()
        profiler.disable()
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).strip_dirs().sort_stats("cumulative")
        out.write(f"cProfile of 100 requests: {label} (test client, in process)\n")
        stats.print_stats(40)
        stats.sort_stats("tottime").print_stats(25)
        print(out.getvalue(), file=sys.stderr)


if __name__ == "__main__":
    main()
