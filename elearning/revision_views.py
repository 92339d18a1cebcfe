"""The learner's "Révisions" page: the questions due for review today, one at a time, each
checked at once and rescheduled by her answer (``quiz.spaced_review``)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from quiz import spaced_review
from quiz.forms import AnswerForm
from quiz.models import ReviewCard

from . import revisions as rules


@never_cache
@login_required
def revisions(request):
    """The first question due today, or, when none is, when the next one will be."""
    card = spaced_review.due_today(request.user).first()
    if card is None:
        return render(
            request,
            "elearning/revisions.html",
            {"summary": spaced_review.queue_summary(request.user)},
        )
    return _question_page(request, card)


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def revision_card(request, card_id):
    """One of her cards: the question while it is due (she answers it here), then the
    verdict of her last answer. Someone else's card is a 404."""
    card = get_object_or_404(
        ReviewCard.objects.of(request.user).select_related("question"), pk=card_id
    )
    now = timezone.now()
    if request.method == "POST":
        form = AnswerForm.for_response(spaced_review.as_response(card.question), request.POST)
        if not form.is_valid():
            return _question_page(request, card, form=form, status=400)
        try:
            spaced_review.answer_card(card, form.selected_ids(), now=now)
        except spaced_review.CardNotDue as refusal:
            messages.error(request, refusal.message)
            return redirect("revisions")
        except spaced_review.NoAnswer as refusal:
            form.add_error("answer", refusal.message)
            return _question_page(request, card, form=form, status=400)
        return redirect(reverse("revision_card", args=[card.pk]) + "#checked")
    if spaced_review.due_today(request.user, now).filter(pk=card.pk).exists():
        return _question_page(request, card)
    if card.answered_at is None:
        return redirect("revisions")
    passage, lesson_url = rules.source_of(card.question, request.user)
    return render(
        request,
        "elearning/revisions.html",
        {
            "card": card,
            "response": spaced_review.as_response(card.question, card.last_answer),
            "passage": passage,
            "lesson_url": lesson_url,
            "summary": spaced_review.queue_summary(request.user, now),
        },
    )


def _question_page(request, card, form=None, status=200):
    return render(
        request,
        "elearning/revisions.html",
        {
            "card": card,
            "form": form or AnswerForm.for_response(spaced_review.as_response(card.question)),
            "summary": spaced_review.queue_summary(request.user),
        },
        status=status,
    )
