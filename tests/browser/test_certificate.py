"""A learner completes a course and downloads her certificate; anyone holding its code
checks it on the public verification page, with the keyboard alone.

Axe checks every page on the way, including the course page and the dashboard once they
show the completion box. Set CERTIFICATE_SCREENSHOTS to a folder to also save the
dashboard and the verification page as they look then.
"""

import io
import os
import re
import unicodedata
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from .conftest import TIMEOUT_MS
from .helpers import (
    MARK_DONE,
    MY_DASHBOARD,
    START_COURSE,
    AxeGuard,
    assert_accessible,
    assert_visible_focus,
    log_in,
    tab_to,
    url_is,
)

pytestmark = pytest.mark.browser

PASSWORD = "Tensiometre-Garde-2024!"
# Diacritics in both names: the PDF and the verification page must keep every one.
FIRST_NAME, LAST_NAME = "Zoë", "Ñúñez"
FULL_NAME = f"{FIRST_NAME} {LAST_NAME}"

# Names in English and in French, compiled catalogues or not.
FINAL_QUIZ = re.compile(r"^\s*(Final quiz|Examen final)\s*$", re.I)
START_QUIZ = re.compile(r"Start the quiz|Commencer le quiz", re.I)
NEXT = re.compile(r"^\s*(Next|Suivant)\s*$", re.I)
REVIEW_AND_SUBMIT = re.compile(r"Review and submit|Relire et envoyer", re.I)
SUBMIT = re.compile(r"Submit my answers|Envoyer mes réponses", re.I)
BACK_TO_COURSE = re.compile(r"Back to the course|Retour au cours", re.I)
CONGRATULATIONS = re.compile(r"Congratulations!|Félicitations\s*!", re.I)
DOWNLOAD_CERTIFICATE = re.compile(r"Download the certificate|Télécharger le certificat", re.I)
CHECK_A_CERTIFICATE = re.compile(r"Check a certificate|Vérifier un certificat", re.I)
CERTIFICATE_CODE = re.compile(r"^\s*(Certificate code|Code du certificat)\s*$", re.I)
CHECK = re.compile(r"^\s*(Check|Vérifier)\s*$", re.I)
GENUINE = re.compile(r"genuine and valid|authentique et valide", re.I)
AWARDED_TO = re.compile(r"^\s*(Awarded to|Décerné à)\s*$", re.I)
COURSE = re.compile(r"^\s*(Course|Cours)\s*$", re.I)
CODE = re.compile(r"^\s*Code\s*$", re.I)
# A code as displayed: 16 letters and digits of Crockford's base32, in groups of four.
DISPLAY_CODE = r"[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){3}"

SHOTS = os.environ.get("CERTIFICATE_SCREENSHOTS")


def snap(page, name):
    """With CERTIFICATE_SCREENSHOTS set, save the whole page there."""
    if not SHOTS:
        return
    Path(SHOTS).mkdir(parents=True, exist_ok=True)
    page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def nfc(text):
    return unicodedata.normalize("NFC", text)


@pytest.fixture
def zoe(make_user):
    return make_user(
        email="zoe.nunez@example.com",
        first_name=FIRST_NAME,
        last_name=LAST_NAME,
        password=PASSWORD,
    )


@pytest.fixture
def visitor_page(browser, context_options, live_server, request, html_checker):
    """A page in a browser of its own, with no session: someone she sent the code to.

    Checked as the ``page`` fixture checks its page: every document through axe and the HTML
    checker, no 5xx, no console error.
    """
    context = browser.new_context(base_url=live_server.url, **context_options)
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    page = context.new_page()
    guard = AxeGuard(page)
    yield page
    context.close()
    for url, html in guard.documents:
        html_checker.add(url, html)
    call = getattr(request.node, "rep_call", None)
    if call is not None and call.passed:
        assert not guard.server_errors, f"The server answered with errors: {guard.server_errors}"
        assert not guard.console_errors, f"Errors in the browser console: {guard.console_errors}"
        assert not guard.unchecked, f"Pages loaded but never checked with axe: {guard.unchecked}"


