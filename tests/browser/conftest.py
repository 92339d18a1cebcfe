"""Browser fixtures: one Chromium per session, a fresh context per test.

Playwright drives Debian's Chromium (its own download cannot work offline). Every
page a test opens must be checked by ``helpers.assert_accessible``: the ``page``
fixture records each document the browser loads, and fails the test if one of them
was never checked by axe, if the server answered any request with a 5xx, or if the
browser console shows an error (a failing script, something the CSP blocked).
"""

import pytest
from playwright.sync_api import sync_playwright

from .helpers import COURSE_SLUG, AxeGuard
from .validation import HtmlChecker, format_errors

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
TIMEOUT_MS = 10_000


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the item, so that fixtures know whether the test passed."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context_options():
    """Options of the test's browser context; a test module overrides this to change them."""
    # A French student's browser: the site is French first.
    return {"locale": "fr-FR", "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def context(browser, live_server, context_options):
    context = browser.new_context(base_url=live_server.url, **context_options)
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture(scope="session")
def html_checker():
    """Collects the pages of the whole session; vnu checks them once, at its end."""
    checker = HtmlChecker()
    yield checker
    errors = checker.errors()
    assert not errors, format_errors(errors)


@pytest.fixture
def page(context, request, html_checker):
    page = context.new_page()
    guard = AxeGuard(page)
    yield page
    page.close()
    for url, html in guard.documents:
        html_checker.add(url, html)
    call = getattr(request.node, "rep_call", None)
    if call is not None and call.passed:
        assert not guard.server_errors, f"The server answered with errors: {guard.server_errors}"
        assert not guard.console_errors, f"Errors in the browser console: {guard.console_errors}"
        assert not guard.unchecked, (
            f"Pages loaded but never checked with axe: {guard.unchecked} "
            "(call assert_accessible(page) after each page load)"
        )


@pytest.fixture
def shipped_lessons(transactional_db):
    """The shipped course and its lessons in reading order (live-server tests start empty)."""
    from elearning.content import load_missing
    from elearning.instructors import ensure_instructors_group
    from elearning.models import Course

    load_missing()
    ensure_instructors_group()
    course = Course.objects.get(slug=COURSE_SLUG)
    lessons = list(course.lessons.in_reading_order())
    assert lessons, "The shipped course has no lesson"
    return course, lessons


@pytest.fixture
def learner_account(transactional_db):
    """A learner created by the school, and the password to log in with."""
    from elearning.models import User

    password = "Infirmiere-2024-sure"
    user = User.objects.create_user(
        email="camille.martin@example.com",
        password=password,
        first_name="Camille",
        last_name="Martin",
    )
    return user, password


@pytest.fixture
def shipped_quizzes(shipped_lessons):
    """The shipped course with its question bank and its quizzes: a checkpoint quiz after
    each lesson, and the final quiz. Returns the course and its lessons in reading order."""
    from elearning.content import load_question_bank

    course, _lessons = shipped_lessons
    load_question_bank()
    course.refresh_from_db()
    return course, list(course.lessons.in_reading_order().select_related("course"))
