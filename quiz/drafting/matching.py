"""'À quoi correspond … ?' items from a list whose items each name a thing and say
what it is ('- douleur neuropathique : lésion du système nerveux ; brûlure, …', '- palier 2 :
opioïdes faibles (tramadol, codéine)', '- Algoplus : douleur aiguë de la personne âgée …'):
one item's description in the stem, its name among the names of the other items. Lecture
notes, patient pages and handouts set terms apart this way more than in sentences, and the
distractors are plausible by construction: the author put them side by side, as things of one
kind to tell apart, and each is wrong for this description since the list says what it is.

The stem names what the list is about (its introduction, 'Paliers de l'OMS :', or else the
heading it is under), since 'palier 2' or 'Algoplus' mean nothing on their own. Lecture
notes' symbols ('→', '≥', '= douleur') stay out of stems and options: the parts of a
description that use them are left out. A list of 'Troubles moteurs', 'Troubles urinaires'
… is left alone: the name of a kind of disorder says what it covers ('vessie' answers
'Troubles urinaires'), so the item tests nothing."""

import re
from dataclasses import dataclass, replace

from quiz.cues import find_cues

from .checks import similar_lengths
from .drafts import SINGLE, capitalise, inner_quotes, make_draft, normalise, ordered_choices
from .lexicon import NOTE_SYMBOLS
from .markdown import markdown_blocks
from .pipeline import parse
from .statements import CITATION

# 'Name : description' or 'Name = description', the name short enough to be an option.
_ENTRY = re.compile(r"^(?P<name>[^:=;.?!]{2,50}?)\s+[:=]\s+(?P<description>.+)$")


_PARENTHESIS = re.compile(r"\s*\([^()]*\)")


MAX_NAME_WORDS = 6


DESCRIPTION_WORDS = (3, 25)


MAX_OPTIONS = 4


# What a description says before a note's symbol is a phrase of its own when it has this
# many words ('crise qui ne cède pas au traitement habituel = urgence vitale'), not when
# it is the start of a note ('symptômes de jour ≤ 2 fois/semaine').
MIN_BEFORE_A_SYMBOL = 5


MAX_OPTION_WORDS = 12  # a description longer than this is no option to read on a phone


# Below a clean true/false: on the development set, most of these needed a light edit (a
# distractor the description also fits, a stem to reword).
NAMED_SCORE, DESCRIBED_SCORE = 2.2, 2.0


# Nouns that name a kind of disorder by the system it touches: their adjective gives the
# answer away ('troubles urinaires' for a description that says 'vessie').
TRANSPARENT_NOUNS = {"trouble", "signe", "symptôme", "atteinte", "déficit", "manifestation"}


# Endings of nouns that name an activity ('Surveillance', 'Éducation', 'Sevrage
# tabagique', 'Vaccinations', 'Traitement'): a list most of whose names are such sorts a
# nurse's or a doctor's actions under their own headings, and its descriptions say which
# heading they go under ('plan d'action écrit' is education): matching them tests reading,
# not knowledge.
ACTIVITY_ENDINGS = ("tion", "sion", "ance", "age", "ment")


# Headings that say nothing of what a list is about.
GENERIC_HEADINGS = {
    "définitions", "définition", "généralités", "introduction", "à retenir", "points clés",
    "en résumé", "résumé", "notes", "rappels",
}  # fmt: skip


# Note-taking symbols: a part of a description with one is a note, not a phrase.
_NOTE_SYMBOL = re.compile(NOTE_SYMBOLS)


_EQUALS_IN_PARENTHESES = re.compile(r"(\([^()]*?)\s=\s([^()]*\))")


@dataclass(frozen=True)
class Entry:
    name: str  # as an option: capitalised, without what it spells out in parentheses
    description: str  # as the stem quotes it: short, without notes' symbols
    said: str  # all the list says of it without notes' symbols, for the explanation


def matching_drafts(text):
    """One item per entry of every list of `text` that names three things or more."""
    blocks, _bold = markdown_blocks(text)
    drafts = []
    for block in blocks:
        if block.kind != "list":
            continue
        entries = [entry for item in block.texts if (entry := _entry(item))]
        if len(entries) < 3 or 2 * sum(map(_names_an_activity, entries)) >= len(entries):
            continue  # an activity's heading for what it sorts: 'Surveillance', 'Éducation'
        about = _about(block, entries)
        for entry in entries:
            others = [other for other in entries if other is not entry]
            drafts += [
                draft
                for draft in (_named(entry, others, about), _described(entry, others, about))
                if draft
            ]
    return drafts


def _about(block, entries):
    """What the list is about, to open the stem with: its introduction when that is a noun
    phrase of two words or more ('Paliers de l'OMS'); else, where every name opens on the
    same noun ('Douleur aiguë', 'Douleur chronique' …), the kinds of that noun ('Types de
    douleur'); else the heading it is under, unless that says no more than 'Définitions'."""
    intro = _PARENTHESIS.sub("", block.intro).strip().rstrip(" :")
    doc = parse(intro) if intro else []
    if len(intro.split()) >= 2 and not any(t.pos_ in ("VERB", "AUX") for t in doc):
        return intro
    heading = block.heading.strip().rstrip(" :")
    firsts = {entry.name.split()[0].lower() for entry in entries}
    if len(firsts) == 1 and all(len(entry.name.split()) > 1 for entry in entries):
        (noun,) = firsts
        words = {word.lower().rstrip("sx") for word in heading.split()}
        if noun.rstrip("sx") in words:
            return heading  # 'Stades de la NYHA' says which stages
        if parse(noun)[0].pos_ == "NOUN":
            return f"Types de {noun}"
    return "" if heading.lower() in GENERIC_HEADINGS else heading


