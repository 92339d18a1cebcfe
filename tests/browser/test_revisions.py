"""Spaced review on a phone with the keyboard alone: from the dashboard's count to a
question due today, answered, and its verdict with the lesson's passage."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from .helpers import (
    PHONE_CONTEXT,
    assert_accessible,
    assert_visible_focus,
    is_focused,
    log_in,
    tab_to,
    url_is,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def context_options():
    return PHONE_CONTEXT


@pytest.fixture
def missed_yesterday(learner_account, shipped_lessons):
    """A single-choice question of the shipped course she missed yesterday: due today."""
    from elearning.content import load_question_bank
    from elearning.models import QuestionSource
    from quiz import spaced_review

    load_question_bank()
    user, _password = learner_account
    source = next(
        source
        for source in QuestionSource.objects.filter(question__kind="single")
        .exclude(passage="")
        .select_related("question")
        if source.passage not in source.question.explanation
    )
    missed_at = timezone.now() - timedelta(days=1, hours=1)
    spaced_review.queue_misses(user.pk, {source.question_id: missed_at})
    return source


def test_a_due_question_reviewed_with_the_keyboard_alone(
    page, live_server, learner_account, missed_yesterday
):
    user, password = learner_account
    question = missed_yesterday.question
    choices = list(question.choices.order_by("position", "pk"))
    right = next(i for i, choice in enumerate(choices) if choice.is_correct)

    log_in(page, live_server.url, user.email, password)
    assert_accessible(page)
    due = page.get_by_role("link", name=re.compile(r"^1 question à revoir$"))
    expect(due).to_be_visible()
    tab_to(page, due)
    assert_visible_focus(page)
    page.keyboard.press("Enter")

    page.wait_for_url(url_is(live_server.url, "/revisions/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Révisions")
    expect(page.get_by_text("1 question à revoir aujourd’hui")).to_be_visible()
    group = page.get_by_role("group", name=question.text.strip())
    expect(group).to_be_in_viewport()
    check = page.get_by_role("button", name="Vérifier ma réponse")
    expect(check).to_be_in_viewport()
    assert_accessible(page)
    # The focus starts on the question: one Tab reaches its first choice.
    first = page.get_by_role("radio").first
    assert tab_to(page, first, max_presses=1) == 1
    assert_visible_focus(page)
    page.keyboard.press("Space")
    for _ in range(right):
        page.keyboard.press("ArrowDown")
    expect(page.get_by_role("radio", name=choices[right].text)).to_be_checked()
    page.keyboard.press("Enter")  # Enter checks the answer

    page.wait_for_url(re.compile(r"/revisions/\d+/#checked$"))
    verdict = page.locator(".answer-verdict")
    expect(verdict).to_contain_text("Bonne réponse")
    expect(verdict).to_be_in_viewport()
    assert is_focused(page.locator("#checked"))
    passage = " ".join(missed_yesterday.passage.split())
    expect(page.get_by_role("blockquote")).to_have_text(passage)
    expect(page.get_by_text("Vous avez revu toutes les questions du jour.")).to_be_visible()
    assert_accessible(page)
    back = page.get_by_role("link", name="Retour à mon tableau de bord")
    tab_to(page, back)
    assert_visible_focus(page)
    page.keyboard.press("Enter")

    page.wait_for_url(url_is(live_server.url, "/dashboard/"))
    expect(page.get_by_text("Rien à revoir aujourd’hui.")).to_be_visible()
    assert_accessible(page)
