"""Attempts: drawing and shuffling, starting, saving and checking answers, submitting.

An attempt freezes at its start the questions drawn, their order and each question's
choices in the order shown, with their wording (``Response``), and the quiz's rules.
Reloading a page never draws or shuffles again.

Writes that race are settled by the database, so that they behave the same on SQLite
and PostgreSQL: one attempt in progress per learner and quiz is a conditional unique
constraint, and every write to an attempt starts with a conditional ``UPDATE`` of the
attempt row whose row count says whether it is still in progress (that update also
takes the row's lock on PostgreSQL; SQLite runs one writer at a time).
"""

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, connection, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import grading
from .choices import Confidence
from .models import (
    Accommodation,
    Attempt,
    AttemptState,
    Category,
    FeedbackMode,
    Question,
    QuestionKind,
    QuestionStatus,
    Response,
    ReviewPolicy,
)


class QuizRefusal(Exception):
    """A request the rules refuse; ``message`` is for the learner."""

    message = _("This action is not possible.")

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class NoAttemptsLeft(QuizRefusal):
    message = _("You have used all your attempts at this quiz.")


class EmptyQuiz(QuizRefusal):
    message = _("This quiz has no question yet.")


class AttemptClosed(QuizRefusal):
    message = _("This attempt has already been submitted: your answer was not saved.")


class DeadlinePassed(QuizRefusal):
    message = _(
        "The time allowed for this quiz is over: this answer was not saved. "
        "Your attempt was graded with the answers saved before the deadline."
    )


class AnswerLocked(QuizRefusal):
    message = _("You have already checked this answer: it can no longer be changed.")


class NotAllChecked(QuizRefusal):
    message = _("Some answers are not checked yet: check them, or review the quiz and submit it.")


@dataclass(frozen=True)
class Allowance:
    """How many attempts and how much time this learner has on this quiz."""

    max_attempts: int | None  # None: unlimited
    time_limit: timedelta | None

    @property
    def time_limit_minutes(self):
        return None if self.time_limit is None else int(self.time_limit.total_seconds()) // 60


def allowance(learner, quiz):
    accommodation = Accommodation.objects.filter(learner=learner, quiz=quiz).first()
    extra_attempts = accommodation.extra_attempts if accommodation else 0
    extra_minutes = accommodation.extra_minutes if accommodation else 0
    return Allowance(
        max_attempts=None if quiz.max_attempts is None else quiz.max_attempts + extra_attempts,
        time_limit=(
            None
            if quiz.time_limit_minutes is None
            else timedelta(minutes=quiz.time_limit_minutes + extra_minutes)
        ),
    )


def draw_questions(quiz, rng=random):
    """The published questions of one attempt, in the order she will see them: those the
    quiz picks, in their order, then so many of each draw rule's category from its bank
    (among those it does not pick), at random, in the bank's order."""
    picked = list(
        quiz.picks.filter(question__status=QuestionStatus.PUBLISHED)
        .order_by("position", "pk")
        .values_list("question", flat=True)
    )
    drawn = []
    rules = list(quiz.draw_rules.all())
    if rules:
        pools = defaultdict(list)
        for pk, category in _drawable(quiz, rules, picked).values_list("pk", "category"):
            pools[category].append(pk)
        for rule in rules:
            pool = pools[rule.category_id]
            drawn.extend(rng.sample(pool, min(rule.count, len(pool))))
    questions = Question.objects.prefetch_related("choices").in_bulk(picked + drawn)
    ordered = [questions[pk] for pk in picked]
    ordered += sorted((questions[pk] for pk in drawn), key=lambda question: question.number)
    if quiz.shuffle_questions:
        rng.shuffle(ordered)
    return ordered


def _drawable(quiz, rules, picked):
    """The published questions of the rules' categories in the quiz's bank that it does not
    pick, in the bank's order."""
    return (
        Question.objects.published()
        .filter(bank_id=quiz.bank_id, category__in=[rule.category_id for rule in rules])
        .exclude(pk__in=picked)
        .order_by("number")
    )


