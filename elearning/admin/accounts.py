"""Accounts: learners and staff, signing in with their e-mail address; a learner's record."""

from django.contrib import admin, messages
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from config.admin import SafeInputs
from quiz.models import Accommodation, Attempt, AttemptState

from .. import quizzes
from ..cohorts import visible_learners
from ..forms import SignupForm
from ..models import Certificate, Enrolment, LessonProgress, User

# Django's groups page, with the project's safe inputs (config.admin).
admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(SafeInputs, DjangoGroupAdmin):
    pass


@admin.register(User)
class UserAdmin(SafeInputs, DjangoUserAdmin):
    ordering = ["last_name", "first_name", "email"]
    # Narrow enough to fit beside the filters at 1280 px (staff is a filter).
    list_display = ["email", "full_name", "last_login", "record"]
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
    change_form_template = "admin/elearning/user/change_form.html"
    actions = ["third_more_time"]

    def has_accommodate_permission(self, request):
        return request.user.has_perm("quiz.add_accommodation") and request.user.has_perm(
            "quiz.change_accommodation"
        )

    @admin.action(
        description=_("Give a third more time (tiers-temps) on every timed quiz of their courses"),
        permissions=["accommodate"],
    )
    def third_more_time(self, request, queryset):
        learners = queryset.filter(is_staff=False)
        written = quizzes.third_more_time(learners, reason=gettext("Tiers-temps"))
        self.message_user(
            request,
            ngettext(
                "%(count)d accommodation written: a third more time on each timed quiz.",
                "%(count)d accommodations written: a third more time on each timed quiz.",
                written,
            )
            % {"count": written},
            messages.SUCCESS if written else messages.WARNING,
        )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or request.user.is_superuser:
            return fieldsets
        # An instructor has nothing to do with a password, even hashed, nor with rights.
        (name, options), *rest = fieldsets
        fields = [field for field in options["fields"] if field != "password"]
        return [(name, {**options, "fields": fields}), *rest[:1], *rest[2:]]

    @admin.display(description=_("name"), ordering="last_name")
    def full_name(self, user):
        # Isolated: a right-to-left name must not reorder the columns' text around it.
        return format_html("<bdi>{}</bdi>", user.get_full_name()) if user.get_full_name() else "–"

    @admin.display(description=_("record"))
    def record(self, user):
        if user.is_staff:
            return "–"
        url = reverse("admin:elearning_user_record", args=[user.pk])
        return format_html('<a href="{}">{}</a>', url, _("Record"))

    def get_urls(self):
        record = path(
            "<int:pk>/record/",
            self.admin_site.admin_view(self.record_view),
            name="elearning_user_record",
        )
        return [record, *super().get_urls()]

    def record_view(self, request, pk):
        """One learner, whole: her cohorts, and per course her lessons done, attempts with
        their grades, certificates; her accommodations. Only a learner the member of staff
        may see (404 otherwise)."""
        learner = get_object_or_404(self.get_queryset(request).filter(is_staff=False), pk=pk)
        if not self.has_view_permission(request, learner):
            raise PermissionDenied
        enrolments = (
            Enrolment.objects.filter(learner=learner)
            .with_progress()
            .select_related("course")
            .order_by("course__title")
        )
        context = {
            **self.admin_site.each_context(request),
            # First strong isolate ... pop directional isolate: the name cannot reorder
            # the title around it (a plain string here, where <bdi> cannot go).
            "title": _("Record of %(name)s") % {"name": f"\u2068{learner}\u2069"},
            "opts": self.model._meta,
            "original": learner,
            "learner": learner,
            "cohorts": learner.cohorts.order_by("name"),
            "enrolments": enrolments,
            "lessons_done": LessonProgress.objects.filter(learner=learner)
            .select_related("lesson__course")
            .order_by("lesson__course__title", "lesson__position"),
            "attempts": Attempt.objects.filter(learner=learner, state=AttemptState.SUBMITTED)
            .select_related("quiz")
            .order_by("quiz__title", "number"),
            "in_progress": Attempt.objects.filter(learner=learner)
            .in_progress()
            .select_related("quiz"),
            "certificates": Certificate.objects.filter(learner=learner).order_by("-issued_at"),
            "accommodations": Accommodation.objects.filter(learner=learner).select_related("quiz"),
        }
        return TemplateResponse(request, "admin/elearning/user/record.html", context)

    def get_queryset(self, request):
        """Staff other than superusers see the learners of the cohorts they teach, and
        themselves."""
        users = super().get_queryset(request)
        if request.user.is_superuser:
            return users
        return users.filter(Q(pk__in=visible_learners(request.user)) | Q(pk=request.user.pk))

    def get_search_results(self, request, queryset, search_term):
        """Adding a learner to a cohort, an instructor finds her by her exact e-mail address,
        among every learner: the others' names are not hers to browse."""
        adding = request.GET.get("model_name") == "cohortmembership"
        if adding and not request.user.is_superuser:
            found = User.objects.filter(is_staff=False, email__iexact=search_term.strip())
            found = found.order_by("email")
            return found if search_term.strip() else found.none(), False
        return super().get_search_results(request, queryset, search_term)
