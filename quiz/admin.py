"""The instructors' quiz tool: quizzes and their draw, questions and choices, accommodations,
a learner's-eye preview, and learners' attempts read-only.

Nothing here knows of courses: ``elearning.admin`` adds the course-side links (a
question's source lesson) by subclassing ``QuestionAdmin``.
"""

from decimal import Decimal
from functools import partial

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Count, Q
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from config.admin import ModelAdmin, TabularInline

from .admin_review import review_view
from .admin_statistics import statistics_view
from .attempts import candidates, draw_summary
from .copying import duplicate_quiz
from .cues import find_cues
from .forms import AnswerForm
from .models import (
    Accommodation,
    Attempt,
    Bank,
    Category,
    Choice,
    DrawRule,
    FeedbackMode,
    Question,
    QuestionReview,
    QuestionStatus,
    Quiz,
    QuizQuestion,
    Response,
    validate_choices,
)
from .moodle.exporting import (
    CONTENT_TYPES,
    category_questions,
    export_filename,
    export_questions,
    quiz_questions,
)
from .moodle.forms import ConfirmImportForm, QuestionFileForm, preview_token
from .moodle.gift import GIFT
from .moodle.importing import (
    FORMAT_NAMES,
    ImportProblem,
    import_questions,
    new_categories,
    note_repeats,
)
from .moodle.xml import XML
from .review import decide
from .scoping import scoped, visible_learners


def short(text, length=70):
    return Truncator(" ".join(text.split())).chars(length)


def format_points(value):
    """A stored Decimal score without its trailing zeros: 2.5000 -> 2.5, 3.0000 -> 3."""
    return "–" if value is None else f"{value.normalize():f}"


def short_datetime(value):
    return "–" if value is None else date_format(localtime(value), "SHORT_DATETIME_FORMAT")


def choice_problems(question):
    """The messages of ``validate_choices`` for a saved question (empty when it is sound)."""
    choices = [(c.text, c.is_correct, c.fraction) for c in question.choices.all()]
    try:
        validate_choices(question.kind, choices)
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


class LearnerScopedMixin:
    """Staff other than superusers see, and may choose, only the learners they teach
    (``quiz.scoping``, the project's rule)."""

    learner_field = "learner"

    def get_queryset(self, request):
        return scoped(super().get_queryset(request), request.user, self.learner_field)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == self.learner_field:
            learners = visible_learners(request.user)
            if learners is None:
                learners = db_field.remote_field.model._default_manager.all()
            kwargs["queryset"] = learners.filter(is_staff=False)  # staff are no learners
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


def moodle_download(modeladmin, request, questions, file_format, name):
    """The questions as a GIFT or Moodle XML file to download, or a message when there is
    none (the list stays as it was)."""
    if not questions:
        modeladmin.message_user(
            request, _("The selection has no question to export."), messages.WARNING
        )
        return None
    filename = export_filename(name, file_format)
    return HttpResponse(
        export_questions(questions, file_format),
        content_type=CONTENT_TYPES[file_format],
        headers={"Content-Disposition": content_disposition_header(True, filename)},
    )


def download_name(queryset, single_name):
    """The file's name: the one selected item's, else "questions"."""
    items = list(queryset[:2])
    return single_name(items[0]) if len(items) == 1 else "questions"


# Quizzes ---------------------------------------------------------------------------------


class BankChoicesFormSet(BaseInlineFormSet):
    """Rows that name a category or a question offer only those of the quiz's bank, read
    once for the page rather than once per row."""

    bank_field = None  # the row's field to limit: "category" or "question"

    @cached_property
    def bank_choices(self):
        model = self.form.base_fields[self.bank_field].queryset.model
        queryset = model.objects.filter(bank_id=self.instance.bank_id)
        return queryset, [("", "---------"), *((item.pk, str(item)) for item in queryset)]

    def add_fields(self, form, index):
        super().add_fields(form, index)
        field = form.fields[self.bank_field]
        field.queryset, field.choices = self.bank_choices


class DrawRuleFormSet(BankChoicesFormSet):
    bank_field = "category"