def lesson_after(lesson):
    from elearning.models import Lesson

    return Lesson.objects.following(lesson).first()


def read_every_lesson(page, live_server, course):
    page.goto(course.get_absolute_url())
    assert_accessible(page)
    page.get_by_role("button", name=START_COURSE).click()
    lessons = list(course.lessons.order_by("position"))
    for lesson in lessons:
        expect(page).to_have_url(url_is(live_server.url, lesson.get_absolute_url()))
        expect(page.get_by_role("heading", level=1)).to_have_text(lesson.title)
        assert_accessible(page)
        page.get_by_role("button", name=MARK_DONE).click()
        if lesson.checkpoint_quiz_id is not None:
            # Marking it done leads to its checkpoint (the reading path); she leaves it for
            # later and goes on to the next lesson.
            expect(page).to_have_url(url_is(live_server.url, lesson.checkpoint_quiz_url))
            assert_accessible(page)
            page.goto(lesson_after(lesson).get_absolute_url())
    # Every lesson read, the final quiz still to pass: not complete yet.
    expect(page).to_have_url(url_is(live_server.url, course.get_absolute_url()))
    expect(page.locator("main")).not_to_contain_text(CONGRATULATIONS)
    expect(page.get_by_role("link", name=DOWNLOAD_CERTIFICATE)).to_have_count(0)
    assert_accessible(page)


