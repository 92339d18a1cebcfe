"""Question drafts as proposals: keeping what the drafting engine proposes, and a
person's decision on each.

The engine (``quiz.drafting``) only returns drafts; nothing it proposes reaches a
learner. A draft is kept once (its key is unique: drafting again proposes no second
copy, and a rejected draft is never proposed again). Accepting it creates an ordinary
question, still a draft (``QuestionStatus.DRAFT``), which an instructor edits, publishes
and puts in a quiz like any other.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import (
    Choice,
    DraftState,
    Question,
    QuestionDraft,
    QuestionStatus,
    QuizQuestion,
    validate_choices,
)


class DraftDecided(Exception):
    """The draft was accepted or rejected already (perhaps by someone else just now)."""

    message = _("This draft has already been accepted or rejected.")


def store(drafts):
    """Keep the drafts never proposed before; returns the ``QuestionDraft`` rows created."""
    keys = {draft.key for draft in drafts}
    known = set(QuestionDraft.objects.filter(key__in=keys).values_list("key", flat=True))
    created = []
    for draft in drafts:
        if draft.key in known:
            continue
        known.add(draft.key)
        try:
            with transaction.atomic():
                created.append(
                    QuestionDraft.objects.create(
                        kind=draft.kind,
                        stem=draft.stem,
                        choices=[{"text": text, "correct": bool(ok)} for text, ok in draft.choices],
                        answer=draft.answer[:500],
                        source_sentence=draft.source_sentence,
                        explanation=draft.explanation,
                        score=draft.score,
                        key=draft.key,
                    )
                )
        except IntegrityError:
            continue  # a concurrent run kept the same draft first
    return created


def _decide(draft, state, by, now):
    decided = QuestionDraft.objects.filter(pk=draft.pk, state=DraftState.PROPOSED).update(
        state=state, decided_at=now, decided_by=by
    )
    if not decided:
        raise DraftDecided(DraftDecided.message)
    draft.state, draft.decided_at, draft.decided_by = state, now, by


@transaction.atomic
def accept(draft, quiz, by, *, now=None):
    """Make the draft an ordinary question of ``quiz``'s bank (not published), which the
    quiz picks at its end; returns it.

    Raises ``DraftDecided``, or ``ValidationError`` when its choices could not make an
    answerable question (nothing is saved then).
    """
    choices = [(choice["text"], choice["correct"]) for choice in draft.choices]
    validate_choices(draft.kind, choices)
    _decide(draft, DraftState.ACCEPTED, by, now or timezone.now())
    question = Question.objects.create(
        bank_id=quiz.bank_id,
        text=draft.stem,
        kind=draft.kind,
        explanation=draft.explanation,
        status=QuestionStatus.DRAFT,
    )
    Choice.objects.bulk_create(
        Choice(question=question, position=position, text=text, is_correct=correct)
        for position, (text, correct) in enumerate(choices, start=1)
    )
    QuizQuestion.objects.create(quiz=quiz, question=question)
    QuestionDraft.objects.filter(pk=draft.pk).update(question=question)
    draft.question = question
    return question


def reject(draft, by, *, now=None):
    """Set the draft aside for good: drafting again will not propose it."""
    _decide(draft, DraftState.REJECTED, by, now or timezone.now())
