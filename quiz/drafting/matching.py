"""'Quel terme correspond à … ?' items from a list whose items each name a thing and say
what it is ('- douleur neuropathique : lésion du système nerveux ; brûlure, …', '- palier 2 :
opioïdes faibles (tramadol, codéine)', '- Algoplus : douleur aiguë de la personne âgée …'):
one item's description in the stem, its name among the names of the other items. Lecture
notes, patient pages and handouts set terms apart this way more than in sentences, and the
distractors are plausible by construction: the author put them side by side, as things of one
kind to tell apart, and each is wrong for this description since the list says what it is."""

import re
from dataclasses import dataclass, replace

from quiz.cues import find_cues

from .checks import similar_lengths
from .drafts import SINGLE, capitalise, inner_quotes, make_draft, normalise, ordered_choices
from .markdown import markdown_blocks
from .pipeline import parse
from .statements import CITATION

# 'Name : description' or 'Name = description', the name short enough to be an option.
_ENTRY = re.compile(r"^(?P<name>[^:=;.?!]{2,50}?)\s+[:=]\s+(?P<description>.+)$")


_PARENTHESIS = re.compile(r"\s*\([^()]*\)")


MAX_NAME_WORDS = 6


DESCRIPTION_WORDS = (3, 25)


MAX_OPTIONS = 4


MAX_OPTION_WORDS = 12  # a description longer than this is no option to read on a phone


@dataclass(frozen=True)
class Entry:
    name: str  # as an option: capitalised, without what it spells out in parentheses
    description: str
    source: str  # the list's item, quoted by the explanation


def matching_drafts(text):
    """One item per entry of every list of `text` that names three things or more."""
    blocks, _bold = markdown_blocks(text)
    drafts = []
    for block in blocks:
        if block.kind != "list":
            continue
        entries = [entry for item in block.texts if (entry := _entry(item))]
        if len(entries) < 3:
            continue
        for entry in entries:
            others = [other for other in entries if other is not entry]
            drafts += [
                draft for draft in (_named(entry, others), _described(entry, others)) if draft
            ]
    return drafts


def _entry(item):
    match = _ENTRY.match(" ".join(CITATION.sub("", item).split()))
    if not match:
        return None
    name = _PARENTHESIS.sub("", match.group("name")).strip()
    if not _is_name(name):
        return None
    description = _description(match.group("description"))
    if description is None or _echoes(description, name):
        return None
    return Entry(capitalise(name), description, item)


def _is_name(name):
    """A noun phrase of a few words ('Troubles moteurs', 'palier 2', 'BPS'), not a verb
    ('tracer'), an adverb ('quand') nor a letter of a mnemonic ('P', whose description
    starts with it)."""
    words = name.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS or len(name.replace(" ", "")) < 3:
        return False
    doc = parse(name)
    if doc[0].pos_ in ("ADV", "SCONJ", "PRON", "NUM", "PUNCT", "SYM"):
        return False
    if any(t.pos_ == "AUX" or "Fin" in t.morph.get("VerbForm") for t in doc):
        return False
    first = doc[0]
    if first.pos_ == "VERB" and (len(doc) == 1 or doc[1].pos_ in ("DET", "ADP", "PRON")):
        return False  # 'tracer', 'comparer les scores', not 'palier 2'
    return any(t.pos_ in ("NOUN", "PROPN", "ADJ") or t.text.isupper() for t in doc)


def _description(text):
    """What the item says the thing is: its first part ('… ; 5 items …' cut) when the whole
    is long, as long as what is left still says something."""
    text = inner_quotes(text.strip().rstrip(" ;.,"))
    if not text[:1].isalnum():
        return None  # '> 3 mois ; = maladie …': a note to rewrite before it is a question
    text = text.split(". ", 1)[0]  # its first sentence
    low, high = DESCRIPTION_WORDS
    for mark in (" ; ", " → "):
        if len(text.split()) > high and mark in text:
            text = text.split(mark, 1)[0].rstrip(" ;.,")
    if not low <= len(text.split()) <= high:
        return None
    return text


def _echoes(description, name):
    """The description names the thing itself: the stem would give the answer."""
    words = {w.strip("()").lower() for w in name.split() if len(w) > 3}
    said = {w.strip("().,;:").lower() for w in description.split()}
    return bool(words & said)


def _named(entry, others):
    """The name, among the others' names, for the entry's description."""
    others = [
        other
        for other in others
        if normalise(other.name) != normalise(entry.name)
        and not _echoes(entry.description, other.name)  # the stem names a distractor
    ]
    others.sort(key=lambda other: abs(len(other.name) - len(entry.name)))
    chosen = []
    for other in others:
        if similar_lengths([entry.name, *(o.name for o in chosen), other.name], entry.name):
            chosen.append(other)
        if len(chosen) == MAX_OPTIONS - 1:
            break
    if len(chosen) < 2:
        return None
    stem = f"Quel terme correspond à la description suivante : « {entry.description} » ?"
    options = [entry.name, *(other.name for other in chosen)]
    choices = ordered_choices(options, entry.name)
    if find_cues(stem, choices):
        return None
    score = 2.5 + 0.1 * (len(options) - 3)
    return _explained(make_draft(SINGLE, stem, choices, entry.name, entry.source, score), chosen)


def _described(entry, others):
    """The other way round: the entry's description among the others' descriptions, where
    each is short enough to read as an option and none gives itself away by its length."""
    if len(entry.description.split()) > MAX_OPTION_WORDS:
        return None
    answer = capitalise(entry.description)
    others = sorted(others, key=lambda other: abs(len(other.description) - len(answer)))
    chosen = []
    for other in others:
        text = capitalise(other.description)
        if len(other.description.split()) > MAX_OPTION_WORDS or _echoes(text, entry.name):
            continue
        if similar_lengths([answer, *(capitalise(o.description) for o in chosen), text], answer):
            chosen.append(other)
        if len(chosen) == MAX_OPTIONS - 1:
            break
    if len(chosen) < 2:
        return None
    stem = f"Quelle description correspond à « {entry.name} » ?"
    options = [answer, *(capitalise(other.description) for other in chosen)]
    choices = ordered_choices(options, answer)
    if find_cues(stem, choices):
        return None
    return _explained(make_draft(SINGLE, stem, choices, answer, entry.source, 2.3), chosen)


def _explained(draft, others):
    """The explanation quotes the entry, then what the list says of each distractor: telling
    them apart is what the question teaches."""
    quotes = [f"« {other.name} : {other.description} »" for other in others]
    apart = ", de ".join(quotes[:-1]) + f" et de {quotes[-1]}"
    quoted = draft.explanation if draft.explanation.endswith(".") else f"{draft.explanation}."
    return replace(draft, explanation=f"{quoted} À distinguer de {apart}.")
