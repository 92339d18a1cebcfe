"""Spaced review: the questions a learner missed come back on the schedule of FSRS.

FSRS (the Free Spaced Repetition Scheduler, package ``fsrs``) models each card's
stability and difficulty and schedules the next review when the chance of recalling it
falls to the desired retention (90 %). A card is a question for one learner
(``ReviewCard``); a miss in a quiz is its first review, rated "Again", so a question
missed today is due tomorrow. On the review page a right answer is rated "Good" (the
card comes back later), a wrong one "Again" (sooner).

The scheduler runs without learning steps: a learner reviews once a day, the questions
due that day, so every interval is whole days (FSRS's minute steps are for flashcard
sessions). Which misses enter the queue, and when, is the caller's rule (a course
decides it: ``elearning.revisions``); this module schedules. Answering a card grades the
question as it stands with the quiz's own rules (``attempts.mark``) and writes nothing
but the card: no attempt, no response, no grade.

The instructor's review list of questions (the item analysis's flags) is another thing
and lives in ``quiz.review``.
"""

from datetime import UTC, datetime, time, timedelta

from django.db import transaction
from django.db.models import Count, Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from fsrs import Card, Rating, Scheduler, State

from .attempts import QuizRefusal, frozen_choices, mark, valid_selection
from .models import AttemptState, Confidence, QuestionStatus, Response, ReviewCard

SCHEDULER = Scheduler(learning_steps=(), relearning_steps=())

# The fields a review writes.
SCHEDULE_FIELDS = ["state", "step", "stability", "difficulty", "due", "last_review"]
ANSWER_FIELDS = ["last_answer", "last_correct", "answered_at", "review_count"]


class CardNotDue(QuizRefusal):
    message = _("This question is not due for review yet: your answer was not saved.")


class NoAnswer(QuizRefusal):
    message = _("Choose an answer before checking it.")


def end_of_today(now=None):
    """The start of tomorrow in the site's time zone: a card due before it is due today."""
    local = timezone.localtime(now or timezone.now())
    return datetime.combine(local.date() + timedelta(days=1), time(), tzinfo=local.tzinfo)


def due_today(learner, now=None):
    """Her cards due today, soonest first, with their questions."""
    return ReviewCard.objects.of(learner).due_before(end_of_today(now)).select_related("question")


def queue_summary(learner, now=None):
    """{"due_count": cards due today, "total": cards in her queue, "next_due": when the first card
    due after today is}, over questions that still reach learners. One query."""
    later = Q(due__gte=end_of_today(now))
    return (
        ReviewCard.objects.of(learner)
        .filter(question__status=QuestionStatus.PUBLISHED)
        .aggregate(
            due_count=Count("pk", filter=~later),
            total=Count("pk"),
            next_due=Min("due", filter=later),
        )
    )


def missed_in(attempts):
    """{question pk: when she missed it} over the answered, wrong responses of these
    attempts. A checked answer was missed when it was checked, any other when its attempt
    was submitted; unanswered questions and unchecked answers in progress do not count."""
    rows = Response.objects.filter(
        attempt__in=attempts, is_correct=False, answered_at__isnull=False
    ).values_list(
        "question_id", "is_locked", "answered_at", "attempt__state", "attempt__submitted_at"
    )
    misses = {}
    for question, locked, answered_at, state, submitted_at in rows:
        if locked:
            missed_at = answered_at
        elif state == AttemptState.SUBMITTED:
            missed_at = submitted_at
        else:
            continue
        misses[question] = max(missed_at, misses.get(question, missed_at))
    return misses


def confident_misses(attempts):
    """The questions of these attempts she got wrong while saying she was sure or fairly
    sure (confidence-based marking, quiz.confidence): the misconceptions that cost her
    marks, which come back for review first."""
    return set(
        Response.objects.filter(
            attempt__in=attempts,
            is_correct=False,
            answered_at__isnull=False,
            confidence__in=[Confidence.FAIRLY_SURE, Confidence.SURE],
        ).values_list("question_id", flat=True)
    )


