"""Fixtures shared by every test: settings for tests, and small factories."""

import itertools
import os
import signal

import pytest

# Playwright's sync API runs an event loop in the test thread; Django must still
# accept ORM calls there (live-server browser tests).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

_counter = itertools.count(1)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (Django's cache framework, local memory)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _test_settings(settings):
    # Manifest storage needs collectstatic; tests serve static files as they are.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.WHITENOISE_AUTOREFRESH = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # Background tasks queue in the database, as on one machine, whatever the environment
    # says; the tests run them with `run_tasks`.
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }


@pytest.fixture
def run_tasks(monkeypatch):
    """Run the tasks queued so far with the database worker, here and now: what
    `manage.py db_worker --batch` does, in the test's own transaction."""
    from django.core.management import call_command
    from django_tasks_db.management.commands import db_worker

    # The worker drops a connection left inside a transaction, as a worker should; here
    # that transaction is the test's own.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run():
        names = (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)
        handlers = {name: signal.getsignal(name) for name in names}
        try:
            call_command("db_worker", "--batch", "--no-reload", "--no-startup-delay", verbosity=0)
        finally:  # the worker takes Ctrl-C and SIGTERM for itself
            for name, handler in handlers.items():
                signal.signal(name, handler)

    return run


@pytest.fixture
def make_user(db):
    from elearning.models import User

    def make(**fields):
        n = next(_counter)
        fields.setdefault("email", f"learner{n}@example.com")
        fields.setdefault("first_name", "Léa")
        fields.setdefault("last_name", f"Durand{n}")
        password = fields.pop("password", "correct-horse-battery")
        return User.objects.create_user(password=password, **fields)

    return make


@pytest.fixture
def learner(make_user):
    return make_user()


TEST_COHORT = "Promotion de test"


def teach(*learners):
    """Put ``learners`` in the cohort the ``instructor`` fixture teaches (she sees them)."""
    from elearning.models import Cohort

    Cohort.objects.get_or_create(name=TEST_COHORT)[0].learners.add(*learners)


@pytest.fixture
def instructor(make_user):
    """A staff member of the "Instructors" group (not a superuser), who teaches the cohort
    TEST_COHORT (empty: ``teach()`` puts learners in it)."""
    from elearning.instructors import ensure_instructors_group
    from elearning.models import Cohort

    user = make_user(is_staff=True)
    user.groups.add(ensure_instructors_group())
    Cohort.objects.get_or_create(name=TEST_COHORT)[0].instructors.add(user)
    return user


@pytest.fixture
def instructor_client(client, instructor):
    client.force_login(instructor)
    return client


@pytest.fixture
def make_course(db):
    from elearning.models import Course, Lesson

    def make(lessons=3, published=True, **fields):
        n = next(_counter)
        fields.setdefault("title", f"Cours {n}")
        fields.setdefault("slug", f"cours-{n}")
        course = Course.objects.create(is_published=published, **fields)
        for position in range(1, lessons + 1):
            Lesson.objects.create(
                course=course,
                title=f"Leçon {position}",
                slug=f"lecon-{position}",
                position=position,
                body=f"Texte de la leçon {position}.",
            )
        return course

    return make


@pytest.fixture
def course(make_course):
    return make_course()


@pytest.fixture
def shipped_course(db):
    """The course that ships in fixtures/, loaded as `make run` loads it."""
    from elearning.content import load_missing
    from elearning.models import Course

    load_missing()
    return Course.objects.get(slug="secousses-dans-la-jambe-fasciculations")


@pytest.fixture
def make_quiz(db):
    """A quiz with ``questions`` published single-choice questions (choice "Bonne" is right).

    ``kinds`` overrides the kind per question; multiple-response questions get two right
    choices ("Bonne", "Aussi bonne") and two wrong ones.
    """
    from quiz.models import Bank, Choice, Question, QuestionStatus, Quiz, QuizQuestion

    def make(questions=3, kinds=None, category=None, bank=None, **fields):
        n = next(_counter)
        fields.setdefault("title", f"Quiz {n}")
        if bank is None:
            bank = category.bank if category else Bank.objects.create(name=f"Banque {n}")
        quiz = Quiz.objects.create(bank=bank, **fields)
        for position in range(1, questions + 1):
            kind = (kinds or {}).get(position, "single")
            question = Question.objects.create(
                bank=bank,
                text=f"Question {position} du quiz {n} ?",
                kind=kind,
                explanation=f"Explication {position}.",
                category=category,
                status=QuestionStatus.PUBLISHED,
            )
            QuizQuestion.objects.create(quiz=quiz, question=question, position=position)
            if kind == "true_false":
                texts = [("Vrai", True), ("Faux", False)]
            elif kind == "multiple":
                texts = [
                    ("Bonne", True),
                    ("Aussi bonne", True),
                    ("Fausse", False),
                    ("Autre", False),
                ]
            else:
                texts = [("Bonne", True), ("Fausse", False), ("Autre", False)]
            for number, (text, correct) in enumerate(texts, start=1):
                Choice.objects.create(
                    question=question,
                    position=number,
                    text=text,
                    is_correct=correct,
                    feedback=f"Retour {text}",
                )
        return quiz

    return make


@pytest.fixture
def quiz_course(make_course, make_quiz):
    """A published course of 3 lessons whose first lesson has a checkpoint quiz (immediate,
    unlimited) and which has a final quiz (deferred, 80 %, 3 attempts, 30 minutes)."""
    course = make_course()
    lesson = course.lessons.get(position=1)
    lesson.checkpoint_quiz = make_quiz(questions=3, title="Checkpoint", bank=course.bank)
    lesson.save()
    course.final_quiz = make_quiz(
        questions=5,
        bank=course.bank,
        title="Final",
        feedback_mode="deferred",
        pass_mark=80,
        max_attempts=3,
        time_limit_minutes=30,
        review_policy="after_last_or_pass",
    )
    course.save()
    return course
