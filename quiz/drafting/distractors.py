"""Distractors for a term: other terms of the course that fit the blank (same article,
number and, where words agree with it, gender) and are wrong there."""

from .analysis import is_key_phrase, token_roles
from .checks import similar_lengths
from .drafts import lower_first
from .lexicon import GENERIC_NOUNS


def _needs_gender(term, sentence):
    """Whether words outside the term agree with it (then gender must match)."""
    head = term.head
    if head.dep_.startswith("nsubj"):
        return True
    return any(
        t.head == head and t.pos_ in ("ADJ", "VERB") and not term.start <= _offset(t) < term.end
        for t in sentence.span
    )


def _offset(token):
    return token.idx - token.sent.start_char


def _resolved_gender(term, course):
    return term.gender or course.gender_of.get(term.head_lemma)


def distractors_for(term, sentence, course, *, count=3):
    """Other terms of the course that could stand in the blank and are wrong there."""
    needs_gender = _needs_gender(term, sentence)
    gender = _resolved_gender(term, course)
    if needs_gender and gender is None:
        return []
    sentence_lemmas = {t.lemma_.lower() for t in sentence.span}
    related = {term.head_lemma} | course.synonyms.get(term.head_lemma, set())
    for lemma in term.lemmas:
        related |= course.synonyms.get(lemma, set())
    same_role = set()
    for role in token_roles(term.head) | course.roles_of.get(term.head_lemma, set()):
        if role[1] in ("nsubj", "obj", "obl", "nmod", "conj", "appos"):
            same_role |= course.roles.get(role, set())
    listed_with = set()
    for enumeration in course.enumerations:
        if term.head_lemma in enumeration.heads:
            listed_with |= enumeration.heads
    chosen, seen = [], {term.head_lemma}
    candidates = sorted(
        course.pool,
        key=lambda other: (
            not is_key_phrase(other, course),
            abs(other.tokens - term.tokens),
            abs(len(other.text) - len(term.text)),
            -course.lemma_counts[other.head_lemma],
            other.text.lower(),
        ),
    )
    for other in candidates:
        lemma = other.head_lemma
        if lemma in seen or other.article != term.article or other.number != term.number:
            continue
        if needs_gender and _resolved_gender(other, course) != gender:
            continue
        if lemma in GENERIC_NOUNS or lemma in sentence_lemmas:
            continue  # too vague, or named in the sentence itself (so true there)
        if other.lemmas & related or lemma in related or lemma in term.lemmas:
            continue  # the answer's own words, inflections or synonyms
        if lemma in same_role or lemma in listed_with:
            continue  # the course says it too, in the same role: it would be right
        if not similar_lengths([lower_first(term.text), lower_first(other.text)]):
            continue
        seen.add(lemma)
        chosen.append(other)
        if len(chosen) == count:
            break
    return chosen
