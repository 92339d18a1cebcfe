"""Accounts: learners and staff, signing in with their e-mail address."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..cohorts import visible_learners
from ..forms import SignupForm
from ..models import User


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
