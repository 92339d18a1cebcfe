"""A learner whose account the school created logs in, typing the e-mail in another case."""

import re

import pytest
from playwright.sync_api import expect

from .helpers import COURSE_TITLE, MY_DASHBOARD, assert_accessible, log_in

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("transform", [str.upper, str.title], ids=["upper-case", "title-case"])
def test_login_with_the_email_in_another_case(
    page, live_server, learner_account, shipped_lessons, transform
):
    from elearning.progress import enrol, mark_lesson_done

    user, password = learner_account
    course, lessons = shipped_lessons
    enrol(user, course)
    for lesson in lessons[:2]:
        mark_lesson_done(user, lesson)
    typed = transform(user.email)
    assert typed != user.email

    log_in(page, live_server.url, typed, password)

    expect(page.get_by_role("heading", level=1)).to_have_text(MY_DASHBOARD)
    expect(page.get_by_role("link", name=re.compile(r"Camille Martin"))).to_be_visible()
    card = page.locator("article.card").filter(has_text=COURSE_TITLE)
    expected = 2 * 100 // len(lessons)
    expect(card.get_by_role("progressbar")).to_have_attribute("aria-valuenow", str(expected))
    expect(card).to_contain_text(re.compile(rf"\b{expected}\s*%"))
    assert_accessible(page)
