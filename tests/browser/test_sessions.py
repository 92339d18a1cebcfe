"""A learner who signed in on a shared computer ends every session of her account from her
phone, with the keyboard alone; the shared computer is then signed out too."""

import re

import pytest
from playwright.sync_api import expect

from .helpers import assert_accessible, assert_visible_focus, is_focused, log_in, tab_to

pytestmark = pytest.mark.browser

EVERY_DEVICE = re.compile(r"Log out of every device|Me déconnecter de tous mes appareils")
ENDED = re.compile(r"logged out of every device|sessions de votre compte ont été fermées")


def test_log_out_of_every_device_with_the_keyboard(
    page, browser, live_server, context_options, learner_account
):
    user, password = learner_account
    shared = browser.new_context(base_url=live_server.url, **context_options)
    try:
        other = shared.new_page()
        log_in(other, live_server.url, user.email, password)

        log_in(page, live_server.url, user.email, password)
        page.goto("/accounts/profile/")
        assert_accessible(page)
        button = page.get_by_role("button", name=EVERY_DEVICE)
        tab_to(page, button)
        assert is_focused(button)
        assert_visible_focus(page)
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(re.escape(live_server.url) + r"/accounts/login/"))
        expect(page.get_by_role("alert").or_(page.locator(".alert"))).to_contain_text(ENDED)
        assert_accessible(page)

        other.goto("/dashboard/")
        expect(other).to_have_url(re.compile(r"/accounts/login/\?next=/dashboard/"))
    finally:
        shared.close()
