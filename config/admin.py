"""The project's admin site, and what every admin page does with the values a request brings.

Django's admin trusts two things it should not: an autocomplete field renders the value it
is given by querying for it (``?learner=abc`` on an add page, or posted, raised a
ValueError, a 500), and a search term goes to the database as typed (a NUL character,
which PostgreSQL text cannot hold, raised a DataError, a 500). Both are mended once here:
the site replaces NUL characters in every admin page's query string, and ``SafeInputs``,
which every model admin and inline of the project derives from (a test walks the registry),
renders only the related values its target field can hold, queries for none it cannot, and
takes from the query string only the related initial values its form accepts.
"""

from functools import wraps

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect, QueryDict
from django.utils.translation import gettext as _


class AdminConfig(DjangoAdminConfig):
    default_site = "config.admin.AdminSite"


class AdminSite(admin.AdminSite):
    def admin_view(self, view, cacheable=False):
        @wraps(view)
        def checked(request, *args, **kwargs):
            # After the admin's own checks (signed in, staff): what the view is given.
            if is_unknown_rq_worker(view, kwargs):
                raise Http404
            if selects_what_no_key_holds(view, request):
                # Refused as Django refuses an action on no rows, with its message.
                messages.warning(
                    request,
                    _(
                        "Items must be selected in order to perform actions on them. No items "
                        "have been changed."
                    ),
                )
                return HttpResponseRedirect(request.get_full_path())
            try:
                return view(request, *args, **kwargs)
            except missing_job_errors() as error:
                raise Http404 from error

        wrapped = super().admin_view(checked, cacheable)

        def inner(request, *args, **kwargs):
            if any(
                "\x00" in key or any("\x00" in value for value in values)
                for key, values in request.GET.lists()
            ):
                request.GET = without_nul(request.GET)
            return wrapped(request, *args, **kwargs)

        return inner


# django_rq's dashboard (in the admin when tasks run through Redis) answers 500 for a job or
# a worker that is not in Redis, as an address may name: a 404 here.


def missing_job_errors():
    """What django_rq raises for a job id that is not in Redis."""
    try:
        from rq.exceptions import NoSuchJobError
    except ImportError:
        return ()
    return (NoSuchJobError,)


def is_unknown_rq_worker(view, kwargs):
    """Whether ``view`` is django_rq's worker page, asked for a worker that is not in Redis
    (it asserts that the worker exists, and a malformed key raises ValueError)."""
    if getattr(view, "__module__", "") != "django_rq.views" or view.__name__ != "worker_details":
        return False
    from django_rq.queues import get_queue_by_index
    from rq.worker import Worker

    key = kwargs.get("key", "")
    if not key.startswith(Worker.redis_worker_namespace_prefix):
        return True
    connection = get_queue_by_index(kwargs["queue_index"]).connection
    return Worker.find_by_key(key, connection=connection) is None


def selects_what_no_key_holds(view, request):
    """Whether ``request`` posts an action of a model admin's list on selected ids that its
    model's primary key cannot hold (``abc``, an integer beyond the database's range: a
    ValueError or an OverflowError in Django's action, a 500), for every model admin of the
    site, the project's and those of the apps it installs."""
    model_admin = getattr(view, "__self__", None)
    if request.method != "POST" or not isinstance(model_admin, admin.ModelAdmin):
        return False
    key = model_admin.model._meta.pk
    return not all(holds(key, v) for v in request.POST.getlist(helpers.ACTION_CHECKBOX_NAME))


def without_nul(query):
    """The query string with its NUL characters replaced by U+FFFD, the replacement
    character: no database text holds a NUL, and a bad value stays bad (a search finds
    nothing, a parameter falls back to its default) instead of becoming another one."""
    cleaned = QueryDict(mutable=True)
    for key, values in query.lists():
        cleaned.setlist(
            key.replace("\x00", "\ufffd"), [value.replace("\x00", "\ufffd") for value in values]
        )
    cleaned._mutable = False
    return cleaned


def holds(field, value):
    """Whether ``value`` can be a value of the model ``field``: of its type, and within the
    database's range for it (SQLite cannot even bind an integer beyond 64 bits)."""
    try:
        field.run_validators(field.to_python(value))
    except ValidationError:
        return False
    return True


def target_field(form_field):
    """The model field a related form field's values are values of."""
    opts = form_field.queryset.model._meta
    return opts.get_field(form_field.to_field_name) if form_field.to_field_name else opts.pk


class ParsedValuesMixin:
    """An autocomplete widget that looks up only the values its target field can hold."""

    def optgroups(self, name, value, attr=None):
        remote = self.field.remote_field
        target = remote.model._meta.get_field(
            getattr(remote, "field_name", None) or remote.model._meta.pk.name
        )
        return super().optgroups(name, [v for v in value if holds(target, v)], attr)


class SafeAutocompleteSelect(ParsedValuesMixin, AutocompleteSelect):
    pass


class SafeAutocompleteSelectMultiple(ParsedValuesMixin, AutocompleteSelectMultiple):
    pass


class CheckedMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's field, refusing an id its model field cannot hold before querying for it
    (an integer beyond 64 bits made SQLite raise OverflowError, a 500)."""

    def _check_values(self, value):
        target = target_field(self)
        for pk in value:
            if not holds(target, pk):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


def accepts(form_field, value):
    """Whether a related form field accepts ``value`` (an id of an object it offers)."""
    if not isinstance(form_field, forms.ModelChoiceField):
        return True
    values = value if isinstance(value, list | tuple) else [value]
    if not all(holds(target_field(form_field), v) for v in values if v not in ("", None)):
        return False
    try:
        form_field.clean(value)
    except ValidationError:
        return False
    return True


class SafeInputs:
    """For every model admin and inline of the project: autocomplete fields that render a
    value they cannot look up as no choice, and initial values from the query string kept
    only where the form accepts them (a bad one is left out, as if not given)."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = SafeAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs.setdefault("form_class", CheckedMultipleChoiceField)
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = SafeAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        if not initial:
            return initial
        fields = self.get_form(request).base_fields
        return {name: value for name, value in initial.items() if accepts(fields.get(name), value)}


class ModelAdmin(SafeInputs, admin.ModelAdmin):
    pass


class TabularInline(SafeInputs, admin.TabularInline):
    pass


class StackedInline(SafeInputs, admin.StackedInline):
    pass
