"""Courses, lessons, learners, enrolments and reading progress."""

import secrets
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.db.models import (
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    FilteredRelation,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_tasks import TaskResultStatus, default_task_backend
from django_tasks.exceptions import TaskResultDoesNotExist

from quiz.choices import AttemptState, QuestionStatus
from quiz.models import Attempt, Bank, DrawRule, Question, QuizQuestion
from quiz.percentages import whole_percent

from .names import isolated, normalise_name, validate_name


def quiz_url(course_slug, quiz_pk):
    """The page of a course's quiz (a checkpoint or the final quiz), or None without one."""
    if quiz_pk is None:
        return None
    return reverse("quiz_detail", kwargs={"course_slug": course_slug, "quiz_id": quiz_pk})


class UserManager(DjangoUserManager):
    """Learners log in with their e-mail address, whatever its case."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractUser):
    username = None
    # unique=True for Django's checks; the constraint below also ignores case.
    email = models.EmailField(_("e-mail address"), unique=True)
    first_name = models.CharField(_("first name"), max_length=150, validators=[validate_name])
    last_name = models.CharField(_("last name"), max_length=150, validators=[validate_name])
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    # Moves on with every write of her enrolments, lessons done or quiz results, in the same
    # transaction (elearning.versions): the key under which her pages' reads are cached.
    progress_version = models.PositiveIntegerField(default=0, editable=False)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="user_email_ci_unique",
                violation_error_message=_("An account with this e-mail address already exists."),
            ),
        ]

    def __str__(self):
        # shown where no <bdi> can go (select options, breadcrumbs): isolated as text
        return isolated(self.get_full_name() or self.email)

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email)
        self.first_name = normalise_name(self.first_name)
        self.last_name = normalise_name(self.last_name)


class LoginSession(models.Model):
    """A session a user logged in with: what 'log out of every device' ends (the session
    store itself does not say whose a session is)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="login_sessions"
    )
    session_key = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("login session")
        verbose_name_plural = _("login sessions")

    def __str__(self):
        return f"{self.user} ({self.created_at:%Y-%m-%d %H:%M})"


class CourseQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def visible_to(self, user):
        """Learners see published courses; instructors also preview drafts."""
        return self if user.is_staff else self.published()

    def with_progress(self, learner):
        """Each course with its ``lesson_count``, the learner's ``done_count`` and her
        enrolment's dates: ``last_activity_at`` (None: not enrolled), ``final_quiz_passed_at``,
        ``completed_at`` and ``completion_percent``; ``has_certificate``: she holds a valid
        certificate of it (none once it is revoked). One query, whatever the number of
        courses; an anonymous visitor gets the counts with nothing done."""
        courses = self.annotate(lesson_count=lesson_count(OuterRef("pk")))
        if not learner.is_authenticated:
            return courses.annotate(
                done_count=Value(0),
                **{
                    name: Value(None, output_field=models.DateTimeField())
                    for name in ENROLMENT_DATES
                },
                completion_percent=Value(None, output_field=models.PositiveSmallIntegerField()),
                has_certificate=Value(False),
            )
        return courses.annotate(
            done_count=done_count(OuterRef("pk"), learner),
            mine=FilteredRelation("enrolments", condition=Q(enrolments__learner=learner)),
            **{name: F(f"mine__{name}") for name in (*ENROLMENT_DATES, "completion_percent")},
            has_certificate=Exists(
                Certificate.objects.valid().filter(learner=learner, course=OuterRef("pk"))
            ),
        )

    def with_next_step(self, learner):
        """Her next step on each course's reading path (``LessonQuerySet.ahead_of`` says
        which steps are still ahead of her): ``next_lesson_slug`` and ``next_lesson_title``,
        the lesson the step belongs to (None once every step is taken), and
        ``next_checkpoint_id``, its checkpoint quiz when the step is that quiz rather than
        the lesson itself; ``first_lesson_slug``: the course's first active lesson. In the
        same query as the courses; an anonymous visitor has no step."""
        lessons = Lesson.objects.filter(course=OuterRef("pk")).in_reading_order()
        first = {"first_lesson_slug": Subquery(lessons.values("slug")[:1])}
        if not learner.is_authenticated:
            nothing = Value(None, output_field=models.CharField())
            return self.annotate(
                next_lesson_slug=nothing,
                next_lesson_title=nothing,
                next_checkpoint_id=Value(None, output_field=models.IntegerField()),
                **first,
            )
        step = lessons.ahead_of(learner).annotate(
            step_checkpoint=Case(
                When(_done_by(learner), then=F("checkpoint_quiz_id")),
                output_field=models.IntegerField(),
            )
        )
        return self.annotate(
            next_lesson_slug=Subquery(step.values("slug")[:1]),
            next_lesson_title=Subquery(step.values("title")[:1]),
            next_checkpoint_id=Subquery(step.values("step_checkpoint")[:1]),
            **first,
        )


