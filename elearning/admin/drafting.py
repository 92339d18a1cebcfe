"""Question drafting: the runs queued from the lessons' action, and the drafts they
proposed, which instructors accept (``drafting.accept_draft``) or reject."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from config.admin import ModelAdmin
from quiz import proposals
from quiz.models import DraftState, QuestionDraft

from .. import drafting
from ..models import DraftRun, Lesson
from .base import ReadOnlyAdmin


@admin.register(DraftRun)
class DraftRunAdmin(ReadOnlyAdmin):
    """Drafting runs queued from the lessons' action: queued, running, done (how many new
    drafts) or failed (why), as each run's task says."""

    list_display = [
        "started_at", "drafted", "started_by", "state", "proposed", "drafts", "finished", "error"
    ]  # fmt: skip
    list_filter = ["course"]
    list_select_related = ["course", "lesson", "started_by"]
    fields = ["course", "lesson", "started_by", "started_at", "state", "proposed", "finished"]
    fields += ["error", "task_id"]
    readonly_fields = fields

    def get_changelist_instance(self, request):
        """The page's runs with their tasks' records, read at once."""
        changelist = super().get_changelist_instance(request)
        changelist.result_list = drafting.with_task_results(changelist.result_list)
        return changelist

    @admin.display(description=_("drafted from"), ordering="lesson")
    def drafted(self, run):
        return run.lesson or run.course

    @admin.display(description=_("state"))
    def state(self, run):
        return run.state.label

    @admin.display(description=_("drafts"))
    def drafts(self, run):
        """The drafts of the run's lesson (or course), to review."""
        url = reverse("admin:quiz_questiondraft_changelist")
        if run.lesson_id:
            url += f"?lesson={run.lesson_id}"
        return format_html('<a href="{}">{}</a>', url, _("Review the drafts"))

    @admin.display(description=_("finished"))
    def finished(self, run):
        return run.task_result.finished_at if run.task_result else None

    @admin.display(description=_("why it failed"))
    def error(self, run):
        return Truncator(run.error).chars(120)


class DraftLessonFilter(admin.SimpleListFilter):
    title = _("lesson")
    parameter_name = "lesson"

    def lookups(self, request, model_admin):
        lessons = Lesson.objects.filter(question_drafts__isnull=False).distinct()
        return [(lesson.pk, str(lesson)) for lesson in lessons.select_related("course")]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(source__lesson_id=self.value())
        return queryset


@admin.register(QuestionDraft)
class QuestionDraftAdmin(ModelAdmin):
    """The drafting engine's proposals: read-only, accepted (as an unpublished question of
    the lesson's checkpoint quiz, or else the course's final quiz) or rejected for good."""

    # The options are in the list, the correct ones ticked: a reviewer judges a draft
    # without opening it.
    list_display = ["stem", "choices_list", "kind", "lesson", "score", "state"]
    list_filter = ["kind", "state", DraftLessonFilter]
    list_select_related = ["source__lesson", "question"]
    search_fields = ["stem", "answer", "source_sentence"]
    readonly_fields = [
        "stem",
        "kind",
        "choices_list",
        "answer",
        "explanation",
        "source_sentence",
        "lesson",
        "score",
        "state",
        "question",
        "decided_at",
        "decided_by",
    ]
    fields = readonly_fields
    actions = ["accept", "reject"]
    change_form_template = "admin/quiz/questiondraft/change_form.html"
    change_list_template = "admin/quiz/questiondraft/change_list.html"

    def has_add_permission(self, request):
        return False

    def get_urls(self):
        decide = path(
            "<int:pk>/decide/",
            self.admin_site.admin_view(self.decide_view),
            name="quiz_questiondraft_decide",
        )
        return [decide, *super().get_urls()]

    def decide_view(self, request, pk):
        """Accept or reject one draft from its page (POST), then back to the drafts."""
        if request.method != "POST":
            return redirect("admin:quiz_questiondraft_change", pk)
        if not self.has_change_permission(request):
            raise PermissionDenied
        queryset = self.get_queryset(request).filter(pk=pk)
        if not queryset.exists():
            raise Http404
        if request.POST.get("decision") == "accept":
            self.accept(request, queryset)
        elif request.POST.get("decision") == "reject":
            self.reject(request, queryset)
        else:
            self.message_user(
                request, _("Choose to accept or to reject the draft."), messages.ERROR
            )
            return redirect("admin:quiz_questiondraft_change", pk)
        return redirect("admin:quiz_questiondraft_changelist")

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # Nothing to save on a draft's page: it is accepted or rejected (its own buttons).
        context.update(
            show_save=False, show_save_and_continue=False, show_save_and_add_another=False
        )
        context["can_decide"] = (
            obj is not None
            and obj.state == DraftState.PROPOSED
            and self.has_change_permission(request, obj)
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    @admin.display(description=_("lesson"), ordering="source__lesson")
    def lesson(self, draft):
        source = getattr(draft, "source", None)
        return source.lesson if source else "–"

    @admin.display(description=_("choices"))
    def choices_list(self, draft):
        return format_html_join(
            mark_safe("<br>"),
            "{} {}",
            (("✔" if choice["correct"] else "–", choice["text"]) for choice in draft.choices),
        )

    @admin.action(description=_("Accept the selected drafts as questions"), permissions=["change"])
    def accept(self, request, queryset):
        accepted, refused = 0, []
        for draft in queryset.filter(state=DraftState.PROPOSED).select_related(
            "source__lesson__course", "source__lesson__checkpoint_quiz"
        ):
            try:
                drafting.accept_draft(draft, request.user)
            except (drafting.DraftHasNoQuiz, ValidationError, proposals.DraftDecided):
                refused.append(str(draft))
                continue
            accepted += 1
        if accepted:
            self.message_user(
                request,
                ngettext(
                    "%(count)d draft accepted: it is now an unpublished question to edit and "
                    "publish.",
                    "%(count)d drafts accepted: they are now unpublished questions to edit and "
                    "publish.",
                    accepted,
                )
                % {"count": accepted},
                messages.SUCCESS,
            )
        if refused:
            self.message_user(
                request,
                _("Not accepted (no quiz to put it in, or no answerable question): %(drafts)s")
                % {"drafts": "; ".join(refused)},
                messages.WARNING,
            )

    @admin.action(description=_("Reject the selected drafts"), permissions=["change"])
    def reject(self, request, queryset):
        rejected = 0
        for draft in queryset.filter(state=DraftState.PROPOSED):
            try:
                proposals.reject(draft, request.user)
            except proposals.DraftDecided:
                continue
            rejected += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d draft rejected: it will not be proposed again.",
                "%(count)d drafts rejected: they will not be proposed again.",
                rejected,
            )
            % {"count": rejected},
            messages.SUCCESS,
        )