class DrawRuleInline(TabularInline):
    model = DrawRule
    formset = DrawRuleFormSet
    extra = 0

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        return without_related_icons(field) if db_field.name == "category" else field


class QuizQuestionFormSet(BankChoicesFormSet):
    bank_field = "question"


class QuizQuestionInline(TabularInline):
    """The questions the quiz picks from its bank, in their order; wording, kind and choices
    are edited on the question's page (an edit there shows in every quiz that picks it)."""

    model = QuizQuestion
    formset = QuizQuestionFormSet
    fields = ["position", "question", "kind", "category", "status", "edit"]
    readonly_fields = ["kind", "category", "status", "edit"]
    ordering = ["position", "pk"]
    extra = 0
    verbose_name = _("question picked")
    verbose_name_plural = _("questions picked from the bank")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("quiz", "question__category")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name != "question":
            return field
        # Options are whole questions: the select stays as wide as the column, not the text.
        field.widget.widget.attrs["class"] = "pick-question"
        return without_related_icons(field)

    @admin.display(description=_("kind"))
    def kind(self, pick):
        return pick.question.get_kind_display() if pick.question_id else "–"

    @admin.display(description=_("category"))
    def category(self, pick):
        return (pick.question.category or "–") if pick.question_id else "–"

    @admin.display(description=_("status"))
    def status(self, pick):
        return pick.question.get_status_display() if pick.question_id else "–"

    @admin.display(description=_("question page"))
    def edit(self, pick):
        if not pick.question_id:
            return "–"
        url = reverse("admin:quiz_question_change", args=[pick.question_id])
        label = _("Edit question %(number)s") % {"number": pick.question.number}
        return format_html('<a href="{}">{}</a>', url, label)


