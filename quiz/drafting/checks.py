"""The checks every draft passes before it is proposed: well-formed, and no option that
gives the answer away (its length, a capital letter, an article that fits only one)."""

from .drafts import BLANK, FALSE, MULTIPLE, SINGLE, TRUE, TRUE_FALSE, normalise
from .lexicon import ARTICLES

# Options are of similar length when the longest is at most 2.5 times the shortest (in
# characters: 'la crampe' beside 'la secousse hypnique'), and the correct answer of a single
# choice is at most 40 % longer than the longest distractor: otherwise the answer gives
# itself away as the only long option.
MAX_LENGTH_RATIO = 2.5


MAX_ANSWER_EXCESS = 1.4


# Options of at most this many characters are read at a glance, whatever their ratio: 'BPS'
# beside 'Algoplus' gives nothing away (quiz.cues still finds a key clearly the longest).
SHORT_OPTION = 12


def similar_lengths(texts, answer=None):
    lengths = [len(text) for text in texts]
    if not lengths or min(lengths) == 0:
        return False
    if max(lengths) <= SHORT_OPTION:
        return True
    if max(lengths) > MAX_LENGTH_RATIO * min(lengths):
        return False
    if answer is not None:
        others = [len(text) for text in texts if text != answer]
        if others and len(answer) > MAX_ANSWER_EXCESS * max(others):
            return False
    return True


def is_well_formed(draft):
    """The checks every draft passes before it is proposed."""
    if draft.kind not in (SINGLE, TRUE_FALSE, MULTIPLE) or not draft.stem.strip():
        return False
    texts = [text for text, _correct in draft.choices]
    correct = [text for text, is_correct in draft.choices if is_correct]
    if len(texts) < 2 or any(not text.strip() for text in texts):
        return False
    if len({_option_identity(text) for text in texts}) != len(texts):
        return False  # a duplicate, or the same words in another number
    if draft.answer != " | ".join(correct):
        return False
    if draft.kind == TRUE_FALSE:
        return texts == [TRUE, FALSE] and len(correct) == 1
    if draft.kind == SINGLE and BLANK not in draft.stem and draft.stem.endswith("?"):
        # A question whose options are statements or definitions, each written as such.
        capitals = {text[:1].isupper() for text in texts}
        return len(correct) == 1 and len(capitals) == 1 and similar_lengths(texts, correct[0])
    opening = draft.stem.startswith(BLANK) and all(text[:1].isupper() for text in texts)
    if not opening and any(
        text[:1] != text[:1].lower() and not _keeps_capital(text) for text in texts
    ):
        return False  # a capital letter tells the answer (unless every option opens the stem)
    if draft.kind == SINGLE:
        if len(correct) != 1 or draft.stem.count(BLANK) != 1:
            return False
        if len({_article(text) for text in texts} - {"l'"}) > 1:
            return False  # the options would not all agree with the rest of the sentence
        if normalise(correct[0]) in normalise(draft.stem):
            return False
        return similar_lengths(texts, correct[0])
    return 1 <= len(correct) < len(texts) and similar_lengths(texts)


def _option_identity(text):
    words = normalise(text).replace("'", " ").split()
    if words and words[0] in ARTICLES | {"l"}:
        words = words[1:]
    return " ".join(word.rstrip("sx") for word in words)


def _keeps_capital(text):
    first = text.split(" ", 1)[0]
    return first.isupper() or (len(first) > 1 and not first[1:].islower())


def _article(text):
    """The option's article ('l'' for an elided one), or '' when it has none ('85 %')."""
    first = text.split(" ", 1)[0].lower()
    if first.startswith("l'"):
        return "l'"
    return first if first in ARTICLES else ""
