"""Distractors for a term: other terms of the course that fit the blank (same article,
number and, where words agree with it, gender), are wrong there, and are of the same kind
as the answer where the text says what its terms are (a contraction for a contraction, a
disease for a disease): the kind is what makes a distractor plausible."""

from dataclasses import replace

from .analysis import defines, is_key_phrase, offset_in, synonyms_of, token_roles
from .checks import similar_lengths
from .drafts import lower_first
from .lexicon import (
    GENERIC_NOUNS,
    MEDICAL_SUFFIXES,
    POINTING_WORDS,
    RELATIONAL_NOUNS,
    VAGUE_WORDS,
    VOWELS,
)

# A distractor is plausible when it scores at least this (see plausibility()).
PLAUSIBLE = 1.0


def _needs_gender(term, sentence):
    """Whether words outside the term agree with it (then gender must match)."""
    head = term.head
    if head.dep_.startswith("nsubj"):
        return True
    return any(
        t.head == head
        and t.pos_ in ("ADJ", "VERB")
        and not term.start <= offset_in(t, sentence) < term.end
        for t in sentence.span
    )


def _resolved_gender(term, course):
    return term.gender or course.gender_of.get(term.head_lemma)


def kinds_of(term, course):
    """What the text says the term is; what it says of its head noun alone ('la sclérose
    ... est la maladie type', where the parser found no whole phrase) counts too."""
    return course.kinds.get(term.lemmas, frozenset()) | course.kinds.get(
        frozenset({term.head_lemma}), frozenset()
    )


# Terms defined within this many sentences of each other are set side by side by the
# author ('Deux phénomènes à ne pas confondre'): each is a plausible distractor for the other.
NEARBY = 6


def _defined_at(term, course):
    found = course.defined_at.get(term.lemmas)
    return course.defined_at[frozenset({term.head_lemma})] if found is None else found


def plausibility(answer, other, course):
    """How likely a learner who has not learnt the lesson is to pick `other` for `answer`:
    2 for terms the text says are of the same kind (two diseases); 1 for two terms it
    defines side by side; 0.5 for two terms it defines far apart, or two things it lists
    under different categories (a harmless trigger for a serious cause: right in kind,
    often not in the sentence); else 0. A distractor is plausible from 1 (PLAUSIBLE)."""
    mine, theirs = kinds_of(answer, course), kinds_of(other, course)
    if mine & theirs:
        return 2.0
    if _kin(answer, other, course):
        return 1.5
    if mine and theirs:
        distance = abs(_defined_at(answer, course) - _defined_at(other, course))
        authored = _in_bold(answer, course) and _in_bold(other, course)
        return 1.0 if distance <= NEARBY and authored else 0.5
    if mine:
        return 0.0  # what the answer is, not where it is listed, says what could replace it
    categories = course.category_of.get(answer.head_lemma), course.category_of.get(other.head_lemma)
    return 0.5 if None not in categories and categories[0] != categories[1] else 0.0


def _kin(answer, other, course):
    """Two key terms of one family: the same noun told apart by what qualifies it ('la
    forme rémittente', 'la forme progressive'), or two medical words built the same way
    ('l'hypocalcémie', 'l'hypomagnésémie'; 'la myasthénie', 'la myopathie')."""
    if not (is_key_phrase(answer, course) and is_key_phrase(other, course)):
        return False
    if answer.head_lemma == other.head_lemma:
        return bool(answer.lemmas - other.lemmas) and bool(other.lemmas - answer.lemmas)
    if len(answer.lemmas) != 1 or len(other.lemmas) != 1:
        return False
    return any(
        answer.head_lemma.endswith(suffix) and other.head_lemma.endswith(suffix)
        for suffix in MEDICAL_SUFFIXES
    )


def _in_bold(term, course):
    text = term.text.lower()
    return text in course.bold or text[len(term.article) :].strip() in course.bold


