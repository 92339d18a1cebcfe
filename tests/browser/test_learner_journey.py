"""A new learner signs up, reads the shipped course to the end, and sees 100 % on the dashboard.

Once with the mouse, once with the keyboard alone; axe checks every page on the way.
"""

import re

import pytest
from playwright.sync_api import expect

from .helpers import (
    COURSE_SLUG,
    COURSE_TITLE,
    CREATE_ACCOUNT,
    MARK_DONE,
    MY_DASHBOARD,
    PERCENT_100,
    SIGN_UP,
    START_COURSE,
    STRONG_PASSWORD,
    assert_accessible,
    assert_visible_focus,
    tab_to,
    url_is,
)

pytestmark = pytest.mark.browser

COURSE_PATH = f"/courses/{COURSE_SLUG}/"


def lesson_path(lesson):
    return f"{COURSE_PATH}lessons/{lesson.slug}/"


def assert_on_lesson(page, live_server, lesson, number, count):
    expect(page).to_have_url(url_is(live_server.url, lesson_path(lesson)))
    expect(page.get_by_role("heading", level=1)).to_have_text(lesson.title)
    expect(page.locator("article.lesson header")).to_contain_text(
        re.compile(rf"\b{number}\b\D+\b{count}\b")
    )
    assert_accessible(page)


def assert_course_complete_on_dashboard(page, live_server, lessons):
    expect(page).to_have_url(url_is(live_server.url, "/dashboard/"))
    expect(page.get_by_role("heading", level=1)).to_have_text(MY_DASHBOARD)
    card = page.locator("article.card").filter(has_text=COURSE_TITLE)
    expect(card).to_have_count(1)
    bar = card.get_by_role("progressbar")
    expect(bar).to_have_attribute("aria-valuenow", "100")
    expect(bar).to_have_attribute("aria-valuetext", PERCENT_100)
    expect(card).to_contain_text(PERCENT_100)
    expect(card).to_contain_text(re.compile(rf"\b{len(lessons)}\D+{len(lessons)}\b"))
    assert_accessible(page)


def assert_learner_enrolled_and_done(email, lessons):
    from elearning.models import LessonProgress, User

    user = User.objects.get(email=email)
    assert user.first_name == "Inès"
    done = set(LessonProgress.objects.filter(learner=user).values_list("lesson_id", flat=True))
    assert done == {lesson.pk for lesson in lessons}


def test_learner_journey_with_the_mouse(page, live_server, shipped_lessons):
    _course, lessons = shipped_lessons
    email = "ines.moreau@example.com"

    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("link", name=COURSE_TITLE)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name=SIGN_UP).click()
    expect(page).to_have_url(url_is(live_server.url, "/accounts/signup/"))
    assert_accessible(page)

    form = page.locator("main form")
    form.locator("input[name=email]").fill(email)
    form.locator("input[name=first_name]").fill("Inès")
    form.locator("input[name=last_name]").fill("Moreau")
    form.locator("input[name=password1]").fill(STRONG_PASSWORD)
    form.locator("input[name=password2]").fill(STRONG_PASSWORD)
    form.get_by_role("button", name=CREATE_ACCOUNT).click()

    # Signed up and logged in: back on the catalogue, with a welcome message.
    expect(page).to_have_url(url_is(live_server.url, "/"))
    expect(page.get_by_role("status")).to_contain_text("Inès")
    expect(page.get_by_role("link", name=MY_DASHBOARD)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name=COURSE_TITLE).click()
    expect(page).to_have_url(url_is(live_server.url, COURSE_PATH))
    expect(page.get_by_role("heading", level=1)).to_have_text(COURSE_TITLE)
    assert_accessible(page)

    page.get_by_role("button", name=START_COURSE).click()
    for number, lesson in enumerate(lessons, start=1):
        assert_on_lesson(page, live_server, lesson, number, len(lessons))
        page.get_by_role("button", name=MARK_DONE).click()

    # After the last lesson, the course page says that everything is read.
    expect(page).to_have_url(url_is(live_server.url, COURSE_PATH))
    progress = page.locator("#progress-heading").locator("..").get_by_role("progressbar")
    expect(progress).to_have_attribute("aria-valuenow", "100")
    expect(page.get_by_role("button", name=START_COURSE)).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("link", name=MY_DASHBOARD).click()
    assert_course_complete_on_dashboard(page, live_server, lessons)
    assert_learner_enrolled_and_done(email, lessons)


