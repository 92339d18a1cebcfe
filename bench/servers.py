#!/usr/bin/env python
"""Two app servers behaving as one site (issue 16, part 7): `bench/servers.py`.

Sets up a throw-away PostgreSQL database (``elearning_servers``) with the shipped course,
the bench learner (``bench/seed.py``: two lessons read, the final quiz in progress) and an
instructor, and starts two gunicorn servers on two ports of 127.0.0.1 against that one
database and one Redis (``REDIS_URL``, database 9 by default, emptied before and after),
with production settings (``DJANGO_DEBUG=0``). Then it checks, one step after the other,
that the two behave as one site:

1. the learner logs in on server A, and her session opens her pages on server B;
2. she saves an answer of her quiz attempt on B, and A's question page shows it chosen;
3. the instructor edits the lesson she is reading in the admin on A (her body gets a
   sentence), after B has served that lesson (and cached its text): B's next answer has
   the new sentence;
4. a wrong password five times on A (``AXES_FAILURE_LIMIT``) locks the account: the right
   password on B is refused too, with the lockout page.

Prints each step with what it saw; exit status 0 when all four hold, 1 when one does not,
2 on a setup error. The servers are stopped, the database dropped and the Redis database
emptied at the end, even on error. Never part of the test suite; see bench/README.md.
"""

import argparse
import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import sys
import tempfile
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.pages import (
    BENCH_DIR,
    COURSE_SLUG,
    CSRF_FIELD,
    HOST,
    PG_HOST,
    PG_PORT,
    PG_USER,
    PYTHON,
    ROOT,
    BenchError,
    Server,
    admin_sql,
    cookie_header,
    cookies_from,
    ensure_postgresql,
    free_port,
    fresh_database,
    log,
    login,
    production_env,
    request,
    run,
    single_run,
)

DB_NAME = "elearning_servers"
DATABASE_URL = f"postgres://{PG_USER}@{PG_HOST}:{PG_PORT}/{DB_NAME}"
INSTRUCTOR = "instructor@bench.invalid"
ADDED = "Phrase ajoutée sur le serveur A par une instructrice."

CREATE_INSTRUCTOR = """
import os
from django.contrib.auth.models import Group
from elearning.models import User
user = User.objects.create_user(
    os.environ["BENCH_INSTRUCTOR_EMAIL"], os.environ["BENCH_INSTRUCTOR_PASSWORD"],
    first_name="Inès", last_name="Tructrice", is_staff=True,
)
user.groups.add(Group.objects.get(name="Instructors"))
"""

LESSON_ID = """
from elearning.models import Lesson
import os
lesson = Lesson.objects.get(
    course__slug=os.environ["BENCH_COURSE"], slug=os.environ["BENCH_LESSON"]
)
print(lesson.pk)
"""


class Failed(Exception):
    """A step whose check does not hold."""


