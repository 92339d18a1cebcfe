"""Offline reading: the web manifest and the service worker, served by the site.

The service worker is served at the site's root (``/sw.js``) so that its scope covers
every page; what it keeps and what it never answers from a cache is written in its
template (``templates/elearning/service-worker.js``): the site's static files and the
lessons she opens, never a quiz, an answer or a personal page.
"""

import json
import re

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

THEME_COLOUR = "#0b4f5c"  # the site's brand colour (site.css, favicon.svg)


def lesson_path_pattern():
    """A regular expression (in JavaScript's syntax too) matching every lesson page's
    path, made from the lesson URL itself so that it follows the URLconf."""
    sample = reverse(
        "lesson_detail", kwargs={"course_slug": "COURSESLUG", "lesson_slug": "LESSONSLUG"}
    )
    pattern = re.escape(sample).replace("COURSESLUG", "[^/]+").replace("LESSONSLUG", "[^/]+")
    return f"^{pattern}$"


@require_GET
@cache_control(no_cache=True)
def service_worker(request):
    context = {
        name: json.dumps(value)
        for name, value in {
            # Where static files live (not static(""): with hashed names, that is a lookup
            # in collectstatic's manifest, which has no entry for "").
            "static_prefix": settings.STATIC_URL,
            "lesson_pattern": lesson_path_pattern(),
            "logout_paths": [
                reverse("logout"),
                reverse("logout_everywhere"),
                reverse("account_delete"),
            ],
        }.items()
    }
    return render(request, "elearning/service-worker.js", context, content_type="text/javascript")


@require_GET
@cache_control(max_age=60 * 60)
def web_manifest(request):
    """The web manifest, in the request's language (French unless she chose English)."""
    return JsonResponse(
        {
            "name": _("Nursing e-learning"),
            "short_name": _("Nursing course"),
            "description": _("Course material for nursing students."),
            "lang": get_language(),
            "start_url": reverse("catalogue"),
            "scope": "/",
            "display": "standalone",
            "background_color": "#ffffff",
            "theme_color": THEME_COLOUR,
            "icons": [
                {"src": static("elearning/favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
                *(
                    {
                        "src": static(f"elearning/icons/icon-{size}.png"),
                        "sizes": f"{size}x{size}",
                        "type": "image/png",
                    }
                    for size in (192, 512)
                ),
                {
                    "src": static("elearning/icons/icon-maskable-512.png"),
                    "sizes": "512x512",
                    "type": "image/png",
                    "purpose": "maskable",
                },
            ],
        },
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )
