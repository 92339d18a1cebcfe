"""The access audit: every URL pattern of the project, read from the URL configuration
(``get_resolver()``, walked recursively: the admin's patterns, every registered model's,
the site's own), requested as five users, with its parameters filled from learner A's own
objects (her attempts, her certificate, her review card, her progress, her cohort).

The five users (the columns of every rule, in this order):
  anonymous    not logged in
  a            learner A, who owns the objects in the URLs
  b            learner B, enrolled in the same course, in another cohort
  instructor   a member of staff in the "Instructors" group who teaches B's cohort, not A's
  superuser

How to add a rule (one line): ``"url_name": rule("GET tokens", post="POST tokens"),`` in
RULES, keyed by the URL's name with its namespace (``admin:index``), or by its route for a
nameless pattern; each string holds five tokens, one per user in the order above:
  200, 400, 403, 404, 405 ...  that status code
  login    a redirect to the site's login page (with ?next=)
  admin    a redirect to the admin's login page (with ?next=)
  302      any other redirect
  200|302  either
  -        not requested as that user
(A view that raises is a "500 <exception>", which no rule expects.)
A POST is made only as a user who must not change anything by it (the owner's and staff's
legitimate writes have their own tests): after it, the database must be as before.
``params`` fills a URL's parameters (a function of the world; by default each parameter is
filled by its name from ``default_params``), ``data`` what a POST sends (chosen so that
it would change something if the view let the wrong user through), ``query`` a query
string (or a function giving several, each requested); ``shows_a`` names the users
(other than A and the superuser) to whom a page may show A's name or e-mail address, which
no other page shows them. Every admin page of a registered model (changelist, add, change, delete,
history) is audited from ``ADMIN_MODELS``: a model registered in the admin needs one line
there saying what the superuser and the instructor may do with it, and whether A's object
is hidden from the instructor (scoped to her cohorts). A pattern with no rule fails the
test, naming it.
"""

import hashlib
import re
import time
from dataclasses import dataclass
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.urls import URLResolver, get_resolver, resolve, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from elearning import quizzes
from elearning.instructors import ensure_instructors_group
from elearning.models import Cohort
from elearning.progress import enrol, mark_lesson_done
from quiz import attempts, spaced_review
from tests.conftest import teach
from tests.quiz.answers import right

USERS = ("anonymous", "a", "b", "instructor", "superuser")
A_LAST_NAME = "Quarkvanger"
A_EMAIL = "alice.quarkvanger@example.com"


@dataclass
class Rule:
    get: tuple
    post: tuple = ("-",) * 5
    params: object = None
    data: object = None
    shows_a: tuple = ()
    query: object = ""  # a query string, or a function of the world giving several


def rule(get, post="- - - - -", params=None, data=None, shows_a="", query=""):
    get, post = tuple(get.split()), tuple(post.split())
    assert len(get) == len(post) == 5, (get, post)
    return Rule(get, post, params, data, tuple(shows_a.split()), query)


def attempt(w):
    """A's attempt in progress (the default ``attempt_id`` is her submitted one)."""
    return {"attempt_id": w.open_attempt.pk}