def _entry(item):
    match = _ENTRY.match(" ".join(CITATION.sub("", item).split()))
    if not match:
        return None
    name = _PARENTHESIS.sub("", match.group("name")).strip()
    if not _is_name(name):
        return None
    said = _without_notes(match.group("description"))
    description = _description(said)
    if description is None and said[:1].isalnum() and len(said.split()) < DESCRIPTION_WORDS[0]:
        description = said  # 'ostéopénie': an option, too short to quote in a stem
    if description is None or _echoes(description, name):
        return None
    return Entry(capitalise(name), description, said)


def _without_notes(text):
    """The description without its parts that use notes' symbols ('score ≥ 2/5 = douleur
    probable'), but with the phrase of five words or more a symbol ends; an '=' inside
    parentheses reads as a colon ('AINS : anti-inflammatoires …')."""
    text = inner_quotes(text.strip().rstrip(" ;.,"))
    text = _EQUALS_IN_PARENTHESES.sub(r"\1 : \2", text)
    kept = []
    for part in re.split(r" ; |\. ", text):
        symbol = _NOTE_SYMBOL.search(part)
        if symbol:
            before = part[: symbol.start()].strip().rstrip(" ;.,")
            if len(before.split()) >= MIN_BEFORE_A_SYMBOL:
                kept.append(before)  # 'crise qui ne cède pas … = urgence vitale'
            break
        kept.append(part.strip().rstrip(" ;.,"))
    return " ; ".join(kept)


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
    if first.lemma_.lower() in TRANSPARENT_NOUNS or first.lower_.rstrip("s") in TRANSPARENT_NOUNS:
        return False  # 'Troubles urinaires': the name says what it covers
    return any(t.pos_ in ("NOUN", "PROPN", "ADJ") or t.text.isupper() for t in doc)


def _names_an_activity(entry):
    """'Surveillance', 'Sevrage tabagique', 'Vaccinations': a noun of an activity opens the
    name. A list most of whose names are such sorts actions under their own headings; one
    such name among terms ('Exacerbation' beside 'Wheezing') is a term like them."""
    first = parse(entry.name)[0]
    return first.pos_ == "NOUN" and first.lower_.rstrip("s").endswith(ACTIVITY_ENDINGS)


def _description(text):
    """What the item says the thing is, for the stem: its first part ('… ; 10 items' cut)
    when the whole is long, as long as what is left still says something."""
    if not text[:1].isalnum():
        return None
    low, high = DESCRIPTION_WORDS
    if len(text.split()) > high:
        text = text.split(" ; ", 1)[0]
    if not low <= len(text.split()) <= high:
        return None
    return text


def _echoes(description, name):
    """The description names the thing itself: the stem would give the answer."""
    words = {w.strip("()").lower() for w in name.split() if len(w) > 3}
    said = {w.strip("().,;:").lower() for w in description.split()}
    return bool(words & said)


def _named(entry, others, about):
    """The name, among the others' names, for the entry's description, when that says
    enough to quote ('ostéopénie' alone does not)."""
    if len(entry.description.split()) < DESCRIPTION_WORDS[0]:
        return None
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
    stem = _stem(about, f"à quoi correspond « {entry.description} » ?")
    options = [entry.name, *(other.name for other in chosen)]
    choices = ordered_choices(options, entry.name)
    if find_cues(stem, choices):
        return None
    score = NAMED_SCORE + 0.1 * (len(options) - 3)
    return _draft(stem, choices, entry.name, entry, chosen, score)


def _described(entry, others, about):
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
    short = len(entry.description.split()) < DESCRIPTION_WORDS[0]  # a name: 'Ostéopénie'
    question = "à quoi correspond" if short else "quelle description correspond à"
    stem = _stem(about, f"{question} « {entry.name} » ?")
    options = [answer, *(capitalise(other.description) for other in chosen)]
    choices = ordered_choices(options, answer)
    if find_cues(stem, choices):
        return None
    return _draft(stem, choices, answer, entry, chosen, DESCRIBED_SCORE)


def _stem(about, question):
    return f"{about} : {question}" if about else capitalise(question)


def _draft(stem, choices, answer, entry, others, score):
    """The draft, whose explanation quotes what the list says of the answer, then what it
    says of each distractor: telling them apart is what the question teaches."""
    source = f"{entry.name} : {entry.said}."
    draft = make_draft(SINGLE, stem, choices, answer, source, score)
    quotes = [f"« {other.name} : {other.description} »" for other in others]
    apart = ", de ".join(quotes[:-1]) + f" et de {quotes[-1]}"
    return replace(draft, explanation=f"D'après le cours : « {source} » À distinguer de {apart}.")
