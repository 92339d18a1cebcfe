"""'Qu'est-ce que ... ?' items: a term the text defines ('Le signe de Lhermitte est une
sensation de décharge électrique ...'), its definition among the definitions the text gives
of its other terms. The distractors are plausible by construction (the learner met each of
them in the lesson) and wrong (each defines something else); those that say what kind of
thing it is the same way ('une contraction ...' for 'une contraction ...') come first."""

from dataclasses import dataclass

from .checks import similar_lengths
from .drafts import SINGLE, lower_first, make_draft, ordered_choices
from .lexicon import GENERIC_NOUNS, RELATIONAL_NOUNS, VOWELS
from .statements import clean_sentence

MAX_WORDS = 18


@dataclass(frozen=True)
class Definition:
    term: str  # as written, with its article
    lemmas: frozenset
    kind: str  # the predicate's noun lemma
    text: str  # the definition: 'une sensation de décharge électrique ...'


def definitions_of(statements):
    """The definitions 'X est un/une N ...' among the text's statements, one per term."""
    found, seen = [], set()
    for sentence in statements:
        definition = _definition(sentence)
        if definition is not None and definition.lemmas not in seen:
            seen.add(definition.lemmas)
            found.append(definition)
    return found


def _definition(sentence):
    span = sentence.span
    root = span.root
    if root.pos_ != "NOUN" or not any(c.dep_ == "cop" for c in root.children):
        return None
    if any(c.lower_ in ("ne", "n'", "pas") for c in root.children):
        return None
    determiner = next((c for c in root.children if c.dep_ == "det"), None)
    if determiner is None or determiner.lower_ not in ("un", "une", "le", "la", "l'"):
        return None
    if determiner.lower_ not in ("un", "une") and (
        root.lemma_.lower() in RELATIONAL_NOUNS | {"conséquence", "première", "principal"}
        or not any(c.dep_.startswith("nmod") for c in root.children)
    ):
        return None  # 'X est la maladie type': an identity; 'l'apparition d'une main ...' is one
    subjects = [c for c in root.children if c.dep_ == "nsubj"]
    if not subjects or subjects[0].pos_ not in ("NOUN", "PROPN"):
        return None
    term = next((t for t in sentence.terms if t.head.i == subjects[0].i), None)
    if term is None or term.start != 0 or term.head_lemma in GENERIC_NOUNS:
        return None
    if term.head_lemma in RELATIONAL_NOUNS and len(term.lemmas) == 1:
        return None
    text = clean_sentence(span.doc[determiner.i : span.end].text).rstrip(" .!")
    if len(text.split()) > MAX_WORDS:
        text = text.split(",", 1)[0]  # 'une maladie auto-immune, inflammatoire et ...'
    if not 3 <= len(text.split()) <= MAX_WORDS:
        return None  # 'une urgence' says too little to tell it from another
    return Definition(term.text, term.lemmas, root.lemma_.lower(), lower_first(text))


def definition_drafts(sentence, course_definitions):
    """The item for the term the statement defines, when two other definitions fit."""
    mine = _definition(sentence)
    if mine is None:
        return []
    others = [d for d in course_definitions if not (d.lemmas & mine.lemmas)]
    others.sort(key=lambda d: (d.kind != mine.kind, abs(len(d.text) - len(mine.text))))
    chosen = []
    for other in others:
        if other.text in {mine.text, *(d.text for d in chosen)}:
            continue
        if similar_lengths([mine.text, *(d.text for d in chosen), other.text], mine.text):
            chosen.append(other)
        if len(chosen) == 3:
            break
    if len(chosen) < 2:
        return []
    term = lower_first(mine.term)
    stem = f"Qu'est-ce qu'{term} ?" if term.startswith(VOWELS) else f"Qu'est-ce que {term} ?"
    options = [mine.text, *(d.text for d in chosen)]
    score = 2.7 + 0.2 * sum(d.kind == mine.kind for d in chosen)
    choices = ordered_choices(options, mine.text)
    return [make_draft(SINGLE, stem, choices, mine.text, sentence, score)]
