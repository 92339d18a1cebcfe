#!/usr/bin/env python
"""A school's years of data (issue 16, part 8): the learner pages and the instructor's
report on a small database, then with 10,000 learners, 200,000 attempts and 3,000,000
answers; the same query counts, and each page within twice its median on the small one.

In process, with production settings (``DJANGO_DEBUG=0``) on a throw-away PostgreSQL
database (``elearning_scale``). The small database: the shipped course; a cohort of ten
learners who read the lessons, did the checkpoints (and so have review cards) and sat the
final quiz, through the site's own services; learner A, measured, whose final-quiz attempt
is in progress; her instructor; and 50 more learners in the cohort, so that the report's
first page is full (50 rows) on both databases. Measured through Django's test client (the
whole middleware stack), logged in: A's dashboard, a question page of her attempt and its
autosave, her review queue (``/revisions/``), and the instructor's progress report of her
cohort. Each page is requested once to warm the caches, its queries are counted on one
request, then ``--repeat`` requests are timed; medians.

Learners are added in SQL (``INSERT … SELECT`` from the rows the site wrote for a learner
of the cohort, so every column is as the site writes it): enrolled, every lesson read, her
review cards, and ``--attempts-each`` (20) submitted attempts over the course's quizzes (up
to 3 a quiz) of 15 answers each (the final quiz's). The large database has ``--learners``
(10,000) of them, 250 in A's cohort; then ``VACUUM ANALYZE`` and a ``CHECKPOINT``, and the
same measures. Exit status 0 when every page keeps its query count and stays within twice
its median, 1 when not, 2 on a setup error. The database is dropped at the end
(``--keep-db`` keeps it). Never part of the test suite; see bench/README.md.
"""

import argparse
import os
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.pages import (
    PG_HOST,
    PG_PORT,
    PG_USER,
    BenchError,
    admin_sql,
    ensure_postgresql,
    log,
    single_run,
)

DB_NAME = "elearning_scale"
COURSE_SLUG = "secousses-dans-la-jambe-fasciculations"
COHORT_SIZE = 250  # learners added in A's cohort, on both databases together
SMALL = 50  # of them, on the small database already
RATIO_LIMIT = 2.0


def configure():
    os.environ.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="testserver,127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DATABASE_URL=f"postgres://{PG_USER}@{PG_HOST}:{PG_PORT}/{DB_NAME}",
        SITE_URL="https://formation.example.org",
        DJANGO_STATIC_ROOT=tempfile.mkdtemp(prefix="elearning-scale-"),
    )
    os.environ.pop("REDIS_URL", None)  # local memory: the database is what is measured
    import django

    django.setup()