class FormFields(HTMLParser):
    """The fields a browser would send with the form whose id is ``form_id``: inputs
    (checkboxes and radios only when checked), the selected options, the textareas."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.fields = form_id, False, []
        self.select, self.textarea, self.text = None, None, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("id") == self.form_id
        if not self.inside:
            return
        name = a.get("name")
        if tag == "input" and name and a.get("type", "text") not in ("submit", "button", "file"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields.append((name, a.get("value", "on" if a.get("type") == "checkbox" else "")))
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in a:
            self.fields.append((self.select, a.get("value", "")))
        elif tag == "textarea" and name:
            self.textarea, self.text = name, []

    def handle_data(self, data):
        if self.textarea:
            self.text.append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea:
            text = "".join(self.text)
            self.fields.append((self.textarea, text[1:] if text.startswith("\n") else text))
            self.textarea = None


def flush_redis(redis_url):
    import redis

    redis.Redis.from_url(redis_url, socket_timeout=5).flushdb()


def get(port, path, cookie):
    status, headers, body = request(port, "GET", path, headers={"Cookie": cookie})
    return status, headers, body


def post_form(port, path, cookie, fields):
    jar = dict(part.split("=", 1) for part in cookie.split("; "))
    return request(
        port,
        "POST",
        path,
        headers={
            "Cookie": cookie,
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"http://{HOST}:{port}{path}",
            "X-CSRFToken": jar.get("csrftoken", ""),
        },
        body=urllib.parse.urlencode(fields),
    )


def step(number, text):
    log(f"== {number}. {text}")


def check(condition, seen):
    if not condition:
        raise Failed(seen)
    log(f"   ok: {seen}")


def chosen(body, answer):
    """Whether the question page shows `answer` as the chosen choice."""
    for tag in re.findall(r"<input[^>]*>", body):
        if f'value="{answer}"' in tag and re.search(r"\bchecked\b", tag):
            return True
    return False


def scenario(a, b, seeded, password, instructor_password, lesson_pk):
    course = f"/courses/{COURSE_SLUG}/"
    lesson_url = f"{course}lessons/{seeded['lesson']}/"
    quiz = seeded["quiz"]
    question_url = f"{course}quiz/attempts/{quiz['attempt']}/questions/{quiz['position']}/"

    step(1, f"the learner logs in on A (:{a}); her session opens her pages on B (:{b})")
    cookie = login(a, seeded["email"], password)
    status, _h, body = get(b, "/dashboard/", cookie)
    check(status == 200 and "/accounts/logout/" in body, f"B: GET /dashboard/ -> {status}")

    step(2, "she saves an answer on B; A's question page shows it chosen")
    status, _h, body = get(b, question_url, cookie)
    check(status == 200, f"B: GET {question_url} -> {status}")
    token = CSRF_FIELD.search(body).group(1)
    choices = re.findall(r'<input[^>]*name="answer"[^>]*value="(\d+)"', body)
    answer = next((c for c in choices if not chosen(body, c)), None)
    check(answer is not None, f"B: choices {choices}, {answer} not chosen yet")
    status, _h, body = request(
        b,
        "POST",
        question_url,
        headers={
            "Cookie": cookie,
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Requested-With": "fetch",
        },
        body=urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token, "answer": answer, "action": "save"}
        ),
    )
    check(status == 200 and '"saved": true' in body, f"B: autosave -> {status} {body.strip()}")
    status, _h, body = get(a, question_url, cookie)
    check(
        status == 200 and chosen(body, answer),
        f"A: GET {question_url} -> {status}, choice {answer} chosen",
    )

    step(3, "the instructor edits the lesson on A; B's next answer has the edit")
    status, _h, body = get(b, lesson_url, cookie)
    check(status == 200 and ADDED not in body, f"B: GET {lesson_url} -> {status}, before the edit")
    staff = login(a, INSTRUCTOR, instructor_password)
    change = f"/admin/elearning/lesson/{lesson_pk}/change/"
    status, _h, body = get(a, change, staff)
    check(status == 200, f"A: GET {change} -> {status} (the instructor's admin)")
    parser = FormFields("lesson_form")
    parser.feed(body)
    fields = [(name, value) for name, value in parser.fields if name != "body"]
    original = dict(parser.fields).get("body", "")
    check(bool(original), f"A: the change form has the lesson's body ({len(original)} characters)")
    fields += [("body", f"{original.rstrip()}\n\n{ADDED}\n"), ("_save", "Enregistrer")]
    status, headers, body = post_form(a, change, staff, fields)
    errors = re.findall(r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', body, re.S)
    check(status == 302, f"A: POST {change} -> {status} {headers.get('Location') or errors[:2]}")
    status, _h, body = get(b, lesson_url, cookie)
    check(status == 200 and ADDED in body, f"B: GET {lesson_url} -> {status}, with the sentence")

    step(4, "five wrong passwords on A lock the account: the right one is refused on B too")
    for attempt in range(1, 6):
        status, headers, body = request(a, "GET", "/accounts/login/")
        jar = cookies_from(headers, {})
        form = {
            "csrfmiddlewaretoken": CSRF_FIELD.search(body).group(1),
            "username": seeded["email"],
            "password": f"not-her-password-{attempt}",
        }
        status, _h, _b = post_form(a, "/accounts/login/", cookie_header(jar), form)
        log(f"   A: wrong password {attempt} -> {status}")
    status, headers, body = request(b, "GET", "/accounts/login/")
    jar = cookies_from(headers, {})
    form = {
        "csrfmiddlewaretoken": CSRF_FIELD.search(body).group(1),
        "username": seeded["email"],
        "password": password,
    }
    status, headers, body = post_form(b, "/accounts/login/", cookie_header(jar), form)
    jar = cookies_from(headers, jar)
    check(
        status not in (200, 302) and "sessionid" not in jar,
        f"B: the right password -> {status}, no session (locked out)",
    )


def parse_args():
    parser = argparse.ArgumentParser(
        description="Two gunicorn servers, one PostgreSQL, one Redis: one site (issue 16)."
    )
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9"),
        help="the Redis database both servers share; emptied before and after (default db 9)",
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server")
    return parser.parse_args()


def main():
    args = parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    tmp = tempfile.mkdtemp(prefix="elearning-servers-")
    ports = free_port(), free_port()
    site = f"http://{HOST}:{ports[0]}"
    env = production_env(tmp, DATABASE_URL, site, REDIS_URL=args.redis_url)
    env["DJANGO_SETTINGS_MODULE"] = "config.settings"  # the project's URLs only
    password, instructor_password = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
    servers, created, status = [], False, 2
    try:
        with contextlib.ExitStack() as stack:
            stack.enter_context(single_run())
            ensure_postgresql()
            flush_redis(args.redis_url)
            log(f"== Setting up database {DB_NAME} and Redis {args.redis_url}")
            created = True
            fresh_database(DB_NAME, env)
            manage = [PYTHON, str(ROOT / "manage.py")]
            seed_env = dict(env, BENCH_LEARNER_PASSWORD=password)
            seeded = json.loads(
                run([PYTHON, str(BENCH_DIR / "seed.py")], seed_env, 120, "seed").splitlines()[-1]
            )
            staff_env = dict(env, BENCH_INSTRUCTOR_EMAIL=INSTRUCTOR)
            staff_env["BENCH_INSTRUCTOR_PASSWORD"] = instructor_password
            shell = [*manage, "shell", "--no-imports", "-c", CREATE_INSTRUCTOR]
            run(shell, staff_env, 60, "instructor")
            lesson_env = dict(env, BENCH_COURSE=COURSE_SLUG, BENCH_LESSON=seeded["lesson"])
            shell = [*manage, "shell", "--no-imports", "-c", LESSON_ID]
            lesson_pk = int(run(shell, lesson_env, 60, "lesson").split()[-1])
            options = SimpleNamespace(workers=args.workers, worker_class="sync", threads=1)
            for name, port in zip("AB", ports, strict=True):
                server = Server(port, env, options, str(Path(tmp) / f"gunicorn-{name}.log"))
                servers.append(server)
                server.start()
                log(f"   server {name}: gunicorn on {HOST}:{port}, {args.workers} workers")
            try:
                scenario(*ports, seeded, password, instructor_password, lesson_pk)
            except Failed as failed:
                log(f"   FAILED: {failed}")
                status = 1
            else:
                log("== The two servers behave as one site.")
                status = 0
    except BenchError as error:
        log(f"Setup failed: {error}")
        status = 2
    finally:
        for server in servers:
            server.stop()
        if created:
            with contextlib.suppress(BenchError):
                admin_sql(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        with contextlib.suppress(Exception):
            flush_redis(args.redis_url)
        shutil.rmtree(tmp, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
