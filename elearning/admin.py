"""The instructors' tool: courses and lessons, text import, and learners' progress."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from quiz import proposals
from quiz.admin import QuestionAdmin
from quiz.models import DraftState, Question, QuestionDraft

from . import completion, drafting
from .forms import ImportCourseForm, ImportPreview, SignupForm
from .importing import ImportProblem, import_course
from .models import (
    Certificate,
    Course,
    DraftRun,
    Enrolment,
    GlossaryTerm,
    Lesson,
    LessonProgress,
    QuestionSource,
    User,
)
from .rendering import render_markdown


class LessonInline(admin.TabularInline):
    model = Lesson
    fields = ["position", "title", "slug", "reading_minutes", "is_archived", "edit_link"]
    readonly_fields = ["edit_link"]
    prepopulated_fields = {"slug": ["title"]}
    ordering = ["position", "pk"]
    extra = 0
    show_change_link = True

    @admin.display(description=_("body"))
    def edit_link(self, lesson):
        if not lesson.pk:
            return "–"
        url = reverse("admin:elearning_lesson_change", args=[lesson.pk])
        return format_html('<a href="{}">{}</a>', url, _("Edit the text"))


class GlossaryTermInline(admin.StackedInline):
    model = GlossaryTerm
    extra = 0


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "is_published", "active_lessons", "learners", "updated_at"]
    list_filter = ["is_published"]
    search_fields = ["title", "summary", "lessons__title"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["editorial_notes_preview", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "is_published", "final_quiz"]}),
        (
            _("Editorial notes for instructors"),
            {"fields": ["editorial_notes", "editorial_notes_preview"]},
        ),
        (_("History"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]
    inlines = [LessonInline, GlossaryTermInline]
    autocomplete_fields = ["final_quiz"]
    change_list_template = "admin/elearning/course/change_list.html"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                active_lesson_count=Count(
                    "lessons", filter=Q(lessons__is_archived=False), distinct=True
                ),
                learner_count=Count("enrolments", distinct=True),
            )
        )

    @admin.display(description=_("lessons"), ordering="active_lesson_count")
    def active_lessons(self, course):
        return course.active_lesson_count

    @admin.display(description=_("learners"), ordering="learner_count")
    def learners(self, course):
        return course.learner_count

    @admin.display(description=_("editorial notes, as rendered"))
    def editorial_notes_preview(self, course):
        # Sanitised by nh3 in render_markdown, so safe to show as HTML.
        return mark_safe(render_markdown(course.editorial_notes)) if course.editorial_notes else "–"

    def get_urls(self):
        import_url = path(
            "import/",
            self.admin_site.admin_view(self.import_view),
            name="elearning_course_import",
        )
        return [import_url, *super().get_urls()]

    def import_view(self, request):
        """Import in two steps: read a file or a paste and show the lessons it makes;
        then save them as the instructor edited them, in one transaction."""
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        if request.method == "POST" and ImportPreview.is_posted(request.POST):
            preview = ImportPreview(request.POST)
            if "save" in request.POST and preview.is_valid():
                try:
                    report = import_course(preview.article())
                except ImportProblem as problem:
                    preview.course.add_error(None, str(problem))
                else:
                    for line in report.lines():
                        self.message_user(request, line, messages.SUCCESS)
                    return redirect("admin:elearning_course_change", report.course.pk)
            return self.import_preview_response(request, preview)
        posted = request.method == "POST"
        form = ImportCourseForm(request.POST if posted else None, request.FILES if posted else None)
        if posted and form.is_valid():
            preview = ImportPreview(article=form.cleaned_data["article"])
            return self.import_preview_response(request, preview)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import a course"),
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/elearning/course/import.html", context)

    def import_preview_response(self, request, preview):
        context = {
            **self.admin_site.each_context(request),
            "title": _("Check the lessons before saving"),
            "preview": preview,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/elearning/course/import_preview.html", context)


@admin.register(Lesson)
class LessonAdmin(admin.ModelAdmin):
    list_display = ["title", "course", "position", "reading_minutes", "is_archived", "updated_at"]
    list_display_links = ["title"]
    list_editable = ["position"]
    list_filter = ["course", "is_archived"]
    list_select_related = ["course"]
    search_fields = ["title", "body", "objectives"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["body_preview", "created_at", "updated_at"]
    fields = [
        "course",
        "title",
        "slug",
        "position",
        "reading_minutes",
        "objectives",
        "body",
        "body_preview",
        "checkpoint_quiz",
        "is_archived",
        "created_at",
        "updated_at",
    ]
    ordering = ["course", "position"]
    autocomplete_fields = ["checkpoint_quiz"]
    actions = ["draft_questions"]

    @admin.action(
        description=_("Draft questions from the selected lessons"), permissions=["change"]
    )
    def draft_questions(self, request, queryset):
        """Queue drafting as a background task per lesson (the language model never loads
        in a web worker); the drafting runs list shows each one's state."""
        runs = [
            drafting.start_run(lesson.course, lesson, request.user)
            for lesson in queryset.select_related("course")
        ]
        self.message_user(
            request,
            ngettext(
                "Drafting queued for %(count)d lesson: the drafts appear once a worker has "
                "run it, usually in a few seconds (see Drafting runs).",
                "Drafting queued for %(count)d lessons: the drafts appear once a worker has "
                "run them, usually in a few seconds (see Drafting runs).",
                len(runs),
            )
            % {"count": len(runs)},
            messages.SUCCESS,
        )

    @admin.display(description=_("preview"))
    def body_preview(self, lesson):
        return mark_safe(render_markdown(lesson.body)) if lesson.body else "–"