def press_and_wait(page, key, live_server, path):
    """Activate the focused element with ``key`` and wait for the page at ``path``."""
    page.keyboard.press(key)
    page.wait_for_url(url_is(live_server.url, path))


def test_learner_journey_with_the_keyboard_alone(page, live_server, shipped_lessons):
    _course, lessons = shipped_lessons
    email = "ines.moreau@example.com"
    keyboard = page.keyboard

    # Any mouse press, on any page of the journey, would be a bug in this test.
    mouse_presses = []
    page.expose_function("reportMousePress", lambda url: mouse_presses.append(url))
    page.add_init_script(
        "document.addEventListener("
        "'mousedown', () => window.reportMousePress(location.href), true);"
    )

    page.goto("/")
    assert_accessible(page)

    # The first Tab reaches the skip link, which becomes visible.
    keyboard.press("Tab")
    skip = page.locator("a.skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    assert_visible_focus(page)

    sign_up = page.get_by_role("link", name=SIGN_UP)
    tab_to(page, sign_up)
    assert_visible_focus(page)  # A link shows where the focus is.
    press_and_wait(page, "Enter", live_server, "/accounts/signup/")
    assert_accessible(page)

    form = page.locator("main form")
    for name, text in [
        ("email", email),
        ("first_name", "Inès"),
        ("last_name", "Moreau"),
        ("password1", STRONG_PASSWORD),
        ("password2", STRONG_PASSWORD),
    ]:
        field = form.locator(f"input[name={name}]")
        tab_to(page, field)
        assert_visible_focus(page)
        keyboard.type(text)
        expect(field).to_have_value(text)
    submit = form.get_by_role("button", name=CREATE_ACCOUNT)
    tab_to(page, submit)
    assert_visible_focus(page)  # A button shows where the focus is.
    press_and_wait(page, "Enter", live_server, "/")
    expect(page.get_by_role("status")).to_contain_text("Inès")
    assert_accessible(page)

    tab_to(page, page.get_by_role("link", name=COURSE_TITLE))
    assert_visible_focus(page)
    press_and_wait(page, "Enter", live_server, COURSE_PATH)
    assert_accessible(page)

    tab_to(page, page.get_by_role("button", name=START_COURSE))
    assert_visible_focus(page)
    press_and_wait(page, "Enter", live_server, lesson_path(lessons[0]))

    for number, lesson in enumerate(lessons, start=1):
        assert_on_lesson(page, live_server, lesson, number, len(lessons))
        # The skip link jumps over the navigation, straight into the lesson.
        keyboard.press("Tab")
        expect(skip).to_be_focused()
        keyboard.press("Enter")
        expect(page.locator("main#main")).to_be_focused()
        tab_to(page, page.get_by_role("button", name=MARK_DONE))
        assert_visible_focus(page)
        # Space activates a button as Enter does; use both.
        following = lesson_path(lessons[number]) if number < len(lessons) else COURSE_PATH
        press_and_wait(page, "Space" if number % 2 else "Enter", live_server, following)

    expect(page.get_by_role("button", name=START_COURSE)).to_have_count(0)
    assert_accessible(page)

    tab_to(page, page.get_by_role("link", name=MY_DASHBOARD))
    assert_visible_focus(page)
    press_and_wait(page, "Enter", live_server, "/dashboard/")
    assert_course_complete_on_dashboard(page, live_server, lessons)
    assert_learner_enrolled_and_done(email, lessons)

    assert mouse_presses == []