class CourseManager(models.Manager.from_queryset(CourseQuerySet)):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Course(models.Model):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.TextField(_("summary"), blank=True)
    editorial_notes = models.TextField(
        _("editorial notes"),
        blank=True,
        help_text=_(
            "For instructors only: what was changed from the source text, and why. "
            "Markdown is allowed."
        ),
    )
    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("Only published courses are shown to learners."),
    )
    bank = models.OneToOneField(
        "quiz.Bank",
        on_delete=models.PROTECT,
        related_name="course",
        verbose_name=_("question bank"),
        help_text=_(
            "Where the course's questions live, by category: its quizzes pick and draw from it."
        ),
    )
    final_quiz = models.OneToOneField(
        "quiz.Quiz",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("final quiz"),
        help_text=_("The quiz a learner must pass to complete the course (deferred feedback)."),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CourseManager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.bank_id is None:  # every course has its question bank
            self.bank = Bank.objects.create(name=Bank.free_name(self.title))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("course_detail", kwargs={"course_slug": self.slug})

    def natural_key(self):
        return (self.slug,)

    @property
    def final_quiz_url(self):
        return quiz_url(self.slug, self.final_quiz_id)

    @property
    def percent(self):
        """The learner's whole percentage of lessons done (needs ``with_progress()``)."""
        return whole_percent(self.done_count, self.lesson_count)

    @property
    def next_step_url(self):
        """Her next step's page, a lesson or its checkpoint quiz; None once every step is
        taken (needs ``with_next_step()``)."""
        if self.next_checkpoint_id is not None:
            return quiz_url(self.slug, self.next_checkpoint_id)
        if self.next_lesson_slug is None:
            return None
        return reverse(
            "lesson_detail",
            kwargs={"course_slug": self.slug, "lesson_slug": self.next_lesson_slug},
        )

    @property
    def is_enrolled(self):
        """Whether the learner is enrolled (needs ``with_progress()``)."""
        return self.last_activity_at is not None


class LessonQuerySet(models.QuerySet):
    """Which lessons count and in which order: the one place for both."""

    def active(self):
        return self.filter(is_archived=False)

    def in_reading_order(self):
        """The active lessons, in the order learners read them."""
        return self.active().order_by("position", "pk")

    def following(self, lesson):
        """The active lessons after ``lesson`` in its course, in reading order."""
        return self.in_reading_order().filter(
            course_id=lesson.course_id, position__gt=lesson.position
        )

    def visible_to(self, user):
        """Lessons of courses the user may see (instructors also preview drafts)."""
        return self if user.is_staff else self.filter(course__is_published=True)

    def with_done(self, learner):
        """Each lesson with ``is_done``: whether the learner has marked it done."""
        if not learner.is_authenticated:
            return self.annotate(is_done=Value(False))
        return self.annotate(is_done=_done_by(learner))

    def not_done_by(self, learner):
        return self if not learner.is_authenticated else self.exclude(_done_by(learner))

    def ahead_of(self, learner):
        """The lessons whose step on the reading path she has not taken yet: the rule
        behind "Continue" on the course page and the dashboard, and behind where marking
        a lesson done leads.

        The reading path goes lesson, its checkpoint quiz, next lesson. A lesson is
        behind her once she has marked it done and, when it has a checkpoint quiz, once
        she has also submitted an attempt at that quiz (any grade: a checkpoint is
        practice, not a test to pass; an attempt left in progress is not taken). So her
        next step is the first lesson, in reading order, that is not done, or the
        checkpoint of a done lesson she has not taken; a checkpoint she skipped comes
        back as her next step until she takes it. A checkpoint with no question to ask
        yet (an instructor's quiz still empty) is no step: it never holds her back.
        """
        return self.filter(
            ~_done_by(learner) | (_checkpoint_open() & ~_checkpoint_taken_by(learner))
        )

    def with_steps(self, learner):
        """Each lesson with ``is_done`` and ``checkpoint_pending``: whether its checkpoint
        quiz is a step still ahead of her (she has not taken it, and it has a question to
        ask): the two steps of the reading path a lesson holds (``ahead_of``)."""
        if not learner.is_authenticated:
            return self.with_done(learner).annotate(checkpoint_pending=Value(False))
        return self.with_done(learner).annotate(
            checkpoint_pending=ExpressionWrapper(
                _checkpoint_open() & ~_checkpoint_taken_by(learner),
                output_field=models.BooleanField(),
            )
        )


def _done_by(learner):
    """A lesson is done when the learner has marked it so (a ``LessonProgress`` row)."""
    return Exists(LessonProgress.objects.filter(learner=learner, lesson=OuterRef("pk")))


def _checkpoint_open():
    """The lesson has a checkpoint quiz with a question to ask: one it picks, published, or
    a published question of a category one of its draw rules draws from."""
    quiz = OuterRef("checkpoint_quiz_id")
    return Exists(
        QuizQuestion.objects.filter(quiz=quiz, question__status=QuestionStatus.PUBLISHED)
    ) | Exists(
        Question.objects.published().filter(
            Exists(DrawRule.objects.filter(quiz=OuterRef(quiz), category=OuterRef("category")))
        )
    )


def _checkpoint_taken_by(learner):
    """She has taken a lesson's checkpoint quiz once she has submitted an attempt at it."""
    return Exists(
        Attempt.objects.filter(
            learner=learner, quiz_id=OuterRef("checkpoint_quiz_id"), state=AttemptState.SUBMITTED
        )
    )


def _count(queryset):
    return Coalesce(
        Subquery(queryset.order_by().values("course").annotate(n=Count("pk")).values("n")[:1]),
        0,
    )


def lesson_count(course):
    """How many active lessons the course has (``course``: an expression, e.g. OuterRef)."""
    return _count(Lesson.objects.active().filter(course=course))


def done_count(course, learner):
    """How many of the course's active lessons the learner has done. ``course`` and
    ``learner``: values, or ``OuterRef`` expressions on the query being annotated."""
    if isinstance(learner, OuterRef):
        learner = OuterRef(learner)  # one level further out: from inside the lessons' count
    return _count(Lesson.objects.active().filter(_done_by(learner), course=course))


# Her enrolment's dates that the pages show, annotated by CourseQuerySet.with_progress().
ENROLMENT_DATES = ("last_activity_at", "final_quiz_passed_at", "completed_at")


class LessonManager(models.Manager.from_queryset(LessonQuerySet)):
    def get_by_natural_key(self, slug, course_slug):
        return self.get(slug=slug, course__slug=course_slug)


class Lesson(models.Model):
    course = models.ForeignKey(
        Course, on_delete=models.CASCADE, related_name="lessons", verbose_name=_("course")
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200)
    position = models.PositiveIntegerField(_("position"), default=0)
    objectives = models.TextField(
        _("learning objectives"),
        blank=True,
        help_text=_("One objective per line: what the learner can do after this lesson."),
    )
    body = models.TextField(
        _("body"),
        help_text=_(
            "Markdown: lists, *emphasis*, ## headings. A key points box starts with the line "
            '!!! cles "Points clés" followed by indented lines.'
        ),
    )
    reading_minutes = models.PositiveSmallIntegerField(_("reading time (minutes)"), default=3)
    is_archived = models.BooleanField(
        _("archived"),
        default=False,
        help_text=_("Archived lessons are hidden from learners but keep their progress."),
    )
    checkpoint_quiz = models.OneToOneField(
        "quiz.Quiz",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("checkpoint quiz"),
        help_text=_(
            "A short quiz after the lesson, with immediate feedback; it does not count "
            "towards completing the course."
        ),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = LessonManager()

    class Meta:
        ordering = ["course", "position", "pk"]
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        constraints = [
            models.UniqueConstraint(fields=["course", "slug"], name="lesson_slug_unique_in_course"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self._state.adding and not self.position:  # a new lesson comes last
            last = Lesson.objects.filter(course_id=self.course_id).aggregate(
                last=models.Max("position")
            )["last"]
            self.position = (last or 0) + 1
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(
            "lesson_detail", kwargs={"course_slug": self.course.slug, "lesson_slug": self.slug}
        )

    def natural_key(self):
        return (self.slug, *self.course.natural_key())

    natural_key.dependencies = ["elearning.course"]

    @property
    def checkpoint_quiz_url(self):
        return quiz_url(self.course.slug, self.checkpoint_quiz_id)

    @property
    def objective_list(self):
        return [line.strip(" -*\t") for line in self.objectives.splitlines() if line.strip()]


class GlossaryTermManager(models.Manager):
    def get_by_natural_key(self, term, course_slug):
        return self.get(term=term, course__slug=course_slug)


class GlossaryTerm(models.Model):
    course = models.ForeignKey(
        Course, on_delete=models.CASCADE, related_name="glossary", verbose_name=_("course")
    )
    term = models.CharField(_("term"), max_length=120)
    definition = models.TextField(_("definition"))

    objects = GlossaryTermManager()

    class Meta:
        ordering = ["course", "term"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        constraints = [
            models.UniqueConstraint(fields=["course", "term"], name="glossary_term_unique"),
        ]

    def __str__(self):
        return self.term

    def natural_key(self):
        return (self.term, *self.course.natural_key())

    natural_key.dependencies = ["elearning.course"]


class EnrolmentQuerySet(models.QuerySet):
    def with_progress(self):
        """Annotate the course's active lesson count and the learner's done count."""
        return self.annotate(
            lesson_count=lesson_count(OuterRef("course")),
            done_count=done_count(OuterRef("course"), OuterRef("learner")),
        )


class Enrolment(models.Model):
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="enrolments",
        verbose_name=_("learner"),
    )
    course = models.ForeignKey(
        Course, on_delete=models.CASCADE, related_name="enrolments", verbose_name=_("course")
    )
    enrolled_at = models.DateTimeField(_("enrolled"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)
    # Recorded at her first pass of the final quiz, never undone by a later attempt.
    final_quiz_passed_at = models.DateTimeField(
        _("final quiz passed on"), null=True, blank=True, editable=False
    )
    final_quiz_attempt = models.ForeignKey(
        "quiz.Attempt",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("passing attempt"),
    )
    # Recorded once, at the request that completes the course (every lesson done and the
    # final quiz passed, in either order), with her final quiz grade then.
    completed_at = models.DateTimeField(_("completed on"), null=True, blank=True, editable=False)
    completion_percent = models.PositiveSmallIntegerField(
        _("final grade (%)"), null=True, blank=True, editable=False
    )

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["learner", "course"], name="one_enrolment_per_course"),
        ]

    def __str__(self):
        return f"{self.learner} – {self.course}"

    @property
    def percent(self):
        """Whole percentage of lessons done (needs ``with_progress()``)."""
        return whole_percent(self.done_count, self.lesson_count)


class LessonProgress(models.Model):
    """A lesson a learner has marked as done; no row means not started."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="lesson_progress",
        verbose_name=_("learner"),
    )
    lesson = models.ForeignKey(
        Lesson, on_delete=models.PROTECT, related_name="progress", verbose_name=_("lesson")
    )
    completed_at = models.DateTimeField(_("done on"), default=timezone.now)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(fields=["learner", "lesson"], name="one_progress_per_lesson"),
        ]

    def __str__(self):
        return f"{self.learner} – {self.lesson}"


class QuestionSource(models.Model):
    """Where a question comes from in a course: the lesson, its passage and its objective.

    Kept on the course's side, so that the quiz engine knows nothing of courses; a review
    links each question back to the lesson that teaches it.
    """

    question = models.OneToOneField(
        "quiz.Question",
        on_delete=models.CASCADE,
        related_name="source",
        verbose_name=_("question"),
    )
    lesson = models.ForeignKey(
        Lesson, on_delete=models.CASCADE, related_name="question_sources", verbose_name=_("lesson")
    )
    objective = models.CharField(_("learning objective"), max_length=300, blank=True)
    passage = models.TextField(
        _("passage"), blank=True, help_text=_("The sentences of the lesson the question is about.")
    )

    class Meta:
        verbose_name = _("question source")
        verbose_name_plural = _("question sources")

    def __str__(self):
        return f"{self.question} – {self.lesson}"

    def get_passage_url(self):
        """The lesson's page at the passage: a URL text fragment (``#:~:text=start,end``)
        makes the browser scroll to it and highlight it; a browser without them opens the
        lesson at its top. Needs ``lesson__course`` (select_related)."""
        return self.lesson.get_absolute_url() + text_fragment(self.passage)


# What the lesson's rendering may write otherwise (typographic quotes, a no-break space
# before French punctuation): a fragment stops before a word holding one of them.
_FRAGMENT_STOPS = set('"«»“”:;!?')
_FRAGMENT_WORDS = 4


def text_fragment(passage):
    """``#:~:text=`` with the passage's first and last few words ("" when none will do).

    A few words at each end find the passage whatever formatting the Markdown gives it in
    between; apostrophes are written as the rendered lesson writes them (’)."""

    def run(words):
        taken = []
        for word in words[:_FRAGMENT_WORDS]:
            if _FRAGMENT_STOPS & set(word):
                break
            taken.append(word)
        return " ".join(taken)

    def encode(text):
        return quote(text, safe="").replace("-", "%2D")

    words = passage.replace("'", "’").split()
    start = run(words)
    if not start:
        return ""
    # The last words, read from the end (none when the passage is that short).
    end = " ".join(reversed(run(words[_FRAGMENT_WORDS:][::-1]).split()))
    return f"#:~:text={encode(start)}" + (f",{encode(end)}" if end else "")


# Join codes read aloud or copied from a board: no 0/O, 1/I/L.
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 8


def new_join_code():
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


class Cohort(models.Model):
    """A class of learners ("Promotion 2026 - IFSI Lyon") and the instructors who teach it:
    an instructor sees the learners of her cohorts only (``elearning.cohorts``)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    join_code = models.CharField(
        _("join code"),
        max_length=JOIN_CODE_LENGTH,
        unique=True,
        default=new_join_code,
        help_text=_("Learners join the cohort with this code, on their profile page."),
    )
    is_open = models.BooleanField(
        _("open to joining"),
        default=True,
        help_text=_("Untick to stop learners joining with the code."),
    )
    learners = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="CohortMembership",
        through_fields=("cohort", "learner"),
        related_name="cohorts",
        verbose_name=_("learners"),
    )
    instructors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="taught_cohorts",
        limit_choices_to={"is_staff": True},
        verbose_name=_("instructors"),
        help_text=_("The staff who teach this cohort: they see its learners."),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")

    def __str__(self):
        return self.name


class CohortMembership(models.Model):
    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("cohort")
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="cohort_memberships",
        verbose_name=_("learner"),
    )
    joined_at = models.DateTimeField(_("joined"), default=timezone.now, editable=False)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("added by"),
        help_text=_("Empty when she joined with the code."),
    )

    class Meta:
        ordering = ["cohort", "learner__last_name", "learner__first_name", "pk"]
        verbose_name = _("member")
        verbose_name_plural = _("members")
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "learner"],
                name="one_membership_per_cohort",
                violation_error_message=_("This learner is already in the cohort."),
            ),
        ]

    def __str__(self):
        return f"{self.learner} – {self.cohort}"


