"""The interface language: French unless the learner has chosen another.

Django's LocaleMiddleware follows the browser's Accept-Language header. A French
nursing school wants its French interface for every student, whatever language
her browser happens to be set to; English is a choice she makes with the language
switcher or in her profile (remembered in the language cookie).
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

from .views import healthz


class ChosenLanguageMiddleware(LocaleMiddleware):
    def process_request(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


class HealthCheckMiddleware:
    """``/healthz`` answered before anything reads the Host header.

    Load balancers and probes often name the server by its own address (``Host:
    10.0.0.5:8000``), which ALLOWED_HOSTS rightly refuses for every page (400). The health
    check shows nothing of the site, so it answers whatever the Host; placed before
    CommonMiddleware, the first to validate the host.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/healthz":
            return healthz(request)
        return self.get_response(request)
