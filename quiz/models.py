"""Quizzes, questions, attempts and responses: the quiz engine's data.

The engine knows nothing of courses. An attempt freezes, when it starts, everything it
is graded by: the questions drawn, their order, each question's wording and choices in
the order shown (``Response.choices``), and the quiz's pass mark and feedback rules.
So an instructor's later edit never rewrites what a learner saw and was graded on.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Max, Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from . import grading
from .choices import (
    AttemptState,
    Confidence,
    DraftState,
    FeedbackMode,
    GradingMethod,
    QuestionKind,
    QuestionStatus,
    ReviewPolicy,
)
from .percentages import whole_percent


class BankManager(models.Manager):
    def get_by_natural_key(self, name):
        return self.get(name=name)


class Bank(models.Model):
    """A question bank: where questions live, by category, for every quiz that picks or
    draws from it. A course has one (``elearning.Course.bank``); a question edited in the
    bank is edited in every quiz that uses it, while attempts keep what they showed."""

    name = models.CharField(_("name"), max_length=200, unique=True)

    objects = BankManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("question bank")
        verbose_name_plural = _("question banks")

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.name,)

    @classmethod
    def free_name(cls, name):
        """``name``, or ``name (2)``, ``(3)``… where a bank already has it."""
        field = cls._meta.get_field("name")
        candidate, number = name[: field.max_length], 1
        while cls.objects.filter(name=candidate).exists():
            number += 1
            suffix = f" ({number})"
            candidate = name[: field.max_length - len(suffix)] + suffix
        return candidate


class CategoryManager(models.Manager):
    def get_by_natural_key(self, name, bank_name):
        return self.get(name=name, bank__name=bank_name)


class Category(models.Model):
    """What a question tests (a learning objective, say), so a quiz can draw so many of each.
    A category belongs to one bank."""

    bank = models.ForeignKey(
        Bank, on_delete=models.CASCADE, related_name="categories", verbose_name=_("bank")
    )
    name = models.CharField(_("name"), max_length=200)

    objects = CategoryManager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("question category")
        verbose_name_plural = _("question categories")
        constraints = [
            models.UniqueConstraint(
                fields=["bank", "name"],
                name="category_name_unique_in_bank",
                violation_error_message=_("This bank already has a category of this name."),
            ),
        ]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.name, *self.bank.natural_key())

    natural_key.dependencies = ["quiz.bank"]


class QuizManager(models.Manager):
    def get_by_natural_key(self, title):
        return self.get(title=title)


class Quiz(models.Model):
    """A quiz's settings, and what an attempt holds: the questions it picks from its bank
    (``questions``, in their order) and so many questions of a category drawn at random
    (``draw_rules``).

    Fixtures name a quiz by its title, a question by its number in its bank and a choice by
    its position in the question (the natural keys below). A quiz's title is not unique in
    the database (a copied quiz keeps its title until it is renamed): ``loaddata`` needs a
    database where each names one object, as an empty one.
    """

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    bank = models.ForeignKey(
        Bank,
        on_delete=models.PROTECT,
        related_name="quizzes",
        verbose_name=_("question bank"),
        help_text=_("Where the quiz's questions are picked and drawn from."),
    )
    questions = models.ManyToManyField(
        "Question",
        through="QuizQuestion",
        related_name="quizzes",
        blank=True,
        verbose_name=_("questions picked"),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=80,
        validators=[MaxValueValidator(100)],
        help_text=_("The score, in percent of the maximum, needed to pass."),
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("maximum attempts"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty for unlimited attempts."),
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty for no time limit."),
    )
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=False)
    shuffle_choices = models.BooleanField(_("shuffle choices"), default=False)
    feedback_mode = models.CharField(
        _("feedback"), max_length=16, choices=FeedbackMode, default=FeedbackMode.IMMEDIATE
    )
    grading_method = models.CharField(
        _("grading method"), max_length=16, choices=GradingMethod, default=GradingMethod.HIGHEST
    )
    review_policy = models.CharField(
        _("review of correct answers"),
        max_length=24,
        choices=ReviewPolicy,
        default=ReviewPolicy.AFTER_EACH,
    )
    confidence_marking = models.BooleanField(
        _("confidence-based marking"),
        default=False,
        help_text=_(
            "With each answer the learner says how sure she is; her results show how well "
            "her confidence matched (Moodle's scale: sure +3 / −6, fairly sure +2 / −2, not "
            "sure +1 / 0). The grade stays the share of right answers. For practice quizzes "
            "with immediate feedback."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = QuizManager()

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")
        constraints = [
            models.CheckConstraint(
                condition=Q(pass_mark__gte=0, pass_mark__lte=100), name="quiz_pass_mark_percent"
            ),
            models.CheckConstraint(
                condition=Q(max_attempts__isnull=True) | Q(max_attempts__gte=1),
                name="quiz_max_attempts_positive",
            ),
            models.CheckConstraint(
                condition=Q(time_limit_minutes__isnull=True) | Q(time_limit_minutes__gte=1),
                name="quiz_time_limit_positive",
            ),
            # She says how sure she is when she checks an answer: immediate feedback only.
            models.CheckConstraint(
                condition=Q(confidence_marking=False) | Q(feedback_mode=FeedbackMode.IMMEDIATE),
                name="quiz_confidence_marking_immediate",
                violation_error_message=_(
                    "Confidence-based marking needs immediate feedback: she says how sure "
                    "she is when she checks each answer."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def natural_key(self):
        return (self.title,)


class DrawRuleManager(models.Manager):
    def get_by_natural_key(self, quiz_title, category_name, bank_name):
        return self.get(
            quiz__title=quiz_title, category__name=category_name, category__bank__name=bank_name
        )


class DrawRule(models.Model):
    """Draw ``count`` published questions of ``category`` from the quiz's bank at each attempt,
    among those the quiz does not pick already."""

    quiz = models.ForeignKey(
        Quiz, on_delete=models.CASCADE, related_name="draw_rules", verbose_name=_("quiz")
    )
    category = models.ForeignKey(
        Category, on_delete=models.RESTRICT, related_name="+", verbose_name=_("category")
    )
    count = models.PositiveSmallIntegerField(_("questions to draw"), default=1)

    objects = DrawRuleManager()

    class Meta:
        ordering = ["quiz_id", "category__name"]
        verbose_name = _("draw rule")
        verbose_name_plural = _("draw rules")
        constraints = [
            models.UniqueConstraint(
                fields=["quiz", "category"],
                name="one_draw_rule_per_category",
                violation_error_message=_("The quiz already has a rule for this category."),
            ),
            models.CheckConstraint(condition=Q(count__gte=1), name="draw_rule_count_positive"),
        ]

    def __str__(self):
        return f"{self.count} × {self.category}"

    def natural_key(self):
        return (*self.quiz.natural_key(), *self.category.natural_key())

    natural_key.dependencies = ["quiz.quiz", "quiz.category"]

    def clean(self):
        super().clean()
        if self.quiz_id and self.category_id and self.category.bank_id != self.quiz.bank_id:
            raise ValidationError(
                {"category": _("Choose a category of the quiz's question bank.")},
                code="category_of_another_bank",
            )


class QuestionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=QuestionStatus.PUBLISHED)


class QuestionManager(models.Manager.from_queryset(QuestionQuerySet)):
    def get_by_natural_key(self, number, bank_name):
        return self.get(number=number, bank__name=bank_name)


class Question(models.Model):
    """A question of a bank, numbered in it; the quizzes that pick it show it as it stands."""

    bank = models.ForeignKey(
        Bank, on_delete=models.CASCADE, related_name="questions", verbose_name=_("question bank")
    )
    number = models.PositiveIntegerField(
        _("number"), editable=False, help_text=_("The question's number in its bank.")
    )
    text = models.TextField(_("question"))
    kind = models.CharField(
        _("kind"), max_length=16, choices=QuestionKind, default=QuestionKind.SINGLE
    )
    explanation = models.TextField(
        _("explanation"), blank=True, help_text=_("Shown with the right answer.")
    )
    points = models.PositiveSmallIntegerField(
        _("points"), default=1, validators=[MinValueValidator(1)]
    )
    # A category in use cannot be deleted, unless with its whole bank.
    category = models.ForeignKey(
        Category,
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("category"),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=QuestionStatus,
        default=QuestionStatus.DRAFT,
        help_text=_("Only published questions reach learners."),
    )
    partial_credit = models.BooleanField(
        _("partial credit"),
        default=False,
        help_text=_(
            "Multiple response only: each right pick earns a share of the points and each "
            "wrong pick takes one away, never below zero."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = QuestionManager()

    class Meta:
        ordering = ["bank_id", "number", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.CheckConstraint(condition=Q(points__gte=1), name="question_points_positive"),
            models.UniqueConstraint(fields=["bank", "number"], name="question_number_in_bank"),
        ]

    def __str__(self):
        text = " ".join(self.text.split())
        return text if len(text) <= 80 else f"{text[:79]}…"

    def save(self, *args, **kwargs):
        if self.number is None:  # the next number of its bank
            last = Question.objects.filter(bank_id=self.bank_id).aggregate(last=Max("number"))
            self.number = (last["last"] or 0) + 1
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.category_id and self.bank_id and self.category.bank_id != self.bank_id:
            raise ValidationError(
                {"category": _("Choose a category of the question's bank.")},
                code="category_of_another_bank",
            )

    def natural_key(self):
        return (self.number, *self.bank.natural_key())

    natural_key.dependencies = ["quiz.bank"]


class QuizQuestionManager(models.Manager):
    def get_by_natural_key(self, quiz_title, number, bank_name):
        return self.get(
            quiz__title=quiz_title, question__number=number, question__bank__name=bank_name
        )


class QuizQuestion(models.Model):
    """A question a quiz picks from its bank, at its place in the quiz."""

    quiz = models.ForeignKey(
        Quiz, on_delete=models.CASCADE, related_name="picks", verbose_name=_("quiz")
    )
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="picks", verbose_name=_("question")
    )
    position = models.PositiveIntegerField(
        _("position"), default=0, blank=True, help_text=_("Empty: at the end of the quiz.")
    )

    objects = QuizQuestionManager()

    class Meta:
        ordering = ["quiz_id", "position", "pk"]
        verbose_name = _("question of the quiz")
        verbose_name_plural = _("questions of the quiz")
        constraints = [
            models.UniqueConstraint(
                fields=["quiz", "question"],
                name="question_picked_once",
                violation_error_message=_("The quiz already has this question."),
            ),
        ]

    def __str__(self):
        # A row's label on the quiz's page, under the quiz's own title: the question's number.
        return _("Question %(number)s") % {"number": self.question.number}

    def save(self, *args, **kwargs):
        if not self.position:  # at the end of the quiz
            last = QuizQuestion.objects.filter(quiz_id=self.quiz_id).aggregate(last=Max("position"))
            self.position = (last["last"] or 0) + 1
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.quiz_id and self.question_id and self.question.bank_id != self.quiz.bank_id:
            raise ValidationError(
                {"question": _("Choose a question of the quiz's question bank.")},
                code="question_of_another_bank",
            )

    def natural_key(self):
        return (*self.quiz.natural_key(), *self.question.natural_key())

    natural_key.dependencies = ["quiz.quiz", "quiz.question"]


# The choices' "correct" column as the admin heads it, for the messages that point at it.
CORRECT_COLUMN = capfirst(_("correct"))


def validate_choices(kind, choices):
    """Refuse a question that cannot be answered correctly.

    ``choices`` are (text, is_correct) pairs, or (text, is_correct, weight) triples where a
    choice may carry a weight in percent (``Choice.fraction``, None for none). One rule for
    the admin's formset, the importer of Moodle's formats and the shipped question bank's test.
    """
    errors = []
    if len(choices) < 2:
        errors.append(
            ValidationError(_("A question needs at least two choices."), code="too_few_choices")
        )
    correct = sum(1 for _text, is_correct, *_weight in choices if is_correct)
    if kind in (QuestionKind.SINGLE, QuestionKind.TRUE_FALSE) and correct == 0:
        errors.append(
            ValidationError(
                _("No choice is marked correct: tick “%(column)s” on the right answer."),
                code="not_one_correct",
                params={"column": CORRECT_COLUMN},
            )
        )
    if kind in (QuestionKind.SINGLE, QuestionKind.TRUE_FALSE) and correct > 1:
        errors.append(
            ValidationError(
                _(
                    "%(count)d choices are marked correct, but a single-choice or true/false "
                    "question has one right answer: untick “%(column)s” on the others, or make "
                    "it a multiple-response question."
                ),
                code="not_one_correct",
                params={"count": correct, "column": CORRECT_COLUMN},
            )
        )
    if kind == QuestionKind.MULTIPLE and not 0 < correct < len(choices):
        errors.append(
            ValidationError(
                _("A multiple-response question needs at least one correct and one wrong choice."),
                code="multiple_needs_both",
            )
        )
    texts = [" ".join(text.split()).casefold() for text, *_rest in choices]
    if len(set(texts)) != len(texts):
        errors.append(
            ValidationError(_("Two choices have the same text."), code="duplicate_choice")
        )
    errors += _weight_errors(kind, choices)
    if errors:
        raise ValidationError(errors)


# Weights are percentages with five decimals, so thirds add up to 99.99999 %.
WEIGHT_SUM_TOLERANCE = Decimal("0.001")


def _weight_errors(kind, choices):
    """What makes a question's weights unsound (none when it has none)."""
    weights = [
        (is_correct, Decimal(weight[0]))
        for _text, is_correct, *weight in choices
        if weight and weight[0] not in (None, "")
    ]
    if not weights:
        return []
    if kind == QuestionKind.TRUE_FALSE:
        return [
            ValidationError(
                _("A true/false question takes no weights: leave them empty."),
                code="weights_on_true_false",
            )
        ]
    if len(weights) != len(choices):
        return [ValidationError(_("Give every choice a weight, or none."), code="weights_missing")]
    if any(not -100 <= weight <= 100 for _c, weight in weights):
        return [
            ValidationError(
                _("A weight lies between -100 % and 100 %."), code="weight_out_of_range"
            )
        ]
    if kind == QuestionKind.SINGLE:
        if any(is_correct != (weight == 100) for is_correct, weight in weights):
            return [
                ValidationError(
                    _(
                        "In a single-choice question with weights, the correct choice is "
                        "worth 100 % and the others less."
                    ),
                    code="single_weights",
                )
            ]
        return []
    errors = []
    if any(is_correct != (weight > 0) for is_correct, weight in weights):
        errors.append(
            ValidationError(
                _(
                    "In a multiple-response question with weights, the correct choices are "
                    "those with a positive weight."
                ),
                code="multiple_weights",
            )
        )
    total = sum(weight for _c, weight in weights if weight > 0)
    if abs(total - 100) > WEIGHT_SUM_TOLERANCE:
        errors.append(
            ValidationError(
                _("The positive weights add up to %(total)s %%, not 100 %%."),
                code="weights_sum",
                params={"total": f"{total.normalize():f}"},
            )
        )
    return errors


class ChoiceManager(models.Manager):
    def get_by_natural_key(self, position, question_number, bank_name):
        return self.get(
            position=position, question__number=question_number, question__bank__name=bank_name
        )


class Choice(models.Model):
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="choices", verbose_name=_("question")
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    text = models.CharField(_("text"), max_length=500)
    is_correct = models.BooleanField(_("correct"), default=False)
    feedback = models.TextField(
        _("feedback"), blank=True, help_text=_("Shown to a learner who picked this choice.")
    )
    # Moodle's "fraction", in percent; kept when a question comes with weights of its own.
    fraction = models.DecimalField(
        _("weight (%)"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-100), MaxValueValidator(100)],
        help_text=_(
            "Optional: the share of the points this choice earns, from -100 to 100 (a "
            "negative weight takes points away). Single choice: the choice picked earns its "
            "weight; multiple response with partial credit: the weights of the choices picked "
            "add up, never below 0 nor above 100. Empty: as “correct” and partial credit say."
        ),
    )

    class Meta:
        ordering = ["question_id", "position", "pk"]
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        constraints = [
            models.CheckConstraint(
                condition=Q(fraction__isnull=True)
                | Q(fraction__gte=Decimal(-100), fraction__lte=Decimal(100)),
                name="choice_fraction_percent",
            ),
        ]

    def __str__(self):
        return self.text

    def natural_key(self):
        return (self.position, *self.question.natural_key())

    natural_key.dependencies = ["quiz.question"]