class AnonymousAttemptCohort(models.Model):
    """A cohort an anonymous attempt's learner was in when she deleted her account: what
    keeps the attempt in the statistics of her instructors (``cohorts``), and nothing else
    of her (``personal_data.delete_account``)."""

    attempt = models.ForeignKey(
        "quiz.Attempt", on_delete=models.CASCADE, related_name="+", verbose_name=_("attempt")
    )
    cohort = models.ForeignKey(
        Cohort,
        on_delete=models.CASCADE,
        related_name="anonymous_attempts",
        verbose_name=_("cohort"),
    )

    class Meta:
        verbose_name = _("anonymous attempt's cohort")
        verbose_name_plural = _("anonymous attempts' cohorts")
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "cohort"], name="one_anonymous_attempt_per_cohort"
            ),
        ]

    def __str__(self):
        return f"{self.attempt_id} – {self.cohort}"


class CertificateQuerySet(models.QuerySet):
    def valid(self):
        return self.filter(revoked_at__isnull=True)


class Certificate(models.Model):
    """A course's certificate of completion, as issued: what it states never changes.

    The snapshot (her name as it was, the course's title, the date, the grade) is what the
    PDF and the verification page show, whatever later edits of the profile or the course.
    A revoked certificate stays, with who revoked it, when and why; a reissued one points
    to the certificate it replaces.
    """

    code = models.CharField(_("verification code"), max_length=16, unique=True, editable=False)
    # Empty once her account is deleted, when the school keeps certificates verifiable
    # (``settings.KEEP_CERTIFICATES_AFTER_DELETION``, ``elearning.personal_data``).
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="certificates",
        verbose_name=_("learner"),
    )
    course = models.ForeignKey(
        Course, on_delete=models.PROTECT, related_name="certificates", verbose_name=_("course")
    )
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)
    learner_name = models.CharField(_("name on the certificate"), max_length=300)
    course_title = models.CharField(_("course on the certificate"), max_length=200)
    completed_on = models.DateField(_("completion date"))
    score_percent = models.PositiveSmallIntegerField(_("final grade (%)"))
    replaces = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaced_by",
        verbose_name=_("replaces"),
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    revocation_reason = models.TextField(_("reason for revoking"), blank=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "course"],
                condition=Q(revoked_at__isnull=True),
                name="one_valid_certificate_per_course",
                violation_error_message=_("This learner already has a valid certificate."),
            ),
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True, revocation_reason="")
                | Q(revoked_at__isnull=False) & ~Q(revocation_reason=""),
                name="certificate_revoked_with_a_reason",
            ),
        ]

    def __str__(self):
        return f"{self.display_code} – {self.learner_name} – {self.course_title}"

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    @property
    def display_code(self):
        from .completion import display_code

        return display_code(self.code)


