#!/usr/bin/env python
"""The morning of the exam (issue 16, part 8): a class signs in, reads, does a checkpoint,
then takes the final quiz all at once, against gunicorn, PostgreSQL and Redis.

Locust (headless, as a library, on 127.0.0.1 only, bounded in time) plays ``--learners``
learners (300) on the shipped course, served by gunicorn with production settings
(``DJANGO_DEBUG=0``) on a throw-away PostgreSQL database (``elearning_load``) and one Redis
database (``--redis-url``, emptied before and after). Each learner:

1. signs in (the login form: the site's password hasher, the login lockout's bookkeeping),
   at a moment spread over ``--ramp`` seconds, as a class arriving;
2. opens her dashboard and the course page, reads the first lesson, marks it done (which
   opens its checkpoint), checks every answer of the checkpoint and finishes it;
3. waits for the exam: when every learner is ready (or ``--exam-at`` seconds have passed),
   the whole class starts the final quiz within ``--exam-spread`` seconds (30: a room
   clicking "Commencer" when told to);
4. answers the 15 questions one page after the other, every answer autosaved as quiz.js
   does, then opens the summary and submits.

Think times are compressed (seconds where a learner takes minutes), so that the load is
several times what a real class makes, in a bounded time. Then, with no think time and
``--saturation`` seconds each, 16 users load the trivial view (``/bench/trivial/``, the same
gunicorn) and then a learner's question page: their throughput ratio is printed beside
``bench/pages.py``'s.

Prints requests per second and p50/p95/p99 per kind of request, the error count (must be
0), the answers lost (every answer whose autosave said ``{"saved": true}`` must be in the
database afterwards: must be 0) and the ratio. Targets: p95 under 200 ms for every kind,
0 errors, 0 answers lost. Exit status 0 when they are met, 1 when not, 2 on a setup error.
Never part of the test suite; see bench/README.md.
"""

from gevent import monkey

monkey.patch_all()  # before anything opens a socket: Locust's users are greenlets

import argparse  # noqa: E402
import contextlib  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import secrets  # noqa: E402
import shutil  # noqa: E402
import signal  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from types import SimpleNamespace  # noqa: E402

import gevent  # noqa: E402
from gevent.event import Event  # noqa: E402
from locust import HttpUser, constant, task  # noqa: E402
from locust.env import Environment  # noqa: E402
from locust.exception import StopUser  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.pages import (  # noqa: E402
    BENCH_DIR,
    HOST,
    PG_HOST,
    PG_PORT,
    PG_USER,
    PYTHON,
    ROOT,
    TRIVIAL_URL,
    BenchError,
    Server,
    admin_sql,
    ensure_postgresql,
    free_port,
    fresh_database,
    log,
    production_env,
    run,
    single_run,
)

DB_NAME = "elearning_load"
DATABASE_URL = f"postgres://{PG_USER}@{PG_HOST}:{PG_PORT}/{DB_NAME}"
P95_LIMIT_MS = 200
SATURATING = 16  # users with no think time, for the throughput ratio
CHOICE = re.compile(r'<input[^>]*type="(radio|checkbox)"[^>]*name="answer"[^>]*value="(\d+)"')
QUESTION = re.compile(r"^(.*/attempts/(\d+))/questions/(\d+)/")
GOTO = re.compile(r'value="goto-(\d+)"')
START = re.compile(r'action="([^"]+/start/)"')

# The answers each autosave said it saved: {(attempt id, position): [choice ids]}
SAVED = {}


def choices_of(body):
    found = CHOICE.findall(body)
    return found[0][0] if found else None, [int(value) for _kind, value in found]


class Plan:
    """What every learner shares: the course, the accounts, the exam's moment."""

    def __init__(self, seeded, password, args):
        self.course = seeded["course"]
        self.lesson = seeded["lessons"][0]["url"]
        self.final_quiz = seeded["final_quiz"]
        self.password = password
        self.accounts = list(seeded["emails"][:-1])  # the last one: the throughput ratio's
        self.learners = args.learners
        self.ramp = args.ramp
        self.reading = (5.0, 10.0)  # seconds on a page before the next click
        self.think = (args.think_min, args.think_max)  # seconds per question
        self.exam = Event()
        self.exam_at = time.monotonic() + args.exam_at
        self.exam_spread = args.exam_spread
        self.ready = self.finished = 0
        self.stopped = []

    def arrive(self):
        self.ready += 1
        if self.ready >= self.learners:
            self.exam.set()


