"""Per-page diagnostics, in process: SQL queries per request, view time, and a profile.

Run by ``bench/pages.py`` with the bench environment, or by hand against a database
kept with ``--keep-db`` (the settings then come from the same variables)::

    DJANGO_SETTINGS_MODULE=bench.settings DATABASE_URL=postgres://postgres@127.0.0.1:5432/elearning_bench \
    DJANGO_DEBUG=0 DJANGO_SECRET_KEY=x DJANGO_ALLOWED_HOSTS=127.0.0.1 DJANGO_SECURE_SSL_REDIRECT=0 \
    .venv/bin/python bench/queries.py --sql --profile /dashboard/ /dashboard/ /bench/trivial/

Requests go through Django's test client, hence through the whole middleware stack
(not through gunicorn), logged in as the bench learner. Each URL is requested once to
warm the caches, then its queries are captured on one request and its time is the
median of ``--repeat`` requests. Prints one JSON line per URL (and, with
``--profile URL``, a cProfile of that URL on stderr).
"""

import argparse
import cProfile
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

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from elearning.models import User  # noqa: E402

HOST = "127.0.0.1"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--email", default="learner@bench.invalid")
    parser.add_argument("--repeat", type=int, default=200, help="requests timed per URL")
    parser.add_argument("--sql", action="store_true", help="include each query's SQL")
    parser.add_argument("--profile", metavar="URL", help="cProfile this URL (stderr)")
    args = parser.parse_args()

    client = Client(HTTP_HOST=HOST)
    client.force_login(User.objects.get(email=args.email))
    for url in args.urls:
        first = client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        timings = []
        deadline = time.monotonic() + 30  # bounded, whatever --repeat says
        for _ in range(args.repeat):
            start = time.perf_counter()
            client.get(url)
            timings.append(time.perf_counter() - start)
            if time.monotonic() > deadline:
                break
        result = {
            "url": url,
            "status": response.status_code,
            "first_status": first.status_code,
            "bytes": len(response.content),
            "queries": len(captured),
            "median_ms": round(statistics.median(timings) * 1000, 3),
        }
        if args.sql:
            result["sql"] = [query["sql"] for query in captured.captured_queries]
        print(json.dumps(result), flush=True)

    if args.profile:
        client.get(args.profile)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(100):
            client.get(args.profile)
        profiler.disable()
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).strip_dirs().sort_stats("cumulative")
        out.write(f"cProfile of 100 requests to {args.profile} (test client, in process)\n")
        stats.print_stats(35)
        stats.sort_stats("tottime").print_stats(20)
        print(out.getvalue(), file=sys.stderr)


if __name__ == "__main__":
    main()
