"""How usable the drafting engine's drafts are, measured against hand-labelled sentences of the
shipped course (tests/quiz/drafting_quality.json; its "about" field gives the sampling rule and
the meaning of each label).

The engine runs as `elearning.drafting.draft_course` runs it: each active lesson's body, with
the whole course's bodies as context. Only drafts whose source is a labelled sentence (or a
labelled list) are counted. A draft counts as usable, as it is or after a light edit (one
distractor replaced), when:

- cloze ("single"): the correct choice is one of the sentence's `answers`; it has at least two
  distractors, all but at most one of them in `plausible_distractors` (the light edit replaces
  the other); none in `bad_distractors` (true in the same role, or a synonym) nor an inflection
  of the answer; and no article is left in the stem just before the blank;
- true/false: a "Vrai" statement is the sentence itself. A "Faux" statement is one of the
  sentence's `false_versions`; or it differs from the sentence only by the words in
  `key_words` (a contrasting word or a key term swapped); or only by a negation, where the
  sentence is `negation_ok`. Anything else, including a statement listed in `not_false`, is
  not usable;
- select all that apply ("multiple"): every correct option is a member of the enumeration and
  no distractor is a member (or a `bad_distractors` term);
- no draft at all is usable on a sentence marked `no_question`.

Precision is measured over all counted drafts and over the best-ranked fifth, ranked globally
by the engine's score (ties in the engine's order), and the ranking is tested on its own:
among comparable drafts, usable ones must score above unusable ones. FLOORS below says where
the bounds are and why.
"""

import difflib
import json
import math
import re
from pathlib import Path

import pytest

from quiz import drafting
from quiz.drafting import BLANK, draft_questions
from quiz.drafting.statements import clean_sentence

ROOT = Path(__file__).resolve().parents[2]
LABELS = Path(__file__).with_name("drafting_quality.json")

# The reference is what published rule-based generators reach: a quarter usable
# overall, a half in their best-ranked fifth. Since the engine drafts from standalone
# statements (one claim each, pronouns resolved, asides left out), a true/false statement is
# judged against the claim of the labelled sentence it makes, and a claim gives one
# true/false draft ('Vrai' only where no false statement could be made). Measured with
# spaCy's fr_core_news_md: 22 drafts these labels can judge, 18 usable (0.82; cloze 3/3,
# true/false 11/15, select-all 4/4), best fifth 5/5, ranking agreement 0.70. The floors sit
# between the reference and the measure: 0.75 for both precisions, far enough above the
# reference that a slide towards a plain rule-based generator fails, and far enough below
# the measure to leave room for a few drafts to change verdict when a lesson's wording or
# spaCy's model changes. The ranking must beat chance clearly (0.70): with so few unusable
# drafts this is a weak check. The measure on texts nobody here wrote, which this course
# cannot give, is tests/elearning/test_drafting_unseen.py.
FLOORS = {"overall": 0.75, "best_fifth": 0.75, "ranking": 0.70}

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
    with open(ROOT / "fixtures" / "secousses-dans-la-jambe.json", encoding="utf-8") as f:
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


def content_lemmas(text):
    doc = drafting.load_pipeline()(bare(text))
    return {t.lemma_.lower() for t in doc if t.pos_ in ("NOUN", "PROPN", "ADJ")}


def is_inflection(option, answer):
    """The answer in another number or gender ('une crampe' for 'les crampes'), not another
    term on the same noun ('la sclérose en plaques' for 'la sclérose latérale ...')."""
    return bare(option) == bare(answer) or content_lemmas(option) == content_lemmas(answer)


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


WORD = re.compile(r"[\w-]+'?", re.U)
NEGATION = {"ne", "n'", "pas"}


def words(text):
    return WORD.findall(normalise(text))


def changes(statement_, sentence):
    """The words of the sentence that the statement replaced or removed, and the words it
    added, as two lists."""
    before, after = words(sentence), words(statement_)
    removed, added = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=before, b=after).get_opcodes():
        if op != "equal":
            removed += before[i1:i2]
            added += after[j1:j2]
    return removed, added


def claim_changes(said, sentence):
    """changes() against the sentence as the engine reads it (without asides in parentheses),
    where the statement may be one of its claims: the words of another claim (cut off at
    the start or the end, or a run of three words or more, with no negation) are not
    changes. Where semicolons part the claims, the statement is compared with each of them
    and the closest counts: 'Les fasciculations bénignes sont rares' is the first claim of
    'Les fasciculations bénignes sont fréquentes ; les fasciculations pathologiques sont
    rares' with a word swapped, not the whole sentence with its middle left out."""
    claims = [c for c in re.split(r"\s*;\s*", clean_sentence(sentence)) if words(c)]
    if len(claims) > 1:
        return min(
            (_claim_changes(said, claim) for claim in claims),
            key=lambda change: len(change[0]) + len(change[1]),
        )
    return _claim_changes(said, sentence)


def _claim_changes(said, sentence):
    before, after = words(clean_sentence(sentence)), words(said)
    opcodes = difflib.SequenceMatcher(a=before, b=after).get_opcodes()
    removed, added = [], []
    for op, i1, i2, j1, j2 in opcodes:
        cut = before[i1:i2]
        another_claim = len(cut) >= 3 or i1 == 0 or i2 == len(before)
        if op == "delete" and another_claim and not set(cut) & NEGATION:
            continue  # another claim of the sentence, left out of this statement
        if op != "equal":
            removed += cut
            added += after[j1:j2]
    return removed, added