RULES = {
    # name or route                    anonymous a b instructor superuser
    "catalogue": rule("200 200 200 200 200"),
    "dashboard": rule("login 200 200 200 200"),
    "revisions": rule("login 200 200 200 200"),
    "revision_card": rule(
        "login 200 404 404 404",
        post="login - 404 404 404",
        data=lambda w: {"answer": w.card_choice},
    ),
    "course_detail": rule("200 200 200 200 200"),
    "course_enrol": rule("405 405 405 405 405", post="login - - - -"),
    "quiz_detail": rule("login 200 200 200 200"),
    "quiz_start": rule("405 405 405 405 405", post="login - - - -"),
    "quiz_question": rule(
        "login 200 404 404 404",
        post="login - 404 404 404",
        params=lambda w: {"attempt_id": w.open_attempt.pk, "position": 1},
        data=lambda w: {"answer": w.open_answer, "action": "check"},
    ),
    "quiz_summary": rule("login 200 404 404 404", post="login - 404 404 404", params=attempt),
    "quiz_results": rule("login 200 404 404 404"),
    "course_certificate": rule("login 302 200 200 200"),
    "certificate_verify": rule("200 200 200 200 200"),
    # Public by design: anyone holding the code reads the name it was issued to.
    "certificate_verify_code": rule("200 200 200 200 200", shows_a="anonymous b instructor"),
    "certificate_pdf": rule("404 200 404 404 200"),
    "lesson_detail": rule("login 200 200 200 200"),
    "lesson_done": rule("405 405 405 405 405", post="login - - - -"),
    "login": rule("200 302 302 302 302"),
    "logout": rule("405 405 405 405 405"),
    "signup": rule("200 302 302 302 302"),
    "profile": rule("login 200 200 200 200"),
    # her own data: the page, the download (a POST: her file), the deletion (after her
    # password; staff accounts are deleted by an administrator), and the pages after
    "my_data": rule("login 200 200 200 200", post="405 - - - -"),
    "my_data_download": rule("405 405 405 405 405", post="login - - - -"),
    "account_delete": rule("login 200 200 403 403", post="login - - - -"),
    "account_deleted": rule("200 200 200 200 200"),
    "privacy": rule("200 200 200 200 200"),
    "logout_everywhere": rule("login 405 405 405 405", post="login - - - -"),
    "join_cohort": rule("login 405 405 405 405", post="login - - - -"),
    "password_change": rule("login 200 200 200 200", post="login - - - -"),
    "password_change_done": rule("login 200 200 200 200"),
    "password_reset": rule("200 200 200 200 200"),
    "password_reset_done": rule("200 200 200 200 200"),
    # The token is the key: whoever holds it sets the password (then it is spent).
    "password_reset_confirm": rule("302 302 302 302 302"),
    "password_reset_complete": rule("200 200 200 200 200"),
    "set_language": rule("405 405 405 405 405"),
    "healthz": rule("200 200 200 200 200"),
    "service_worker": rule("200 200 200 200 200"),
    "web_manifest": rule("200 200 200 200 200"),
    # The admin's own pages.
    "admin:index": rule("admin admin admin 200 200", post="admin admin admin - -"),
    "admin:login": rule("200 200 200 302 302"),
    # Django's admin sends whoever is not staff from its logout to its index.
    "admin:logout": rule("302 302 302 405 405"),
    "admin:password_change": rule("admin admin admin 200 200", post="admin admin admin - -"),
    "admin:password_change_done": rule("admin admin admin 200 200"),
    "admin:jsi18n": rule("admin admin admin 200 200"),
    "admin:view_on_site": rule(
        "admin admin admin 302 302",
        params=lambda w: {
            "content_type_id": ContentType.objects.get_for_model(w.course).pk,
            "object_id": w.course.pk,
        },
    ),
    "admin:app_list": rule(
        "admin admin admin 200 200", params=lambda w: {"app_label": "elearning"}
    ),
    "admin/(?P<url>.*)$": rule("admin admin admin 404 404", params=lambda w: {"url": "nowhere/"}),
    # The admin's custom pages.
    "admin:elearning_user_record": rule(
        "admin admin admin 404 200", params=lambda w: {"pk": w.a.pk}
    ),
    "admin:auth_user_password_change": rule(
        "admin admin admin 403 200",
        post="admin admin admin 403 -",
        params=lambda w: {"id": w.a.pk},
        data={"password1": "Pirate-Audit-99", "password2": "Pirate-Audit-99"},
    ),
    "admin:quiz_quiz_preview": rule(
        "admin admin admin 200 200", params=lambda w: {"pk": w.course.final_quiz_id}
    ),
    "admin:quiz_quiz_statistics": rule(
        "admin admin admin 200 200", params=lambda w: {"pk": w.course.final_quiz_id}
    ),
    "admin:quiz_bank_import": rule(
        "admin admin admin 200 200",
        post="admin admin admin - -",
        params=lambda w: {"pk": w.course.bank_id},
    ),
    "admin:elearning_course_import": rule(
        "admin admin admin 200 200", post="admin admin admin - -"
    ),
    "admin:elearning_course_report": rule(
        "admin admin admin 200 200", params=lambda w: {"pk": w.course.pk}
    ),
    "admin:quiz_question_review": rule("admin admin admin 200 200"),
    # The task queue's dashboard (django-rq, with Redis only): the superuser's alone.
    **{
        f"admin:django_rq_{name}": rule("admin admin admin 403 " + superuser, post=post)
        for name, post, superuser in [
            ("home", "- - - - -", "200"),
            ("dashboard_changelist", "- - - - -", "200"),
            ("jobs", "- - - - -", "200"),
            ("queue_details", "- - - - -", "200"),
            ("finished_jobs", "- - - - -", "200"),
            ("failed_jobs", "- - - - -", "200"),
            ("delete_failed_jobs", "admin admin admin 403 -", "200"),
            ("scheduled_jobs", "- - - - -", "200"),
            ("started_jobs", "- - - - -", "200"),
            ("deferred_jobs", "- - - - -", "200"),
            ("clear", "admin admin admin 403 -", "200"),
            ("requeue_all", "admin admin admin 403 -", "200"),
            ("job_detail", "- - - - -", "200"),
            ("result_detail", "- - - - -", "404"),
            ("delete_job", "admin admin admin 403 -", "200"),
            ("requeue_job", "admin admin admin 403 -", "200"),
            ("enqueue_job", "admin admin admin 403 -", "200"),
            ("stop_job", "admin admin admin 403 -", "405"),  # the superuser's GET: a 405
            ("workers", "- - - - -", "200"),
            # No worker runs in the tests: django-rq answers its unknown key with a 500
            # (the superuser's page, left to django-rq).
            ("worker_details", "- - - - -", "-"),
            ("scheduler_jobs", "- - - - -", "200"),
            ("cron_scheduler_detail", "- - - - -", "404"),
            ("cron_job_detail", "- - - - -", "404"),
        ]
    },
    # A bulk action on the job, posted: it must stay in the queue.
    **{
        f"admin:django_rq_{name}": rule(
            "admin admin admin 403 302",
            post="admin admin admin 403 -",
            data=lambda w: {"action": "delete", "job_ids": [w.job_id]},
        )
        for name in ("confirm_action", "actions")
    },
    "admin:django_rq_home_json": rule("401 401 401 403 200", params=lambda w: {"token": "wrong"}),
    # Every autocomplete field of every admin page, searched for A's name: the instructor
    # finds nobody of A's cohort.
    "admin:autocomplete": rule("admin admin admin 200 200", query=lambda w: autocomplete_queries()),
    "admin:quiz_questiondraft_decide": rule(
        "admin admin admin 302 302",
        post="admin admin admin - -",
        params=lambda w: {"pk": w.draft.pk},
    ),
}


