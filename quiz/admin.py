"""The instructors' quiz tool: quizzes and their draw, questions and choices, accommodations,
a learner's-eye preview, and learners' attempts read-only.

Nothing here knows of courses: ``elearning.admin`` adds the course-side links (a
question's source lesson) by subclassing ``QuestionAdmin``.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Count, Q
from django.forms.models import BaseInlineFormSet
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import path
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .attempts import draw_summary
from .copying import duplicate_quiz
from .cues import find_cues
from .forms import AnswerForm
from .grading import display_percent
from .models import (
    Accommodation,
    Attempt,
    Category,
    Choice,
    DrawRule,
    Question,
    QuestionStatus,
    Quiz,
    Response,
    validate_choices,
)


def short(text, length=70):
    return Truncator(" ".join(text.split())).chars(length)


def format_points(value):
    """A stored Decimal score without its trailing zeros: 2.5000 -> 2.5, 3.0000 -> 3."""
    return "–" if value is None else f"{value.normalize():f}"


def short_datetime(value):
    return "–" if value is None else date_format(localtime(value), "SHORT_DATETIME_FORMAT")


def choice_problems(question):
    """The messages of ``validate_choices`` for a saved question (empty when it is sound)."""
    try:
        validate_choices(question.kind, [(c.text, c.is_correct) for c in question.choices.all()])
    except ValidationError as error:
        return error.messages
    return []


def question_cues(question):
    """What may give a saved question's answer away (``quiz.cues``), for its page."""
    return find_cues(question.text, [(c.text, c.is_correct) for c in question.choices.all()])


def without_related_icons(field):
    """No add/edit/delete/view icons next to a select in a narrow inline column."""
    wrapper = field.widget
    wrapper.can_add_related = wrapper.can_change_related = False
    wrapper.can_delete_related = wrapper.can_view_related = False
    return field


# Quizzes ---------------------------------------------------------------------------------


class DrawRuleInline(admin.TabularInline):
    model = DrawRule
    extra = 0


class QuizQuestionFormSet(BaseInlineFormSet):
    """Publishing from the quiz page checks the question's choices, as the question page does."""

    def clean(self):
        super().clean()
        for form in self.initial_forms:
            if not form.has_changed() or "status" not in form.changed_data:
                continue
            if form.cleaned_data.get("status") != QuestionStatus.PUBLISHED:
                continue
            problems = choice_problems(form.instance)
            if problems:
                form.add_error(
                    "status",
                    ValidationError(
                        _("Cannot be published: %(problems)s"),
                        code="unsound_question",
                        params={"problems": " ".join(problems)},
                    ),
                )


class QuizQuestionInline(admin.TabularInline):
    """The quiz's questions at a glance; wording, kind and choices are edited on the question page.

    Neither adding nor deleting here: a question is created with its choices (validated
    together) on its own page, and deleting one that learners have answered is refused
    there with the admin's explanation rather than inside this form.
    """

    model = Question
    formset = QuizQuestionFormSet
    fields = ["position", "short_text", "kind", "category", "points", "status"]
    readonly_fields = ["short_text", "kind"]
    ordering = ["position", "pk"]
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("category").prefetch_related("choices")

    @admin.display(description=_("question"))
    def short_text(self, question):
        return short(question.text)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "category":
            # Evaluated once for the page, not once per row; and no add/edit/delete icons
            # crowding a narrow column (categories have their own page).
            field.choices = list(field.choices)
            without_related_icons(field)
        return field


class AccommodationInline(admin.TabularInline):
    model = Accommodation
    fields = ["learner", "extra_minutes", "extra_attempts", "reason"]
    autocomplete_fields = ["learner"]
    extra = 0

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "reason":
            kwargs["widget"] = forms.TextInput(attrs={"size": 24})
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        return without_related_icons(field) if db_field.name == "learner" else field


