"""The task queue's dashboard (django-rq, installed with Redis): the superuser's alone, as
the database queue's task results are. django-rq lets any member of staff in (to read every
job's arguments and errors, delete, stop, requeue jobs and empty queues); an instructor is
staff for the admin, and gets a 403 there. The dashboard's model has no table: only its
pages are kept, not the object pages the admin would add (which would query it)."""

from functools import wraps

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.urls import URLPattern


def superuser_only(view):
    """A member of staff who is not a superuser is refused; anyone else goes on to the
    view, which sends whoever is not staff to the admin's login (or checks its API token)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and user.is_staff and not user.is_superuser:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


if "django_rq" in settings.INSTALLED_APPS:
    # Imported first, so that django-rq's registration is there to replace.
    from django_rq.admin import QueueAdmin
    from django_rq.models import Dashboard

    OBJECT_PAGES = ("_add", "_change", "_delete", "_history")

    class SuperuserQueueAdmin(QueueAdmin):
        def has_module_permission(self, request):
            return request.user.is_active and request.user.is_superuser

        def has_view_permission(self, request, obj=None):
            return request.user.is_active and request.user.is_superuser

        def has_change_permission(self, request, obj=None):
            return False

        def has_delete_permission(self, request, obj=None):
            return False

        def get_urls(self):
            return [
                URLPattern(url.pattern, superuser_only(url.callback), url.default_args, url.name)
                for url in super().get_urls()
                if url.name is not None and not url.name.endswith(OBJECT_PAGES)
            ]

    if admin.site.is_registered(Dashboard):
        admin.site.unregister(Dashboard)
    admin.site.register(Dashboard, SuperuserQueueAdmin)
