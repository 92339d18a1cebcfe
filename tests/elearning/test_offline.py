"""Offline reading: the service worker and the web manifest the site serves.

What the service worker does in a browser (a lesson read offline, a quiz never from a
cache) is tested in ``tests/browser/test_offline.py``; here, what the server hands it.
"""

import json
import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from PIL import Image, ImageChops

from elearning.management.commands.draw_icons import FILES, draw_icon
from elearning.offline_views import lesson_path_pattern

pytestmark = pytest.mark.django_db


def test_the_service_worker_is_served_at_the_root_as_javascript_never_cached(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert "no-cache" in response["Cache-Control"]
    script = response.content.decode()
    assert 'const STATIC_PREFIX = "/static/";' in script
    assert '"/accounts/logout/"' in script
    assert "&quot;" not in script and "&#x27;" not in script  # not HTML-escaped
    assert client.post("/sw.js").status_code == 405


def test_only_lesson_pages_match_what_the_worker_keeps(quiz_course):
    pattern = re.compile(lesson_path_pattern())
    lesson = quiz_course.lessons.get(position=1)
    assert pattern.match(lesson.get_absolute_url())
    never = [
        lesson.checkpoint_quiz_url,
        reverse("quiz_question", args=[quiz_course.slug, 1, 1]),
        reverse("quiz_results", args=[quiz_course.slug, 1]),
        reverse("lesson_done", args=[quiz_course.slug, lesson.slug]),
        quiz_course.get_absolute_url(),
        reverse("dashboard"),
        reverse("profile"),
        reverse("course_certificate", args=[quiz_course.slug]),
        reverse("admin:index"),
        "/",
    ]
    for path in never:
        assert not pattern.match(path), path


def test_the_manifest_names_the_site_in_her_language_with_the_projects_icons(client):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "Formation infirmière en ligne"
    assert manifest["lang"] == "fr"
    assert manifest["start_url"] == "/" and manifest["scope"] == "/"
    assert manifest["display"] == "standalone"
    sizes = set()
    for icon in manifest["icons"]:
        path = finders.find(icon["src"].removeprefix("/static/"))
        assert path, icon
        if icon["type"] == "image/png":
            with Image.open(path) as image:
                assert icon["sizes"] == f"{image.width}x{image.height}"
            sizes.add((icon["sizes"], icon.get("purpose", "any")))
    assert sizes == {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}

    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    english = json.loads(client.get("/manifest.webmanifest").content)
    assert english["name"] == "Nursing e-learning" and english["lang"] == "en"


@pytest.mark.parametrize("name", list(FILES))
def test_the_committed_icons_are_the_ones_the_project_draws(name):
    size, maskable = FILES[name]
    with Image.open(finders.find(f"elearning/icons/{name}")) as committed:
        drawn = draw_icon(size, maskable)
        difference = ImageChops.difference(committed.convert("RGBA"), drawn.convert("RGBA"))
        assert max(high for _low, high in difference.getextrema()) <= 2


def test_every_page_links_the_manifest_the_worker_and_a_hidden_offline_notice(client, course):
    content = client.get(course.get_absolute_url()).content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in content
    assert 'src="/static/elearning/js/offline.js" data-service-worker="/sw.js"' in content
    notice = re.search(r'<p id="offline-notice" class="offline-notice" hidden>(.*?)</p>', content)
    assert notice and notice.group(1).startswith("Vous êtes hors ligne")
