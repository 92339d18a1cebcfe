"""The choices of the quiz engine's fields, defined once: the models, the grading rules and
the drafting engine (which runs without Django's app registry) all read them here."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FeedbackMode(models.TextChoices):
    IMMEDIATE = "immediate", _("immediate: checked question by question")
    DEFERRED = "deferred", _("deferred: results after submitting")


class GradingMethod(models.TextChoices):
    HIGHEST = "highest", _("highest attempt")
    LATEST = "latest", _("latest attempt")


class ReviewPolicy(models.TextChoices):
    AFTER_EACH = "after_each", _("after each attempt")
    AFTER_LAST_OR_PASS = "after_last_or_pass", _("only after the last attempt or a pass")
    NEVER = "never", _("never")


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("single choice")
    MULTIPLE = "multiple", _("multiple response (select all that apply)")
    TRUE_FALSE = "true_false", _("true / false")


class QuestionStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")


class AttemptState(models.TextChoices):
    IN_PROGRESS = "in_progress", _("in progress")
    SUBMITTED = "submitted", _("submitted")


class DraftState(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    ACCEPTED = "accepted", _("accepted")
    REJECTED = "rejected", _("rejected")


class Confidence(models.IntegerChoices):
    """How sure a learner says she is of an answer (confidence-based marking)."""

    NOT_SURE = 1, _("not sure")
    FAIRLY_SURE = 2, _("fairly sure")
    SURE = 3, _("sure")
