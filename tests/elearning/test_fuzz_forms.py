"""Bad input, fuzzed (issue 16, part 3): every form of the site and of the admin takes random,
huge, empty, control-character, NUL, bidirectional and mixed-script values without a 500,
saves nothing from a form it refuses, and refuses an over-long value rather than cutting it.

The forms are found, not listed by hand where they can be: the URL configuration is walked
(every named pattern must have a form here or be a page without one, so a new view cannot
escape), and the admin's forms are read from ``admin.site``'s registry and from each page's
own form and inlines. The rules checked for every example live in ``fuzzing.py``.
"""

import pytest
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.forms import (
    AdminPasswordChangeForm,
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)
from django.contrib.auth.tokens import default_token_generator
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.forms import CharField, MultiWidget
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from hypothesis import given
from hypothesis import strategies as st

from elearning.admin.certificates import RevocationForm
from elearning.forms import (
    DeleteAccountForm,
    EmailAuthenticationForm,
    ImportCourseForm,
    JoinCohortForm,
    ProfileForm,
    SignupForm,
)
from quiz.admin_review import DecisionForm
from quiz.forms import AnswerForm
from quiz.moodle.forms import QuestionFileForm
from tests.conftest import teach

from .fuzzing import (
    FEW,
    FUZZ,
    Sent,
    check_not_cut,
    form_strategy,
    junk,
    over_long,
    texts,
    uploads,
    values_for,
)

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery"
# Apps whose every admin change page is fuzzed (the others' pages are read-only logs).
PROJECT_APPS = {"elearning", "quiz", "auth"}


# --- The world every example starts from ------------------------------------------------


class World:
    """A learner with something of everything (an attempt, a review card, a certificate),
    a superuser, a course with quizzes, a cohort, a draft: one of each object a form acts
    on."""


@pytest.fixture
def world(quiz_course, make_user, django_user_model):
    from elearning.completion import issue_certificate
    from elearning.models import Cohort, DraftRun, Enrolment, LessonProgress
    from quiz.attempts import start_attempt
    from quiz.models import Accommodation, Category, QuestionDraft, ReviewCard

    w = World()
    w.course = quiz_course
    w.lesson = quiz_course.lessons.get(position=1)
    w.checkpoint = w.lesson.checkpoint_quiz
    w.learner = make_user(password=PASSWORD)
    w.other = make_user(password=PASSWORD)
    w.superuser = django_user_model.objects.create_superuser(
        email="root@example.com", password=PASSWORD, first_name="Root", last_name="Admin"
    )
    teach(w.learner)
    w.cohort = Cohort.objects.create(name="Promotion 2026 - IFSI Lyon")
    Enrolment.objects.create(learner=w.learner, course=quiz_course)
    LessonProgress.objects.create(learner=w.learner, lesson=quiz_course.lessons.get(position=2))
    w.attempt, _ = start_attempt(w.learner, w.checkpoint)
    w.card = ReviewCard.objects.create(
        learner=w.learner, question=quiz_course.final_quiz.questions.first(), due=timezone.now()
    )
    Enrolment.objects.create(
        learner=w.other, course=quiz_course, completed_at=timezone.now(), completion_percent=90
    )
    teach(w.other)
    w.certificate = issue_certificate(w.other, quiz_course)
    Accommodation.objects.create(learner=w.learner, quiz=w.checkpoint, extra_minutes=10)
    Category.objects.create(bank=quiz_course.bank, name="Signes")
    w.draft = QuestionDraft.objects.create(
        kind="single",
        stem="Les fasciculations sont le plus souvent _____.",
        choices=[{"text": "bénignes", "correct": True}, {"text": "graves", "correct": False}],
        answer="bénignes",
        source_sentence="Les fasciculations sont le plus souvent bénignes.",
        key="fuzz",
    )
    DraftRun.objects.create(course=quiz_course, lesson=w.lesson, started_by=w.superuser)
    return w


