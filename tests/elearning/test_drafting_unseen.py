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

# Measured on 2026-12-01 (eighth session), every new draft judged by an instructor who does
# not tune the rules: 53 drafts, 32 % usable as is, 77 % after a light edit, 23 % unusable,
# 27 % as is in the best-ranked fifth, 17 % not true/false, 0.83 usable drafts per 100 words.
# The session's rules were developed on eight more development texts written for it (files
# 10 to 17 there, which showed the same failures as this set: 6 % usable as is on the first
# four); on the development set they took the share of unusable drafts from 18 % to 12 %.
# Here one draft changed (labelled anew) and one draft usable after a light edit is no
# longer made, so the share usable as is rises from 31.5 % to 32.1 % and the usable drafts
# per 100 words fall from 0.85 to 0.83. The rules that leave drafts out this session
# enforce the requirements (no slip or calque copied into a stem, no pronoun that
# points back, one claim per statement, no note's symbols, no litotes); which one left
# this draft out was not looked up, not to tune on this set. That trade is pinned here:
# a later change that lowers any of these figures fails.
# Earlier: the sixth session ended at 31 %, 78 %, 22 %, 27 %, 17 % and 0.85 (54 drafts);
# the fifth at 33 %, 78 %, 22 %, 27 %, 17 % and 0.85.
FLOORS = {
    "as_is": 0.32,  # measured 32.1 %
    "after_light_edit": 0.77,  # measured 77.4 %
    "unusable": 0.23,  # at most (measured 22.6 %)
    "best_fifth_as_is": 0.27,
    "not_true_false": 0.16,  # measured 17.0 %
    "usable_per_100_words": 0.82,  # measured 0.83
}


@pytest.fixture(scope="module")
def test_set():
    drafted, words = draft_set("test")
    return drafted, words, load_labels("test")


def test_every_draft_of_the_test_set_has_a_verdict(test_set):
    drafted, _words, labels = test_set
    assert drafted
    # counted, never listed: whoever tunes the rules must not read the test set's drafts
    unlabelled = sum(not (labels.get(d.fingerprint) or {}).get("verdict") for d in drafted)
    assert unlabelled == 0, f"{unlabelled} drafts to label (see drafting_sets.py)"


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