class CodeLookupFailure(models.Model):
    """A certificate code that matched nothing, by client: the verification page's rate
    limit counts these (kept in the database, so that every app server sees them)."""

    client = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self):
        return f"{self.client} – {self.at:%Y-%m-%d %H:%M}"


class ContentVersion(models.Model):
    """One row, moved on in the same transaction as every change to the courses, lessons
    and quizzes (``elearning.versions``): part of the learner pages' cache keys."""

    value = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("content version")

    def __str__(self):
        return str(self.value)


class DraftSource(models.Model):
    """The lesson a question draft was made from (the drafting engine knows no lessons)."""

    draft = models.OneToOneField(
        "quiz.QuestionDraft",
        on_delete=models.CASCADE,
        related_name="source",
        verbose_name=_("question draft"),
    )
    lesson = models.ForeignKey(
        Lesson, on_delete=models.CASCADE, related_name="question_drafts", verbose_name=_("lesson")
    )

    class Meta:
        verbose_name = _("draft source")
        verbose_name_plural = _("draft sources")

    def __str__(self):
        return f"{self.draft} – {self.lesson}"


class DraftRunState(models.TextChoices):
    """A drafting run as the admin shows it: its task's state, read from the task backend."""

    QUEUED = "queued", _("queued")
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


# Django's tasks API names the states of every task; a run shows them in its own words.
RUN_STATE_OF_TASK = {
    TaskResultStatus.READY: DraftRunState.QUEUED,
    TaskResultStatus.RUNNING: DraftRunState.RUNNING,
    TaskResultStatus.SUCCESSFUL: DraftRunState.DONE,
    TaskResultStatus.FAILED: DraftRunState.FAILED,
}


