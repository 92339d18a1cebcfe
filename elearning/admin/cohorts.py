"""Cohorts: an instructor's classes, their join codes and learners."""

from django.contrib import admin, messages
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from config.admin import ModelAdmin, TabularInline

from ..cohorts import taught_cohorts
from ..models import Cohort, CohortMembership, new_join_code


class MembershipInline(TabularInline):
    """Her learners; an instructor adds one by her exact e-mail address (the learners'
    list is not searchable beyond her own cohorts)."""

    model = CohortMembership
    fields = ["learner", "joined_at", "added_by"]
    readonly_fields = ["joined_at", "added_by"]
    autocomplete_fields = ["learner"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("learner", "added_by", "cohort")


@admin.register(Cohort)
class CohortAdmin(ModelAdmin):
    list_display = ["name", "join_code", "is_open", "learner_count"]
    list_filter = ["is_open"]
    search_fields = ["name"]
    fields = ["name", "join_code", "is_open", "instructors"]
    filter_horizontal = ["instructors"]
    inlines = [MembershipInline]
    actions = ["new_codes"]

    def get_queryset(self, request):
        """An instructor sees the cohorts she teaches."""
        return (
            taught_cohorts(request.user)
            .annotate(learner_total=Count("memberships"))
            .order_by(*self.get_ordering(request) or ["name"])
        )

    def get_fields(self, request, obj=None):
        # Who teaches a cohort is the superuser's to decide; an instructor's new cohort is hers.
        if request.user.is_superuser:
            return self.fields
        return [field for field in self.fields if field != "instructors"]

    @admin.display(description=_("learners"), ordering="learner_total")
    def learner_count(self, cohort):
        return cohort.learner_total

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change and not request.user.is_superuser:
            obj.instructors.add(request.user)

    def save_formset(self, request, form, formset, change):
        memberships = formset.save(commit=False)
        for membership in memberships:
            if membership.pk is None:
                membership.added_by = request.user
            membership.save()
        for membership in formset.deleted_objects:
            membership.delete()

    @admin.action(description=_("Give the selected cohorts new join codes"), permissions=["change"])
    def new_codes(self, request, queryset):
        for cohort in queryset:
            cohort.join_code = new_join_code()
            cohort.save(update_fields=["join_code"])
        count = len(queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d cohort has a new join code: the old one no longer works.",
                "%(count)d cohorts have new join codes: the old ones no longer work.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