def small_world():
    """The course, a cohort of ten learners who did everything, learner A with her final
    quiz in progress, and their instructor. Returns (A, the instructor, the pages)."""
    import random

    from django.contrib.auth.models import Group
    from django.core.management import call_command

    from elearning import quizzes
    from elearning.models import Cohort, Course, User
    from elearning.progress import mark_lesson_done
    from quiz import attempts as engine

    call_command("migrate", "--noinput", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    call_command("load_course_content", verbosity=0)
    random.seed(20261201)
    course = Course.objects.get(slug=COURSE_SLUG, is_published=True)
    lessons = list(course.lessons.in_reading_order())
    password = secrets.token_urlsafe(12)
    instructor = User.objects.create_user(
        "instructrice@scale.invalid", password, first_name="Inès", last_name="Formatrice"
    )
    instructor.is_staff = True
    instructor.save()
    instructor.groups.add(Group.objects.get(name="Instructors"))
    cohort = Cohort.objects.create(name="Promotion 2026")
    cohort.instructors.add(instructor)

    def sit(learner, quiz_pk, *, submit=True):
        attempt = quizzes.start(learner, quizzes.place_in(course, quiz_pk))
        for response in attempt.responses.order_by("position"):
            choice = random.choice(response.choices)["id"]
            engine.save_answer(attempt, response, [choice])
        if submit:
            quizzes.submit(attempt)
        return attempt

    learners = []
    for n in range(1, 11):
        learner = User.objects.create_user(
            f"eleve-{n}@scale.invalid", password, first_name="Élève", last_name=f"n° {n}"
        )
        learners.append(learner)
        for lesson in lessons:
            mark_lesson_done(learner, lesson)
            if lesson.checkpoint_quiz_id:
                sit(learner, lesson.checkpoint_quiz_id)
        sit(learner, course.final_quiz_id)
    a = User.objects.create_user("a@scale.invalid", password, first_name="Anne", last_name="A")
    for lesson in lessons[:-1]:
        mark_lesson_done(a, lesson)
        if lesson.checkpoint_quiz_id:
            sit(a, lesson.checkpoint_quiz_id)
    attempt = sit(a, course.final_quiz_id, submit=False)
    cohort.learners.add(a, *learners)
    question = f"{course.get_absolute_url()}quiz/attempts/{attempt.pk}/questions/2/"
    choice = attempt.responses.get(position=2).choices[0]["id"]
    pages = [
        ("dashboard", "a", "GET", "/dashboard/", None),
        ("question page", "a", "GET", question, None),
        ("autosave", "a", "POST", question, {"answer": choice, "action": "save"}),
        ("review queue", "a", "GET", "/revisions/", None),
        (
            "cohort report",
            "instructor",
            "GET",
            f"/admin/elearning/course/{course.pk}/report/?cohort={cohort.pk}",
            None,
        ),
    ]
    return a, instructor, learners[0], cohort, pages


def measure(users, pages, repeat):
    """{page: (queries, median ms)} through the test client, logged in."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    clients = {}
    for name, user in users.items():
        client = Client(enforce_csrf_checks=False)
        client.force_login(user)
        clients[name] = client
    found = {}
    for page, who, method, url, data in pages:
        client = clients[who]

        def call(client=client, method=method, url=url, data=data):
            if method == "POST":
                return client.post(url, data, headers={"X-Requested-With": "fetch"})
            return client.get(url)

        response = call()
        if response.status_code != 200:
            raise BenchError(f"{method} {url} answered {response.status_code}")
        with CaptureQueriesContext(connection) as queries:
            call()
        count = len(queries.captured_queries)  # now: the next request resets the log
        times = []
        for _ in range(repeat):
            began = time.perf_counter()
            call()
            times.append((time.perf_counter() - began) * 1000)
        found[page] = (count, statistics.median(times))
    return found


def columns(model):
    return [f.column for f in model._meta.concrete_fields if not f.primary_key]


def user_column(model):
    from elearning.models import User

    return next(
        f.column
        for f in model._meta.concrete_fields
        if f.is_relation and f.related_model is User and f.column != "id"
    )


def years_of_data(template, cohort, learners, attempts_each, *, first, in_cohort):
    """`learners` more learners (numbered from `first`), in SQL, from the rows the site
    wrote for `template`; `in_cohort` of them join the measured cohort."""
    from django.db import connection, transaction

    from elearning.models import CohortMembership, Enrolment, LessonProgress, User
    from quiz.models import Attempt, Response, ReviewCard

    users = User._meta.db_table
    newest = User.objects.order_by("-pk").values_list("pk", flat=True).first()
    scale = f"u.id > {int(newest)}"  # the learners added here

    def sql(statement, params=()):
        with connection.cursor() as cursor:
            cursor.execute(statement, params)
            return cursor.rowcount

    with transaction.atomic():
        exprs = {
            "email": f"'scale-' || (g.n + {int(first) - 1}) || '@scale.invalid'",
            "last_name": f"'n° ' || (g.n + {int(first) - 1})",
        }
        cols = columns(User)
        made = sql(
            f"INSERT INTO {users} ({', '.join(cols)}) "
            f"SELECT {', '.join(exprs.get(c, 't.' + c) for c in cols)} "
            f"FROM {users} t, generate_series(1, %s) g(n) WHERE t.id = %s",
            [learners, template.pk],
        )
        log(f"   {made} learners")
        for model in (Enrolment, LessonProgress, ReviewCard):
            cols, owner = columns(model), user_column(model)
            table = model._meta.db_table
            made = sql(
                f"INSERT INTO {table} ({', '.join(cols)}) "
                f"SELECT {', '.join('u.id' if c == owner else 't.' + c for c in cols)} "
                f"FROM {table} t CROSS JOIN {users} u WHERE t.{owner} = %s AND {scale}",
                [template.pk],
            )
            log(f"   {made} rows of {model._meta.verbose_name_plural}")
        kept = list(
            Attempt.objects.filter(learner=template, state="submitted").values_list("pk", flat=True)
        )
        final = Attempt.objects.filter(learner=template, question_count=15).first()
        cols = columns(Attempt)
        exprs = {"learner_id": "u.id", "number": f"g.n / {len(kept)} + 1"}
        made = sql(
            f"INSERT INTO {Attempt._meta.db_table} ({', '.join(cols)}) "
            f"SELECT {', '.join(exprs.get(c, 't.' + c) for c in cols)} "
            f"FROM {users} u CROSS JOIN generate_series(0, %s) g(n) "
            f"JOIN (SELECT row_number() OVER (ORDER BY id) - 1 AS idx, * "
            f"      FROM {Attempt._meta.db_table} WHERE id = ANY(%s)) t "
            f"ON t.idx = g.n %% {len(kept)} WHERE {scale}",
            [attempts_each - 1, kept],
        )
        log(f"   {made} attempts")
        cols = columns(Response)
        made = sql(
            f"INSERT INTO {Response._meta.db_table} ({', '.join(cols)}) "
            f"SELECT {', '.join('a.id' if c == 'attempt_id' else 'r.' + c for c in cols)} "
            f"FROM {Attempt._meta.db_table} a JOIN {users} u ON u.id = a.learner_id "
            f"CROSS JOIN {Response._meta.db_table} r WHERE r.attempt_id = %s AND {scale}",
            [final.pk],
        )
        log(f"   {made} answers")
        made = sql(
            f"INSERT INTO {CohortMembership._meta.db_table} (cohort_id, learner_id, joined_at) "
            f"SELECT %s, u.id, now() FROM {users} u WHERE {scale} ORDER BY u.id LIMIT %s",
            [cohort.pk, in_cohort],
        )
        log(f"   {made} of them in the measured cohort")
    # As a school's database is on a morning: vacuumed, its statistics up to date, and not
    # in the middle of writing three million fresh rows to disk.
    sql("VACUUM ANALYZE")
    sql("CHECKPOINT")


def print_table(small, large):
    log(f"{'page':<16} {'queries':>7} {'':>7} {'small ms':>9} {'large ms':>9} {'ratio':>6}")
    missed = []
    for page, (queries, median) in small.items():
        big_queries, big_median = large[page]
        ratio = big_median / median if median else 0
        log(
            f"{page:<16} {queries:>7} {big_queries:>7} {median:>9.1f} {big_median:>9.1f} "
            f"{ratio:>6.2f}"
        )
        if big_queries != queries:
            missed.append(f"{page}: {big_queries} queries instead of {queries}")
        if ratio > RATIO_LIMIT:
            missed.append(f"{page}: {ratio:.2f} times its median on the small database")
    return missed


def parse_args():
    parser = argparse.ArgumentParser(description="The learner pages on a school's years of data.")
    parser.add_argument("--learners", type=int, default=10_000)
    parser.add_argument("--attempts-each", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=30, help="timed requests per page")
    parser.add_argument("--keep-db", action="store_true", help="keep elearning_scale")
    return parser.parse_args()


def main():
    args = parse_args()
    status = 2
    try:
        with single_run():
            ensure_postgresql()
            admin_sql(
                f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)", f"CREATE DATABASE {DB_NAME}"
            )
            try:
                configure()
                log(
                    f"== The small database ({DB_NAME}): a cohort of ten, learner A, her instructor"
                )
                a, instructor, template, cohort, pages = small_world()
                # Enough of a cohort that the report's first page is full (its 50 rows)
                # on both databases: the same page, measured on more data.
                years_of_data(template, cohort, SMALL, args.attempts_each, first=1, in_cohort=SMALL)
                users = {"a": a, "instructor": instructor}
                small = measure(users, pages, args.repeat)
                log(
                    f"== The school's years: {args.learners} learners, "
                    f"{args.attempts_each} attempts each"
                )
                began = time.monotonic()
                years_of_data(
                    template,
                    cohort,
                    args.learners - SMALL,
                    args.attempts_each,
                    first=SMALL + 1,
                    in_cohort=COHORT_SIZE - SMALL,
                )
                log(f"   added in {time.monotonic() - began:.0f} s")
                large = measure(users, pages, args.repeat)
                missed = print_table(small, large)
                for line in missed:
                    log(f"   missed: {line}")
                status = 1 if missed else 0
                if not missed:
                    log("Every page keeps its query count and stays within twice its median.")
            finally:
                from django.db import connections

                connections.close_all()
                if not args.keep_db:
                    admin_sql(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
    except BenchError as error:
        log(f"Failed: {error}")
        status = 2
    return status


if __name__ == "__main__":
    sys.exit(main())