class ReadOnlyAdmin(admin.ModelAdmin):
    """Progress is the learners' own record: instructors read it, never edit it."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Enrolment)
class EnrolmentAdmin(ReadOnlyAdmin):
    list_display = ["learner", "course", "lessons_done", "enrolled_at", "last_activity_at"]
    list_filter = ["course"]
    list_select_related = ["learner", "course"]
    search_fields = ["learner__email", "learner__first_name", "learner__last_name"]
    date_hierarchy = "last_activity_at"

    def get_queryset(self, request):
        return super().get_queryset(request).with_progress()

    @admin.display(description=_("lessons done"), ordering="done_count")
    def lessons_done(self, enrolment):
        return f"{enrolment.done_count} / {enrolment.lesson_count} ({enrolment.percent} %)"


@admin.register(LessonProgress)
class LessonProgressAdmin(ReadOnlyAdmin):
    list_display = ["learner", "lesson", "course", "completed_at"]
    list_filter = ["lesson__course", "lesson"]
    list_select_related = ["learner", "lesson__course"]
    search_fields = ["learner__email", "learner__first_name", "learner__last_name"]
    date_hierarchy = "completed_at"

    @admin.display(description=_("course"), ordering="lesson__course__title")
    def course(self, progress):
        return progress.lesson.course


# A certificate's state; "revoked" alone is the date field's name ("revoked on").
VALID = pgettext_lazy("certificate state", "valid")
REVOKED = pgettext_lazy("certificate state", "revoked")


class CertificateStateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("valid", VALID), ("revoked", REVOKED)]

    def queryset(self, request, queryset):
        if self.value() == "valid":
            return queryset.valid()
        if self.value() == "revoked":
            return queryset.filter(revoked_at__isnull=False)
        return queryset


class RevocationForm(forms.Form):
    """The reason asked before revoking or reissuing; the model's own field, made required."""

    reason = Certificate._meta.get_field("revocation_reason").formfield(
        required=True,
        help_text=_("Kept with the certificate, with your name and the date."),
        error_messages={"required": _("Give a reason: it is kept with the revocation.")},
    )


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    """Certificates are issued by completion only and never deleted: instructors read them,
    and revoke or reissue them with a reason, through the services that keep who, when and
    why. The pages stay read-only; the two actions are the only changes."""

    list_display = [
        "verification_code",
        "learner_name",
        "course_title",
        "completed_on",
        "score_percent",
        "issued_at",
        "state",
    ]
    list_filter = ["course", CertificateStateFilter, "issued_at"]
    # The actions read her account (reissue takes her current name) and the course.
    list_select_related = ["learner", "course"]
    search_fields = ["code", "learner_name", "learner__email", "course_title"]
    date_hierarchy = "issued_at"
    actions = ["revoke", "reissue"]
    fieldsets = [
        (None, {"fields": ["verification_code", "state", "verification_page"]}),
        (
            _("What the certificate states"),
            {
                "fields": [
                    "learner_name",
                    "course_title",
                    "completed_on",
                    "score_percent",
                    "issued_at",
                ]
            },
        ),
        (_("Learner and course"), {"fields": ["learner", "course"]}),
        (_("Revocation"), {"fields": ["revoked_at", "revoked_by", "revocation_reason"]}),
        (_("Reissues"), {"fields": ["replaces_link", "replaced_by_link"]}),
    ]
    readonly_fields = [field for _name, options in fieldsets for field in options["fields"]]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_revoke_permission(self, request):
        """Revoking and reissuing are the only changes a certificate takes: they need the
        model's change permission, while its page stays read-only."""
        return super().has_change_permission(request)

    def get_search_results(self, request, queryset, search_term):
        """A code matches as printed or typed: with dashes, in any case, with O for 0."""
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        code = completion.normalise_code(search_term) or search_term.strip().replace("-", "")
        if code:
            found |= queryset.filter(code__contains=code.upper())
        return found, may_have_duplicates

    @admin.display(description=_("verification code"), ordering="code")
    def verification_code(self, certificate):
        return certificate.display_code

    @admin.display(description=_("state"), ordering="revoked_at")
    def state(self, certificate):
        return REVOKED if certificate.is_revoked else VALID

    @admin.display(description=_("public verification page"))
    def verification_page(self, certificate):
        url = reverse("certificate_verify_code", args=[certificate.display_code])
        return format_html('<a href="{}">{}</a>', url, url)

    @admin.display(description=_("replaces"))
    def replaces_link(self, certificate):
        return self.certificate_link(certificate.replaces)

    @admin.display(description=_("replaced by"))
    def replaced_by_link(self, certificate):
        return self.certificate_link(Certificate.objects.filter(replaces=certificate).first())

    def certificate_link(self, certificate):
        if certificate is None:
            return None  # shown as the admin's empty value
        url = reverse("admin:elearning_certificate_change", args=[certificate.pk])
        return format_html('<a href="{}">{}</a>', url, certificate.display_code)

    @admin.action(description=_("Revoke selected certificates"), permissions=["revoke"])
    def revoke(self, request, queryset):
        return self.with_reason(
            request, queryset, "revoke", _("Revoke certificates"), self.revoke_all
        )

    @admin.action(
        description=_(
            "Reissue selected certificates (revoke and issue a new code with the current name)"
        ),
        permissions=["revoke"],
    )
    def reissue(self, request, queryset):
        return self.with_reason(
            request, queryset, "reissue", _("Reissue certificates"), self.reissue_all
        )

    def revoke_all(self, request, valid, reason):
        """Returns those that someone else revoked meanwhile."""
        revoked = [c for c in valid if completion.revoke_certificate(c, request.user, reason)]
        if revoked:
            self.message_user(
                request,
                ngettext(
                    "Revoked %(count)d certificate: %(codes)s.",
                    "Revoked %(count)d certificates: %(codes)s.",
                    len(revoked),
                )
                % {"count": len(revoked), "codes": codes(revoked)},
                messages.SUCCESS,
            )
        return [c for c in valid if c not in revoked]

    def reissue_all(self, request, valid, reason):
        """Returns those that someone else revoked meanwhile."""
        pairs = [(c, completion.reissue_certificate(c, request.user, reason)) for c in valid]
        done = [(old, new) for old, new in pairs if new is not None]
        if done:
            self.message_user(
                request,
                ngettext(
                    "Reissued %(count)d certificate: %(codes)s.",
                    "Reissued %(count)d certificates: %(codes)s.",
                    len(done),
                )
                % {
                    "count": len(done),
                    "codes": ", ".join(
                        f"{old.display_code} → {new.display_code}" for old, new in done
                    ),
                },
                messages.SUCCESS,
            )
        return [old for old, new in pairs if new is None]

    def with_reason(self, request, queryset, action, title, apply):
        """Django's delete confirmation, with a reason: the form first, then ``apply(request,
        valid, reason)`` in one transaction. Certificates already revoked are left as they
        are, with a warning."""
        selected = list(queryset)
        valid = [c for c in selected if not c.is_revoked]
        skipped = [c for c in selected if c.is_revoked]
        form = RevocationForm(request.POST if "apply" in request.POST else None)
        if valid and form.is_valid():
            with transaction.atomic():
                skipped += apply(request, valid, form.cleaned_data["reason"])
            self.warn_skipped(request, skipped)
            return None
        if not valid:
            self.warn_skipped(request, skipped)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "action": action,
            "certificates": valid,
            "skipped": skipped,
            "selected": selected,
            "form": form,
            "opts": self.opts,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media + form.media,
        }
        return TemplateResponse(
            request, f"admin/elearning/certificate/{action}_confirmation.html", context
        )

    def warn_skipped(self, request, skipped):
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d certificate was already revoked and was left as it was: %(codes)s.",
                    "%(count)d certificates were already revoked and were left as they were: "
                    "%(codes)s.",
                    len(skipped),
                )
                % {"count": len(skipped), "codes": codes(skipped)},
                messages.WARNING,
            )


