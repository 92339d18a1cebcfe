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

# Measured on 2026-12-01 (third session), every new draft judged by an instructor who does
# not tune the rules: 50 drafts, 36 % usable as is, 76 % after a light edit, 24 % unusable,
# 30 % as is in the best-ranked fifth, 10 % not true/false, 0.76 usable drafts per 100 words.
# The session before ended at 30 %, 70 %, 30 %, 27 %, 9 % and 0.76 (54 drafts); the gain came
# from rules developed on three more development texts in the test set's shapes (a statement
# that does not name its disease tied to it, no statement from a list item without its article
# or from an introduction with its verb, no negation denying an indefinite subject anything,
# figures after 'ne … que' or 'environ'). Still short of every target: too few drafts per text,
# and too few of them beyond true/false (see the closing note of issue 12's sessions).
FLOORS = {
    "as_is": 0.36,
    "after_light_edit": 0.76,
    "unusable": 0.24,  # at most
    "best_fifth_as_is": 0.30,
    "not_true_false": 0.10,
    "usable_per_100_words": 0.76,
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
