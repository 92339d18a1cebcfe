"""The review list's page in the admin: the questions to look at again, with why, and the
three decisions (``quiz.review``)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from .models import Question, QuestionReview
from .review import decide, review_list
from .statistics import DUBIOUS_EFFICIENCY, NEARLY_ALWAYS_RIGHT, NEARLY_ALWAYS_WRONG

DECISIONS = [QuestionReview.Decision.KEPT, QuestionReview.Decision.UNPUBLISHED]


class DecisionForm(forms.Form):
    question = forms.ModelChoiceField(Question.objects.all())
    decision = forms.ChoiceField(choices=[(d.value, d.label) for d in DECISIONS])
    reasons = forms.CharField(max_length=200)
    note = forms.CharField(max_length=2000, required=False, label=_("Note"))


def review_view(model_admin, request):
    """GET: the list. POST: one decision, then back to the list with a message."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    if request.method == "POST":
        if not model_admin.has_change_permission(request):
            raise PermissionDenied
        form = DecisionForm(request.POST)
        if form.is_valid():
            question = form.cleaned_data["question"]
            decision = form.cleaned_data["decision"]
            decide(
                question,
                decision,
                request.user,
                reasons=form.cleaned_data["reasons"],
                note=form.cleaned_data["note"],
            )
            done = (
                _("“%(question)s” is unpublished: the next attempts will not show it.")
                if decision == QuestionReview.Decision.UNPUBLISHED
                else _("“%(question)s” is kept; it comes back here if its figures change.")
            )
            model_admin.message_user(request, done % {"question": question}, messages.SUCCESS)
        else:
            model_admin.message_user(
                request, _("That decision could not be recorded: try again."), messages.ERROR
            )
        return redirect("admin:quiz_question_review")
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Questions to review"),
        "items": review_list(request.user),
        "thresholds": {
            "right": NEARLY_ALWAYS_RIGHT,
            "wrong": NEARLY_ALWAYS_WRONG,
            "dubious": DUBIOUS_EFFICIENCY,
        },
        "can_change": model_admin.has_change_permission(request),
        "opts": model_admin.opts,
    }
    return TemplateResponse(request, "admin/quiz/question/review.html", context)