class AttemptQuerySet(models.QuerySet):
    def in_progress(self):
        return self.filter(state=AttemptState.IN_PROGRESS)

    def of(self, learner, quiz):
        return self.filter(learner=learner, quiz=quiz)

    def expired(self, now):
        return self.in_progress().filter(deadline__lte=now)

    def results(self):
        """{quiz pk: ``grading.QuizResult``} over these attempts (one learner's), each quiz
        graded by its grading method as it stands now. One query."""
        by_quiz, methods = {}, {}
        for attempt in self.annotate(grading_method=F("quiz__grading_method")).order_by():
            by_quiz.setdefault(attempt.quiz_id, []).append(attempt)
            methods[attempt.quiz_id] = attempt.grading_method
        return {pk: grading.result_of(items, methods[pk]) for pk, items in by_quiz.items()}


class Attempt(models.Model):
    # Empty once her account is deleted: the attempt stays, anonymous, for the quiz's item
    # analysis (``quiz.statistics``), linked to nobody and to none of her other attempts.
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="quiz_attempts",
        verbose_name=_("learner"),
    )
    quiz = models.ForeignKey(
        Quiz, on_delete=models.PROTECT, related_name="attempts", verbose_name=_("quiz")
    )
    number = models.PositiveSmallIntegerField(_("attempt number"), default=1)
    state = models.CharField(
        _("state"), max_length=16, choices=AttemptState, default=AttemptState.IN_PROGRESS
    )
    started_at = models.DateTimeField(_("started"))
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    # The rules it is graded by, frozen at the start.
    pass_mark = models.PositiveSmallIntegerField(_("pass mark (%)"))
    feedback_mode = models.CharField(_("feedback"), max_length=16, choices=FeedbackMode)
    review_policy = models.CharField(
        _("review of correct answers"), max_length=24, choices=ReviewPolicy
    )
    confidence_marking = models.BooleanField(_("confidence-based marking"), default=False)
    # Also countable from the responses; kept so that the question page and the answer
    # save, the quiz's hottest requests, know the count without reading them all.
    question_count = models.PositiveSmallIntegerField(_("questions"), default=0)
    max_score = models.DecimalField(_("maximum score"), max_digits=9, decimal_places=4)
    score = models.DecimalField(_("score"), max_digits=9, decimal_places=4, null=True, blank=True)
    passed = models.BooleanField(_("passed"), null=True, blank=True)
    # Where she was, so that coming back resumes there.
    current_position = models.PositiveSmallIntegerField(default=1)

    objects = AttemptQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "quiz"],
                condition=Q(state="in_progress"),
                name="one_attempt_in_progress",
                violation_error_message=_("An attempt at this quiz is already in progress."),
            ),
            models.UniqueConstraint(
                fields=["learner", "quiz", "number"], name="attempt_number_unique"
            ),
            models.CheckConstraint(
                condition=Q(state="in_progress", submitted_at__isnull=True, score__isnull=True)
                | Q(state="submitted", submitted_at__isnull=False, score__isnull=False),
                name="attempt_state_consistent",
            ),
            models.CheckConstraint(
                condition=Q(pass_mark__gte=0, pass_mark__lte=100),
                name="attempt_pass_mark_percent",
            ),
        ]

    def __str__(self):
        learner = self.learner if self.learner_id else _("anonymous")
        return f"{learner} – {self.quiz} #{self.number}"

    @property
    def is_submitted(self):
        return self.state == AttemptState.SUBMITTED

    @property
    def ended_at_deadline(self):
        """Submitted when its time ran out (expired attempts are graded as of the deadline)."""
        return self.deadline is not None and self.submitted_at == self.deadline

    @property
    def is_immediate(self):
        return self.feedback_mode == FeedbackMode.IMMEDIATE

    @property
    def percent(self):
        """The score as a whole percentage (display only; ``quiz.percentages``)."""
        return whole_percent(self.score, self.max_score, short_of=self.pass_mark)