def _with_article(other, term, course):
    """`other` with the article the blank's answer has (definite or indefinite), when its
    gender is known: 'la crampe' stands in for 'une fasciculation' as 'une crampe'."""
    if other.article == term.article or {other.article, term.article} <= {"le", "la", "l'"}:
        return other
    definite = term.article in ("le", "la", "l'", "les")
    if other.number == "Plur":
        article = "les " if definite else "des "
    else:
        gender = _resolved_gender(other, course)
        if gender is None:
            return None
        if definite:
            elided = other.text.split(" ", 1)[-1].startswith(VOWELS)
            article = "l'" if elided else ("le " if gender == "Masc" else "la ")
        else:
            article = "un " if gender == "Masc" else "une "
    bare = other.text[len(other.article) :].lstrip()
    return replace(other, text=article + bare, article=article.strip())


def distractors_for(term, sentence, course, *, count=3):
    """Other terms of the course that could stand in the blank and are wrong there, the
    most plausible first."""
    needs_gender = _needs_gender(term, sentence)
    gender = _resolved_gender(term, course)
    if needs_gender and gender is None:
        return []
    around = {
        t.lemma_.lower()
        for t in sentence.span
        if not term.start <= offset_in(t, sentence) < term.end
    }
    same_role = set()
    # Where the sentence says what the term is, the rest of it sets the others apart: a
    # term said elsewhere to do the same things ('survient') is still wrong there.
    roles = set() if defines(term, sentence) else course.roles_of.get(term.head_lemma, set())
    for role in token_roles(term.head) | roles:
        if role[1] in ("nsubj", "obj", "obl", "nmod", "conj", "appos"):
            same_role |= course.roles.get(role, set())
    listed_with = set()
    for enumeration in course.enumerations:
        if term.head_lemma in enumeration.heads:
            listed_with |= enumeration.heads
    chosen, seen = [], {term.lemmas}
    candidates = sorted(
        course.pool,
        key=lambda other: (
            -plausibility(term, other, course),
            not is_key_phrase(other, course),
            abs(other.tokens - term.tokens),
            abs(len(other.text) - len(term.text)),
            -course.lemma_counts[other.head_lemma],
            other.text.lower(),
        ),
    )
    for other in candidates:
        lemma = other.head_lemma
        if other.lemmas in seen or any(lemma == c.head_lemma for c in chosen):
            continue
        if other.number != term.number:
            continue
        if needs_gender and _resolved_gender(other, course) != gender:
            continue
        if (
            lemma in GENERIC_NOUNS
            or (lemma in RELATIONAL_NOUNS and len(other.lemmas) == 1)
            or (lemma in around and other.lemmas - {lemma} <= around)
        ):
            continue  # too vague, or named in the sentence itself (so true there)
        if set(other.text.lower().replace("'", " ").split()) & (POINTING_WORDS | VAGUE_WORDS):
            continue  # 'la même voie', 'des deux jambes': nothing without their sentence
        if not _another_thing(term, other, course):
            continue  # the answer's own words, inflections, synonyms, or what it is
        if (lemma in same_role and lemma != term.head_lemma) or lemma in listed_with:
            continue  # the course says it too, in the same role: it would be right
        fitted = _with_article(other, term, course)
        if fitted is None:
            continue
        if not similar_lengths([lower_first(term.text), lower_first(fitted.text)]):
            continue
        seen.add(other.lemmas)
        chosen.append(fitted)
        if len(chosen) == count:
            break
    return chosen


def _another_thing(term, other, course):
    """Not the answer under another form: no shared noun, except two named phrases on the
    same head noun ('la sclérose en plaques', 'la sclérose latérale amyotrophique')."""
    if other.lemmas & synonyms_of(term, course) or synonyms_of(other, course) & term.lemmas:
        return False
    if other.head_lemma in kinds_of(term, course) and not other.named:
        return False  # 'une contraction' for 'une fasciculation': it is one
    if term.head_lemma in kinds_of(other, course):
        return False  # 'une fasciculation' for 'une contraction': it is one too
    shared = other.lemmas & term.lemmas
    if not shared:
        return True
    mine, theirs = term.lemmas - shared, other.lemmas - shared
    return (
        shared == {term.head_lemma}
        and bool(mine)
        and bool(theirs)
        and is_key_phrase(term, course)
        and is_key_phrase(other, course)
    )