def candidates(quiz):
    """Every published question an attempt at the quiz may show (for the preview): those it
    picks, in their order, then those its rules draw from, by category."""
    picked = [
        pick.question
        for pick in quiz.picks.filter(question__status=QuestionStatus.PUBLISHED)
        .select_related("question__category")
        .prefetch_related("question__choices")
        .order_by("position", "pk")
    ]
    rules = list(quiz.draw_rules.all())
    drawable = _drawable(quiz, rules, [question.pk for question in picked]) if rules else []
    if rules:
        drawable = drawable.select_related("category").prefetch_related("choices")
        drawable = drawable.order_by("category__name", "number")
    return [*picked, *drawable]


def frozen_choices(question, shuffle, rng=random):
    """The question's choices as shown, with what grading needs (a choice's weight, when it
    has one, as a string: exact). True/false keeps its order."""
    choices = [
        {"id": c.pk, "text": c.text, "correct": c.is_correct, "feedback": c.feedback}
        | ({} if c.fraction is None else {"fraction": str(c.fraction)})
        for c in question.choices.all()
    ]
    if shuffle and question.kind != QuestionKind.TRUE_FALSE:
        rng.shuffle(choices)
    return choices


def start_attempt(learner, quiz, *, now=None, rng=random):
    """Her attempt in progress at this quiz, or a new one when the rules allow it.

    Returns (attempt, created). Raises NoAttemptsLeft or EmptyQuiz.
    """
    now = now or timezone.now()
    current = Attempt.objects.in_progress().of(learner, quiz).first()
    if current is not None:
        return current, False
    limits = allowance(learner, quiz)
    used = Attempt.objects.of(learner, quiz).count()
    if limits.max_attempts is not None and used >= limits.max_attempts:
        raise NoAttemptsLeft
    drawn = draw_questions(quiz, rng)
    if not drawn:
        raise EmptyQuiz
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(
                learner=learner,
                quiz=quiz,
                number=used + 1,
                started_at=now,
                deadline=now + limits.time_limit if limits.time_limit else None,
                pass_mark=quiz.pass_mark,
                feedback_mode=quiz.feedback_mode,
                review_policy=quiz.review_policy,
                confidence_marking=quiz.confidence_marking,
                question_count=len(drawn),
                max_score=grading.to_points(sum(question.points for question in drawn)),
            )
            Response.objects.bulk_create(
                Response(
                    attempt=attempt,
                    question=question,
                    position=position,
                    question_text=question.text,
                    kind=question.kind,
                    explanation=question.explanation,
                    points=question.points,
                    partial_credit=question.partial_credit,
                    choices=frozen_choices(question, quiz.shuffle_choices, rng),
                )
                for position, question in enumerate(drawn, start=1)
            )
    except IntegrityError:
        # A concurrent request (a double click, a second tab) started one first.
        current = Attempt.objects.in_progress().of(learner, quiz).first()
        if current is None:
            raise
        return current, False
    return attempt, True


def is_expired(attempt, now=None):
    return (
        attempt.state == AttemptState.IN_PROGRESS
        and attempt.deadline is not None
        and (now or timezone.now()) >= attempt.deadline
    )


def _claim(attempt, now, **changes):
    """Update the attempt only while it is in progress and before its deadline.

    Raises AttemptClosed or DeadlinePassed otherwise. On PostgreSQL the update holds the
    row's lock until the transaction ends, so a concurrent submit waits for this write.
    """
    still_open = Q(deadline__isnull=True) | Q(deadline__gt=now)
    claimed = Attempt.objects.in_progress().filter(still_open, pk=attempt.pk).update(**changes)
    if not claimed:
        if is_expired(attempt, now):
            raise DeadlinePassed
        raise AttemptClosed


def valid_selection(response, choice_ids):
    """The posted choice ids, checked against the choices this question showed."""
    shown = {choice["id"] for choice in response.choices}
    selected = sorted({int(pk) for pk in choice_ids})
    if not set(selected) <= shown:
        raise ValueError("a selected choice does not belong to this question")
    if response.kind != QuestionKind.MULTIPLE and len(selected) > 1:
        raise ValueError("this question takes one answer")
    return selected