class DraftRun(models.Model):
    """One drafting run started from the admin, run as a background task by a worker (the
    language model never loads in a web worker). Whether it is queued, running, done or
    failed, and why it failed, is the task's own record (``task_result``); the run keeps
    what the task does not: what was drafted, by whom, when, and how many new drafts."""

    task_id = models.CharField(_("task"), max_length=64, blank=True, editable=False)
    course = models.ForeignKey(
        Course, on_delete=models.CASCADE, related_name="draft_runs", verbose_name=_("course")
    )
    lesson = models.ForeignKey(
        Lesson,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="draft_runs",
        verbose_name=_("lesson"),
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("started by"),
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    # Recorded by the task as it ends: the backend may forget the task's own record (RQ
    # keeps a result for minutes), not this.
    proposed = models.PositiveIntegerField(_("new drafts"), null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("drafting run")
        verbose_name_plural = _("drafting runs")

    def __str__(self):
        return f"{self.lesson or self.course} – {self.started_at:%Y-%m-%d %H:%M}"

    @cached_property
    def task_result(self):
        """The task's record in the task backend; None before the task is queued, or once
        the backend no longer keeps it."""
        if not self.task_id:
            return None
        try:
            return default_task_backend.get_result(self.task_id)
        except TaskResultDoesNotExist:
            return None

    @property
    def state(self):
        result = self.task_result
        if result is not None:
            return RUN_STATE_OF_TASK[result.status]
        if not self.task_id:
            return DraftRunState.QUEUED  # being queued, this very moment
        # The backend no longer keeps the task's record (results pruned from the database,
        # expired in Redis): the run ended, done if it recorded its drafts.
        return DraftRunState.FAILED if self.proposed is None else DraftRunState.DONE

    @property
    def error(self):
        """Why it failed: the last line of the task's traceback (``ValueError: …``)."""
        result = self.task_result
        if result is None:
            if self.state == DraftRunState.FAILED:
                return _("It ended without recording its drafts; its task is no longer kept.")
            return ""
        if not result.errors:
            return ""
        lines = result.errors[-1].traceback.strip().splitlines()
        return lines[-1] if lines else result.errors[-1].exception_class_path