def queue_misses(learner_id, misses, sooner=()):
    """Put each missed question ({question pk: when}) in the learner's queue, rated "Again" at the
    time of the miss: a new card, or a lapse of the card she has. A miss no later than the
    card's last review is one already counted, so queueing again changes nothing.

    ``sooner``: the questions she missed while sure of her answer (``confident_misses``):
    their cards are due at once, on the day's review, rather than when FSRS says.

    One card per learner and question, also under a race: the database's unique constraint
    settles it (the second insert is skipped), and an existing card is locked while it is
    rescheduled. Runs in the caller's transaction.
    """
    if not misses:
        return
    with transaction.atomic():
        existing = {
            card.question_id: card
            for card in ReviewCard.objects.select_for_update(of=("self",)).filter(
                learner_id=learner_id, question_id__in=list(misses)
            )
        }
        new = []
        for question, missed_at in misses.items():
            card = existing.get(question)
            if card is None:
                card = review(
                    ReviewCard(learner_id=learner_id, question_id=question), False, missed_at
                )
                new.append(_soon(card, missed_at) if question in sooner else card)
            elif card.last_review is None or missed_at > card.last_review:
                card = review(card, False, missed_at)
                if question in sooner:
                    _soon(card, missed_at)
                card.save(update_fields=SCHEDULE_FIELDS)
        ReviewCard.objects.bulk_create(new, ignore_conflicts=True)


def _soon(card, at):
    """A card due at once: a confident miss comes back on the same day's review."""
    card.due = min(card.due, at)
    return card


def review(card, right, at):
    """Reschedule the card by FSRS for an answer right ("Good") or wrong ("Again") at ``at``."""
    fsrs_card = Card(
        card_id=card.pk or 0,
        state=State(card.state),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due or at,
        last_review=card.last_review,
    )
    rating = Rating.Good if right else Rating.Again
    fsrs_card, _log = SCHEDULER.review_card(fsrs_card, rating, at.astimezone(UTC))
    card.state, card.step = fsrs_card.state.value, fsrs_card.step
    card.stability, card.difficulty = fsrs_card.stability, fsrs_card.difficulty
    card.due, card.last_review = fsrs_card.due, fsrs_card.last_review
    return card


def as_response(question, selected=()):
    """The question as a quiz shows it now (its choices in their order), with ``selected``
    and, when there is one, the answer's grade: what the quiz's answer form and review
    templates read. Never saved: reviews make no attempt and no response."""
    response = Response(
        question=question,
        position=1,
        question_text=question.text,
        kind=question.kind,
        explanation=question.explanation,
        points=question.points,
        partial_credit=question.partial_credit,
        choices=frozen_choices(question, shuffle=False),
        selected=list(selected),
    )
    if selected:
        result = mark(response)
        response.is_locked = True
        response.is_correct, response.points_awarded = result.is_correct, result.points
    return response


def answer_card(card, choice_ids, *, now=None):
    """Grade her answer to a card due today and reschedule the card by it.

    Returns the answered response (unsaved, for the verdict). Raises NoAnswer, or
    CardNotDue for a card not due today (answered in another tab, say); nothing is saved
    then. A right answer is the whole of the points (partial credit is not right).
    """
    now = now or timezone.now()
    selected = valid_selection(as_response(card.question), choice_ids)
    if not selected:
        raise NoAnswer
    with transaction.atomic():
        card = (
            ReviewCard.objects.select_for_update(of=("self",))
            .filter(pk=card.pk)
            .due_before(end_of_today(now))
            .select_related("question")
            .first()
        )
        if card is None:
            raise CardNotDue
        answered = as_response(card.question, selected)
        review(card, answered.is_correct, now)
        card.last_answer, card.last_correct = selected, answered.is_correct
        card.answered_at, card.review_count = now, card.review_count + 1
        card.save(update_fields=SCHEDULE_FIELDS + ANSWER_FIELDS)
    return answered