@dataclass
class AdminModel:
    """What the superuser and the instructor may do with a model in the admin, and whether
    the instructor sees A's object (scoped: she sees her cohorts' learners only)."""

    superuser: str = "view add change delete"
    instructor: str = ""
    scoped: bool = False
    obj: object = None  # the object of the audit (default: A's, else the model's first)


ALL = "view add change delete"
ADMIN_MODELS = {
    "auth.group": AdminModel(ALL, ""),
    "elearning.user": AdminModel(ALL, "view", scoped=True, obj=lambda w: w.a),
    "quiz.quiz": AdminModel(ALL, ALL, obj=lambda w: w.course.final_quiz),
    "quiz.bank": AdminModel(ALL, "view add change", obj=lambda w: w.course.bank),
    "quiz.category": AdminModel(ALL, ALL),
    "quiz.accommodation": AdminModel(ALL, ALL, scoped=True, obj=lambda w: w.accommodation),
    "quiz.attempt": AdminModel("view", "view", scoped=True, obj=lambda w: w.attempt),
    "elearning.certificate": AdminModel("view", "view", scoped=True, obj=lambda w: w.certificate),
    "elearning.cohort": AdminModel(ALL, "view add change", scoped=True, obj=lambda w: w.cohort_a),
    "elearning.course": AdminModel(ALL, ALL, obj=lambda w: w.course),
    "elearning.lesson": AdminModel(ALL, ALL, obj=lambda w: w.lesson),
    "elearning.enrolment": AdminModel("view", "view", scoped=True, obj=lambda w: w.enrolment),
    "elearning.lessonprogress": AdminModel("view", "view", scoped=True, obj=lambda w: w.progress),
    "quiz.question": AdminModel(ALL, ALL, obj=lambda w: w.question),
    "elearning.draftrun": AdminModel("view", "view", obj=lambda w: w.run),
    "quiz.questiondraft": AdminModel("view change delete", "view change", obj=lambda w: w.draft),
    "axes.accessattempt": AdminModel("view delete", ""),
    "axes.accesslog": AdminModel("view delete", ""),
    "axes.accessfailurelog": AdminModel("view delete", ""),
    "django_tasks_database.dbtaskresult": AdminModel("view", ""),
}
# The task queue's dashboard (with Redis) has pages, not objects: it has rules in RULES.