def pass_the_final_quiz(page, course):
    """From the course page: every question answered right, then submitted."""
    page.get_by_role("link", name=FINAL_QUIZ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Final")
    assert_accessible(page)
    page.get_by_role("button", name=START_QUIZ).click()

    count = course.final_quiz.questions.count()
    for number in range(1, count + 1):
        expect(page).to_have_url(re.compile(rf"/questions/{number}/$"))
        expect(page.locator(".quiz-counter")).to_have_text(
            re.compile(rf"\b{number}\s*/\s*{count}\b")
        )
        assert_accessible(page)
        page.get_by_role("radio", name="Bonne", exact=True).check()
        last = number == count
        page.get_by_role("button", name=REVIEW_AND_SUBMIT if last else NEXT).click()

    expect(page).to_have_url(re.compile(r"/summary/$"))
    expect(page.locator(".alert-warning[role=status]")).to_have_count(0)  # all answered
    assert_accessible(page)
    page.get_by_role("button", name=SUBMIT).click()

    expect(page).to_have_url(re.compile(r"/quiz/attempts/\d+/$"))
    expect(page.locator(".quiz-score")).to_contain_text("100 %")
    expect(page.locator(".quiz-score p.alert-success")).to_contain_text("80 %")
    # This pass completed the course: the results say so and lead to the certificate.
    completed = page.locator(".quiz-score div.alert-success")
    expect(completed).to_contain_text("votre certificat est prêt")
    expect(completed.get_by_role("link", name="Télécharger le certificat")).to_be_visible()
    assert_accessible(page)


def definition(region, term):
    """The ``<dd>`` that follows the ``<dt>`` whose text matches ``term``."""
    return region.locator("dt").filter(has_text=term).locator("xpath=following-sibling::dd[1]")


def download_certificate(page, course):
    """Click the dashboard's download link; return the displayed code and the PDF's bytes."""
    box = page.locator("main .alert-success").filter(has_text=CONGRATULATIONS)
    with page.expect_download() as download_info:
        box.get_by_role("link", name=DOWNLOAD_CERTIFICATE).click()
    download = download_info.value
    assert download.failure() is None, download.failure()
    name = download.suggested_filename
    match = re.fullmatch(rf"certificat-{re.escape(course.slug)}-({DISPLAY_CODE})\.pdf", name)
    assert match, f"Unexpected file name for the certificate: {name!r}"
    return match.group(1), Path(download.path()).read_bytes()


def test_a_learner_completes_the_course_and_her_certificate_checks_out(
    page, visitor_page, live_server, quiz_course, zoe
):
    from elearning.models import Certificate

    course = quiz_course
    log_in(page, live_server.url, zoe.email, PASSWORD)
    read_every_lesson(page, live_server, course)
    pass_the_final_quiz(page, course)

    # The course page now congratulates her and offers the certificate.
    page.get_by_role("link", name=BACK_TO_COURSE).click()
    expect(page).to_have_url(url_is(live_server.url, course.get_absolute_url()))
    box = page.locator("main .alert-success").filter(has_text=CONGRATULATIONS)
    expect(box).to_contain_text(re.compile(r"\b100\s*%"))
    expect(box.get_by_role("link", name=DOWNLOAD_CERTIFICATE)).to_be_visible()
    assert_accessible(page)

    # So does her dashboard.
    page.get_by_role("link", name=MY_DASHBOARD).click()
    expect(page).to_have_url(url_is(live_server.url, "/dashboard/"))
    card = page.locator("article.card").filter(has_text=course.title)
    box = card.locator(".alert-success").filter(has_text=CONGRATULATIONS)
    expect(box).to_have_count(1)
    # Its accessible name says which course's certificate it is.
    expect(box.get_by_role("link", name=DOWNLOAD_CERTIFICATE)).to_have_accessible_name(
        re.compile(re.escape(course.title))
    )
    snap(page, "dashboard-completed")
    assert_accessible(page)

    code, pdf = download_certificate(page, course)
    assert pdf.startswith(b"%PDF")
    text = nfc(PdfReader(io.BytesIO(pdf)).pages[0].extract_text())
    assert FULL_NAME in text
    assert course.title in text
    assert code in text
    assert "100 %" in text
    certificate = Certificate.objects.get(code=code.replace("-", ""))
    assert (certificate.learner, certificate.learner_name, certificate.is_revoked) == (
        zoe,
        FULL_NAME,
        False,
    )

    # Someone she sent the code to checks it, with the keyboard alone.
    visitor = visitor_page
    visitor.goto("/certificates/verify/")
    expect(visitor.get_by_role("heading", level=1)).to_have_text(CHECK_A_CERTIFICATE)
    field = visitor.get_by_label(CERTIFICATE_CODE)
    expect(field).to_be_visible()
    expect(field).to_have_accessible_description(re.compile(r"\b16\b"))
    assert_accessible(visitor)

    # The first Tab reaches the skip link, which leads into the page: the next Tab is
    # on the code field.
    visitor.keyboard.press("Tab")
    expect(visitor.locator("a.skip-link")).to_be_focused()
    visitor.keyboard.press("Enter")
    expect(visitor.locator("main#main")).to_be_focused()
    visitor.keyboard.press("Tab")
    expect(field).to_be_focused()
    assert_visible_focus(visitor)
    # Typed as a person reads it off the paper: lower case, spaces for the dashes.
    typed = code.lower().replace("-", " ")
    visitor.keyboard.type(typed)
    expect(field).to_have_value(typed)
    tab_to(visitor, visitor.get_by_role("button", name=CHECK))
    assert_visible_focus(visitor)
    visitor.keyboard.press("Enter")

    expect(visitor).to_have_url(url_is(live_server.url, f"/certificates/verify/{code}/"))
    verdict = visitor.get_by_role("region", name=GENUINE)
    expect(verdict).to_be_visible()
    expect(definition(verdict, AWARDED_TO)).to_have_text(FULL_NAME)
    expect(definition(verdict, COURSE)).to_have_text(course.title)
    expect(definition(verdict, CODE)).to_have_text(code)
    expect(verdict.locator("time")).to_have_attribute(
        "datetime", certificate.completed_on.isoformat()
    )
    snap(visitor, "verify-valid")
    assert_accessible(visitor)
