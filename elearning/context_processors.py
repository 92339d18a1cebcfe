"""Values every page template needs."""

from django.conf import settings


def site(request):
    return {"signup_open": settings.SIGNUP_OPEN}