ADMIN_MODEL_ROUTE = re.compile(r"^admin/(?P<app>\w+)/(?P<model>\w+)/")
ADMIN_ACTIONS = ("changelist", "add", "change", "delete", "history", "redirect")


def admin_model_rule(label, action, w):
    """The rule of an admin page of a registered model, from ADMIN_MODELS: the admin's
    own order of checks (permission first, then the object: one hidden from her is a
    redirect to the admin's index, as if it did not exist)."""
    model = ADMIN_MODELS[label]
    get, post = ["admin"] * 3, ["admin"] * 3
    needed = {"changelist": "view", "add": "add", "change": "change", "delete": "delete"}
    for user, perms in (("instructor", model.instructor), ("superuser", model.superuser)):
        perms = set(perms.split())
        hidden = model.scoped and user == "instructor"
        may_view = bool(perms & {"view", "change"})
        if action == "changelist":
            get.append("200" if may_view else "403")
        elif action == "add":
            get.append("200" if "add" in perms else "403")
        elif action == "delete":
            get.append("403" if "delete" not in perms else "302" if hidden else "200")
        elif action == "redirect":
            get.append("302")
        else:  # change, history
            get.append("403" if not may_view else "302" if hidden else "200")
        # She posts where the write is not hers to make (A's object hidden from her, or no
        # permission for it); the superuser's writes are tested elsewhere.
        refused = needed.get(action) not in perms or (hidden and action != "add")
        if user == "instructor" and action in needed and refused:
            if action == "changelist":  # her action finds nothing of A's to act on
                post.append("200|302" if may_view else "403")
            else:
                post.append("403" if needed[action] not in perms else "302")
        else:
            post.append("-")
    obj = (model.obj or (lambda w: w.first_of(label)))(w)
    assert obj is not None, f"the audit's world has no {label}: create one in world()"
    data = {
        "changelist": {"action": "delete_selected", "_selected_action": [obj.pk], "post": "yes"},
        "delete": {"post": "yes"},
    }.get(action, {})
    return Rule(tuple(get), tuple(post), lambda w: {"object_id": obj.pk}, data)


def walk(resolver=None, prefix=""):
    """Every URL pattern: (route, name with its namespace, pattern)."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            namespace = pattern.namespace
            for route, name, inner in walk(pattern, prefix + str(pattern.pattern)):
                yield route, (f"{namespace}:{name}" if namespace and name else name), inner
        else:
            yield prefix + str(pattern.pattern), pattern.name, pattern


def rule_for(route, name, w):
    """The rule of a pattern: by name (or by route for a nameless one), else as one of a
    registered model's admin pages; None when there is none."""
    key = name or route
    if key in RULES:
        return RULES[key]
    found = ADMIN_MODEL_ROUTE.match(route)
    if found is None:
        return None
    model = apps.get_model(found["app"], found["model"])
    if model not in admin.site._registry:
        return None
    label = model._meta.label_lower
    if label not in ADMIN_MODELS:
        raise AssertionError(f"{label} is registered in the admin: add it to ADMIN_MODELS")
    tail = route[found.end() :]
    action = {
        "": "changelist",
        "add/": "add",
        "<path:object_id>/change/": "change",
        "<path:object_id>/delete/": "delete",
        "<path:object_id>/history/": "history",
        "<path:object_id>/": "redirect",
    }.get(tail)
    if action is None or (
        action != "redirect"
        and name != f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}"
    ):
        return None
    return admin_model_rule(label, action, w)


