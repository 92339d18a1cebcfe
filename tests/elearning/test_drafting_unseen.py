"""How usable the drafts are on texts nobody who tunes the drafting rules has read.

The held-out test set (`tests/elearning/texts/test/`, see its README) was written for the
project by a team member who does not tune the rules, in the shapes instructors bring (an
encyclopedia article pasted from a desktop and from a mobile browser, a saved patient page,
lecture notes in Markdown, a machine translation with its slips, a Word handout). Every draft
the engine makes from it, through the importer as an instructor's import runs it, was judged
by a nursing instructor, by the criteria of the content brief (labels.json there); the rule
developers see only the figures. A draft without a verdict counts as unusable, so a change
that makes new drafts lowers the figures until they are labelled
(`python -m tests.elearning.drafting_sets test`, then label).

TARGETS are the issue's; FLOORS are the figures measured on the labelled set, which a later
change may not lower. Where a floor is below its target, the target is not met yet.
"""

import pytest

from quiz.drafting.statements import CITATION

from .drafting_sets import draft_set, figures, load_labels

TARGETS = {
    "as_is": 0.40,
    "after_light_edit": 0.80,
    "unusable": 0.10,  # at most
    "best_fifth_as_is": 0.60,
    "not_true_false": 1 / 3,
    "usable_per_100_words": 2.0,
}

# Measured on 2026-12-01 (fifth session), every new draft judged by an instructor who does
# not tune the rules: 54 drafts, 33 % usable as is, 78 % after a light edit, 22 % unusable,
# 27 % as is in the best-ranked fifth, 17 % not true/false, 0.85 usable drafts per 100 words.
# The session before ended at 36 %, 76 %, 24 %, 30 %, 10 % and 0.76 (50 drafts). The change:
# 'à quoi correspond …' items from lists that name things and say what each is
# (quiz.drafting.matching), four on this set, each usable after a light edit. No draft that
# came out before got a worse verdict; the as-is share and the best fifth fell because the
# four are shares' new members (18 as is of 54 rather than of 50; a fifth of 11 rather than
# 10), against the three figures furthest from their targets, which rose. That trade was
# decided and is pinned here: a later change that lowers any of these figures fails.
FLOORS = {
    "as_is": 0.33,  # measured 33.3 %
    "after_light_edit": 0.77,  # measured 77.8 %
    "unusable": 0.23,  # at most (measured 22.2 %)
    "best_fifth_as_is": 0.27,
    "not_true_false": 0.16,
    "usable_per_100_words": 0.84,
}


@pytest.fixture(scope="module")
def test_set():
    drafted, words = draft_set("test")
    return drafted, words, load_labels("test")


def test_every_draft_of_the_test_set_has_a_verdict(test_set):
    drafted, _words, labels = test_set
    assert drafted
    unlabelled = [d for d in drafted if not (labels.get(d.fingerprint) or {}).get("verdict")]
    assert not unlabelled, f"{len(unlabelled)} drafts to label (see drafting_sets.py)"


def test_the_figures_on_the_test_set_do_not_fall(test_set):
    drafted, words, labels = test_set
    measured = figures(drafted, words, labels)
    print("\n" + "\n".join(measured.lines()))
    assert measured.as_is >= FLOORS["as_is"]
    assert measured.after_light_edit >= FLOORS["after_light_edit"]
    assert measured.unusable <= FLOORS["unusable"]
    assert measured.best_fifth_as_is >= FLOORS["best_fifth_as_is"]
    assert measured.not_true_false >= FLOORS["not_true_false"]
    assert measured.usable_per_100_words >= FLOORS["usable_per_100_words"]


@pytest.mark.parametrize("name", ["dev", "test"])
def test_no_draft_of_any_text_carries_a_citation_mark(name):
    drafted, _words = draft_set(name)
    for row in drafted:
        draft = row.draft
        said = " ".join([draft.stem, draft.explanation, *(text for text, _ok in draft.choices)])
        assert not CITATION.search(said), (row.document, draft.stem)