def time_limit_help(quiz):
    """The extra time field's help beside a timed quiz: its limit, and a third of it."""
    limit = quiz.time_limit_minutes
    return ngettext(
        "The quiz lasts %(limit)d minute; a third more is %(third)d.",
        "The quiz lasts %(limit)d minutes; a third more is %(third)d.",
        limit,
    ) % {"limit": limit, "third": -(-limit // 3)}


class AccommodationInline(LearnerScopedMixin, TabularInline):
    model = Accommodation
    fields = ["learner", "extra_minutes", "extra_attempts", "reason"]
    autocomplete_fields = ["learner"]
    extra = 0

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "reason":
            kwargs["widget"] = forms.TextInput(attrs={"size": 24})
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        return without_related_icons(field) if db_field.name == "learner" else field

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        if obj is not None and obj.time_limit_minutes:
            formset.form.base_fields["extra_minutes"].help_text = time_limit_help(obj)
        return formset


@admin.register(Quiz)
class QuizAdmin(ModelAdmin):
    ordering = ["title", "pk"]  # pages of the list and its searches in a stable order
    list_display = [
        "name",
        "feedback",
        "pass_",
        "attempts",
        "time_limit",
        "question_counts",
    ]
    list_filter = ["bank", "feedback_mode", "grading_method", "review_policy", "shuffle_questions"]
    search_fields = ["title", "description", "questions__text"]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "description", "bank"]}),
        (
            _("Passing and attempts"),
            {"fields": ["pass_mark", "max_attempts", "time_limit_minutes", "grading_method"]},
        ),
        (
            _("Feedback and review"),
            {"fields": ["feedback_mode", "review_policy", "confidence_marking"]},
        ),
        (_("Order"), {"fields": ["shuffle_questions", "shuffle_choices"]}),
        (_("History"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]
    inlines = [DrawRuleInline, QuizQuestionInline, AccommodationInline]
    actions = ["duplicate", "export_gift", "export_xml"]
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

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if change and draw_summary(form.instance).per_attempt == 0:
            self.message_user(
                request,
                _(
                    "No attempt can start yet: the quiz picks no published question and its "
                    "draw rules draw none. Pick questions, publish them, or add a rule."
                ),
                messages.WARNING,
            )

    def get_inlines(self, request, obj):
        # A new quiz picks and draws once its bank is saved.
        return self.inlines if obj else [AccommodationInline]

    def get_readonly_fields(self, request, obj=None):
        # Its picks and draw rules are of its bank: it stays there once it has some.
        if obj is not None and (obj.picks.exists() or obj.draw_rules.exists()):
            return [*self.readonly_fields, "bank"]
        return self.readonly_fields

    # Short headings and values, so that the list fits beside its filters.
    @admin.display(description=_("title"), ordering="title")
    def name(self, quiz):
        return short(quiz.title, 32)

    @admin.display(description=_("feedback"), ordering="feedback_mode")
    def feedback(self, quiz):
        return _("immediate") if quiz.feedback_mode == FeedbackMode.IMMEDIATE else _("deferred")

    @admin.display(description=pgettext_lazy("short column heading", "pass"), ordering="pass_mark")
    def pass_(self, quiz):
        return f"{quiz.pass_mark} %"

    @admin.display(description=_("attempts"), ordering="max_attempts")
    def attempts(self, quiz):
        return quiz.max_attempts or "∞"

    @admin.display(
        description=pgettext_lazy("short column heading", "time"), ordering="time_limit_minutes"
    )
    def time_limit(self, quiz):
        return f"{quiz.time_limit_minutes} min" if quiz.time_limit_minutes else "–"

    @admin.display(description=_("published / picked"), ordering="question_count")
    def question_counts(self, quiz):
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
        statistics = path(
            "<int:pk>/statistics/",
            self.admin_site.admin_view(self.statistics_view),
            name="quiz_quiz_statistics",
        )
        return [preview, statistics, *super().get_urls()]

    def statistics_view(self, request, pk):
        """Item analysis of the quiz's submitted attempts (``quiz.admin_statistics``)."""
        return statistics_view(self, request, pk)

    def preview_view(self, request, pk):
        """Every published question an attempt may show, as a learner sees it, with its
        answer key: those the quiz picks, then those its draw rules draw from. Records
        nothing."""
        quiz = get_object_or_404(Quiz, pk=pk)
        if not self.has_view_permission(request, quiz):
            raise PermissionDenied
        summary = draw_summary(quiz)
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
            for question in candidates(quiz)
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Preview of “%(quiz)s” as a learner") % {"quiz": quiz},
            "quiz": quiz,
            "items": items,
            "summary": summary,
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

    def _export(self, request, queryset, file_format):
        quizzes = queryset.order_by("title", "pk")
        name = download_name(quizzes, lambda quiz: quiz.title)
        return moodle_download(self, request, quiz_questions(quizzes), file_format, name)

    @admin.action(description=_("Export their questions to GIFT (Moodle)"), permissions=["view"])
    def export_gift(self, request, queryset):
        """The questions the quizzes pick and those their draw rules may draw, drafts too."""
        return self._export(request, queryset, GIFT)

    @admin.action(description=_("Export their questions to Moodle XML"), permissions=["view"])
    def export_xml(self, request, queryset):
        return self._export(request, queryset, XML)


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
            (
                form.cleaned_data["text"],
                form.cleaned_data.get("is_correct", False),
                form.cleaned_data.get("fraction"),
            )
            for form in self.forms
            if form.cleaned_data and not self._should_delete_form(form)
        ]
        validate_choices(self.instance.kind, kept)


class WeightField(forms.DecimalField):
    """A choice's weight in percent, shown as people write it (50, -33.33333)."""

    def prepare_value(self, value):
        return f"{value.normalize():f}" if isinstance(value, Decimal) else value


class ChoiceInline(TabularInline):
    model = Choice
    formset = ChoiceFormSet
    fields = ["position", "text", "is_correct", "fraction", "feedback"]
    ordering = ["position", "pk"]
    # Choices can be whole sentences: two-line boxes rather than a narrow input.
    formfield_overrides = {
        models.CharField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 40})},
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 30})},
        models.DecimalField: {
            "form_class": WeightField,
            "widget": forms.NumberInput(attrs={"class": "vIntegerField", "step": "any"}),
        },
    }

    def get_extra(self, request, obj=None, **kwargs):
        return 4 if obj is None else 1