def default_params(w):
    return {
        "course_slug": w.course.slug,
        "lesson_slug": w.lesson.slug,
        "quiz_id": w.course.final_quiz_id,
        "attempt_id": w.attempt.pk,
        "position": 1,
        "card_id": w.card.pk,
        "code": w.certificate.display_code,
        "uidb64": urlsafe_base64_encode(force_bytes(w.a.pk)),
        "token": default_token_generator.make_token(w.a),
        # The task queue's dashboard (django-rq, with Redis).
        "queue_index": 0,
        "job_id": w.job_id,
        "result_id": "none",
        "key": "none",
        "scheduler_index": 0,
        "connection_index": 0,
        "scheduler_name": "none",
        "cron_job_name": "none",
    }


PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>[^)]*\)")


def url_of(route, values):
    """The route with its parameters filled (path converters and regex groups alike)."""

    def fill(found):
        name = found[1] or found[2]
        return str(values[name])

    filled = PARAMETER.sub(fill, route)
    return "/" + filled.replace("^", "").replace("$", "").replace("?", "")


def fingerprint():
    """Every row of every table, except sessions, the lockout's logs and login times."""
    digest = hashlib.sha256()
    for model in apps.get_models():
        label = model._meta.label_lower
        if not model._meta.managed or model._meta.proxy:
            continue  # no table of its own (django-rq's dashboard, with Redis)
        if label in {"sessions.session", "axes.accesslog", "axes.accessattempt"}:
            continue
        names = [f.attname for f in model._meta.concrete_fields if f.attname != "last_login"]
        rows = model._base_manager.order_by("pk").values_list(*names)
        digest.update(f"{label}{list(rows)!r}".encode())
    if apps.is_installed("django_rq"):  # the task queue, in Redis
        import django_rq

        queue = django_rq.get_queue("default")
        digest.update(repr(sorted(queue.job_ids)).encode())
    return digest.hexdigest()


def outcome(response):
    if response.status_code in (301, 302):
        location = response["Location"]
        if location.startswith(reverse("login") + "?next="):
            return "login"
        if location.startswith(reverse("admin:login") + "?next="):
            return "admin"
        return "302"
    return str(response.status_code)


