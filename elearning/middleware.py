"""The interface language: French unless the learner has chosen another.

Django's LocaleMiddleware follows the browser's Accept-Language header. A French
nursing school wants its French interface for every student, whatever language
her browser happens to be set to; English is a choice she makes with the language
switcher or in her profile (remembered in the language cookie).
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class ChosenLanguageMiddleware(LocaleMiddleware):
    def process_request(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
