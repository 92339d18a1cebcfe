"""Offline reading on a phone: a lesson she opened reads again without a network, with
the offline notice; a quiz page never comes from a cache."""

import re

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from .helpers import PHONE_CONTEXT, assert_accessible, log_in
from .test_phone import assert_no_horizontal_scroll

pytestmark = pytest.mark.browser

OFFLINE_NOTICE = re.compile(r"You are offline|Vous êtes hors ligne", re.I)


@pytest.fixture
def context_options():
    return {**PHONE_CONTEXT, "service_workers": "allow"}


def kept_copies(page):
    """The paths the site's caches hold, as the page sees them."""
    return page.evaluate(
        """async () => {
            const paths = [];
            for (const name of await caches.keys()) {
                const cache = await caches.open(name);
                for (const request of await cache.keys()) {
                    paths.push(new URL(request.url).pathname);
                }
            }
            return paths;
        }"""
    )


def wait_until_kept(page, path):
    for _ in range(100):
        if path in kept_copies(page):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"{path} was never kept: {kept_copies(page)}")


def test_a_lesson_opened_online_reads_offline_with_a_notice(
    page, context, live_server, learner_account, shipped_quizzes
):
    user, password = learner_account
    _course, lessons = shipped_quizzes
    first, second = lessons[0], lessons[1]
    log_in(page, live_server.url, user.email, password)

    page.goto(first.get_absolute_url())
    notice = page.locator("#offline-notice")
    expect(notice).to_be_hidden()
    assert_accessible(page)
    wait_until_kept(page, first.get_absolute_url())
    # Its checkpoint quiz, opened online too: a cache must still never answer for it.
    quiz_url = first.checkpoint_quiz_url
    page.goto(quiz_url)
    assert_accessible(page)
    page.goto(second.get_absolute_url())
    assert_accessible(page)
    wait_until_kept(page, second.get_absolute_url())
    copies = kept_copies(page)
    assert quiz_url not in copies
    assert not [path for path in copies if "/quiz/" in path or path == "/dashboard/"]

    context.set_offline(True)
    response = page.reload()
    assert response.from_service_worker
    expect(page.get_by_role("heading", level=1)).to_have_text(second.title)
    expect(notice).to_be_visible()
    expect(notice).to_contain_text(OFFLINE_NOTICE)
    assert_no_horizontal_scroll(page)
    assert_accessible(page)

    # The first lesson, opened again from the second's breadcrumb-free path: its copy.
    response = page.goto(first.get_absolute_url())
    assert response.from_service_worker
    expect(page.get_by_role("heading", level=1)).to_have_text(first.title)
    expect(notice).to_be_visible()
    assert_accessible(page)

    # A quiz page is never answered from a cache: offline, it does not open.
    with pytest.raises(PlaywrightError, match="ERR_INTERNET_DISCONNECTED"):
        page.goto(quiz_url)

    # Back online: the notice goes, the lesson comes from the network again.
    context.set_offline(False)
    response = page.goto(first.get_absolute_url())
    expect(notice).to_be_hidden()
    assert_accessible(page)

    # Logging out deletes the saved lessons: the next person on this phone reads none.
    page.locator("button.navbar-toggler").click()
    page.get_by_role("button", name=re.compile(r"Log out|Se déconnecter", re.I)).click()
    page.wait_for_url(re.compile(r"/$|/accounts/login/"))
    assert_accessible(page)
    for _ in range(50):
        if not any("/lessons/" in path for path in kept_copies(page)):
            break
        page.wait_for_timeout(100)
    assert not [path for path in kept_copies(page) if "/lessons/" in path]