def codes(items):
    return ", ".join(certificate.display_code for certificate in items)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["last_name", "first_name", "email"]
    list_display = ["email", "first_name", "last_name", "is_staff", "last_login"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personal info"), {"fields": ["first_name", "last_name", "preferred_language"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["email", "first_name", "last_name", "password1", "password2"],
            },
        ),
    ]
    readonly_fields = ["last_login", "date_joined"]
    add_form = SignupForm


class QuestionSourceInline(admin.StackedInline):
    """Where the question comes from in a course; kept here so that quiz knows no courses."""

    model = QuestionSource
    fields = ["lesson", "objective", "passage"]
    autocomplete_fields = ["lesson"]
    extra = 0


class CourseQuestionAdmin(QuestionAdmin):
    """The quiz app's question page, with the question's source lesson."""

    inlines = [*QuestionAdmin.inlines, QuestionSourceInline]


admin.site.unregister(Question)
admin.site.register(Question, CourseQuestionAdmin)


admin.site.site_header = _("Nursing e-learning: administration")
admin.site.site_title = _("Nursing e-learning")
admin.site.index_title = _("Courses, lessons and learners")


@admin.register(DraftRun)
class DraftRunAdmin(ReadOnlyAdmin):
    """Drafting runs queued from the lessons' action: queued, running, done (how many new
    drafts) or failed (why), as each run's task says."""

    list_display = ["started_at", "drafted", "started_by", "state", "proposed", "finished", "error"]
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
class QuestionDraftAdmin(admin.ModelAdmin):
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

    def has_add_permission(self, request):
        return False

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