class Learner(HttpUser):
    wait_time = constant(0)
    plan = None  # set by main()

    def request(self, method, path, name, data=None, headers=None):
        """One request, redirects not followed (each is a kind of its own); the cookies
        the site sets Secure are kept for the next requests over plain HTTP on
        127.0.0.1 (the bench has no TLS; the settings stay production's)."""
        if data is not None:
            data = {"csrfmiddlewaretoken": self.client.cookies.get("csrftoken", ""), **data}
        with self.client.request(
            method,
            path,
            name=name,
            data=data,
            headers=headers,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code >= 400 or response.status_code == 0:
                response.failure(f"{response.status_code}")
            else:
                response.success()
        for cookie in self.client.cookies:
            cookie.secure = False
        return response

    def post(self, path, name, data):
        return self.request("POST", path, name, data)

    def follow(self, response, name):
        """GET where a POST redirected; the learner stops at an unexpected answer."""
        location = response.headers.get("Location")
        if response.status_code not in (301, 302, 303) or not location:
            self.plan.stopped.append(
                f"{response.request.method} {response.url}: {response.status_code}"
            )
            raise StopUser()
        return self.request("GET", location.split("#")[0], name)

    @task
    def morning(self):
        """Her morning, once; anything unexpected stops her (counted), never repeats it."""
        try:
            self.journey()
        except StopUser:
            raise
        except Exception as error:  # a bench counts it rather than dies
            self.plan.stopped.append(f"{type(error).__name__}: {error}")
        raise StopUser()

    def journey(self):
        plan = self.plan
        if not plan.accounts:
            raise StopUser()
        email = plan.accounts.pop()
        gevent.sleep(random.uniform(0, plan.ramp))
        self.request("GET", "/accounts/login/", "login page")
        signed = self.post(
            "/accounts/login/", "sign in", {"username": email, "password": plan.password}
        )
        if signed.status_code != 302:
            plan.stopped.append(f"sign in {email}: {signed.status_code}")
            raise StopUser()
        self.request("GET", "/dashboard/", "dashboard")
        self.request("GET", plan.course, "course page")
        lesson = plan.lesson
        gevent.sleep(random.uniform(*plan.reading))
        self.request("GET", lesson, "lesson")
        gevent.sleep(random.uniform(*plan.reading))
        checkpoint = self.follow(self.post(f"{lesson}done/", "lesson done", {}), "checkpoint page")
        start = START.search(checkpoint.text)
        if start:
            page = self.follow(
                self.post(start.group(1), "checkpoint start", {}), "checkpoint question"
            )
            self.checkpoint(page)
        plan.arrive()
        plan.exam.wait(timeout=max(0.0, plan.exam_at - time.monotonic()))
        plan.exam.set()
        gevent.sleep(random.uniform(0, plan.exam_spread))
        self.final_quiz()
        plan.finished += 1

    def checkpoint(self, page):
        """Every answer checked (immediate feedback), moving on, then the one-button finish."""
        for _guard in range(3 * 20):
            url = path_of(page.url)
            if 'value="finish"' in page.text:
                self.follow(self.post(url, "checkpoint finish", {"action": "finish"}), "results")
                return
            if 'value="check"' in page.text:
                _kind, choices = choices_of(page.text)
                gevent.sleep(random.uniform(*self.plan.think))
                data = {"answer": random.choice(choices), "action": "check"}
                page = self.follow(self.post(url, "checkpoint check", data), "checkpoint question")
            elif 'value="next"' in page.text:
                page = self.follow(
                    self.post(url, "checkpoint next", {"action": "next"}), "checkpoint question"
                )
            else:
                return

    def final_quiz(self):
        plan = self.plan
        quiz = f"{plan.course}quiz/{plan.final_quiz}/"
        self.request("GET", quiz, "final quiz page")
        page = self.follow(self.post(f"{quiz}start/", "final start", {}), "final question")
        match = QUESTION.search(path_of(page.url))
        if not match:
            plan.stopped.append(f"final start: {page.url}")
            raise StopUser()
        attempt, base = int(match.group(2)), match.group(1)
        count = max(map(int, GOTO.findall(page.text)), default=1)
        for position in range(1, count + 1):
            url = f"{base}/questions/{position}/"
            if position > 1:
                page = self.request("GET", url, "final question")
            kind, choices = choices_of(page.text)
            if not choices:
                continue
            several = kind == "checkbox" and len(choices) > 2
            picked = sorted(random.sample(choices, 2) if several else [random.choice(choices)])
            gevent.sleep(random.uniform(*plan.think))
            saved = self.request(
                "POST",
                url,
                "final autosave",
                {"answer": picked, "action": "save"},
                headers={"X-Requested-With": "fetch"},
            )
            if saved.status_code == 200 and '"saved": true' in saved.text:
                SAVED[(attempt, position)] = picked
        self.request("GET", f"{base}/summary/", "final summary")
        self.follow(self.post(f"{base}/summary/", "final submit", {}), "final results")


class Saturating(HttpUser):
    """No think time: one URL as fast as the server answers (the throughput ratio)."""

    wait_time = constant(0)
    url = TRIVIAL_URL
    cookies = {}

    def on_start(self):
        for name, value in self.cookies.items():
            self.client.cookies.set(name, value)

    @task
    def load(self):
        self.client.get(self.url, name=self.url, allow_redirects=False)


def path_of(url):
    return "/" + url.split("://", 1)[-1].split("/", 1)[-1].split("#")[0]


LOST = """
import json, os
from quiz.models import Response
saved = json.loads(open(os.environ["BENCH_SAVED"]).read())
found = {
    (r.attempt_id, r.position): sorted(r.selected)
    for r in Response.objects.filter(attempt_id__in={a for a, _p, _s in saved})
}
lost = [s for s in saved if found.get((s[0], s[1])) != sorted(s[2])]
print(json.dumps({"saved": len(saved), "lost": len(lost), "examples": lost[:5]}))
"""


def answers_lost(env, tmp):
    """Every answer an autosave said it saved, looked up in the database."""
    path = Path(tmp) / "saved.json"
    path.write_text(json.dumps([[a, p, s] for (a, p), s in SAVED.items()]))
    shell = [PYTHON, str(ROOT / "manage.py"), "shell", "--no-imports", "-c", LOST]
    return json.loads(
        run(shell, dict(env, BENCH_SAVED=str(path)), 120, "answers lost").splitlines()[-1]
    )


def percentile(entry, fraction):
    return entry.get_response_time_percentile(fraction) if entry.num_requests else 0


def print_stats(stats, seconds):
    log(
        f"{'kind of request':<22} {'count':>6} {'req/s':>7} "
        + " ".join(f"{title:>6}" for title in ("p50", "p95", "p99", "errors"))
    )
    worst = 0
    for (name, _method), entry in sorted(stats.entries.items(), key=lambda kv: kv[0][0]):
        p95 = percentile(entry, 0.95)
        worst = max(worst, p95)
        log(
            f"{name:<22} {entry.num_requests:>6} {entry.num_requests / seconds:>7.1f} "
            f"{percentile(entry, 0.5):>6.0f} {p95:>6.0f} {percentile(entry, 0.99):>6.0f} "
            f"{entry.num_failures:>6}"
        )
    total = stats.total
    log(
        f"{'all':<22} {total.num_requests:>6} {total.num_requests / seconds:>7.1f} "
        f"{percentile(total, 0.5):>6.0f} {percentile(total, 0.95):>6.0f} "
        f"{percentile(total, 0.99):>6.0f} {total.num_failures:>6}   (ms)"
    )
    return worst, total.num_failures


def reference_pages(host, seeded, password):
    """The learner pages whose throughput is compared with the trivial view's: her
    dashboard, the course page, a lesson and a question of her final-quiz attempt, with the
    cookies of a learner the class run did not use."""
    import requests

    session = requests.Session()

    def plain():  # the Secure cookies sent over plain HTTP on 127.0.0.1
        for cookie in session.cookies:
            cookie.secure = False

    session.get(f"{host}/accounts/login/")
    plain()
    token = session.cookies.get("csrftoken")
    session.post(
        f"{host}/accounts/login/",
        data={"csrfmiddlewaretoken": token, "username": seeded["emails"][-1], "password": password},
        allow_redirects=False,
    )
    plain()
    cookies = {cookie.name: cookie.value for cookie in session.cookies}
    if "sessionid" not in cookies:
        raise BenchError("The throughput ratio's learner could not sign in.")
    quiz = f"{seeded['course']}quiz/{seeded['final_quiz']}/"
    started = session.post(
        f"{host}{quiz}start/",
        data={"csrfmiddlewaretoken": session.cookies.get("csrftoken")},
        allow_redirects=False,
    )
    question = path_of(started.headers.get("Location", ""))
    if "/questions/" not in question:
        raise BenchError(f"The throughput ratio's attempt did not start: {started.status_code}")
    return [
        ("dashboard", "/dashboard/", cookies),
        ("course page", seeded["course"], cookies),
        ("lesson", seeded["lessons"][0]["url"], cookies),
        ("question page", question, cookies),
    ]


def saturate(host, url, cookies, users, seconds):
    """Requests per second of `url` with `users` users and no think time."""
    user = type("Saturated", (Saturating,), {"url": url, "cookies": cookies, "host": host})
    environment = Environment(user_classes=[user], host=host)
    runner = environment.create_local_runner()
    runner.start(users, spawn_rate=users)
    gevent.sleep(1)  # warm-up, not counted
    environment.stats.reset_all()
    began = time.monotonic()
    gevent.sleep(seconds)
    runner.quit()
    entry = environment.stats.total
    return entry.num_requests / (time.monotonic() - began), entry.num_failures


def parse_args():
    parser = argparse.ArgumentParser(description="A class taking the final quiz at once.")
    parser.add_argument("--learners", type=int, default=300)
    parser.add_argument("--ramp", type=float, default=120, help="seconds over which they sign in")
    parser.add_argument("--exam-at", type=float, default=240, help="latest start of the exam (s)")
    parser.add_argument("--exam-spread", type=float, default=30, help="seconds to click Start")
    parser.add_argument("--think-min", type=float, default=4, help="seconds per question, least")
    parser.add_argument("--think-max", type=float, default=8, help="seconds per question, most")
    parser.add_argument("--limit", type=float, default=600, help="the class run's bound (s)")
    parser.add_argument("--saturation", type=float, default=10, help="seconds per URL")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/10")
    return parser.parse_args()


def main():
    args = parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    tmp = tempfile.mkdtemp(prefix="elearning-load-")
    port = free_port()
    host = f"http://{HOST}:{port}"
    password = secrets.token_urlsafe(24)
    env = production_env(tmp, DATABASE_URL, host, REDIS_URL=args.redis_url)
    server, created, status = None, False, 2
    try:
        with contextlib.ExitStack() as stack:
            stack.enter_context(single_run())
            ensure_postgresql()
            import redis

            redis.Redis.from_url(args.redis_url, socket_timeout=5).flushdb()
            log(f"== Setting up {DB_NAME} (PostgreSQL), Redis {args.redis_url}")
            created = True
            fresh_database(DB_NAME, env)
            seed_env = dict(
                env, BENCH_CLASS_SIZE=str(args.learners + 1), BENCH_LEARNER_PASSWORD=password
            )
            seeded = json.loads(
                run([PYTHON, str(BENCH_DIR / "class_seed.py")], seed_env, 300, "seed").splitlines()[
                    -1
                ]
            )
            options = SimpleNamespace(workers=args.workers, worker_class="sync", threads=1)
            server = Server(port, env, options, str(Path(tmp) / "gunicorn.log"))
            server.start()
            log(f"   gunicorn on {host}: {args.workers} sync workers; DJANGO_DEBUG=0")

            Learner.plan = plan = Plan(seeded, password, args)
            environment = Environment(user_classes=[Learner], host=host)
            runner = environment.create_local_runner()
            log(
                f"== The class: {args.learners} learners sign in over {args.ramp:.0f} s, read, "
                f"do a checkpoint; the final quiz at once (at the latest {args.exam_at:.0f} s), "
                f"{args.think_min:.0f}-{args.think_max:.0f} s per question"
            )
            began = time.monotonic()
            runner.start(args.learners, spawn_rate=args.learners)
            while time.monotonic() - began < args.limit:
                gevent.sleep(2)
                if plan.finished + len(plan.stopped) >= args.learners and runner.user_count == 0:
                    break
            runner.quit()
            seconds = time.monotonic() - began
            log(
                f"   {plan.finished} of {args.learners} submitted the final quiz in {seconds:.0f} s"
            )
            for reason in plan.stopped[:10]:
                log(f"   stopped: {reason}")
            worst, errors = print_stats(environment.stats, seconds)

            lost = answers_lost(env, tmp)
            log(f"== Answers autosaved: {lost['saved']}; lost: {lost['lost']} {lost['examples']}")

            log(f"== Throughput: {SATURATING} users, no think time, {args.saturation:.0f} s each")
            pages = reference_pages(host, seeded, password)
            trivial, trivial_errors = saturate(host, TRIVIAL_URL, {}, SATURATING, args.saturation)
            log(f"   {'trivial view':<16} {trivial:>6.0f} req/s   (the reference)")
            for name, url, cookies in pages:
                rate, failed = saturate(host, url, cookies, SATURATING, args.saturation)
                trivial_errors += failed
                log(f"   {name:<16} {rate:>6.0f} req/s   ratio {rate / trivial:.2f}")
            status = 0
            missed = []
            if worst >= P95_LIMIT_MS:
                missed.append(f"a p95 of {worst:.0f} ms (target under {P95_LIMIT_MS})")
            if errors or trivial_errors:
                missed.append(f"{errors + trivial_errors} errors")
            if lost["lost"]:
                missed.append(f"{lost['lost']} answers lost")
            if plan.finished < args.learners:
                missed.append(f"{args.learners - plan.finished} learners did not finish")
            if missed:
                log("Targets missed: " + "; ".join(missed))
                status = 1
            else:
                log("Targets met: every p95 under 200 ms, no error, no answer lost.")
    except BenchError as error:
        log(f"Setup failed: {error}")
        status = 2
    finally:
        if server is not None:
            server.stop()
        if created:
            with contextlib.suppress(BenchError):
                admin_sql(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        shutil.rmtree(tmp, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
