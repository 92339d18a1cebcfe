"""Lessons on a phone: nothing scrolls sideways, and axe still finds nothing."""

import re

import pytest
from playwright.sync_api import expect

from .helpers import COURSE_SLUG, MY_DASHBOARD, PHONE, PHONE_CONTEXT, assert_accessible, log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def context_options():
    return PHONE_CONTEXT


def assert_no_horizontal_scroll(page):
    widths = page.evaluate(
        """() => ({
            document: document.documentElement.scrollWidth,
            body: document.body.scrollWidth,
            viewport: window.innerWidth,
        })"""
    )
    assert widths["viewport"] == PHONE["width"], widths
    assert widths["document"] <= PHONE["width"], f"{page.url} scrolls sideways: {widths}"
    assert widths["body"] <= PHONE["width"], f"{page.url} scrolls sideways: {widths}"


def test_lesson_pages_fit_a_phone(page, live_server, learner_account, shipped_lessons):
    user, password = learner_account
    _course, lessons = shipped_lessons

    log_in(page, live_server.url, user.email, password)
    assert_no_horizontal_scroll(page)
    assert_accessible(page)

    # The menu is collapsed behind its toggle button; opening it shows the dashboard link.
    toggler = page.locator("button.navbar-toggler")
    expect(toggler).to_be_visible()
    expect(page.get_by_role("link", name=MY_DASHBOARD)).to_be_hidden()
    toggler.click()
    expect(toggler).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("link", name=MY_DASHBOARD)).to_be_visible()
    assert_no_horizontal_scroll(page)
    assert_accessible(page)

    for lesson in lessons:
        page.goto(f"/courses/{COURSE_SLUG}/lessons/{lesson.slug}/")
        expect(page.get_by_role("heading", level=1)).to_have_text(lesson.title)
        expect(page.locator("form[action$='/done/'] button")).to_be_visible()
        assert_no_horizontal_scroll(page)
        assert_accessible(page)
    assert re.search(r"/lessons/", page.url)


def test_a_lesson_table_reads_row_by_row_on_a_phone(
    page, live_server, learner_account, shipped_lessons
):
    """Lesson 1's four-column table: each row a block, each value under its column's heading,
    no word cut in two."""
    user, password = learner_account
    _course, lessons = shipped_lessons
    log_in(page, live_server.url, user.email, password)
    page.goto(f"/courses/{COURSE_SLUG}/lessons/{lessons[0].slug}/")
    assert_accessible(page)
    table = page.locator(".lesson-body table")
    expect(table).to_have_count(1)
    cells = page.evaluate(
        """() => [...document.querySelectorAll('.lesson-body td')].map(cell => {
            const range = document.createRange();
            range.selectNodeContents(cell);
            const lines = new Set([...range.getClientRects()].map(rect => Math.round(rect.top)));
            const words = cell.textContent.trim().split(/\\s+/);
            return {
                text: cell.textContent.trim(),
                label: getComputedStyle(cell, '::before').content,
                width: cell.getBoundingClientRect().width,
                overflows: cell.scrollWidth > cell.clientWidth,
                // A word cut in two starts a line inside itself: more lines than words can make.
                lines: lines.size,
                words: words.length,
            };
        })"""
    )
    assert cells and len(cells) % 4 == 0
    for cell in cells:
        assert not cell["overflows"], cell
        assert cell["width"] > PHONE["width"] * 0.8, f"columns, not a block: {cell}"
        assert cell["lines"] <= cell["words"], f"a word is cut: {cell}"
    # Every value but the row's first (its name) is led by its column's heading.
    labels = [cell["label"] for number, cell in enumerate(cells) if number % 4]
    assert all("Douleur" in label or "observe" in label or "bouge" in label for label in labels)
    assert_no_horizontal_scroll(page)
