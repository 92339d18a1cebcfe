"""How usable the drafting engine's drafts are, measured against hand-labelled sentences of the
shipped course (tests/quiz/drafting_quality.json; its "about" field gives the sampling rule).

The engine runs as `elearning.drafting.draft_course` runs it: each active lesson's body, with
the whole course's bodies as context. Only drafts whose source is a labelled sentence (or a
labelled list) are counted. A draft is acceptable when:

- cloze ("single"): the correct choice is one of the sentence's `answers`; it has at least two
  distractors; no distractor is in `bad_distractors` (true in the same role, or a synonym) or
  an inflection of the answer (same text once the article is dropped, or the same lemma for
  the first noun); and the stem keeps no article just before the blank;
- true/false: a "Vrai" statement is the sentence itself; a "Faux" statement is one of the
  sentence's `false_versions`, or at least not one of its `not_false` (statements the labels
  do not cover are accepted, and counted apart in the printed table);
- select all that apply ("multiple"): every correct option is a member of the enumeration and
  no distractor is a member (or a `bad_distractors` term);
- no draft at all is acceptable on a sentence marked `no_question`.

Precision is measured over all counted drafts and over the best-ranked fifth, ranked globally
by the engine's score (ties in the engine's order). The issue's reference is what published
rule-based generators reach: a quarter acceptable overall, a half in their best-ranked fifth.
The floors are set in FLOORS below, with their justification: the engine is above the
reference, so they sit just below what it reaches now.

What the measure does not judge: whether a distractor is plausible (the cloze rule only
excludes distractors that would be right), so it is an upper bound of the "usable after a
light edit" share the issue asks about.
"""

import json
import math
import re
from pathlib import Path

import pytest

from quiz import drafting
from quiz.drafting import BLANK, draft_questions

ROOT = Path(__file__).resolve().parents[2]
LABELS = Path(__file__).with_name("drafting_quality.json")

# Measured on the shipped course when this test was written: 48 drafts on labelled sentences,
# 47 acceptable (0.98; cloze 11/12, true/false 33/33, select-all 3/3), best fifth 10/10. The
# engine is far above the reference (0.25 overall, 0.50 in the best fifth), so the
# floors sit just below the measure: 0.90 for both, which leaves room for one failing draft
# in the best fifth (10 drafts) and three more overall. Corrupting the correct
# answers (a distractor marked correct) drops the measure to 0.35 / 0.00 and fails. Shuffling
# the ranking does not: nearly every counted draft is acceptable, so order cannot show here.
FLOORS = {"overall": 0.90, "best_fifth": 0.90}

ARTICLES = ("le ", "la ", "les ", "l'", "un ", "une ", "des ", "du ", "de la ", "de l'", "d'")
TF_WRAPPER = re.compile(r"^Vrai ou faux \?\s*«\s*(.*?)\s*»$", re.S)


def normalise(text):
    text = text.replace("’", "'").replace("«", " ").replace("»", " ").replace('"', " ")
    return " ".join(text.lower().split()).strip(" .:;,")


def bare(text):
    text = normalise(text)
    for article in ARTICLES:
        if text.startswith(article):
            return text[len(article) :].strip()
    return text


@pytest.fixture(scope="session")
def labels():
    with open(LABELS, encoding="utf-8") as f:
        return json.load(f)["sentences"]


@pytest.fixture(scope="session")
def course_drafts():
    """Per lesson, in position order: the engine's drafts, best first."""
    with open(ROOT / "fixtures" / "course-secousses-dans-la-jambe.json", encoding="utf-8") as f:
        objects = json.load(f)
    lessons = [o["fields"] for o in objects if o["model"] == "elearning.lesson"]
    bodies = [
        lesson["body"]
        for lesson in sorted(lessons, key=lambda fields: fields["position"])
        if not lesson.get("is_archived")
    ]
    context = "\n\n".join(bodies)
    return [draft_questions(body, context=context) for body in bodies]


def label_of(draft, labels):
    source = normalise(draft.source_sentence)
    for label in labels:
        if "sentence" in label and normalise(label["sentence"]) == source:
            return label
        if (
            "list_items" in label
            and draft.kind == drafting.MULTIPLE
            and all(normalise(item) in source for item in label["list_items"])
        ):
            return label
    return None


def statement(draft):
    match = TF_WRAPPER.match(draft.stem)
    return match.group(1) if match else draft.stem


def correct_and_wrong(draft):
    correct = [text for text, is_correct in draft.choices if is_correct]
    wrong = [text for text, is_correct in draft.choices if not is_correct]
    return correct, wrong


def first_noun_lemma(text):
    for token in drafting.load_pipeline()(bare(text)):
        if token.pos_ in ("NOUN", "PROPN"):
            return token.lemma_.lower()
    return None


def is_inflection(option, answer):
    if bare(option) == bare(answer):
        return True
    lemma = first_noun_lemma(answer)
    return lemma is not None and lemma == first_noun_lemma(option)


