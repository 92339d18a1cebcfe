"""Values every page template needs, computed once per process where they can be."""

from django.conf import settings
from django.utils.translation import get_language_info

# Each language named in itself ("Français", "English"): the same for every request.
LANGUAGE_CHOICES = [
    (code, get_language_info(code)["name_local"].capitalize()) for code, _ in settings.LANGUAGES
]


def site(request):
    return {"signup_open": settings.SIGNUP_OPEN, "language_choices": LANGUAGE_CHOICES}
