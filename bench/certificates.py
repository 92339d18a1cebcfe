#!/usr/bin/env python
"""Benchmark of the certificate PDF (`make bench`, never part of the tests).

In one warm process, with production settings (``DJANGO_DEBUG=0``) on a throw-away
SQLite database: the median time to render one certificate PDF and to render 100, then
the same through the download view (``/certificates/<code>/pdf/``, Django's test
client, the whole middleware stack, logged in as the certificate's learner). The
target: under 30 ms for one PDF (a bare ReportLab A4 page with DejaVu Sans and a QR
code takes about 22 ms on this machine). Exit status 0 when both medians for one PDF
are under the target, 1 otherwise.
"""

import argparse
import os
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 30.0


def configure(tmp):
    sys.path.insert(0, str(ROOT))
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="testserver",
        DJANGO_SECURE_SSL_REDIRECT="0",
        SQLITE_PATH=str(Path(tmp) / "bench.sqlite3"),
        SITE_URL="https://formation.example.org",
        DJANGO_STATIC_ROOT=str(Path(tmp) / "static"),  # whitenoise wants it to exist
    )
    (Path(tmp) / "static").mkdir()
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()


def seed():
    """A learner who completed a course, and her certificate."""
    from django.core.management import call_command
    from django.utils import timezone

    from elearning import completion
    from elearning.models import Course, Enrolment, User

    call_command("migrate", verbosity=0)
    learner = User.objects.create_user(
        email="learner@bench.invalid",
        password=secrets.token_urlsafe(16),
        first_name="Nguyễn Thị",
        last_name="Thảo",
    )
    course = Course.objects.create(
        title="Secousses dans la jambe (fasciculations)",
        slug="secousses-dans-la-jambe-fasciculations",
        is_published=True,
    )
    Enrolment.objects.create(
        learner=learner, course=course, completed_at=timezone.now(), completion_percent=86
    )
    return learner, completion.issue_certificate(learner, course)


def timed(fn, repeat):
    """Wall times in ms of ``repeat`` calls of ``fn``."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def batch(fn, size, repeat):
    """Wall times in ms of ``repeat`` batches of ``size`` calls of ``fn``."""
    return timed(lambda: [fn() for _ in range(size)], repeat)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50, help="single renders timed (50)")
    parser.add_argument("--batches", type=int, default=3, help="batches of 100 timed (3)")
    args = parser.parse_args()
    if args.repeat < 1 or args.batches < 1:
        parser.error("--repeat and --batches must be at least 1")

    with tempfile.TemporaryDirectory(prefix="elearning-bench-cert-") as tmp:
        configure(tmp)
        from django.test import Client
        from django.urls import reverse

        from elearning.certificate_views import certificate_content
        from elearning.certificates import render_certificate

        learner, certificate = seed()
        content = certificate_content(certificate)
        client = Client()
        client.force_login(learner)
        url = reverse("certificate_pdf", args=[certificate.display_code])

        def render():
            return render_certificate(content)

        def download():
            response = client.get(url)
            if response.status_code != 200 or not response.content.startswith(b"%PDF"):
                raise SystemExit(f"GET {url} answered {response.status_code}, not a PDF")
            return response

        size = len(render())
        download()  # warm: fonts registered, URLconf and templates loaded
        for _ in range(5):
            render()
            download()
        rows = [
            ("render one", statistics.median(timed(render, args.repeat)), TARGET_MS),
            ("render 100", statistics.median(batch(render, 100, args.batches)), None),
            ("download one (view)", statistics.median(timed(download, args.repeat)), TARGET_MS),
            ("download 100 (view)", statistics.median(batch(download, 100, args.batches)), None),
        ]

    print(f"Certificate PDF ({size / 1024:.0f} KB), warm process, DJANGO_DEBUG=0; medians")
    print(f"{'what':<22} {'ms':>9}  target")
    failed = False
    for name, ms, target in rows:
        verdict = ""
        if target is not None:
            ok = ms < target
            failed |= not ok
            verdict = f"< {target:.0f} ms: {'PASS' if ok else 'FAIL'}"
        else:
            verdict = f"({ms / 100:.1f} ms each)"
        print(f"{name:<22} {ms:>9.1f}  {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