def is_claim_of(said, sentence):
    """The sentence itself, or one of its claims word for word."""
    removed, added = claim_changes(said, sentence)
    return not removed and not added


def judge_false_statement(said, label):
    if normalise(said) in {normalise(s) for s in label.get("false_versions", [])}:
        return True
    if normalise(said) in {normalise(s) for s in label.get("not_false", [])}:
        return False
    if "sentence" not in label:
        return False
    removed, added = claim_changes(said, label["sentence"])
    if not removed and not added:
        return False  # the sentence itself, marked false
    if set(removed + added) <= NEGATION:
        return bool(label.get("negation_ok"))
    key_words = {word.lower() for word in label.get("key_words", [])}
    articles = {article.strip() for article in ARTICLES}
    return bool(removed) and set(removed) <= key_words | articles


def judge(draft, label):
    """Whether the draft is usable as it is or after a light edit (see the module's doc)."""
    if label.get("no_question"):
        return False
    correct, wrong = correct_and_wrong(draft)
    if draft.kind == drafting.SINGLE:
        bad = {bare(term) for term in label.get("bad_distractors", [])}
        plausible = {bare(term) for term in label.get("plausible_distractors", [])}
        return (
            len(correct) == 1
            and normalise(correct[0]) in {normalise(a) for a in label.get("answers", [])}
            and len(wrong) >= 2
            and sum(bare(option) not in plausible for option in wrong) <= 1
            and not any(bare(option) in bad for option in wrong)
            and not any(is_inflection(option, correct[0]) for option in wrong)
            and not has_leftover_article(draft.stem)
        )
    if draft.kind == drafting.TRUE_FALSE:
        said = statement(draft)
        if draft.answer == drafting.TRUE:
            return "sentence" in label and is_claim_of(said, label["sentence"])
        return judge_false_statement(said, label)
    members = label.get("members")
    if not members:
        return False
    bad = members + label.get("bad_distractors", [])
    return (
        bool(correct)
        and all(is_member(option, members) for option in correct)
        and not any(is_member(option, bad) for option in wrong)
    )


def ranked(course_drafts):
    """Every draft, best first by the engine's score; ties keep the engine's order."""
    ordered = [
        (lesson, index, d) for lesson, ds in enumerate(course_drafts) for index, d in enumerate(ds)
    ]
    return [d for _lesson, _index, d in sorted(ordered, key=lambda item: -item[2].score)]


def measure(course_drafts, labels):
    """The drafts these labels can judge (cloze, true/false, select-all; the questions on a
    definition are judged in the labelled sets of tests/elearning/texts/), each with its
    verdict, and the best-ranked fifth."""
    judged = []
    for draft in ranked(course_drafts):
        if draft.kind == drafting.SINGLE and BLANK not in draft.stem:
            continue
        label = label_of(draft, labels)
        if label is not None:
            judged.append((draft, judge(draft, label)))
    fifth = judged[: math.ceil(len(judged) / 5)]
    return judged, fifth


def precision(rows):
    return sum(1 for _draft, ok in rows if ok) / len(rows) if rows else 0.0


def report(judged, fifth):
    print("\nkind          drafts  usable  precision")
    for kind in (drafting.SINGLE, drafting.TRUE_FALSE, drafting.MULTIPLE):
        rows = [row for row in judged if row[0].kind == kind]
        print(
            f"{kind:<13} {len(rows):>6}  {sum(ok for _d, ok in rows):>6}  {precision(rows):>9.2f}"
        )
    last = judged[-len(fifth) :]
    for name, rows in (("overall", judged), ("best fifth", fifth), ("worst fifth", last)):
        print(
            f"{name:<13} {len(rows):>6}  {sum(ok for _d, ok in rows):>6}  {precision(rows):>9.2f}"
        )
    print(f"ranking agreement within kinds: {ranking_agreement(judged):.2f}")
    print("Not usable:")
    for draft, ok in judged:
        if not ok:
            print(f"  [{draft.score:.2f}] {draft.kind}: {draft.stem} -> {draft.answer}")


def test_the_labels_cover_every_lesson(labels):
    assert {label["lesson"] for label in labels} == {1, 2, 3, 4, 5, 6}
    assert 25 <= len(labels) <= 45


def test_precision_of_the_ranked_drafts(course_drafts, labels):
    judged, fifth = measure(course_drafts, labels)
    report(judged, fifth)
    assert len(judged) >= 20  # enough drafts on labelled sentences for a measure
    assert precision(judged) >= FLOORS["overall"]
    assert precision(fifth) >= FLOORS["best_fifth"]
    assert ranking_agreement(judged) >= FLOORS["ranking"]


def ranking_agreement(judged):
    """Of the pairs of comparable drafts where one is usable and the other not, the share
    the engine scores the usable one higher (ties count half): 0.5 is a ranking by chance.
    Drafts are comparable when they are of the same kind and, for true/false, the same
    answer: the engine ranks on purpose a plain "Vrai" restatement (always usable, rarely
    the best question) below a cloze or a "Faux" statement."""
    pairs = agree = 0
    for good, good_ok in judged:
        for bad, bad_ok in judged:
            if good_ok and not bad_ok and comparable(good) == comparable(bad):
                pairs += 1
                agree += 1 if good.score > bad.score else 0.5 if good.score == bad.score else 0
    return agree / pairs if pairs else 1.0


def comparable(draft):
    return draft.kind, draft.answer if draft.kind == drafting.TRUE_FALSE else ""
