"""An anonymous visitor: reads the catalogue, is asked to log in for a lesson, picks a language."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from .helpers import COURSE_SLUG, COURSE_TITLE, LOG_IN, assert_accessible, url_is

pytestmark = pytest.mark.browser

COURSE_PATH = f"/courses/{COURSE_SLUG}/"


def test_anonymous_visitor_reads_the_catalogue_and_must_log_in_for_a_lesson(
    page, live_server, shipped_lessons
):
    _course, lessons = shipped_lessons

    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    card = page.locator("article.card").filter(has_text=COURSE_TITLE)
    expect(card).to_contain_text(re.compile(rf"\b{len(lessons)}\b"))
    expect(card.get_by_role("progressbar")).to_have_count(0)  # No progress without an account.
    expect(page.get_by_role("link", name=LOG_IN).first).to_be_visible()
    assert_accessible(page)

    # The course page lists the lessons and invites the visitor to log in.
    card.get_by_role("link", name=COURSE_TITLE).click()
    expect(page).to_have_url(url_is(live_server.url, COURSE_PATH))
    for lesson in lessons:
        expect(page.get_by_role("link", name=lesson.title, exact=True)).to_be_visible()
    assert_accessible(page)

    # A lesson needs an account: the visitor lands on the login page, sent back afterwards.
    lesson_path = f"{COURSE_PATH}lessons/{lessons[0].slug}/"
    page.goto(lesson_path)
    expect(page).to_have_url(re.compile(r"/accounts/login/\?"))
    url = urlsplit(page.url)
    assert f"{url.scheme}://{url.netloc}" == live_server.url
    assert parse_qs(url.query) == {"next": [lesson_path]}
    expect(page.get_by_role("heading", level=1)).to_have_text(LOG_IN)
    expect(page.locator("main form input[name=username]")).to_be_focused()  # autofocus
    expect(page.locator("main form input[name=password]")).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize(
    "context_options",
    [
        pytest.param({"locale": "fr-FR"}, id="french-browser"),
        pytest.param({"locale": "de-DE"}, id="browser-in-a-language-the-site-lacks"),
    ],
)
def test_french_by_default_and_english_through_the_switcher(
    page, live_server, shipped_lessons, context_options
):
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    switcher = page.locator("form.language-switcher")
    expect(switcher.get_by_role("combobox")).to_have_value("fr")
    assert_accessible(page)

    switcher.get_by_role("combobox").select_option("en")
    switcher.locator("button[type=submit]").click()
    page.wait_for_url(url_is(live_server.url, "/"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Courses")
    expect(page.locator("form.language-switcher").get_by_role("combobox")).to_have_value("en")
    assert_accessible(page)

    # The choice holds on the next page.
    page.get_by_role("link", name=COURSE_TITLE).click()
    expect(page).to_have_url(url_is(live_server.url, COURSE_PATH))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="Lessons")).to_be_visible()
    assert_accessible(page)

    # And back to French, from this page: the switcher returns to the page it was on.
    switcher = page.locator("form.language-switcher")
    switcher.get_by_role("combobox").select_option("fr")
    switcher.locator("button[type=submit]").click()
    page.wait_for_url(url_is(live_server.url, COURSE_PATH))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    assert_accessible(page)