@pytest.fixture
def world(make_user, quiz_course, instructor):
    """A's objects, B, an instructor of B's cohort (not A's), and a superuser."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    from elearning.models import DraftRun
    from quiz.models import Category, QuestionDraft

    w = SimpleNamespace(course=quiz_course)
    w.lesson = quiz_course.lessons.get(position=1)
    w.a = make_user(first_name="Alice", last_name=A_LAST_NAME, email=A_EMAIL)
    w.b = make_user()
    w.instructor = instructor
    w.superuser = make_user(is_staff=True, is_superuser=True)
    ensure_instructors_group()
    teach(w.b)
    w.cohort_a = Cohort.objects.create(name="Promotion A")
    w.cohort_a.learners.add(w.a)
    w.cohort_a.instructors.add(make_user(is_staff=True))
    # A read every lesson and passed the final quiz: she has her certificate.
    w.enrolment = enrol(w.a, quiz_course)
    for lesson in quiz_course.lessons.all():
        mark_lesson_done(w.a, lesson)
    w.progress = w.a.lesson_progress.first()
    final, _ = attempts.start_attempt(w.a, quiz_course.final_quiz)
    for response in final.responses.all():
        attempts.save_answer(final, response, right(response))
    quizzes.submit(final)
    w.attempt = final
    w.certificate = w.a.certificates.get()
    # An attempt of the checkpoint in progress, and a question due for review.
    w.open_attempt, _ = attempts.start_attempt(w.a, w.lesson.checkpoint_quiz)
    first = w.open_attempt.responses.get(position=1)
    w.open_answer = right(first)[0]
    w.question = w.lesson.checkpoint_quiz.questions.first()
    spaced_review.queue_misses(w.a.pk, {w.question.pk: timezone.now() - timedelta(days=2)})
    w.card = w.a.review_cards.get()
    w.card_choice = w.question.choices.get(is_correct=True).pk
    w.accommodation = w.course.final_quiz.accommodations.create(learner=w.a, extra_minutes=10)
    Category.objects.create(bank=quiz_course.bank, name="Audit")
    w.run = DraftRun.objects.create(course=quiz_course, lesson=w.lesson, started_by=w.superuser)
    w.draft = QuestionDraft.objects.create(
        kind="single", stem="Audit ?", answer="Oui", source_sentence="Audit.", key="audit"
    )
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        fields = {"user_agent": "audit", "http_accept": "*/*", "path_info": "/"}
        if model is AccessAttempt:
            fields.update(get_data="", post_data="", failures_since_start=1)
        # Without axes' signals, which its cache handler (with Redis) does not take.
        model.objects.bulk_create([model(username="intruder@example.com", **fields)])
    from elearning.drafting import draft_run

    draft_run.enqueue(w.run.pk)
    w.job_id = "none"
    if apps.is_installed("django_rq"):  # with Redis: a job in the queue, for its pages
        import django_rq

        queue = django_rq.get_queue("default", commit_mode="auto")
        w.job_id = queue.enqueue(print, "audit").id

    def first_of(label):
        return apps.get_model(label)._default_manager.order_by("pk").first()

    w.first_of = first_of
    return w


def autocomplete_queries():
    """The query of every autocomplete field of the admin (its pages and their inlines)."""
    queries = []
    for model, model_admin in admin.site._registry.items():
        for owner in [model_admin, *model_admin.inlines]:
            owner_model = model if owner is model_admin else owner.model
            for field_name in owner.autocomplete_fields:
                queries.append(
                    f"?app_label={owner_model._meta.app_label}"
                    f"&model_name={owner_model._meta.model_name}"
                    f"&field_name={field_name}&term={A_LAST_NAME}"
                )
    return queries


def body_of(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def request(client, method, url, data):
    try:
        response = getattr(client, method)(url, data or {})
    except Exception as exc:  # a 500: recorded with its cause
        return f"500 {exc!r}", None
    return outcome(response), response


def test_every_url_pattern_keeps_its_access_rule(world):
    """Every URL pattern, as every user: the response each rule says, nobody but A and
    staff shown A's name, and no POST by the wrong user changing anything."""
    w = world
    clients = {}
    for user in USERS:
        clients[user] = Client()
        if user != "anonymous":
            clients[user].force_login(getattr(w, user))
    without_rule, failures, counts = [], [], {"patterns": 0, "requests": 0}
    started = time.monotonic()
    for route, name, _pattern in walk():
        counts["patterns"] += 1
        found = rule_for(route, name, w)
        if found is None:
            without_rule.append(name or route)
            continue
        values = {**default_params(w), **(found.params(w) if found.params else {})}
        base = url_of(route, values)
        # The URL made reaches the pattern audited, not another one.
        assert resolve(base).route.replace("^", "") == route.replace("^", ""), (base, route)
        queries = found.query(w) if callable(found.query) else [found.query]
        data = found.data(w) if callable(found.data) else found.data
        for query in queries:
            url = base + query
            for method, expectations in (("get", found.get), ("post", found.post)):
                for user, expected in zip(USERS, expectations, strict=True):
                    if expected == "-":
                        continue
                    before = fingerprint() if method == "post" else None
                    got, response = request(
                        clients[user], method, url, data if method == "post" else None
                    )
                    counts["requests"] += 1
                    if got not in expected.split("|"):
                        failures.append(f"{method.upper()} {url} as {user}: {got}, not {expected}")
                    if before is not None and fingerprint() != before:
                        failures.append(f"POST {url} as {user} changed the database")
                    if (
                        got == "200"
                        and user in ("anonymous", "b", "instructor")
                        and user not in found.shows_a
                        and response.get("Content-Type", "").split(";")[0]
                        in ("text/html", "application/json", "text/csv", "text/plain")
                    ):
                        body = body_of(response).decode()
                        if A_LAST_NAME in body or A_EMAIL in body:
                            failures.append(f"{method.upper()} {url} as {user} shows A")
    print(
        f"access audit: {counts['patterns']} patterns, {counts['requests']} requests, "
        f"{time.monotonic() - started:.1f} s on {connection.vendor}"
    )
    assert not without_rule, "URL patterns without a rule in RULES: " + ", ".join(without_rule)
    assert not failures, "\n".join(failures)


