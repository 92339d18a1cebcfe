"""'Select all that apply' items from an enumeration of the text, with distractors from an
enumeration of another category."""

import hashlib
from functools import lru_cache

from quiz.cues import clearly_longer, echo_cue, find_cues

from .checks import MAX_LENGTH_RATIO, similar_lengths
from .drafts import MULTIPLE, SINGLE, lower_first, make_draft, normalise
from .enumerations import categories
from .lexicon import ARTICLES, CONTRASTS, LABEL_FAMILIES
from .pipeline import load_pipeline


def select_all_drafts(own, course):
    """'Select all that apply' from an enumeration of the text, with distractors from an
    enumeration of another category that names none of the same things: the category the
    text sets against it ('intrinsèques' / 'extrinsèques', 'courants' / 'rares'), or one
    named by the same noun ('Facteurs ...'). A list of another kind (disease forms offered
    as symptoms) gives distractors a learner rules out at once: no draft then. Options keep
    their article where every one of them has one, else all go without."""
    clusters = categories(course.enumerations)
    drafts = []
    for enumeration in own.enumerations:
        mine = next((c for c in clusters if enumeration.heads & c["heads"]), None)
        if mine is None:
            continue
        # The question asks what this list is: its own label, not one of another list
        # that shares a word with it ('Adapter l'environnement' is no list of risk factors).
        label = _best_label({"members": [enumeration]})
        if not label:
            continue
        best, best_weight = None, None
        for other in clusters + _narrower_than(enumeration, mine):
            if other is mine:
                continue
            if other.get("within"):  # 'Dyspnée d'effort' is wrong among 'Dyspnée de repos'
                listed = {normalise(term) for term in enumeration.terms}
                candidates = [t for t in _option_terms(other) if normalise(t) not in listed]
            else:
                candidates = [
                    t for t in _option_terms(other) if not (_term_heads(t) & mine["heads"])
                ]
            for bare in (False, True):
                correct = [  # 'signes de lutte' among 'signes de gravité': the stem tells
                    t for t in _forms(enumeration.terms, bare) if not echo_cue(label, [(t, True)])
                ]
                wrong = _forms(candidates, bare)
                chosen = _pick_options(correct, wrong) if len(correct) >= 2 else None
                if chosen and find_cues(
                    label, [(t, True) for t in chosen[0]] + [(t, False) for t in chosen[1]]
                ):
                    chosen = None  # 'une ...' only among the wrong ones: without articles
                if chosen:
                    break
            if not chosen:
                continue
            weight = (
                _contrasting(mine, other),
                _same_label_noun(mine, other),
                not bare,
                len(chosen[0]) + len(chosen[1]),
                sum(map(len, chosen[0] + chosen[1])),
            )
            if best_weight is None or weight > best_weight:
                best, best_weight, pools = chosen, weight, (correct, wrong)
        if best is None or not (best_weight[0] or best_weight[1]):
            continue  # distractors from a list of another kind: a learner rules them out
        right, wrong = best
        choices = tuple((text, text in right) for text in _shuffled(right + wrong))
        stem = f"Parmi les propositions suivantes, lesquelles {label} ?"
        answer = " | ".join(text for text, is_correct in choices if is_correct)
        drafts.append(make_draft(MULTIPLE, stem, choices, answer, enumeration.source, 2.5))
        drafts += _one_of(label, right, *pools, enumeration.source)
    return drafts


def _narrower_than(enumeration, cluster):
    """The lists of the enumeration's own category whose label it narrows ('Signes' for
    'Signes de gravité'), as categories of their own: what they list and it does not are
    of its kind ('Dyspnée d'effort' among 'Dyspnée de repos', 'Cyanose') and wrong here."""
    words = _label_words(enumeration.label)
    noun = _label_noun(enumeration.label)
    found = []
    for other in cluster["members"]:
        others = _label_words(other.label)
        if other is enumeration or not others or not noun or _label_noun(other.label) != noun:
            continue
        if others < words:
            found.append({"heads": set(other.heads), "members": [other], "within": True})
    return found


def _label_words(label):
    return {word.lower().strip(" :,.").rstrip("sx") for word in label.split() if word.strip(" :,.")}


def _one_of(label, right, correct, wrong, source):
    """The single-answer item on the same two lists: one of this list's items (one the
    select-all item does not offer, where there is one) among three of the other list's."""
    unused = [text for text in correct if text not in right]
    for key in unused + right:
        others = [text for text in wrong if similar_lengths([key, text], key)][:3]
        if len(others) == 3 and similar_lengths([key, *others], key):
            break
    else:
        return []
    if find_cues(label, [(key, True)] + [(text, False) for text in others]):
        return []
    question = label.replace("font partie des ", "fait partie des ", 1)
    question = question.replace("sont des ", "fait partie des ", 1)
    stem = f"Parmi les propositions suivantes, laquelle {question} ?"
    choices = tuple((text, text == key) for text in _shuffled([key, *others]))
    return [make_draft(SINGLE, stem, choices, key, source, 2.4)]


