"""Fixtures of the elearning tests: the drafting engine replaced by fixed drafts."""

import sys
import types

import pytest

from quiz.drafting.drafts import Draft, draft_key


def fake_draft(kind, stem, choices, answer, sentence, score):
    """A draft as the engine gives it (quiz.drafting.drafts needs no language model)."""
    explanation = f"D'après le cours : « {sentence} »"
    key = draft_key(sentence, kind, answer)
    return Draft(kind, stem, choices, answer, sentence, explanation, score, key)


def fake_drafts(text, *, context=None, limit=None, topic=None):
    sentence = text.strip().split(".")[0] + "."
    drafts = [
        fake_draft(
            "single",
            "Les fasciculations sont le plus souvent _____.",
            (("bénignes", True), ("pathologiques", False), ("héréditaires", False)),
            "bénignes",
            sentence,
            0.9,
        ),
        fake_draft(
            "true_false",
            "Vrai ou faux ? « Les fasciculations sont le plus souvent pathologiques. »",
            (("Vrai", False), ("Faux", True)),
            "Faux",
            sentence,
            0.8,
        ),
    ]
    return drafts[:limit] if limit else drafts


@pytest.fixture
def engine(monkeypatch):
    """The drafting engine replaced by fixed drafts (and its calls recorded)."""
    calls = []

    def draft_questions(text, *, context=None, limit=None, topic=None, title=None):
        calls.append((text, context, limit))
        return fake_drafts(text, context=context, limit=limit)

    module = types.SimpleNamespace(draft_questions=draft_questions)
    monkeypatch.setitem(sys.modules, "quiz.drafting", module)
    return calls