def save_answer(attempt, response, choice_ids, *, now=None, move_to=None):
    """Keep her answer to one question (an empty list clears it) and where she is.

    Raises AnswerLocked, AttemptClosed or DeadlinePassed; the answer is then not saved.
    """
    now = now or timezone.now()
    selected = valid_selection(response, choice_ids)
    position = move_to or response.position
    if response.is_locked:
        raise AnswerLocked
    if connection.vendor == "postgresql":
        claimed, saved = _claim_and_save(attempt, response, selected, now, position)
        if not claimed:
            raise DeadlinePassed if is_expired(attempt, now) else AttemptClosed
        if not saved:  # checked in the meantime (another tab)
            raise AnswerLocked
    else:
        with transaction.atomic():
            _claim(attempt, now, current_position=position)
            saved = Response.objects.filter(pk=response.pk, is_locked=False).update(
                selected=selected, answered_at=now if selected else None
            )
            if not saved:
                raise AnswerLocked
    response.selected = selected
    response.answered_at = now if selected else None


def _claim_and_save(attempt, response, selected, now, position):
    """``_claim`` and the answer's update in one PostgreSQL statement; (claimed, saved).

    The answer save is the quiz's most frequent write: one statement, atomic on its own,
    spares the transaction's BEGIN and COMMIT and a round trip (bench/README.md). The
    attempt's update comes first and holds the row's lock, as in ``_claim``: a concurrent
    submit waits for it, then grades this answer; a submit that came first leaves nothing
    claimed, so nothing is saved. (SQLite cannot update in a WITH clause; it takes
    the transaction path.)
    """
    quote = connection.ops.quote_name
    selected_field = Response._meta.get_field("selected")
    sql = (
        "WITH claimed AS ("
        f"UPDATE {quote(Attempt._meta.db_table)} SET current_position = %s "
        "WHERE id = %s AND state = %s AND (deadline IS NULL OR deadline > %s) RETURNING id"
        "), saved AS ("
        f"UPDATE {quote(Response._meta.db_table)} SET selected = %s, answered_at = %s "
        "WHERE id = %s AND NOT is_locked AND EXISTS (SELECT 1 FROM claimed) RETURNING id"
        ") SELECT (SELECT count(*) FROM claimed), (SELECT count(*) FROM saved)"
    )
    params = [
        position,
        attempt.pk,
        AttemptState.IN_PROGRESS,
        now,
        selected_field.get_db_prep_value(selected, connection),
        now if selected else None,
        response.pk,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


def move_to(attempt, position, *, now=None):
    """Remember where she is, without an answer to save."""
    with transaction.atomic():
        _claim(attempt, now or timezone.now(), current_position=position)


def check_answer(attempt, response, choice_ids, *, confidence=None, now=None):
    """Immediate feedback: grade one answer at once and lock it. With confidence-based
    marking, how sure she says she is (quiz.confidence) is kept with it, and required."""
    if attempt.feedback_mode != FeedbackMode.IMMEDIATE:
        raise QuizRefusal(_("This quiz shows the results only after you submit it."))
    now = now or timezone.now()
    selected = valid_selection(response, choice_ids)
    if not selected:
        raise QuizRefusal(_("Choose an answer before checking it."))
    if not attempt.confidence_marking:
        confidence = None
    elif confidence not in Confidence.values:
        raise QuizRefusal(_("Say how sure you are before checking your answer."))
    with transaction.atomic():
        _claim(attempt, now, current_position=response.position)
        if response.is_locked:
            raise AnswerLocked
        result = mark(response, selected)
        Response.objects.filter(pk=response.pk, is_locked=False).update(
            selected=selected,
            answered_at=now,
            is_locked=True,
            is_correct=result.is_correct,
            points_awarded=result.points,
            confidence=confidence,
        )
    response.selected, response.answered_at, response.is_locked = selected, now, True
    response.confidence = confidence
    response.is_correct, response.points_awarded = result.is_correct, result.points
    return response


def is_all_checked(attempt, checked):
    """Whether every answer of an attempt with immediate feedback has been checked
    (``checked``: each response's ``is_locked``). Nothing is left to change then, so the
    attempt finishes in one step, without the review before submitting."""
    checked = list(checked)
    return attempt.feedback_mode == FeedbackMode.IMMEDIATE and bool(checked) and all(checked)


def ensure_all_checked(attempt):
    """Raises NotAllChecked unless every answer of the attempt has been checked."""
    checked = attempt.responses.values_list("is_locked", flat=True)
    if not is_all_checked(attempt, checked):
        raise NotAllChecked


def mark(response, selected=None):
    """The points a response earns, from what it froze."""
    return grading.mark_response(
        response.kind,
        correct_ids=response.correct_ids,
        all_ids=[choice["id"] for choice in response.choices],
        selected_ids=response.selected if selected is None else selected,
        points=response.points,
        partial_credit=response.partial_credit,
        fractions={
            choice["id"]: choice["fraction"]
            for choice in response.choices
            if choice.get("fraction") is not None
        },
    )


def submit_attempt(attempt, *, now=None):
    """Grade the attempt with the answers saved, exactly once.

    Returns True when this call graded it, False when another request (a second tab,
    a double click, the expiry job) already had. An attempt past its deadline is graded
    as of its deadline.
    """
    now = now or timezone.now()
    ended = min(now, attempt.deadline) if attempt.deadline else now
    with transaction.atomic():
        # The state change comes first: its row count decides who grades.
        claimed = (
            Attempt.objects.in_progress()
            .filter(pk=attempt.pk)
            .update(state=AttemptState.SUBMITTED, submitted_at=ended, score=0)
        )
        if not claimed:
            attempt.refresh_from_db()
            return False
        responses = list(Response.objects.filter(attempt=attempt).order_by("position"))
        score = 0
        for response in responses:
            result = mark(response)
            response.is_correct, response.points_awarded = result.is_correct, result.points
            score += result.points
        Response.objects.bulk_update(responses, ["is_correct", "points_awarded"])
        attempt.state, attempt.submitted_at = AttemptState.SUBMITTED, ended
        attempt.score = grading.to_points(score)
        attempt.passed = grading.passes(attempt.score, attempt.max_score, attempt.pass_mark)
        Attempt.objects.filter(pk=attempt.pk).update(score=attempt.score, passed=attempt.passed)
    return True


def attempts_left(attempt_count, limits):
    """None for unlimited."""
    if limits.max_attempts is None:
        return None
    return max(limits.max_attempts - attempt_count, 0)


def may_see_answers(attempt, *, attempts_left, has_passed):
    """Whether her review shows the right answers, explanations and choice feedback, and
    whether each of her answers was right: one goes with the other, since a verdict gives
    the answer away (a true/false question marked wrong, any question marked right beside
    her picks). Without them she sees her score and her picks.
    """
    if not attempt.is_submitted:
        return False
    if attempt.review_policy == ReviewPolicy.AFTER_EACH:
        return True
    if attempt.review_policy == ReviewPolicy.AFTER_LAST_OR_PASS:
        return has_passed or attempts_left == 0
    return False


def questions_per_attempt(quiz):
    """How many questions an attempt at this quiz will hold."""
    return draw_summary(quiz).per_attempt


@dataclass(frozen=True)
class DrawLine:
    category: Category
    count: int
    available: int

    @property
    def drawn(self):
        return min(self.count, self.available)

    @property
    def short(self):
        return self.count > self.available


@dataclass(frozen=True)
class DrawSummary:
    """What one attempt would hold: the questions picked, then rule by rule."""

    picked: int  # published questions the quiz picks
    lines: list

    @property
    def has_rules(self):
        return bool(self.lines)

    @property
    def per_attempt(self):
        return self.picked + sum(line.drawn for line in self.lines)


def draw_summary(quiz):
    picked = list(
        quiz.picks.filter(question__status=QuestionStatus.PUBLISHED).values_list(
            "question", flat=True
        )
    )
    rules = list(quiz.draw_rules.select_related("category"))
    available = {}
    if rules:
        available = dict(
            _drawable(quiz, rules, picked)
            .order_by()
            .values("category")
            .annotate(n=Count("pk"))
            .values_list("category", "n")
        )
    lines = [
        DrawLine(rule.category, rule.count, available.get(rule.category_id, 0)) for rule in rules
    ]
    return DrawSummary(picked=len(picked), lines=lines)