def _shuffled(texts):
    """A fixed order that tells nothing: sorted by a hash of the text."""
    return sorted(texts, key=lambda text: hashlib.sha1(text.encode()).hexdigest())


def _forms(terms, bare):
    """The terms as options: those with their article, or every one without it."""
    if not bare:
        return [lower_first(t) for t in terms if _has_article(t)]
    return [lower_first(_without_article(t)) for t in terms]


def _without_article(text):
    first, _, rest = text.partition(" ")
    if first.lower() in ARTICLES and rest:
        return rest
    if text[:2].lower() == "l'" or text[:2].lower() == "l’":
        return text[2:]
    return text


def _same_label_noun(mine, other):
    """Whether the two categories' labels are named by the same noun, or by nouns of one
    family ('Facteurs intrinsèques' and 'Facteurs extrinsèques'; 'Les déclencheurs
    courants' and 'Les causes graves'): then the two lists hold things of one kind."""
    nouns = [{_label_noun(e.label) for e in c["members"]} - {""} for c in (mine, other)]
    return bool(nouns[0] & nouns[1])


def _label_noun(label):
    words = _without_article(label).lower().split()
    for word in words[:3]:
        noun = word.strip(" :,.").rstrip("sx")
        if noun in LABEL_FAMILIES or len(noun) > 3:
            return LABEL_FAMILIES.get(noun, noun)
    return ""


def _contrasting(mine, other):
    """Whether the two categories' labels use the two words of a contrasting pair."""
    words = [
        {word.lower().strip(" :,.") for e in cluster["members"] for word in e.label.split()}
        for cluster in (mine, other)
    ]
    return any(
        (words[0] & set(left) and words[1] & set(right))
        or (words[0] & set(right) and words[1] & set(left))
        for left, right in CONTRASTS
    )


def _has_article(text):
    first = text.split(" ", 1)[0].lower()
    return first in ARTICLES or first.startswith("l'")


def _option_terms(cluster):
    """The terms of the cluster's enumeration that best reads as options: the one whose
    terms carry their article."""
    best = max(
        cluster["members"],
        key=lambda e: (sum(_has_article(t) for t in e.terms), len(e.terms)),
    )
    return [lower_first(t) for t in best.terms]


@lru_cache(maxsize=512)
def _term_heads(text):
    nlp = load_pipeline()
    return frozenset(t.lemma_.lower() for t in nlp(text) if t.pos_ in ("NOUN", "PROPN"))


def _best_label(cluster):
    """The question for a category: 'font partie des <label>' from a label 'Les ...' ('Les
    principales causes d'hypocalcémie'), 'sont des <label>' from a bare plural noun phrase
    of two words or more ('Facteurs intrinsèques'); the heading above the list when its own
    label says too little ('Les plus fréquents sont :')."""
    for enumeration in cluster["members"]:
        for label, has_verb in ((enumeration.label, enumeration.label_has_verb),
                                (enumeration.heading, False)):  # fmt: skip
            question = _question(label, has_verb)
            if question:
                return question
    return None


def _question(label, has_verb):
    words = [w for w in label.split() if w.lower() not in ("autres", "d'autres")]
    if has_verb or not words or any(w in ("est", "sont", "ont", "a") for w in words):
        return None
    first, rest = words[0], " ".join(words[1:])
    if first.lower() == "les" and rest and len(words) <= 10:
        if not _term_heads(rest):
            return None  # 'Les plus fréquents': of what?
        return f"font partie des {rest}"
    if 2 <= len(words) <= 5 and first.endswith("s") and first[:1].isupper():
        return f"sont des {lower_first(' '.join(words))}"
    return None


def _pick_options(correct, wrong, *, most_correct=3, most_wrong=2):
    """Two or three right and two wrong options of similar length, or None."""
    best = None
    for anchor in sorted({len(text) for text in correct + wrong}):
        low, high = anchor, MAX_LENGTH_RATIO * anchor
        right = [t for t in correct if low <= len(t) <= high][:most_correct]
        bad = [t for t in wrong if low <= len(t) <= high][:most_wrong]
        if (
            len(right) >= 2
            and len(bad) >= 2
            and not clearly_longer(min(map(len, right)), max(map(len, bad)))  # a cue
            and (best is None or len(right) + len(bad) > len(best[0]) + len(best[1]))
        ):
            best = (right, bad)
    return best