def test_the_audits_searches_find_whom_each_user_may_see(world, client):
    """The audit's "nobody is shown A" is not empty for want of a search that finds
    anybody: the same autocomplete finds A for the superuser, and B (her cohort) for the
    instructor; her list of learners shows B."""
    w = world
    query = "?app_label=quiz&model_name=accommodation&field_name=learner&term={}".format
    client.force_login(w.superuser)
    found = client.get(reverse("admin:autocomplete") + query(A_LAST_NAME)).json()["results"]
    assert [result["id"] for result in found] == [str(w.a.pk)]
    client.force_login(w.instructor)
    found = client.get(reverse("admin:autocomplete") + query(w.b.last_name)).json()["results"]
    assert [result["id"] for result in found] == [str(w.b.pk)]
    page = client.get(reverse("admin:elearning_user_changelist")).content.decode()
    assert w.b.email in page and A_EMAIL not in page


QUEUE_DASHBOARD = """
import json
from django.core.management import call_command
from django.test import Client
from django.urls import NoReverseMatch, reverse
from elearning.instructors import ensure_instructors_group
from elearning.models import User

call_command("migrate", verbosity=0)
instructor = User.objects.create_user(
    email="i@example.com", first_name="I", last_name="N", password="x", is_staff=True
)
instructor.groups.add(ensure_instructors_group())
root = User.objects.create_user(
    email="r@example.com", first_name="R", last_name="S", is_staff=True, is_superuser=True
)
seen = {}
for name, user in (("instructor", instructor), ("superuser", root)):
    client = Client()
    client.force_login(user)
    seen[name] = [
        client.get(reverse("admin:django_rq_home")).status_code,
        client.get(reverse("admin:django_rq_jobs", args=[0])).status_code,
        "/admin/django_rq/" in client.get(reverse("admin:index")).content.decode(),
    ]
    if user is instructor:  # she would empty the queue
        seen[name].append(client.post(reverse("admin:django_rq_clear", args=[0])).status_code)
try:
    reverse("admin:django_rq_dashboard_change", args=[1])
    seen["object pages"] = True
except NoReverseMatch:
    seen["object pages"] = False
print(json.dumps(seen))
"""


def test_with_redis_the_task_queues_dashboard_is_the_superusers(tmp_path):
    """django-rq's dashboard (installed with Redis) lets in any member of staff: an
    instructor could read every job's arguments, delete jobs and empty the queue. It is the
    superuser's, as the database queue's task results are (found by the access audit)."""
    import json
    import os

    from tests.elearning.test_settings import run_django

    redis_url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    env = {"REDIS_URL": redis_url, "DJANGO_ALLOWED_HOSTS": "testserver"}
    result = run_django(QUEUE_DASHBOARD, env, tmp_path)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["instructor"] == [403, 403, False, 403]
    assert seen["superuser"] == [200, 200, True]
    # The dashboard's model has no table: no object pages that would query it.
    assert seen["object pages"] is False
