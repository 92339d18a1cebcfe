"""The site's middleware: the interface language, the health check answered whatever the
Host, and signed-in users' pages kept out of caches."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_cache_control

from .views import healthz


class ChosenLanguageMiddleware(LocaleMiddleware):
    """The interface language: French unless the learner has chosen another.

    Django's LocaleMiddleware follows the browser's Accept-Language header. A French
    nursing school wants its French interface for every student, whatever language
    her browser happens to be set to; English is a choice she makes with the language
    switcher or in her profile (remembered in the language cookie).
    """

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


class PrivatePagesMiddleware:
    """Every response to a signed-in user is hers: ``Cache-Control: private, no-store``
    unless the view said otherwise.

    Her dashboard, course and lesson pages with her progress, her profile, quiz and review
    pages and certificates must stay out of shared caches (a school's proxy) and off the
    disk of a shared computer once she has logged out. One rule for every page, so that a
    new page cannot forget it; anonymous pages (the catalogue, the verification page) keep
    their caching, and static files never come this far (WhiteNoise answers them first).
    Offline reading is unaffected: the service worker keeps lessons in the Cache Storage,
    which does not read Cache-Control.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Only a request with a session cookie can be a signed-in user's: the others are
        # answered without reading a session (nor adding "Vary: Cookie" to them).
        signed_in = settings.SESSION_COOKIE_NAME in request.COOKIES and (
            getattr(request, "user", None) is not None and request.user.is_authenticated
        )
        if signed_in and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_store=True)
        return response
