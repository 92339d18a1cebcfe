"""The instructor's review list: the published questions that the item analysis flags
(``quiz.statistics``), and the drafted ones once learners have answered them enough, each
with why; and what she decides for each (``QuestionReview``): keep it with a note,
unpublish it, or edit it.

A decision holds for the reasons the question was listed for: it leaves the list, and
comes back only if its reasons change (a question kept while "dubious" that becomes
"nearly always wrong", a drafted question that gets flagged). Editing a question never
regrades an answer already given: attempts froze what they showed.

The figures are those of the learners the member of staff may see (``quiz.scoping``).
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count

from .choices import AttemptState, QuestionStatus
from .models import Question, QuestionReview, Quiz, Response
from .scoping import visible_learners
from .statistics import DISTRACTOR, DUBIOUS, EASY, HARD, quiz_statistics

# Answers before a drafted question's figures say anything: then it is listed for a look.
MIN_DRAFT_ANSWERS = 10

DRAFTED = "drafted"
REASONS = (EASY, HARD, DUBIOUS, DISTRACTOR, DRAFTED)


@dataclass
class ReviewItem:
    question: Question
    flags: list = field(default_factory=list)  # (quiz, Flag, QuestionFigures)
    drafted_answers: int = 0  # answers to a drafted question, when it has enough
    last_review: QuestionReview | None = None

    @property
    def reasons(self):
        """Its reasons, as a decision records them: the flags' kinds, sorted."""
        kinds = {flag.kind for _quiz, flag, _figures in self.flags}
        if self.drafted_answers:
            kinds.add(DRAFTED)
        return ",".join(sorted(kinds))


def review_list(user):
    """The questions to review for ``user`` (a member of staff), in their bank's order."""
    learners = None if user.is_superuser else visible_learners(user)
    attempts = Quiz.objects.filter(attempts__state=AttemptState.SUBMITTED)
    if learners is not None:
        attempts = attempts.filter(attempts__learner__in=learners)
    items = {}
    for quiz in attempts.distinct().order_by("title"):
        for figures in quiz_statistics(quiz, learners=learners).questions:
            if figures.flags:
                item = items.setdefault(figures.question.pk, ReviewItem(figures.question))
                item.flags += [(quiz, flag, figures) for flag in figures.flags]
    answers = Response.objects.filter(
        question__draft__isnull=False, attempt__state=AttemptState.SUBMITTED
    )
    if learners is not None:
        answers = answers.filter(attempt__learner__in=learners)
    counted = (
        answers.values("question")
        .annotate(answers=Count("pk"))
        .filter(answers__gte=MIN_DRAFT_ANSWERS)
        .values_list("question", "answers")
    )
    drafted = dict(counted)
    missing = set(drafted) - set(items)
    for question in Question.objects.filter(pk__in=missing):
        items[question.pk] = ReviewItem(question)
    for pk, count in drafted.items():
        items[pk].drafted_answers = count
    published = set(
        Question.objects.filter(pk__in=items, status=QuestionStatus.PUBLISHED).values_list(
            "pk", flat=True
        )
    )
    for review in QuestionReview.objects.filter(question__in=items).order_by("decided_at", "pk"):
        items[review.question_id].last_review = review  # the latest wins
    return sorted(
        (
            item
            for pk, item in items.items()
            if pk in published
            and (item.last_review is None or item.last_review.reasons != item.reasons)
        ),
        key=lambda item: (item.question.bank_id, item.question.number),
    )


def clean_reasons(text):
    """Reasons as a form or an address carries them, kept to the known ones."""
    return ",".join(sorted({kind for kind in text.split(",") if kind in REASONS}))


def decide(question, decision, user, *, reasons, note=""):
    """Record her decision on ``question`` for ``reasons``; unpublishing takes it out of the
    quizzes' next attempts at once. Returns the review."""
    with transaction.atomic():
        if decision == QuestionReview.Decision.UNPUBLISHED:
            question.status = QuestionStatus.DRAFT
            question.save(update_fields=["status", "updated_at"])
        return QuestionReview.objects.create(
            question=question,
            decision=decision,
            reasons=clean_reasons(reasons),
            note=note,
            decided_by=user,
        )