class Response(models.Model):
    """One drawn question of an attempt: what was shown, what she picked, what it earned."""

    attempt = models.ForeignKey(
        Attempt, on_delete=models.CASCADE, related_name="responses", verbose_name=_("attempt")
    )
    # Deleting a question that has responses is refused (PROTECT).
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, related_name="responses", verbose_name=_("question")
    )
    position = models.PositiveSmallIntegerField(_("position"))
    # The wording and rules as the learner saw them, frozen at the start.
    question_text = models.TextField(_("question"))
    kind = models.CharField(_("kind"), max_length=16, choices=QuestionKind)
    explanation = models.TextField(_("explanation"), blank=True)
    points = models.PositiveSmallIntegerField(_("points"))
    partial_credit = models.BooleanField(_("partial credit"), default=False)
    # [{"id": choice pk, "text": ..., "correct": bool, "feedback": ..., "fraction": weight
    # (only where the choice has one)}] in the order shown.
    choices = models.JSONField(_("choices"), default=list)
    selected = models.JSONField(_("selected choices"), default=list)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    # Immediate feedback: a checked answer is graded at once and can no longer change.
    is_locked = models.BooleanField(_("checked"), default=False)
    is_correct = models.BooleanField(_("correct"), null=True, blank=True)
    points_awarded = models.DecimalField(
        _("points awarded"), max_digits=9, decimal_places=4, null=True, blank=True
    )
    # Confidence-based marking: how sure she said she was (quiz.confidence), or None.
    confidence = models.PositiveSmallIntegerField(
        _("confidence"), choices=Confidence, null=True, blank=True
    )

    class Meta:
        ordering = ["attempt_id", "position"]
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "position"], name="response_position_unique"
            ),
            models.UniqueConstraint(
                fields=["attempt", "question"], name="response_question_unique"
            ),
            models.CheckConstraint(
                condition=Q(points_awarded__isnull=True) | Q(points_awarded__gte=Decimal(0)),
                name="response_points_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(confidence__isnull=True) | Q(confidence__in=Confidence.values),
                name="response_confidence_level",
            ),
        ]

    def __str__(self):
        # A row's label on its attempt's page: the question's place in the attempt.
        return _("Question %(number)s") % {"number": self.position}

    @property
    def is_answered(self):
        return bool(self.selected)

    @property
    def confidence_mark(self):
        """Her confidence-based mark for this answer, signed ('+3', '−6'), or '' without a
        confidence (quiz.confidence)."""
        from .confidence import cbm_mark, share_of, signed

        if self.confidence is None or self.is_correct is None:
            return ""
        return signed(cbm_mark(share_of(self), self.confidence) * self.points)

    def reviewed_choices(self):
        """The choices as shown, each with ``picked``: for pages after the answer is graded."""
        selected = set(self.selected)
        return [{**choice, "picked": choice["id"] in selected} for choice in self.choices]

    @property
    def correct_ids(self):
        return {choice["id"] for choice in self.choices if choice["correct"]}