@admin.register(Quiz)
class QuizAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "feedback_mode",
        "pass_",
        "attempts",
        "time_limit",
        "questions",
    ]
    list_filter = ["feedback_mode", "grading_method", "review_policy", "shuffle_questions"]
    search_fields = ["title", "description", "questions__text"]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "description"]}),
        (
            _("Passing and attempts"),
            {"fields": ["pass_mark", "max_attempts", "time_limit_minutes", "grading_method"]},
        ),
        (_("Feedback and review"), {"fields": ["feedback_mode", "review_policy"]}),
        (_("Order"), {"fields": ["shuffle_questions", "shuffle_choices"]}),
        (_("History"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]
    inlines = [DrawRuleInline, QuizQuestionInline, AccommodationInline]
    actions = ["duplicate"]
    change_form_template = "admin/quiz/quiz/change_form.html"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                question_count=Count("questions", distinct=True),
                published_count=Count(
                    "questions",
                    filter=Q(questions__status=QuestionStatus.PUBLISHED),
                    distinct=True,
                ),
            )
        )

    def get_inlines(self, request, obj):
        # A new quiz has no questions yet: they are added on the question page.
        return self.inlines if obj else [DrawRuleInline, AccommodationInline]

    # Short headings and values, so that the list fits beside its filters.
    @admin.display(description=_("pass mark"), ordering="pass_mark")
    def pass_(self, quiz):
        return f"{quiz.pass_mark} %"

    @admin.display(description=_("attempts"), ordering="max_attempts")
    def attempts(self, quiz):
        return quiz.max_attempts or "∞"

    @admin.display(description=_("time limit"), ordering="time_limit_minutes")
    def time_limit(self, quiz):
        return f"{quiz.time_limit_minutes} min" if quiz.time_limit_minutes else "–"

    @admin.display(description=_("published / questions"), ordering="question_count")
    def questions(self, quiz):
        return f"{quiz.published_count} / {quiz.question_count}"

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "can_add_question": request.user.has_perm("quiz.add_question"),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        preview = path(
            "<int:pk>/preview/",
            self.admin_site.admin_view(self.preview_view),
            name="quiz_quiz_preview",
        )
        return [preview, *super().get_urls()]

    def preview_view(self, request, pk):
        """Every published question as a learner sees it, with its answer key. Records nothing."""
        quiz = get_object_or_404(Quiz, pk=pk)
        if not self.has_view_permission(request, quiz):
            raise PermissionDenied
        published = list(
            quiz.questions.published()
            .select_related("category")
            .prefetch_related("choices")
            .order_by("position", "pk")
        )
        items = [
            {
                "question": question,
                "form": AnswerForm(
                    kind=question.kind,
                    choices=[(choice.pk, choice.text) for choice in question.choices.all()],
                    label=question.text,
                    prefix=f"q{question.pk}",
                ),
                "choices": question.choices.all(),
            }
            for question in published
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Preview of “%(quiz)s” as a learner") % {"quiz": quiz},
            "quiz": quiz,
            "items": items,
            "summary": draw_summary(quiz, published),
            "drafts": quiz.questions.filter(status=QuestionStatus.DRAFT).count(),
            "opts": self.opts,
            "original": quiz,
        }
        return TemplateResponse(request, "admin/quiz/quiz/preview.html", context)

    @admin.action(description=_("Duplicate the selected quizzes"), permissions=["add"])
    def duplicate(self, request, queryset):
        if request.POST.get("post") == "yes":
            copies = [duplicate_quiz(quiz) for quiz in queryset]
            self.message_user(
                request,
                ngettext(
                    "Copied %(count)d quiz: %(titles)s.",
                    "Copied %(count)d quizzes: %(titles)s.",
                    len(copies),
                )
                % {"count": len(copies), "titles": ", ".join(copy.title for copy in copies)},
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Duplicate quizzes"),
            "quizzes": queryset.prefetch_related("draw_rules"),
            "opts": self.opts,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        return TemplateResponse(request, "admin/quiz/quiz/duplicate_confirmation.html", context)


# Questions --------------------------------------------------------------------------------


class ChoiceFormSet(BaseInlineFormSet):
    """A question must be answerable: ``validate_choices`` over the choices kept.

    The admin validates the question's own form before its formsets, and that assigns the
    posted kind to ``self.instance``: the rule is checked against the kind being saved.
    """

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        kept = [
            (form.cleaned_data["text"], form.cleaned_data.get("is_correct", False))
            for form in self.forms
            if form.cleaned_data and not self._should_delete_form(form)
        ]
        validate_choices(self.instance.kind, kept)


class ChoiceInline(admin.TabularInline):
    model = Choice
    formset = ChoiceFormSet
    fields = ["position", "text", "is_correct", "feedback"]
    ordering = ["position", "pk"]
    # Choices can be whole sentences: two-line boxes rather than a narrow input.
    formfield_overrides = {
        models.CharField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 40})},
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 30})},
    }

    def get_extra(self, request, obj=None, **kwargs):
        return 4 if obj is None else 1


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["short_text", "status", "kind", "category", "points", "quiz"]
    list_filter = ["quiz", "kind", "status", "category"]
    list_select_related = ["quiz", "category"]
    search_fields = ["text"]
    autocomplete_fields = ["quiz"]
    readonly_fields = ["attempts_using", "created_at", "updated_at"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "quiz",
                    "position",
                    "text",
                    "kind",
                    "category",
                    "points",
                    "status",
                    "attempts_using",
                ]
            },
        ),
        (_("Right answer"), {"fields": ["explanation", "partial_credit"]}),
        (_("History"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]
    inlines = [ChoiceInline]
    actions = ["publish", "move_to_draft"]
    ordering = ["quiz", "position", "pk"]
    change_form_template = "admin/quiz/question/change_form.html"

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # The saved question's cues. A page sent back with errors holds the posted text beside
        # the saved choices: no warning there, the saved page shows it once the edit is kept.
        if obj is not None and obj.pk and request.method == "GET":
            context["cues"] = question_cues(obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_fieldsets(self, request, obj=None):
        if obj is not None:
            return self.fieldsets
        # A new question has no attempts to speak of.
        (name, options), *rest = self.fieldsets
        fields = [field for field in options["fields"] if field != "attempts_using"]
        return [(name, {**options, "fields": fields}), *rest]

    @admin.display(description=_("question"), ordering="text")
    def short_text(self, question):
        return short(question.text)

    @admin.display(description=_("answered in"))
    def attempts_using(self, question):
        count = question.responses.count()
        if not count:
            return _("no attempt yet")
        return ngettext(
            "%(count)d attempt. It keeps the wording it showed: your edits apply to new "
            "attempts. An answered question cannot be deleted; move it back to draft instead.",
            "%(count)d attempts. They keep the wording they showed: your edits apply to new "
            "attempts. An answered question cannot be deleted; move it back to draft instead.",
            count,
        ) % {"count": count}

    @admin.action(description=_("Publish the selected questions"), permissions=["change"])
    def publish(self, request, queryset):
        sound, refused = [], []
        for question in queryset.filter(status=QuestionStatus.DRAFT).prefetch_related("choices"):
            problems = choice_problems(question)
            if problems:
                refused.append(question)
                self.message_user(
                    request,
                    format_html(
                        "{}: {}",
                        short(question.text, 50),
                        " ".join(problems),
                    ),
                    messages.WARNING,
                )
            else:
                sound.append(question.pk)
        published = Question.objects.filter(pk__in=sound).update(status=QuestionStatus.PUBLISHED)
        if published:
            self.message_user(
                request,
                ngettext(
                    "Published %(count)d question.", "Published %(count)d questions.", published
                )
                % {"count": published},
                messages.SUCCESS,
            )
        if refused:
            self.message_user(
                request,
                ngettext(
                    "%(count)d question was left as a draft: correct its choices first.",
                    "%(count)d questions were left as drafts: correct their choices first.",
                    len(refused),
                )
                % {"count": len(refused)},
                messages.WARNING,
            )

    @admin.action(
        description=_("Move the selected questions back to draft"), permissions=["change"]
    )
    def move_to_draft(self, request, queryset):
        count = queryset.filter(status=QuestionStatus.PUBLISHED).update(status=QuestionStatus.DRAFT)
        self.message_user(
            request,
            ngettext(
                "Moved %(count)d question back to draft.",
                "Moved %(count)d questions back to draft.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "question_count"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(question_total=Count("questions"))

    @admin.display(description=_("questions"), ordering="question_total")
    def question_count(self, category):
        return category.question_total


@admin.register(Accommodation)
class AccommodationAdmin(admin.ModelAdmin):
    """Extra time (the "tiers-temps") and extra attempts, per learner and quiz."""

    list_display = ["learner", "quiz", "extra_minutes", "extra_attempts", "reason"]
    list_filter = ["quiz"]
    list_select_related = ["learner", "quiz"]
    search_fields = ["learner__email", "learner__first_name", "learner__last_name", "quiz__title"]
    autocomplete_fields = ["learner", "quiz"]


# Attempts: the learners' record, read-only -----------------------------------------------


class ReadOnlyMixin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def choice_texts(response, ids):
    return (
        format_html_join(
            "", "<div>{}</div>", ((c["text"],) for c in response.choices if c["id"] in ids)
        )
        or "–"
    )


class ResponseInline(ReadOnlyMixin, admin.TabularInline):
    model = Response
    fields = ["position", "question_text", "answer", "right_answer", "is_correct", "earned"]
    readonly_fields = fields
    ordering = ["position"]

    def get_queryset(self, request):
        # Each row's label names its attempt, learner and quiz.
        return super().get_queryset(request).select_related("attempt__learner", "attempt__quiz")

    @admin.display(description=_("answer"))
    def answer(self, response):
        return choice_texts(response, set(response.selected))

    @admin.display(description=_("right answer"))
    def right_answer(self, response):
        return choice_texts(response, response.correct_ids)

    @admin.display(description=_("points awarded"))
    def earned(self, response):
        return f"{format_points(response.points_awarded)} / {response.points}"


@admin.register(Attempt)
class AttemptAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = [
        "learner",
        "quiz",
        "attempt",
        "started",
        "submitted",
        "outcome",
    ]
    list_filter = ["state", "passed", "quiz"]
    list_select_related = ["learner", "quiz"]
    search_fields = ["learner__email", "learner__first_name", "learner__last_name", "quiz__title"]
    date_hierarchy = "started_at"
    fieldsets = [
        (None, {"fields": ["learner", "quiz", "number", "state", "result", "passed"]}),
        (_("Times"), {"fields": ["started_at", "deadline", "submitted_at"]}),
        (
            _("Rules frozen at the start"),
            {"fields": ["pass_mark", "feedback_mode", "review_policy"]},
        ),
    ]
    readonly_fields = ["result"]
    inlines = [ResponseInline]

    # Short headings and dates, so that the list fits beside its filters.
    @admin.display(description=_("attempt"), ordering="number")
    def attempt(self, attempt):
        return attempt.number

    @admin.display(description=_("started"), ordering="started_at")
    def started(self, attempt):
        return short_datetime(attempt.started_at)

    @admin.display(description=_("submitted"), ordering="submitted_at")
    def submitted(self, attempt):
        # The state as well: a date once submitted, "in progress" before.
        if attempt.submitted_at is None:
            return attempt.get_state_display()
        return short_datetime(attempt.submitted_at)

    @admin.display(description=_("score"), ordering="score")
    def outcome(self, attempt):
        """The percentage and whether it passed, in one narrow column."""
        if attempt.score is None:
            return "–"
        icon, verdict = ("yes", _("passed")) if attempt.passed else ("no", _("not passed"))
        return format_html(
            '{} % <img src="{}" alt="{}">',
            attempt.percent,
            static(f"admin/img/icon-{icon}.svg"),
            verdict,
        )

    @admin.display(description=_("score"))
    def result(self, attempt):
        if attempt.score is None:
            return "–"
        return (
            f"{format_points(attempt.score)} / {format_points(attempt.max_score)} "
            f"({display_percent(attempt.score, attempt.max_score)} %)"
        )