class QuestionForm(forms.ModelForm):
    """A question of a bank; a new one can go straight into a quiz of that bank, at its end
    (the quiz page's "Add a question" fills that in)."""

    add_to_quiz = forms.ModelChoiceField(
        Quiz.objects.all(),
        required=False,
        label=_("Add to quiz"),
        help_text=_("Optional: the quiz of this bank that picks the new question, at its end."),
    )

    class Meta:
        model = Question
        fields = [
            "bank", "text", "kind", "category", "points", "status", "explanation",
            "partial_credit",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bank = self.instance.bank_id if self.instance.pk else self.initial.get("bank")
        if bank and "category" in self.fields:
            self.fields["category"].queryset = Category.objects.filter(bank_id=bank)
        if "add_to_quiz" in self.fields and bank:
            self.fields["add_to_quiz"].queryset = Quiz.objects.filter(bank_id=bank)

    def clean(self):
        cleaned = super().clean()
        quiz, bank = cleaned.get("add_to_quiz"), cleaned.get("bank")
        if quiz is not None and bank is not None and quiz.bank_id != bank.pk:
            self.add_error("add_to_quiz", _("Choose a quiz of the question's bank."))
        return cleaned


@admin.register(Question)
class QuestionAdmin(ModelAdmin):
    form = QuestionForm
    # Narrow enough to fit beside the filters at 1280 px (the bank is a filter).
    list_display = ["short_text", "status", "kind", "category_name", "quiz_total"]
    list_filter = ["bank", "kind", "status", "category"]
    list_per_page = 25  # whole questions make tall rows
    list_select_related = ["bank", "category"]
    search_fields = ["text"]
    readonly_fields = ["number", "used_in", "attempts_using", "created_at", "updated_at"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "bank",
                    "number",
                    "text",
                    "kind",
                    "category",
                    "points",
                    "status",
                    "used_in",
                    "attempts_using",
                ]
            },
        ),
        (_("Right answer"), {"fields": ["explanation", "partial_credit"]}),
        (_("History"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]
    inlines = [ChoiceInline]
    actions = ["publish", "move_to_draft"]
    ordering = ["bank", "number"]
    change_form_template = "admin/quiz/question/change_form.html"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(quiz_total=Count("picks"))

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        quiz = form.cleaned_data.get("add_to_quiz")
        if quiz is not None:
            QuizQuestion.objects.get_or_create(quiz=quiz, question=obj)
        if change and request.GET.get("review"):
            # Edited from the review list: it leaves the list for the reasons it was there.
            decide(obj, QuestionReview.Decision.EDITED, request.user, reasons=request.GET["review"])

    def get_urls(self):
        review = path(
            "review/",
            self.admin_site.admin_view(partial(review_view, self)),
            name="quiz_question_review",
        )
        return [review, *super().get_urls()]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # The saved question's cues. A page sent back with errors holds the posted text beside
        # the saved choices: no warning there, the saved page shows it once the edit is kept.
        if obj is not None and obj.pk and request.method == "GET":
            context["cues"] = question_cues(obj)
        # The choices' problems said at the top as well, beside the admin's error banner:
        # their own place is the choices' table, far down the page (and, on a phone, the
        # "correct" column is off the screen).
        context["choice_problems"] = [
            error
            for inline in context.get("inline_admin_formsets", [])
            if inline.formset.prefix == "choices"
            for error in inline.formset.non_form_errors()
        ]
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_fieldsets(self, request, obj=None):
        (name, options), *rest = self.fieldsets
        if obj is not None:
            # Its bank is where its quizzes pick and draw it: it stays there.
            return self.fieldsets
        # A new question has no number, quizzes or attempts to speak of yet; it may go into
        # a quiz at once.
        fields = [*(f for f in options["fields"] if f not in self.readonly_fields)]
        return [(name, {**options, "fields": [*fields, "add_to_quiz"]}), *rest]

    def get_readonly_fields(self, request, obj=None):
        return [*self.readonly_fields, "bank"] if obj is not None else self.readonly_fields

    @admin.display(description=_("category"), ordering="category__name")
    def category_name(self, question):
        return short(question.category.name, 30) if question.category else "–"

    @admin.display(description=_("quizzes"), ordering="quiz_total")
    def quiz_total(self, question):
        return question.quiz_total

    @admin.display(description=_("used in"))
    def used_in(self, question):
        """The quizzes that pick it, and those whose draw rules may draw it."""
        picking = list(question.quizzes.order_by("title"))
        drawing = []
        if question.category_id:
            rules = DrawRule.objects.filter(
                quiz__bank_id=question.bank_id, category_id=question.category_id
            ).select_related("quiz")
            drawing = [rule.quiz for rule in rules if rule.quiz not in picking]
        if not picking and not drawing:
            return _("no quiz picks it or draws from its category")
        lines = [
            format_html("{} {}", label, ", ".join(quiz.title for quiz in quizzes))
            for label, quizzes in ((_("Picked by:"), picking), (_("May be drawn by:"), drawing))
            if quizzes
        ]
        return format_html_join(mark_safe("<br>"), "{}", ((line,) for line in lines))

    @admin.display(description=_("question"), ordering="text")
    def short_text(self, question):
        return short(question.text, 55)

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


@admin.register(Bank)
class BankAdmin(ModelAdmin):
    """A bank's name, and links to its questions, categories and quizzes."""

    list_display = ["name", "questions", "categories", "quizzes"]
    search_fields = ["name"]
    readonly_fields = ["questions", "categories", "quizzes"]
    change_form_template = "admin/quiz/bank/change_form.html"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                question_total=Count("questions", distinct=True),
                category_total=Count("categories", distinct=True),
                quiz_total=Count("quizzes", distinct=True),
            )
        )

    def _link(self, bank, model, count):
        url = reverse(f"admin:quiz_{model}_changelist") + f"?bank__id__exact={bank.pk}"
        return format_html('<a href="{}">{}</a>', url, count)

    @admin.display(description=_("questions"), ordering="question_total")
    def questions(self, bank):
        return self._link(bank, "question", bank.question_total)

    @admin.display(description=_("categories"), ordering="category_total")
    def categories(self, bank):
        return self._link(bank, "category", bank.category_total)

    @admin.display(description=_("quizzes"), ordering="quiz_total")
    def quizzes(self, bank):
        return self._link(bank, "quiz", bank.quiz_total)

    # Importing GIFT and Moodle XML -----------------------------------------------------------

    IMPORTS_DONE = "quiz_imports_done"  # the session's imported previews, against a double post

    def can_import(self, request, bank):
        return self.has_change_permission(request, bank) and request.user.has_perms(
            ["quiz.add_question", "quiz.add_choice", "quiz.add_category"]
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        bank = self.get_object(request, object_id)
        extra_context = {
            **(extra_context or {}),
            "can_import": bank is not None and self.can_import(request, bank),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        import_url = path(
            "<int:pk>/import/",
            self.admin_site.admin_view(self.import_view),
            name="quiz_bank_import",
        )
        return [import_url, *super().get_urls()]

    def import_view(self, request, pk):
        """Import in two steps: read a GIFT or Moodle XML file and show what it would create
        and what it skips, nothing saved; then create those questions as drafts, in one
        transaction. A file with errors shows them, with their lines, and saves nothing."""
        bank = get_object_or_404(Bank, pk=pk)
        if not self.can_import(request, bank):
            raise PermissionDenied
        form = QuestionFileForm()
        if request.method == "POST" and "preview" in request.POST:
            confirm = ConfirmImportForm(request.POST, bank=bank)
            if confirm.is_valid():
                return self.confirmed_import(request, bank, confirm.cleaned_data["preview"])
            for error in confirm.errors.get("preview", []):
                self.message_user(request, error, messages.ERROR)
        elif request.method == "POST":
            form = QuestionFileForm(request.POST, request.FILES)
            if form.is_valid() and not form.cleaned_data["reading"].problems:
                return self.import_preview_response(request, bank, form.cleaned_data["reading"])
        reading = form.cleaned_data.get("reading") if form.is_bound else None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import questions into “%(bank)s”") % {"bank": bank},
            "bank": bank,
            "form": form,
            "problems": reading.problems if reading else [],
            "format_name": FORMAT_NAMES.get(reading.format) if reading else "",
            "opts": self.opts,
            "original": bank,
        }
        return TemplateResponse(request, "admin/quiz/bank/import.html", context)

    def import_preview_response(self, request, bank, reading):
        note_repeats(bank, reading.questions)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Check what the file would import"),
            "bank": bank,
            "reading": reading,
            "format_name": FORMAT_NAMES[reading.format],
            "new_categories": new_categories(bank, reading.questions),
            "confirm": ConfirmImportForm(
                initial={"preview": preview_token(bank, reading.questions)}, bank=bank
            ),
            "opts": self.opts,
            "original": bank,
        }
        return TemplateResponse(request, "admin/quiz/bank/import_preview.html", context)

    def confirmed_import(self, request, bank, preview):
        done = request.session.get(self.IMPORTS_DONE, [])
        if preview["id"] in done:
            self.message_user(
                request, _("These questions were imported already."), messages.WARNING
            )
            return redirect(imported_questions_url(bank))
        try:
            report = import_questions(bank, preview["questions"])
        except ImportProblem as problem:
            self.message_user(request, str(problem), messages.ERROR)
            return redirect("admin:quiz_bank_import", bank.pk)
        request.session[self.IMPORTS_DONE] = [*done[-19:], preview["id"]]
        for line in report.lines():
            self.message_user(request, line, messages.SUCCESS)
        return redirect(imported_questions_url(bank))


