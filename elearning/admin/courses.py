"""Courses and lessons: writing and ordering them, importing a course from a document, a
question's source lesson, and reading learners' progress."""

from functools import partial

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, OuterRef, Q
from django.forms.models import BaseInlineFormSet
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from config.admin import ModelAdmin, StackedInline, TabularInline
from quiz.admin import LearnerScopedMixin, QuestionAdmin
from quiz.models import Question, Quiz

from .. import drafting
from ..cohorts import visible_learners
from ..forms import ImportCourseForm, ImportPreview
from ..importing import ImportProblem, import_course
from ..models import (
    Course,
    Enrolment,
    GlossaryTerm,
    Lesson,
    LessonProgress,
    QuestionSource,
    lesson_count,
)
from ..rendering import render_markdown
from .base import ReadOnlyAdmin
from .reports import report_view


def free_quizzes(course, *, lesson=None):
    """The quizzes a course's final quiz or a lesson's checkpoint may be: of the course's
    bank (any bank while the course is not known), and neither another course's final quiz
    nor another lesson's checkpoint (the ones this course or lesson has stay offered)."""
    quizzes = Quiz.objects.all() if course is None else Quiz.objects.filter(bank=course.bank_id)
    used = Course.objects.exclude(final_quiz=None)
    checkpoints = Lesson.objects.exclude(checkpoint_quiz=None)
    if course is not None and lesson is None:
        used = used.exclude(pk=course.pk)
    if lesson is not None:
        checkpoints = checkpoints.exclude(pk=lesson.pk)
    return quizzes.exclude(pk__in=used.values("final_quiz")).exclude(
        pk__in=checkpoints.values("checkpoint_quiz")
    )


class LessonFormSet(BaseInlineFormSet):
    """A published course has at least one lesson that is not archived."""

    def clean(self):
        super().clean()
        if any(self.errors) or not self.instance.is_published:
            return
        kept = [
            form
            for form in self.forms
            if form.cleaned_data
            and not self._should_delete_form(form)
            and not form.cleaned_data.get("is_archived")
        ]
        if not kept:
            raise ValidationError(
                _(
                    "A published course needs at least one lesson: add one, or leave the course "
                    "unpublished."
                ),
                code="published_without_lessons",
            )


class LessonInline(TabularInline):
    model = Lesson
    formset = LessonFormSet
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


class GlossaryTermInline(StackedInline):
    model = GlossaryTerm
    extra = 0


@admin.register(Course)
class CourseAdmin(ModelAdmin):
    list_display = ["title", "is_published", "active_lessons", "learners", "report", "updated_at"]
    list_filter = ["is_published"]
    search_fields = ["title", "summary", "lessons__title"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["bank", "editorial_notes_preview", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "is_published", "bank", "final_quiz"]}),
        (
            _("Editorial notes for instructors"),
            {"fields": ["editorial_notes", "editorial_notes_preview"]},
        ),
        (_("History"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]
    inlines = [LessonInline, GlossaryTermInline]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "final_quiz":
            course_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = free_quizzes(Course.objects.filter(pk=course_id).first())
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    class Media:
        js = ["elearning/js/admin-unsaved.js"]

    change_list_template = "admin/elearning/course/change_list.html"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                active_lesson_count=lesson_count(OuterRef("pk")),
                learner_count=Count(
                    "enrolments",
                    filter=Q(enrolments__learner__in=visible_learners(request.user)),
                    distinct=True,
                ),
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
        report_url = path(
            "<int:pk>/report/",
            self.admin_site.admin_view(partial(report_view, self)),
            name="elearning_course_report",
        )
        return [import_url, report_url, *super().get_urls()]

    @admin.display(description=_("progress report"))
    def report(self, course):
        url = reverse("admin:elearning_course_report", args=[course.pk])
        return format_html('<a href="{}">{}</a>', url, _("Report"))

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
class LessonAdmin(ModelAdmin):
    # Narrow enough to fit beside the filters at 1280 px.
    list_display = ["title", "course", "position", "is_archived"]
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

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "checkpoint_quiz":
            lesson_id = request.resolver_match.kwargs.get("object_id")
            lesson = Lesson.objects.select_related("course").filter(pk=lesson_id).first()
            kwargs["queryset"] = free_quizzes(lesson and lesson.course, lesson=lesson)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

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
        if not lesson.body:
            return "–"
        # Sanitised by nh3 in render_markdown; styled as on the lesson page (lesson.css).
        return format_html(
            '<div class="lesson-body">{}</div>', mark_safe(render_markdown(lesson.body))
        )

    def response_post_save_change(self, request, obj):
        """Back to the lessons of the lesson's course (not every course's), unless she came
        from a filtered list."""
        if request.GET.get("_changelist_filters") or not self.has_view_or_change_permission(
            request
        ):
            return super().response_post_save_change(request, obj)
        url = reverse("admin:elearning_lesson_changelist")
        return redirect(f"{url}?course__id__exact={obj.course_id}")

    class Media:
        css = {"all": ["elearning/css/lesson.css"]}
        js = ["elearning/js/admin-unsaved.js"]


@admin.register(Enrolment)
class EnrolmentAdmin(LearnerScopedMixin, ReadOnlyAdmin):
    list_display = ["record", "course", "lessons_done", "enrolled_at", "last_activity_at"]
    list_filter = ["course"]
    list_select_related = ["learner", "course"]
    search_fields = ["learner__email", "learner__first_name", "learner__last_name"]
    date_hierarchy = "last_activity_at"

    def get_queryset(self, request):
        return super().get_queryset(request).with_progress()

    @admin.display(description=_("learner"), ordering="learner__last_name")
    def record(self, enrolment):
        """Her name, leading to her whole record."""
        url = reverse("admin:elearning_user_record", args=[enrolment.learner_id])
        return format_html('<a href="{}">{}</a>', url, enrolment.learner)

    @admin.display(description=_("lessons done"), ordering="done_count")
    def lessons_done(self, enrolment):
        done, total, percent = enrolment.done_count, enrolment.lesson_count, enrolment.percent
        return f"{done} / {total} ({percent}\N{NO-BREAK SPACE}%)"


@admin.register(LessonProgress)
class LessonProgressAdmin(LearnerScopedMixin, ReadOnlyAdmin):
    list_display = ["learner", "lesson", "completed_at"]  # the course is a filter
    list_filter = ["lesson__course", "lesson"]
    list_select_related = ["learner", "lesson__course"]
    search_fields = ["learner__email", "learner__first_name", "learner__last_name"]
    date_hierarchy = "completed_at"

    @admin.display(description=_("course"), ordering="lesson__course__title")
    def course(self, progress):
        return progress.lesson.course


class QuestionSourceInline(StackedInline):
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