def has_leftover_article(stem):
    before = normalise(stem.split(BLANK, 1)[0]) + " "
    return before.endswith((" le ", " la ", " les ", " un ", " une ", " des ", " du ", " l' ")) or (
        before.strip().endswith("l'") or before.strip() in ("le", "la", "les", "un", "une", "des")
    )


def is_member(option, members):
    option = bare(option)
    for member in map(bare, members):
        if option == member or option.startswith(member + " ") or member.startswith(option + " "):
            return True
    return False


def judge(draft, label):
    """(acceptable, note): note is 'unlabelled' for a Faux item the labels do not cover."""
    if label.get("no_question"):
        return False, ""
    correct, wrong = correct_and_wrong(draft)
    if draft.kind == drafting.SINGLE:
        bad = {bare(term) for term in label.get("bad_distractors", [])}
        return (
            len(correct) == 1
            and normalise(correct[0]) in {normalise(a) for a in label.get("answers", [])}
            and len(wrong) >= 2
            and not any(bare(option) in bad for option in wrong)
            and not any(is_inflection(option, correct[0]) for option in wrong)
            and not has_leftover_article(draft.stem)
        ), ""
    if draft.kind == drafting.TRUE_FALSE:
        said = normalise(statement(draft))
        if draft.answer == drafting.TRUE:
            return "sentence" in label and said == normalise(label["sentence"]), ""
        if said in {normalise(s) for s in label.get("false_versions", [])}:
            return True, ""
        if said in {normalise(s) for s in label.get("not_false", [])}:
            return False, ""
        return True, "unlabelled"
    members = label.get("members")
    if not members:
        return False, ""
    bad = members + label.get("bad_distractors", [])
    return (
        bool(correct)
        and all(is_member(option, members) for option in correct)
        and not any(is_member(option, bad) for option in wrong)
    ), ""


def ranked(course_drafts):
    """Every draft, best first by the engine's score; ties keep the engine's order."""
    ordered = [
        (lesson, index, d) for lesson, ds in enumerate(course_drafts) for index, d in enumerate(ds)
    ]
    return [d for _lesson, _index, d in sorted(ordered, key=lambda item: -item[2].score)]


def measure(course_drafts, labels):
    judged = []
    for draft in ranked(course_drafts):
        label = label_of(draft, labels)
        if label is not None:
            judged.append((draft, *judge(draft, label)))
    fifth = judged[: math.ceil(len(judged) / 5)]
    return judged, fifth


def precision(rows):
    return sum(1 for _draft, ok, _note in rows if ok) / len(rows) if rows else 0.0


def says_destroys_motor_neurons(claim):
    claim = claim.lower()
    negated = " ne " in f" {claim} " or "n'" in claim
    names_disease = "sclérose en plaques" in claim or "parkinson" in claim
    return names_disease and "motoneurone" in claim and not negated


def true_claims(draft):
    correct, _wrong = correct_and_wrong(draft)
    if draft.kind == drafting.SINGLE:
        return [draft.stem.replace(BLANK, draft.answer)]
    if draft.kind == drafting.TRUE_FALSE:
        return [statement(draft)] if draft.answer == drafting.TRUE else []
    return [f"{draft.stem} {text}" for text in correct]


def report(judged, fifth):
    print("\nkind          drafts  acceptable  precision")
    for kind in (drafting.SINGLE, drafting.TRUE_FALSE, drafting.MULTIPLE):
        rows = [row for row in judged if row[0].kind == kind]
        good = sum(1 for row in rows if row[1])
        print(f"{kind:<13} {len(rows):>6}  {good:>10}  {precision(rows):>9.2f}")
    for name, rows in (("overall", judged), ("best fifth", fifth)):
        good = sum(1 for row in rows if row[1])
        print(f"{name:<13} {len(rows):>6}  {good:>10}  {precision(rows):>9.2f}")
    unlabelled = [row[0] for row in judged if row[2] == "unlabelled"]
    print(f"Faux items accepted only because no label says they are true: {len(unlabelled)}")
    for draft in unlabelled:
        print(f"  {statement(draft)}")


def test_the_labels_cover_every_lesson(labels):
    assert {label["lesson"] for label in labels} == {1, 2, 3, 4, 5, 6}
    assert 25 <= len(labels) <= 45


def test_precision_of_the_ranked_drafts(course_drafts, labels):
    judged, fifth = measure(course_drafts, labels)
    report(judged, fifth)
    assert len(judged) >= 20  # enough drafts on labelled sentences for a measure
    assert precision(judged) >= FLOORS["overall"]
    assert precision(fifth) >= FLOORS["best_fifth"]


def test_no_draft_rewards_the_sources_error(course_drafts):
    """Multiple sclerosis and Parkinson's disease do not destroy motor neurons."""
    for draft in (d for drafts in course_drafts for d in drafts):
        for claim in true_claims(draft):
            assert not says_destroys_motor_neurons(claim), draft
        if draft.kind == drafting.TRUE_FALSE and says_destroys_motor_neurons(statement(draft)):
            print(f"\nFaux item stating the source's error (reported, allowed): {draft.stem}")
