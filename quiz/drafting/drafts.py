"""A draft, its key, and the order drafts are proposed in."""

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from quiz.choices import QuestionKind

# The kinds of question a draft can be (quiz.choices imports without Django's app registry).
SINGLE, MULTIPLE, TRUE_FALSE = QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.TRUE_FALSE


BLANK = "_____"


TRUE, FALSE = "Vrai", "Faux"


@dataclass(frozen=True)
class Draft:
    kind: str
    stem: str
    choices: tuple
    answer: str
    source_sentence: str
    explanation: str
    score: float
    key: str


def draft_key(sentence, kind, answer):
    """The stable identity of a draft: same sentence, kind and answer, same key."""
    return hashlib.sha1(f"{normalise(sentence)}|{kind}|{normalise(answer)}".encode()).hexdigest()


def make_draft(kind, stem, choices, answer, sentence, score):
    """`sentence`: the statement the draft is made from (a Sentence, whose `source` is the
    sentence of the text it comes from), or the source text of a list."""
    source = as_sentence(getattr(sentence, "source", sentence))
    claim = getattr(sentence, "text", sentence)
    return Draft(
        kind=kind,
        stem=stem,
        choices=tuple(choices),
        answer=answer,
        source_sentence=source,
        explanation=f"D'après le cours : {quoted(sentence)}",
        score=round(score, 3),
        key=draft_key(claim, kind, answer),
    )


def quoted(sentence):
    """The source sentence in quotes, with the sentences of the lesson that say why
    (quiz.drafting.explanations): the one before it where the statement took its subject
    there or where it backs the claim, the one after it where it does, or another one of the
    lesson, apart: the explanation then says why, not only what the question said."""
    source = getattr(sentence, "source", sentence)
    parts = [getattr(sentence, "preceding", ""), source, getattr(sentence, "following", "")]
    quote = " ".join(inner_quotes(as_sentence(part)) for part in parts if part)
    other = getattr(sentence, "support", "")
    if other:
        other = inner_quotes(as_sentence(other))
        quote = f"{other} […] {quote}" if sentence.support_first else f"{quote} […] {other}"
    return f"« {quote} »"


def inner_quotes(text):
    """Quotation marks inside a quotation, the French way: « … “main d'accoucheur” … »."""
    return re.sub(r"«\s*(.*?)\s*»", r"“\1”", text)


def explains_more(sentence):
    """Whether the explanation quotes more than the statement itself: the sentence before
    or after it, or a longer sentence it was cut from. Else it can only say it again."""
    if any(getattr(sentence, part, "") for part in ("preceding", "following", "support")):
        return True
    source = getattr(sentence, "source", sentence)
    claim = getattr(sentence, "text", sentence)
    return len(source.split()) > len(claim.split()) + 3


def as_sentence(text):
    """A list item quoted as a sentence: 'l'hypomagnésémie : le magnésium est ... ;' ->
    'L'hypomagnésémie : le magnésium est ... .'"""
    text = text.strip().rstrip(" ;,")
    if text and text[-1] not in ".!?:»)":
        text += "."
    return capitalise(text)


def ordered_choices(options, answer):
    """A fixed order that does not put the answer first: sorted by a hash of the text."""
    return tuple(
        (text, text == answer)
        for text in sorted(options, key=lambda text: hashlib.sha1(text.encode()).hexdigest())
    )


def rank(drafts):
    """Best first; one draft per key; later drafts of a sentence already used rank lower,
    so that the first proposals cover the text rather than one sentence."""
    unique = {}
    for draft in sorted(drafts, key=lambda d: (-d.score, d.key)):
        unique.setdefault(draft.key, draft)
    used = Counter()
    ranked = []
    for draft in sorted(unique.values(), key=lambda d: (-d.score, d.key)):
        sentence = normalise(draft.source_sentence)
        ranked.append((draft.score - 0.6 * used[sentence], draft.key, draft))
        used[sentence] += 1
    return [draft for _score, _key, draft in sorted(ranked, key=lambda r: (-r[0], r[1]))]


def normalise(text):
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


def lower_first(text):
    first = text.split(" ", 1)[0]
    if first[:2] in ("L'", "L’"):
        return "l" + text[1:]  # 'L'IRM' -> 'l'IRM'
    if first.isupper() and len(first) > 1:
        return text
    return text[:1].lower() + text[1:]


def capitalise(text):
    return text[:1].upper() + text[1:]
