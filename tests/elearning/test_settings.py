"""Settings from the environment, security headers in production, health and SQLite tuning.

Production settings are read once at start-up, so these tests start a fresh Python
process with the environment a school would set, and read what it reports.
"""

import json
import os
import re
import subprocess
import sys
import textwrap

import pytest
from django.conf import settings

PRODUCTION_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "x7Kq2v9Lr4Tz8Pw1Nc6Hy3Bm5Jd0Fs7Gu2Ea9Qo4Wi1Xt6Rl3Vn8Yk5Cp0Mh2Zb",
    "DJANGO_ALLOWED_HOSTS": "formation.example.org,testserver",
    "SITE_URL": "https://formation.example.org",
}


def run_django(code, env=None, tmp_path=None, timeout=120):
    """Run ``code`` in a new Python process with Django set up under ``env``."""
    base_env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "PYTHONPATH": str(settings.BASE_DIR),
    }
    if tmp_path is not None:
        base_env["SQLITE_PATH"] = str(tmp_path / "db.sqlite3")
    script = "import django\ndjango.setup()\n" + textwrap.dedent(code)
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env={**base_env, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_check_deploy_reports_no_warning_in_production(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env={"PATH": os.environ["PATH"], "SQLITE_PATH": str(tmp_path / "db"), **PRODUCTION_ENV},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (2 silenced)." in result.stdout


def test_production_without_a_secret_key_refuses_to_start(tmp_path):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DJANGO_SECRET_KEY"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env={"PATH": os.environ["PATH"], "SQLITE_PATH": str(tmp_path / "db"), **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


PROBE = """
import json
from django.core.management import call_command
from django.test import Client
from elearning.models import User

call_command("migrate", verbosity=0)
call_command("collectstatic", interactive=False, verbosity=0)
User.objects.create_user(email="lea@example.com", password="correct-horse-battery",
                         first_name="Léa", last_name="Durand")
client = Client()
plain = client.get("/", HTTP_HOST="formation.example.org")
health = client.get("/healthz", HTTP_HOST="formation.example.org")
secure = client.get("/", HTTP_HOST="formation.example.org", secure=True)
login = client.post("/accounts/login/", {"username": "lea@example.com",
                    "password": "correct-horse-battery"}, HTTP_HOST="formation.example.org",
                    secure=True)
from django.templatetags.static import static
css_url = static("vendor/bootstrap/bootstrap.site.css")
css = {encoding: client.get(css_url, HTTP_HOST="formation.example.org", secure=True,
                            HTTP_ACCEPT_ENCODING=encoding)
       for encoding in ("gzip", "br")}
offline = {path: client.get(path, HTTP_HOST="formation.example.org", secure=True)
           for path in ("/sw.js", "/manifest.webmanifest")}
print(json.dumps({
    "offline": {path: {"status": r.status_code, "body": r.content.decode()[:2000]}
                for path, r in offline.items()},
    "css_url": css_url,
    "css": {encoding: {"status": r.status_code, "encoding": r.get("Content-Encoding"),
                       "cache": r.get("Cache-Control")} for encoding, r in css.items()},
    "plain_status": plain.status_code,
    "plain_location": plain.get("Location"),
    "health_status": health.status_code,
    "health_body": health.json(),
    "secure_status": secure.status_code,
    "headers": {name: secure.get(name) for name in (
        "Content-Security-Policy", "Strict-Transport-Security", "X-Frame-Options",
        "Referrer-Policy", "Cross-Origin-Opener-Policy", "X-Content-Type-Options")},
    "cookies": {name: {"secure": bool(morsel["secure"]), "httponly": bool(morsel["httponly"])}
                for name, morsel in login.cookies.items()},
    "login_status": login.status_code,
}))
"""


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("prod")
    env = {**PRODUCTION_ENV, "DJANGO_STATIC_ROOT": str(tmp_path / "static")}
    result = run_django(PROBE, env, tmp_path)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_plain_http_is_redirected_to_https_except_the_health_check(production):
    assert production["plain_status"] == 301
    assert production["plain_location"] == "https://formation.example.org/"
    assert production["health_status"] == 200
    assert production["health_body"] == {"status": "ok", "database": "ok"}


def test_static_files_are_compressed_and_cached_for_good_in_production(production):
    """collectstatic names each file by its content's hash and writes gzip and Brotli copies
    (whitenoise's CompressedManifestStaticFilesStorage); whitenoise serves the hashed names
    with a cache that never expires, so a phone downloads the site's CSS once per release."""
    assert re.fullmatch(
        r"/static/vendor/bootstrap/bootstrap\.site\.[0-9a-f]{12}\.css", production["css_url"]
    )
    for encoding, expected in (("gzip", "gzip"), ("br", "br")):
        response = production["css"][encoding]
        assert response["status"] == 200
        assert response["encoding"] == expected
        assert "immutable" in response["cache"] and "max-age=315360000" in response["cache"]


def test_the_service_worker_and_the_manifest_are_served_in_production(production):
    """With hashed static names (collectstatic's manifest), offline reading's service worker
    still knows where static files live, and the manifest names its hashed icons."""
    worker = production["offline"]["/sw.js"]
    assert worker["status"] == 200
    assert 'const STATIC_PREFIX = "/static/";' in worker["body"]
    manifest = production["offline"]["/manifest.webmanifest"]
    assert manifest["status"] == 200
    assert re.search(r"/static/elearning/icons/icon-192\.[0-9a-f]{12}\.png", manifest["body"])


def test_security_headers_in_production(production):
    headers = production["headers"]
    csp = headers["Content-Security-Policy"]
    directives = {}
    for part in filter(None, (part.strip() for part in csp.split(";"))):
        name, _, value = part.partition(" ")
        directives[name] = value
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert directives["frame-ancestors"] == "'none'"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Strict-Transport-Security"] == "max-age=31536000"


def test_cookies_are_secure_in_production(production):
    assert production["login_status"] == 302
    cookies = production["cookies"]
    assert {"sessionid", "csrftoken", "django_language"} <= set(cookies)
    assert all(cookie["secure"] for cookie in cookies.values())
    assert cookies["sessionid"]["httponly"]


def test_health_check_answers_503_when_the_database_is_down():
    code = """
    from django.test import Client
    response = Client().get("/healthz", HTTP_HOST="127.0.0.1")
    print(response.status_code, response.json()["status"])
    """
    result = run_django(code, {"DATABASE_URL": "postgres://postgres@127.0.0.1:1/absent"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["503", "error"]


def test_database_url_selects_postgresql():
    code = """
    from django.conf import settings
    db = settings.DATABASES["default"]
    print(db["ENGINE"], db["NAME"], db["HOST"], db["PORT"])
    """
    result = run_django(code, {"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/ecole"})
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "ecole",
        "127.0.0.1",
        "5432",
    ]


SQLITE_PROBE = """
import threading
from django.core.management import call_command
from django.db import connection, transaction
from elearning.models import Course, Lesson, User
from elearning.progress import mark_lesson_done

call_command("migrate", verbosity=0)
with connection.cursor() as cursor:
    cursor.execute("PRAGMA journal_mode")
    journal = cursor.fetchone()[0]
    cursor.execute("PRAGMA busy_timeout")
    busy = cursor.fetchone()[0]
course = Course.objects.create(title="C", slug="c", is_published=True)
lessons = [Lesson.objects.create(course=course, title=f"L{i}", slug=f"l{i}", position=i, body="x")
           for i in range(5)]
learners = [User.objects.create_user(email=f"l{i}@example.com", first_name="L", last_name="D")
            for i in range(8)]
connection.close()
errors = []

def work(learner):
    try:
        for lesson in lessons:
            mark_lesson_done(learner, lesson)
    except Exception as exc:
        errors.append(repr(exc))
    finally:
        connection.close()

threads = [threading.Thread(target=work, args=(learner,)) for learner in learners]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join(60)
from elearning.models import LessonProgress
print(journal, busy, connection.settings_dict["OPTIONS"]["transaction_mode"],
      LessonProgress.objects.count(), len(errors), errors[:1])
"""


def test_sqlite_is_tuned_for_a_class_writing_at_once(tmp_path):
    result = run_django(SQLITE_PROBE, {}, tmp_path)
    assert result.returncode == 0, result.stderr
    journal, busy, mode, rows, errors = result.stdout.split()[:5]
    assert journal == "wal"
    assert int(busy) >= 5000
    assert mode == "IMMEDIATE"
    assert (rows, errors) == ("40", "0")


def test_a_sqlite_database_url_is_sqlite_tuned_not_given_postgresql_options(tmp_path):
    """DATABASE_URL=sqlite:///... is a SQLite database like SQLITE_PATH's (it once crashed
    on PostgreSQL's prepared-statement options)."""
    result = run_django(SQLITE_PROBE, {"DATABASE_URL": f"sqlite:///{tmp_path / 'url.sqlite3'}"})
    assert result.returncode == 0, result.stderr
    journal, busy, mode, rows, errors = result.stdout.split()[:5]
    assert (journal, mode, rows, errors) == ("wal", "IMMEDIATE", "40", "0")
    assert int(busy) >= 5000
    assert (tmp_path / "url.sqlite3").exists()


def test_postgresql_connections_keep_repeated_queries_prepared_unless_turned_off():
    code = """
        from django.conf import settings
        options = settings.DATABASES["default"].get("OPTIONS", {})
        print(options.get("server_side_binding"), options.get("prepare_threshold"))
    """
    url = {"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/ecole"}
    result = run_django(code, url)
    assert result.stdout.split() == ["True", "5"], result.stderr
    # Behind PgBouncer in transaction mode: Django's defaults (no prepared statements).
    result = run_django(code, {**url, "DJANGO_DB_PREPARED": "0"})
    assert result.stdout.split() == ["None", "None"], result.stderr