class Accommodation(models.Model):
    """Extra time (the French "tiers-temps") or extra attempts for one learner on one quiz."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="quiz_accommodations",
        verbose_name=_("learner"),
    )
    quiz = models.ForeignKey(
        Quiz, on_delete=models.CASCADE, related_name="accommodations", verbose_name=_("quiz")
    )
    extra_minutes = models.PositiveSmallIntegerField(_("extra time (minutes)"), default=0)
    extra_attempts = models.PositiveSmallIntegerField(_("extra attempts"), default=0)
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("accommodation")
        verbose_name_plural = _("accommodations")
        constraints = [
            models.UniqueConstraint(fields=["learner", "quiz"], name="one_accommodation_per_quiz"),
        ]

    def __str__(self):
        return f"{self.learner} – {self.quiz}"


class QuestionReview(models.Model):
    """What an instructor decided about a question her review list showed (``quiz.review``):
    she kept it (with a note), unpublished it or edited it, for the reasons it was listed
    then (``reasons``: its flags' kinds). It comes back to the list when its reasons change."""

    class Decision(models.TextChoices):
        KEPT = "kept", _("kept")
        UNPUBLISHED = "unpublished", _("unpublished")
        EDITED = "edited", _("edited")

    question = models.ForeignKey(
        "Question", on_delete=models.CASCADE, related_name="reviews", verbose_name=_("question")
    )
    decision = models.CharField(_("decision"), max_length=16, choices=Decision)
    reasons = models.CharField(_("reasons"), max_length=200, editable=False)
    note = models.TextField(_("note"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), auto_now_add=True)

    class Meta:
        ordering = ["-decided_at", "-pk"]
        verbose_name = _("question review")
        verbose_name_plural = _("question reviews")

    def __str__(self):
        return f"{self.question} – {self.get_decision_display()}"


class QuestionDraftQuerySet(models.QuerySet):
    def proposed(self):
        return self.filter(state=DraftState.PROPOSED)


class QuestionDraft(models.Model):
    """A question proposed by the drafting engine (``quiz.drafting``), kept apart from the
    questions until a person accepts it; it never reaches a learner as it is.

    ``key`` (the normalised sentence, kind and answer) is unique: drafting again never
    proposes a second copy, and a rejected draft stays rejected.
    """

    kind = models.CharField(_("kind"), max_length=16, choices=QuestionKind)
    stem = models.TextField(_("question"))
    # [{"text": ..., "correct": bool}] in the order proposed.
    choices = models.JSONField(_("choices"), default=list)
    answer = models.CharField(_("answer"), max_length=500)
    source_sentence = models.TextField(_("source sentence"))
    explanation = models.TextField(_("explanation"), blank=True)
    score = models.FloatField(
        _("ranking score"),
        default=0,
        help_text=_(
            "An order, not a grade: the drafts most likely usable as they come are proposed "
            "first (a clear statement that stands on its own, a kind of question beyond "
            "true/false, no cue that gives the answer away)."
        ),
    )
    key = models.CharField(max_length=64, unique=True, editable=False)
    state = models.CharField(
        _("state"), max_length=16, choices=DraftState, default=DraftState.PROPOSED
    )
    question = models.OneToOneField(
        Question,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="draft",
        verbose_name=_("question created"),
    )
    created_at = models.DateTimeField(_("proposed"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )

    objects = QuestionDraftQuerySet.as_manager()

    class Meta:
        ordering = ["-score", "pk"]
        verbose_name = _("question draft")
        verbose_name_plural = _("question drafts")

    def __str__(self):
        text = " ".join(self.stem.split())
        return text if len(text) <= 80 else f"{text[:79]}…"


class ReviewCardQuerySet(models.QuerySet):
    def of(self, learner):
        return self.filter(learner=learner)

    def due_before(self, moment):
        """Cards due before ``moment`` whose question still reaches learners, soonest first."""
        return self.filter(due__lt=moment, question__status=QuestionStatus.PUBLISHED).order_by(
            "due", "pk"
        )


class ReviewCard(models.Model):
    """A question a learner missed, in her spaced review queue (``quiz.spaced_review``).

    It holds the FSRS scheduler's state of the card (state, step, stability, difficulty,
    when it is due and when it was last reviewed, a quiz's miss included) and her last
    answer on the review page. One card per learner and question, whatever the quizzes
    that showed it; reviewing never touches an attempt or its grade.
    """

    class State(models.IntegerChoices):
        # The values of ``fsrs.State``.
        LEARNING = 1, _("learning")
        REVIEW = 2, _("review")
        RELEARNING = 3, _("relearning")

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="review_cards",
        verbose_name=_("learner"),
    )
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="review_cards", verbose_name=_("question")
    )
    # The schedule and her answers are computed, never edited (hence editable=False).
    state = models.PositiveSmallIntegerField(
        _("state"), choices=State, default=State.LEARNING, editable=False
    )
    step = models.PositiveSmallIntegerField(_("step"), null=True, blank=True, editable=False)
    stability = models.FloatField(_("stability"), null=True, blank=True, editable=False)
    difficulty = models.FloatField(_("difficulty"), null=True, blank=True, editable=False)
    due = models.DateTimeField(_("due"), editable=False)
    last_review = models.DateTimeField(_("last review"), null=True, blank=True, editable=False)
    # Her last answer on the review page (choice pks), shown with its verdict.
    last_answer = models.JSONField(_("last answer"), default=list, blank=True, editable=False)
    last_correct = models.BooleanField(
        _("last answer right"), null=True, blank=True, editable=False
    )
    answered_at = models.DateTimeField(_("last answered"), null=True, blank=True, editable=False)
    review_count = models.PositiveIntegerField(_("reviews"), default=0, editable=False)
    created_at = models.DateTimeField(_("queued"), default=timezone.now, editable=False)

    objects = ReviewCardQuerySet.as_manager()

    class Meta:
        verbose_name = _("review card")
        verbose_name_plural = _("review cards")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "question"], name="one_review_card_per_question"
            ),
        ]
        indexes = [models.Index(fields=["learner", "due"], name="review_card_learner_due")]

    def __str__(self):
        return f"{self.learner} – {self.question}"
