"""French done right where the pages count things: the plural follows the count said
("1 leçon terminée", "2 leçons terminées", "Il reste 1 tentative"), never "(s)"."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from .flows import take_final

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("done", "said"),
    [(0, "0 leçon terminée sur 3"), (1, "1 leçon terminée sur 3"), (2, "2 leçons terminées sur 3")],
)
def test_lessons_done_agree_with_their_count(client, learner, quiz_course, done, said):
    client.force_login(learner)
    client.post(reverse("course_enrol", args=[quiz_course.slug]))
    for lesson in quiz_course.lessons.order_by("position")[:done]:
        client.post(reverse("lesson_done", args=[quiz_course.slug, lesson.slug]))
    for page in (reverse("dashboard"), quiz_course.get_absolute_url()):
        assert said in client.get(page).content.decode(), page


def test_attempts_left_agree_with_their_count(client, learner, quiz_course):
    client.force_login(learner)
    url = reverse("quiz_detail", args=[quiz_course.slug, quiz_course.final_quiz_id])
    assert "Il reste 3 tentatives sur 3" in client.get(url).content.decode()
    take_final(client, quiz_course, right_answers=1)
    take_final(client, quiz_course, right_answers=1)
    assert "Il reste 1 tentative sur 3" in client.get(url).content.decode()


def test_no_translation_says_s_in_brackets():
    catalogue = Path(settings.BASE_DIR, "locale", "fr", "LC_MESSAGES", "django.po").read_text(
        encoding="utf-8"
    )
    current = catalogue.split("\n#~")[0]  # obsolete entries aside
    assert not re.findall(r"^msgstr.*\w\(s\)", current, re.M)


def test_every_french_message_follows_french_typography():
    """No-break spaces before : ; ! ? % », after «, and one apostrophe (quiz.typography)."""
    import json

    from quiz.typography import french

    catalogue = Path(settings.BASE_DIR, "locale", "fr", "LC_MESSAGES", "django.po").read_text(
        encoding="utf-8"
    )
    current = catalogue.split("\n#~")[0]  # obsolete entries aside
    messages = [
        "".join(json.loads(line) for line in body.strip().split("\n"))
        for body in re.findall(r'^msgstr(?:\[\d\])? ((?:".*"\n)+)', current, re.M)
    ]
    wrong = [text for text in messages if french(text) != text]
    assert len(messages) > 900 and not wrong, wrong[:5]


def shipped_strings():
    """Every text of the shipped course's fixtures, named by record and field."""
    import json

    for path in sorted(Path(settings.BASE_DIR, "fixtures").rglob("*.json")):
        for record in json.loads(path.read_text(encoding="utf-8")):
            for name, value in record["fields"].items():
                if isinstance(value, str):
                    yield f"{path.name}: {record['model']} {name}", value


def test_the_shipped_course_writes_one_apostrophe():
    """Lessons, glossary, editorial notes, questions, choices, feedback and passages all write
    ’, as the interface does: lesson bodies went through Markdown's smart quotes, the rest
    showed the straight ' beside them. (content/source/ keeps the source text verbatim; it is
    never shown.)"""
    straight = [
        (where, text[max(0, text.index("'") - 20) : text.index("'") + 20])
        for where, text in shipped_strings()
        if "'" in text
    ]
    assert not straight, f"{len(straight)} straight apostrophes, write ’: {straight[:5]}"