def browser(user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def example(run):
    """Each example from the same world: what it changed is rolled back, the cache emptied
    (throttles, lockouts)."""
    from django.core.cache import cache

    cache.clear()
    with transaction.atomic():
        run()
        transaction.set_rollback(True)


# --- The site's own forms -----------------------------------------------------------------


class Target:
    """A form to fuzz: its address, what to post (a strategy), as whom, how."""

    def __init__(self, url, data, user=None, method="post", unchanged=(), prepare=None, **extra):
        self.url, self.data, self.user, self.method = url, data, user, method
        self.unchanged, self.prepare, self.extra = unchanged, prepare, extra


def answer_strategy(response):
    form = AnswerForm.for_response(response, confidence=True)
    ids = [str(choice["id"]) for choice in response.choices]
    actions = ["next", "prev", "summary", "check", "finish", "goto-1", "goto-99", "goto-x"]
    return st.fixed_dictionaries(
        {
            "answer": st.one_of(
                st.sampled_from(ids),
                st.lists(st.sampled_from(ids)),
                values_for(form["answer"].field),
            ),
            "confidence": values_for(form.fields["confidence"], ["1", "2", "3"]),
            "action": st.one_of(st.sampled_from(actions), texts()),
        }
    )


def quiz_question(w):
    response = w.attempt.responses.get(position=1)
    url = reverse("quiz_question", args=[w.course.slug, w.attempt.pk, 1])
    return [
        Target(url, answer_strategy(response), w.learner),
        # The autosave of quiz.js.
        Target(url, answer_strategy(response), w.learner, headers={"X-Requested-With": "fetch"}),
    ]


def revision_card(w):
    from quiz import spaced_review

    form = AnswerForm.for_response(spaced_review.as_response(w.card.question))
    url = reverse("revision_card", args=[w.card.pk])
    return [Target(url, form_strategy(form), w.learner)]


def password_reset_confirm(w):
    uid = urlsafe_base64_encode(force_bytes(w.learner.pk))
    token = default_token_generator.make_token(w.learner)
    url = reverse("password_reset_confirm", args=[uid, "set-password"])

    def prepare(client):  # the link in the mail: its token goes into her session
        client.get(reverse("password_reset_confirm", args=[uid, token]))

    form = form_strategy(SetPasswordForm(w.learner))
    return [
        Target(url, form, unchanged=[w.learner], prepare=prepare),
        Target(reverse("password_reset_confirm", args=[uid, "bad-token"]), form),
    ]


def certificate_verify_code(w):
    def url(code):
        from urllib.parse import quote

        return "/certificates/verify/" + quote(code.replace("/", ""), safe="") + "/"

    # An unknown code is counted (the throttle's table), as it should be.
    return [Target(None, texts().map(url), method="get", records={"elearning.CodeLookupFailure"})]


def certificate_pdf(w):
    from urllib.parse import quote

    return [
        Target(
            None,
            texts().map(lambda code: f"/certificates/{quote(code.replace('/', ''), safe='')}/pdf/"),
            w.learner,
            method="get",
            records={"elearning.CodeLookupFailure"},
        )
    ]


def no_fields(name, *args, user="learner"):
    """A POST-only view without a form (a button): anything posted with it is ignored."""

    def build(w):
        return [Target(reverse(name, args=[a(w) for a in args]), junk(), getattr(w, user))]

    return build


def course_slug(w):
    return w.course.slug


def lesson_slug(w):
    return w.lesson.slug


SITE_FORMS = {
    "login": lambda w: [
        Target(
            reverse("login"),
            form_strategy(
                EmailAuthenticationForm(), valid={"username": w.learner.email, "password": PASSWORD}
            ),
            unchanged=[w.learner],
        )
    ],
    "signup": lambda w: [
        Target(
            reverse("signup"),
            form_strategy(
                SignupForm(),
                valid={
                    "email": "nouvelle@example.com",
                    "first_name": "Zoë",
                    "last_name": "محمد Dupont",
                    "preferred_language": "fr",
                    "password1": "Un-mot-de-passe-long-42",
                    "password2": "Un-mot-de-passe-long-42",
                },
            ),
        )
    ],
    "profile": lambda w: [
        Target(
            reverse("profile"),
            form_strategy(
                ProfileForm(instance=w.learner),
                valid={"first_name": "Zoë", "last_name": "Ηλέκτρα", "preferred_language": "en"},
            ),
            w.learner,
            unchanged=[w.learner],
        )
    ],
    "join_cohort": lambda w: [
        Target(
            reverse("join_cohort"),
            st.one_of(
                form_strategy(JoinCohortForm(prefix="join")),
                st.just({"join-code": w.cohort.join_code}),
                st.just({"join-code": w.cohort.join_code.lower() + "\x00"}),
            ),
            w.learner,
        )
    ],
    "password_change": lambda w: [
        Target(
            reverse("password_change"),
            form_strategy(
                PasswordChangeForm(w.learner),
                valid={
                    "old_password": PASSWORD,
                    "new_password1": "Un-mot-de-passe-long-42",
                    "new_password2": "Un-mot-de-passe-long-42",
                },
            ),
            w.learner,
            unchanged=[w.learner],
        )
    ],
    "password_reset": lambda w: [
        Target(reverse("password_reset"), form_strategy(PasswordResetForm()))
    ],
    "password_reset_confirm": password_reset_confirm,
    "account_delete": lambda w: [
        Target(
            reverse("account_delete"),
            form_strategy(DeleteAccountForm(None), valid={"password": PASSWORD}),
            w.learner,
            unchanged=[w.learner],
        )
    ],
    "set_language": lambda w: [
        Target(
            reverse("set_language"),
            st.fixed_dictionaries(
                {
                    "language": st.one_of(st.sampled_from(["fr", "en"]), texts()),
                    "next": st.one_of(st.just("/dashboard/"), texts()),
                }
            ),
            w.learner,
        )
    ],
    "quiz_question": quiz_question,
    "quiz_summary": no_fields("quiz_summary", course_slug, lambda w: w.attempt.pk),
    "quiz_start": no_fields("quiz_start", course_slug, lambda w: w.checkpoint.pk),
    "lesson_done": no_fields("lesson_done", course_slug, lesson_slug),
    "course_enrol": no_fields("course_enrol", course_slug),
    "revision_card": revision_card,
    "my_data_download": no_fields("my_data_download"),
    "logout_everywhere": no_fields("logout_everywhere"),
    "logout": no_fields("logout"),
    # GET forms: a code typed, a code in the address.
    "certificate_verify": lambda w: [
        Target(
            reverse("certificate_verify"), st.fixed_dictionaries({"code": texts()}), method="get"
        )
    ],
    "certificate_verify_code": certificate_verify_code,
    "certificate_pdf": certificate_pdf,
}

# The site's pages without a form: each still gets junk posted to it (and a GET with junk).
SITE_PAGES = {
    "catalogue": [],
    "dashboard": [],
    "revisions": [],
    "course_detail": [course_slug],
    "quiz_detail": [course_slug, lambda w: w.checkpoint.pk],
    "quiz_results": [course_slug, lambda w: w.attempt.pk],
    "course_certificate": [course_slug],
    "lesson_detail": [course_slug, lesson_slug],
    "my_data": [],
    "account_deleted": [],
    "password_change_done": [],
    "password_reset_done": [],
    "password_reset_complete": [],
    "privacy": [],
    "healthz": [],
    "service_worker": [],
    "web_manifest": [],
}


def send(target, data):
    client = browser(target.user)
    if target.prepare:
        target.prepare(client)
    if target.url is None:  # the value is the address itself
        return Sent.post(client, data, {}, target.unchanged, method=target.method, **target.extra)
    return Sent.post(
        client, target.url, data, target.unchanged, method=target.method, **target.extra
    )


@pytest.mark.parametrize("name", sorted(SITE_FORMS))
@FUZZ
@given(data=st.data())
def test_every_form_of_the_site_takes_bad_input(world, name, data):
    targets = SITE_FORMS[name](world)
    target = data.draw(st.sampled_from(targets), label="target")

    def run():
        posted = data.draw(target.data, label="posted")
        sent = send(target, posted)
        if sent.redirected and name in ("signup", "profile"):
            from elearning.models import User

            user = User.objects.order_by("-pk").first() if name == "signup" else world.learner
            check_not_cut(user, posted)

    example(run)


@pytest.mark.parametrize("name", sorted(SITE_PAGES))
@FEW
@given(data=st.data(), method=st.sampled_from(["post", "get"]))
def test_every_page_without_a_form_ignores_what_is_posted_to_it(world, name, data, method):
    url = reverse(name, args=[arg(world) for arg in SITE_PAGES[name]])
    example(lambda: Sent.post(browser(world.learner), url, data.draw(junk()), method=method))


# --- The admin ------------------------------------------------------------------------------


def registered():
    """The admin's model admins, of models with a table (django_rq, installed with Redis,
    registers a table-less model as a link to its dashboard: see RQ_PAGES)."""
    return sorted(
        (
            (model, model_admin)
            for model, model_admin in admin.site._registry.items()
            if model._meta.managed
        ),
        key=lambda item: item[0]._meta.label,
    )


def unmanaged():
    return [model for model in admin.site._registry if not model._meta.managed]


def admin_name(model, page):
    return f"admin:{model._meta.app_label}_{model._meta.model_name}_{page}"


def current_values(form):
    """What an object's change form posts as it stands (good values to mix bad ones with),
    for the fields of one input each; none for a new object."""
    if form.instance.pk is None:
        return None
    values = {}
    for name, form_field in form.fields.items():
        if isinstance(form_field.widget, MultiWidget) or form_field.disabled:
            continue
        value = form[name].value()
        if isinstance(value, list | tuple):
            values[name] = [str(v) for v in value]
        elif isinstance(value, bool):
            values[name] = "on" if value else ""
        else:
            values[name] = "" if value is None else str(value)
    return values


def admin_form_strategy(response):
    """What the add or change page posts, every field of its form and of its inlines
    fuzzed: the inlines' existing rows keep their ids, and one new row may come."""
    adminform = response.context["adminform"]
    strategies = [form_strategy(adminform.form, valid=current_values(adminform.form))]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        prefix = formset.prefix
        initial = formset.initial_form_count()
        management = {
            f"{prefix}-TOTAL_FORMS": st.one_of(
                st.sampled_from([str(initial), str(initial + 1)]), texts()
            ),
            f"{prefix}-INITIAL_FORMS": st.one_of(st.just(str(initial)), texts()),
            f"{prefix}-MIN_NUM_FORMS": st.just("0"),
            f"{prefix}-MAX_NUM_FORMS": st.just("1000"),
        }
        strategies.append(st.fixed_dictionaries(management))
        for index, form in enumerate(formset.forms):
            fixed = {}
            if form.instance.pk is not None:
                fixed[f"{prefix}-{index}-{formset.model._meta.pk.name}"] = str(form.instance.pk)
            strategies.append(
                form_strategy(
                    form, prefix=f"{prefix}-{index}", fixed=fixed, valid=current_values(form)
                )
            )
        strategies.append(
            form_strategy(formset.empty_form, prefix=f"{prefix}-{len(formset.forms)}")
        )
    return st.tuples(*strategies).map(
        lambda parts: {k: v for part in parts for k, v in part.items()}
    )


ADMIN_MODEL_PAGES = [
    (model._meta.label, page)
    for model, model_admin in registered()
    for page in ("add", "change")
    if page == "add" or model._meta.app_label in PROJECT_APPS
]


def model_admin_of(label):
    return next(item for item in registered() if item[0]._meta.label == label)


@pytest.mark.parametrize(("label", "page"), ADMIN_MODEL_PAGES)
@FUZZ
@given(data=st.data())
def test_every_add_and_change_page_of_the_admin_takes_bad_input(world, label, page, data, rf):
    model, model_admin = model_admin_of(label)
    request = rf.get("/")
    request.user = world.superuser
    client = browser(world.superuser)
    unchanged = []
    if page == "add":
        url = reverse(admin_name(model, "add"))
    else:
        obj = model_admin.get_queryset(request).order_by("pk").first()
        assert obj is not None, f"the world has no {label} to change"
        url = reverse(admin_name(model, "change"), args=[obj.pk])
        unchanged = [obj]
    key = f"strategy {label} {page}"
    if key not in world.__dict__:  # the page is read once per test, not per example
        page_response = client.get(url)
        assert page_response.status_code in (200, 403), (label, page)
        # A read-only model's page (403): nothing to post but junk.
        read_only = page_response.status_code == 403
        world.__dict__[key] = junk() if read_only else admin_form_strategy(page_response)
    strategy = world.__dict__[key]

    def run():
        posted = data.draw(strategy, label="posted")
        pks = set(model._default_manager.values_list("pk", flat=True))
        sent = Sent.post(client, url, posted, unchanged)
        if sent.redirected:
            saved = (
                unchanged[0] if unchanged else model._default_manager.exclude(pk__in=pks).first()
            )
            if saved is not None:
                check_not_cut(saved, posted)

    example(run)


def changelist_strategy(model, model_admin, request):
    actions = list(model_admin.get_actions(request))
    pks = [str(pk) for pk in model._default_manager.values_list("pk", flat=True)[:3]]
    fields = {
        "action": st.one_of(st.sampled_from(actions or [""]), texts()),
        ACTION_CHECKBOX_NAME: st.lists(
            st.one_of(st.sampled_from(pks or ["1"]), texts()), max_size=3
        ),
        "index": st.sampled_from(["0", "x"]),
        "select_across": st.sampled_from(["0", "1", "x"]),
        "apply": st.sampled_from(["", "1"]),
        "reason": values_for(RevocationForm().fields["reason"]),
    }
    # Reissuing takes the name to print beside each certificate.
    fields.update({f"name-{pk}": texts() for pk in pks})
    return st.fixed_dictionaries(fields)


@pytest.mark.parametrize("label", [model._meta.label for model, _a in registered()])
@FUZZ
@given(data=st.data())
def test_every_admin_list_and_its_actions_take_bad_input(world, label, data, rf):
    """The lists' actions: certificate revoke and reissue (with a reason and a name),
    publish, duplicate, Moodle export, new cohort codes, draft questions..."""
    from elearning.models import Certificate

    model, model_admin = model_admin_of(label)
    request = rf.post("/")
    request.user = world.superuser
    strategy = changelist_strategy(model, model_admin, request)
    url = reverse(admin_name(model, "changelist"))

    def run():
        posted = data.draw(strategy, label="posted")
        known = set(Certificate.objects.values_list("pk", flat=True))
        Sent.post(browser(world.superuser), url, posted)
        for new in Certificate.objects.exclude(pk__in=known).select_related("replaces"):
            typed = posted.get(f"name-{new.replaces_id}")
            if typed and new.learner_name != new.replaces.learner.get_full_name():
                check_not_cut(new, {"learner_name": typed})

    example(run)


@pytest.mark.parametrize("label", [model._meta.label for model, _a in registered()])
@FEW
@given(data=st.data(), page=st.sampled_from(["delete", "history"]))
def test_every_admin_delete_and_history_page_ignores_junk(world, label, data, page, rf):
    """Junk posted to the confirmation and history pages (without the confirmation's own
    "post" field): nothing deleted, nothing changed."""
    model, _model_admin = model_admin_of(label)
    obj = model._default_manager.order_by("pk").first()
    args = [obj.pk] if obj is not None else ["1"]
    url = reverse(admin_name(model, page), args=args)
    posted = data.draw(junk())
    posted.pop("post", None)
    example(lambda: Sent.post(browser(world.superuser), url, posted))


@FUZZ
@given(data=st.data())
def test_revoking_and_reissuing_a_certificate_take_bad_input(world, data):
    """The certificate actions' confirmation: a reason, and for a reissue the name the new
    certificate states, as typed (a misspelling corrected): refused when too long, never
    cut."""
    from elearning.models import Certificate

    certificate = world.certificate
    url = reverse("admin:elearning_certificate_changelist")
    limit = Certificate._meta.get_field("learner_name").max_length
    strategy = st.fixed_dictionaries(
        {
            "action": st.sampled_from(["revoke", "reissue"]),
            ACTION_CHECKBOX_NAME: st.just([str(certificate.pk)]),
            "apply": st.just("yes"),
            "reason": st.one_of(st.just("Nom mal orthographié"), texts()),
            f"name-{certificate.pk}": st.one_of(texts(), over_long(limit)),
        }
    )

    def run():
        posted = data.draw(strategy, label="posted")
        Sent.post(browser(world.superuser), url, posted, [certificate])
        new = Certificate.objects.filter(replaces=certificate).first()
        if new is not None:
            check_not_cut(new, {"learner_name": posted[f"name-{certificate.pk}"]})

    example(run)


def course_import_preview():
    """The import's second step: the course's title and its lessons as edited."""
    lesson = st.fixed_dictionaries(
        {"title": texts(), "body": texts(), "DELETE": st.sampled_from(["", "on"])}
    )
    return st.tuples(
        texts(),
        st.lists(lesson, max_size=3),
        st.one_of(st.none(), texts()),
        st.sampled_from(["save", ""]),
    ).map(
        lambda parts: {
            "course-title": parts[0],
            "lessons-TOTAL_FORMS": str(len(parts[1])) if parts[2] is None else parts[2],
            "lessons-INITIAL_FORMS": "0",
            "lessons-MIN_NUM_FORMS": "0",
            "lessons-MAX_NUM_FORMS": "1000",
            **{
                f"lessons-{i}-{k}": v
                for i, lesson in enumerate(parts[1])
                for k, v in lesson.items()
            },
            **({"save": "1"} if parts[3] else {}),
        }
    )


def with_upload(field_name, fields):
    """Posted fields with a file of random name and bytes under ``field_name``."""
    return st.tuples(uploads(), fields).map(
        lambda parts: {**parts[1], field_name: SimpleUploadedFile(parts[0][0] or "f", parts[0][1])}
    )


def bank_import(w):
    form = QuestionFileForm()
    fields = form_strategy(form)
    url = reverse("admin:quiz_bank_import", args=[w.course.bank_id])
    return [
        Target(url, with_upload("file", fields), w.superuser),
        Target(url, st.fixed_dictionaries({"preview": texts()}), w.superuser),
    ]


def course_import(w):
    url = reverse("admin:elearning_course_import")
    return [
        Target(url, with_upload("file", form_strategy(ImportCourseForm())), w.superuser),
        Target(url, form_strategy(ImportCourseForm()), w.superuser),
        Target(url, course_import_preview(), w.superuser),
    ]


ADMIN_FORMS = {
    "admin:login": lambda w: [
        Target(reverse("admin:login"), form_strategy(AuthenticationForm()), unchanged=[w.superuser])
    ],
    "admin:password_change": lambda w: [
        Target(
            reverse("admin:password_change"),
            form_strategy(PasswordChangeForm(w.superuser)),
            w.superuser,
            unchanged=[w.superuser],
        )
    ],
    "admin:auth_user_password_change": lambda w: [
        Target(
            reverse("admin:auth_user_password_change", args=[w.learner.pk]),
            form_strategy(AdminPasswordChangeForm(w.learner)),
            w.superuser,
            unchanged=[w.learner],
        )
    ],
    "admin:autocomplete": lambda w: [
        Target(
            reverse("admin:autocomplete"),
            st.fixed_dictionaries(
                {
                    "term": texts(),
                    "app_label": st.one_of(st.sampled_from(["quiz", "elearning"]), texts()),
                    "model_name": st.one_of(st.sampled_from(["accommodation", "lesson"]), texts()),
                    "field_name": st.one_of(st.sampled_from(["learner", "quiz"]), texts()),
                    "page": texts(),
                }
            ),
            w.superuser,
            method="get",
        )
    ],
    "admin:elearning_course_import": course_import,
    "admin:quiz_bank_import": bank_import,
    "admin:elearning_course_report": lambda w: [
        Target(
            reverse("admin:elearning_course_report", args=[w.course.pk]),
            st.fixed_dictionaries(
                {
                    "cohort": texts(),
                    "status": texts(),
                    "o": st.one_of(st.sampled_from(["name", "-name", "completed"]), texts()),
                    "page": texts(),
                    "format": st.sampled_from(["", "csv"]),
                }
            ),
            w.superuser,
            method="get",
        )
    ],
    "admin:quiz_question_review": lambda w: [
        Target(reverse("admin:quiz_question_review"), form_strategy(DecisionForm()), w.superuser)
    ],
    "admin:quiz_questiondraft_decide": lambda w: [
        Target(
            reverse("admin:quiz_questiondraft_decide", args=[w.draft.pk]),
            st.fixed_dictionaries(
                {
                    "decision": st.one_of(st.sampled_from(["accept", "reject"]), texts()),
                    "quiz": st.one_of(st.sampled_from([str(w.checkpoint.pk)]), texts()),
                }
            ),
            w.superuser,
        )
    ],
    "admin:quiz_quiz_statistics": lambda w: [
        Target(
            reverse("admin:quiz_quiz_statistics", args=[w.checkpoint.pk]),
            st.fixed_dictionaries({"attempts": texts(), "order": texts()}),
            w.superuser,
            method="get",
        )
    ],
}

# The admin's pages without a form of their own; junk is posted to each.
ADMIN_PAGES = {
    "admin:index": [],
    "admin:logout": [],
    "admin:password_change_done": [],
    "admin:jsi18n": [],
    "admin:elearning_user_record": [lambda w: w.learner.pk],
    "admin:quiz_quiz_preview": [lambda w: w.checkpoint.pk],
    "admin:app_list": [lambda w: "quiz"],
}
# Patterns without a name: the admin's redirect from an object's address to its change
# page, its catch-all, and the "view on site" redirect (named, but taking a content type).
ADMIN_UNNAMED = {"<path:object_id>/", "(?P<url>.*)$"}
ADMIN_REDIRECTS = {"admin:view_on_site"}


def url_patterns(patterns=None, namespace=None):
    """Every pattern of the URL configuration: (name with its namespace, or None; route)."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or namespace
            yield from url_patterns(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield name, str(pattern.pattern)


# django_rq's dashboard, in the admin when the site runs its tasks through Redis: its pages
# act on the queues in Redis (not on the site's database) and take no input of the site's;
# junk is posted to each, with the address's values made up.
RQ_ARGUMENTS = {
    "queue_index": 0,
    "scheduler_index": 0,
    "connection_index": 0,
    "job_id": "no-such-job",
    "result_id": "no-such-result",
    "key": "no-such-worker",
    "scheduler_name": "no-such-scheduler",
    "cron_job_name": "no-such-job",
}


def rq_pages():
    """Names and addresses of django_rq's pages, when it is installed."""
    found = {}
    for name, route in url_patterns():
        if name and name.startswith("admin:django_rq_") and name not in found:
            if "<path:object_id>" in route:
                continue  # the table-less model's object pages: it has no objects
            kwargs = {key: value for key, value in RQ_ARGUMENTS.items() if f":{key}>" in route}
            found[name] = reverse(name, kwargs=kwargs)
    return found


@pytest.mark.parametrize("name", sorted(ADMIN_FORMS))
@FUZZ
@given(data=st.data())
def test_every_form_of_the_admin_of_its_own_takes_bad_input(world, name, data):
    targets = ADMIN_FORMS[name](world)
    target = data.draw(st.sampled_from(targets), label="target")
    example(lambda: send(target, data.draw(target.data, label="posted")))


@pytest.mark.parametrize("name", sorted(ADMIN_PAGES))
@FEW
@given(data=st.data(), method=st.sampled_from(["post", "get"]))
def test_every_admin_page_without_a_form_ignores_junk(world, name, data, method):
    url = reverse(name, args=[arg(world) for arg in ADMIN_PAGES[name]])
    example(lambda: Sent.post(browser(world.superuser), url, data.draw(junk()), method=method))


@pytest.mark.parametrize("name", sorted(rq_pages()) or [None])
@FEW
@given(data=st.data(), method=st.sampled_from(["post", "get"]))
def test_every_page_of_the_task_queues_dashboard_ignores_junk(world, name, data, method, settings):
    if name is None:  # no dashboard: the tasks run in the database, not through Redis
        assert "django_rq" not in settings.INSTALLED_APPS
        return
    url = rq_pages()[name]
    example(lambda: Sent.post(browser(world.superuser), url, data.draw(junk()), method=method))


# --- Nothing escapes ----------------------------------------------------------------------


def test_every_url_of_the_project_has_its_bad_input_or_is_a_page_without_a_form():
    covered = (
        set(SITE_FORMS)
        | set(SITE_PAGES)
        | set(ADMIN_FORMS)
        | set(ADMIN_PAGES)
        | ADMIN_REDIRECTS
        | set(rq_pages())
        | {
            admin_name(model, page)
            for model, _a in registered()
            for page in ("add", "change", "changelist", "delete", "history")
        }
    )
    # A table-less model has no object to change, delete or show the history of.
    without_objects = {
        admin_name(model, page) for model in unmanaged() for page in ("change", "delete", "history")
    }
    missing = [
        name or route
        for name, route in url_patterns()
        if (name not in covered | without_objects if name else route not in ADMIN_UNNAMED)
    ]
    assert missing == [], f"no bad input for these URLs: add them to test_fuzz_forms.py: {missing}"


def test_the_url_walk_finds_the_forms_the_issue_names():
    names = {name for name, _route in url_patterns()}
    for name in (
        "signup",
        "login",
        "password_reset",
        "password_change",
        "profile",
        "join_cohort",
        "quiz_question",
        "quiz_summary",
        "lesson_done",
        "course_enrol",
        "certificate_verify",
        "set_language",
        "revision_card",
        "my_data_download",
        "account_delete",
        "admin:elearning_course_import",
        "admin:quiz_bank_import",
        "admin:elearning_cohort_add",
        "admin:elearning_certificate_changelist",
        "admin:elearning_course_add",
        "admin:elearning_lesson_add",
        "admin:quiz_question_add",
        "admin:quiz_quiz_add",
    ):
        assert name in names


# --- What the fuzzing found, pinned ---------------------------------------------------------


@pytest.mark.parametrize("bad", ["", "abc", "99999999999999999999"])
def test_an_admin_action_on_an_id_the_key_cannot_hold_is_refused_with_a_message(world, bad):
    """Found by the fuzzing: an action posted with a selected id that is no integer (or one
    beyond the database's range) raised ValueError (OverflowError on SQLite), a 500, in
    every admin list, the project's and those of the apps it installs (axes)."""
    from elearning.models import Certificate

    client = browser(world.superuser)
    for label, action in (
        ("quiz.Bank", "delete_selected"),
        ("elearning.Certificate", "revoke"),
        ("axes.AccessLog", "delete_selected"),  # an admin of an installed app's own
    ):
        model, _model_admin = model_admin_of(label)
        url = reverse(admin_name(model, "changelist"))
        posted = {"action": action, ACTION_CHECKBOX_NAME: [str(world.certificate.pk), bad]}
        response = client.post(url, {**posted, "apply": "1", "reason": "Erreur"}, follow=True)
        assert response.status_code == 200, label
        assert "Items must be selected" in response.content.decode() or "Des éléments" in (
            response.content.decode()
        )
    assert not Certificate.objects.filter(revoked_at__isnull=False).exists()


def test_a_name_too_long_for_the_reissued_certificate_is_refused_not_cut(world):
    """Found by the fuzzing: a name typed on the reissue page longer than a certificate
    holds (300) was cut to 300 characters and printed so, without a word."""
    from elearning.models import Certificate

    old = world.certificate
    posted = {
        "action": "reissue",
        ACTION_CHECKBOX_NAME: [str(old.pk)],
        "apply": "yes",
        "reason": "Nom mal orthographié",
    }
    url = reverse("admin:elearning_certificate_changelist")
    client = browser(world.superuser)
    response = client.post(url, {**posted, f"name-{old.pk}": "é" * 301})
    assert response.status_code == 200  # the confirmation again, with the error
    assert response.context["form"].errors[f"name-{old.pk}"]
    assert "é" * 301 in response.content.decode()  # what she typed, to shorten
    old.refresh_from_db()
    assert not old.is_revoked
    assert not Certificate.objects.filter(replaces=old).exists()

    response = client.post(url, {**posted, f"name-{old.pk}": "é" * 300})
    assert response.status_code == 302
    assert Certificate.objects.get(replaces=old).learner_name == "é" * 300


# --- One character too many, in every text field with a limit ---------------------------


def page_data(response):
    """What an admin change page posts as it stands: its form's and its inlines' values."""
    adminform = response.context["adminform"]
    data = dict(current_values(adminform.form) or {})
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(
            {f"{formset.prefix}-{k}": v for k, v in formset.management_form.initial.items()}
        )
        for form in formset.forms:
            data.update({form.add_prefix(k): v for k, v in (current_values(form) or {}).items()})
            data[form.add_prefix(formset.model._meta.pk.name)] = str(form.instance.pk)
    return data


def text_limits(form):
    return [
        name
        for name, field in form.fields.items()
        if isinstance(field, CharField) and field.max_length and not field.disabled
    ]


@pytest.mark.parametrize("label", [label for label, page in ADMIN_MODEL_PAGES if page == "change"])
def test_a_value_one_character_too_long_is_refused_in_every_admin_change_form(world, label, rf):
    """The page as it stands saves; the same with one text field one character over its
    limit is refused with the field's message, and nothing is stored cut."""
    model, model_admin = model_admin_of(label)
    request = rf.get("/")
    request.user = world.superuser
    obj = model_admin.get_queryset(request).order_by("pk").first()
    url = reverse(admin_name(model, "change"), args=[obj.pk])
    client = browser(world.superuser)
    page = client.get(url)
    if page.status_code == 403:  # read-only: nothing to save
        return
    form = page.context["adminform"].form
    baseline = page_data(page)
    for name in text_limits(form):
        limit = form.fields[name].max_length
        with transaction.atomic():
            response = client.post(url, {**baseline, name: "é" * (limit + 1)})
            transaction.set_rollback(True)
        assert response.status_code == 200, (label, name)
        assert response.context["adminform"].form.errors.get(name), (label, name)
        stored = model._default_manager.filter(pk=obj.pk).values_list(name, flat=True).first()
        assert stored != "é" * limit, (label, name)