def imported_questions_url(bank):
    return (
        reverse("admin:quiz_question_changelist")
        + f"?bank__id__exact={bank.pk}&status__exact=draft"
    )


@admin.register(Category)
class CategoryAdmin(ModelAdmin):
    list_display = ["name", "bank", "question_count"]
    list_filter = ["bank"]
    list_select_related = ["bank"]
    search_fields = ["name"]
    actions = ["export_gift", "export_xml"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(question_total=Count("questions"))

    @admin.display(description=_("questions"), ordering="question_total")
    def question_count(self, category):
        return category.question_total

    def _export(self, request, queryset, file_format):
        name = download_name(queryset.order_by("name", "pk"), lambda category: category.name)
        return moodle_download(self, request, category_questions(queryset), file_format, name)

    @admin.action(description=_("Export their questions to GIFT (Moodle)"), permissions=["view"])
    def export_gift(self, request, queryset):
        return self._export(request, queryset, GIFT)

    @admin.action(description=_("Export their questions to Moodle XML"), permissions=["view"])
    def export_xml(self, request, queryset):
        return self._export(request, queryset, XML)


@admin.register(Accommodation)
class AccommodationAdmin(LearnerScopedMixin, ModelAdmin):
    """Extra time (the "tiers-temps") and extra attempts, per learner and quiz."""

    list_display = ["learner", "quiz", "extra_minutes", "extra_attempts", "reason"]
    list_filter = ["quiz"]
    list_select_related = ["learner", "quiz"]
    search_fields = ["learner__email", "learner__first_name", "learner__last_name", "quiz__title"]
    autocomplete_fields = ["learner", "quiz"]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        field = form.base_fields["extra_minutes"]
        if obj is not None and obj.quiz.time_limit_minutes:
            field.help_text = time_limit_help(obj.quiz)
        else:
            field.help_text = _(
                "A third more time is a third of the quiz's time limit: a quiz's own page "
                "shows it beside its accommodations, and the users' list gives a third more "
                "time on every timed quiz at once."
            )
        return form


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


class ResponseInline(ReadOnlyMixin, TabularInline):
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
class AttemptAdmin(LearnerScopedMixin, ReadOnlyMixin, ModelAdmin):
    list_display = [
        "learner",
        "quiz_title",
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
    @admin.display(description=_("quiz"), ordering="quiz__title")
    def quiz_title(self, attempt):
        return short(attempt.quiz.title, 40)

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
            '{}\N{NO-BREAK SPACE}% <img src="{}" alt="{}">',
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
            f"({attempt.percent}\N{NO-BREAK SPACE}%)"
        )
