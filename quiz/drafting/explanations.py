"""What a draft's explanation quotes from the text besides the sentence it was made from.

The sentence right after the source most often says why, or goes on about the same thing:
it is quoted, unless it opens on a subject pronoun that stands for something else ('Les
récidives sont rares… Ils doivent toutefois signaler…'), which reads as nonsense once quoted
apart. The sentence before is quoted where the statement took its subject there, or where
the claim closes its paragraph (it concludes it), never when it opens on a pronoun or a
demonstrative it does not carry the antecedent of ('Ils sont aussi efficaces…', 'Cette
anomalie…'). A claim with neither gets, where the lesson has one near it, a sentence that
shares its words and gives a reason ('car', 'en effet', 'risque'), after « […] ».

Dropping a next sentence because it shares no noun with the claim was tried: the instructor
judged the explanations it shortened poorer more often than better (they lost the sentence
that taught), so the rule cuts only what is wrong once quoted."""

from .fluency import has_slips
from .lexicon import (
    DEMONSTRATIVE_PRONOUNS,
    GENERIC_LEMMAS,
    REASON_MARKERS,
    SUBJECT_PRONOUNS,
)
from .pipeline import parse

# Words that tie a sentence to the one before as its consequence or its reason.
GOING_ON = (" alors ", " donc ", " en effet", " ainsi ", " c'est pourquoi", " car ")
NEAR = 8  # sentences either side: the lesson around the source, not the whole course
LONGEST = 40  # words: a longer sentence buries the reason
CONTENT = ("NOUN", "PROPN", "ADJ", "VERB")


def content_lemmas(doc, topic_lemmas=frozenset()):
    """The lemmas that say what a sentence is about, each with its weight: nouns and names
    1, adjectives and full verbs ½; without the topic's own words and the words every
    sentence of a health text has."""
    lemmas = {}
    for t in doc:
        lemma = t.lemma_.lower()
        if (
            t.pos_ in CONTENT
            and not t.is_stop
            and len(t.text) > 2
            and lemma not in GENERIC_LEMMAS
            and lemma not in topic_lemmas
        ):
            weight = 1.0 if t.pos_ in ("NOUN", "PROPN") else 0.5
            lemmas[lemma] = max(lemmas.get(lemma, 0.0), weight)
    return lemmas


def gives_a_reason(text):
    lowered = f" {text.lower()} ".replace("’", "'")
    return any(marker in lowered for marker in REASON_MARKERS)


def _first_word(text):
    """The sentence's first word after a leading circumstance ('En France, elle …')."""
    text = text.strip().replace("’", "'")
    head, comma, rest = text.partition(", ")
    if comma and len(head.split()) <= 4 and rest:
        text = rest
    return text.split(" ", 1)[0].lower().strip(",")


def opens_with_a_pointer(text):
    """'Ils sont aussi efficaces…', 'Cette anomalie…': it needs the sentence before it."""
    first = _first_word(text)
    return (
        first in SUBJECT_PRONOUNS
        or first in DEMONSTRATIVE_PRONOUNS
        or first in ("ce", "cet", "cette", "ces", "c'est", "c'était")
    )


def goes_on_about(following, source):
    """Whether `following` goes on about what `source` is about: it opens on 'C'est',
    'Cela', or a subject pronoun agreeing with the source's subject ('La migraine n'est pas
    un simple mal de tête. Elle peut être très invalidante'), not on a 'Ils' that stands
    for something else ('Les récidives sont rares… Ils doivent toutefois signaler…')."""
    first = _first_word(following)
    lowered = f" {following.lower()} ".replace("’", "'")
    if first in ("c'est", "cela", "ceci", "ce", "on") or any(word in lowered for word in GOING_ON):
        return True  # 'On rassure la personne…', '… attaquent alors la gaine de myéline'

    if first not in SUBJECT_PRONOUNS:
        return False
    gender, number = SUBJECT_PRONOUNS[first]
    root = parse(source)[:].root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subject is None:
        return True  # the parse does not show what it stands for: no reason to cut it
    said = subject.morph
    return number in said.get("Number", [number]) and gender in said.get("Gender", [gender])


def shared_weight(statement_lemmas, text, topic_lemmas):
    """(nouns shared, weight shared) between a statement and `text`."""
    other = content_lemmas(parse(text), topic_lemmas)
    shared = statement_lemmas.keys() & other.keys()
    nouns = sum(1 for lemma in shared if min(statement_lemmas[lemma], other[lemma]) == 1.0)
    return nouns, sum(min(statement_lemmas[lemma], other[lemma]) for lemma in shared)


def is_about(text, statement, source):
    """Whether `text` goes on about the claim (`statement`, made from `source`): it opens
    on 'Elle', 'On', 'C'est' for the same subject or ties itself to it ('alors', 'car'),
    or shares one of the claim's nouns."""
    nouns, _weight = shared_weight(content_lemmas(statement), text, frozenset())
    return bool(nouns) or goes_on_about(text, source)


def support(
    statement, index, lesson, *, topic_lemmas, gender_of, plain, following="", preceding=""
):
    """(before, after, other, other_first): what an explanation quotes beside the source
    (`lesson[index]`): the sentence right after it where it goes on about the same thing
    or shares a noun with the statement; else, of the sentences near the source, the one
    that backs the statement best (a shared noun at least; more for each shared word and
    for a reason given), as the sentence right before the source or another one (quoted
    apart, with « […] », `other_first` when it comes before the source in the text); or
    none. `plain` cleans a sentence's text for quoting; `following`: the sentence after
    the source as its paragraph gives it (with the list it introduces); `preceding`: the
    sentence before, when the statement took its subject there and quotes it anyway."""
    statement_lemmas = content_lemmas(statement, topic_lemmas)
    source_text = plain(lesson[index].text)
    # 'Ils doivent toutefois signaler…' after 'Les récidives sont rares' stands for
    # something the quote does not carry: left out
    if following and (
        _first_word(following) not in SUBJECT_PRONOUNS or goes_on_about(following, source_text)
    ):
        return "", following, "", False
    if index > 0 and not preceding:
        before = lesson[index - 1]
        text = plain(before.text)
        if (
            before.block == lesson[index].block
            and not following
            and not text.endswith(":")
            and not opens_with_a_pointer(text)
            and not has_slips(before.span, gender_of)
        ):
            return text, "", "", False  # closing its paragraph, the claim concludes it
    if not statement_lemmas or len(source_text.split()) > LONGEST:
        return "", "", "", False  # a long source says enough, or nothing to tie it to
    best, best_score, best_position = "", 0.0, 0
    for position in range(max(0, index - NEAR), min(len(lesson), index + NEAR + 1)):
        if abs(position - index) <= 1:
            continue  # the source and the sentences either side, weighed above
        sentence = lesson[position]
        text = plain(sentence.text)
        if (
            text == source_text
            or not 5 <= len(text.split()) <= LONGEST
            or text.endswith(":")
            or opens_with_a_pointer(text)
            or sentence.listed
            or has_slips(sentence.span, gender_of)
        ):
            continue
        nouns, weight = shared_weight(statement_lemmas, text, topic_lemmas)
        reason = gives_a_reason(text)
        if nouns >= 2 or (nouns and reason):
            score = weight + 1.0 * reason
            if score > best_score:
                best, best_score, best_position = text, score, position - index
    if best_score < 2.0:
        return "", "", "", False  # not enough in common to say why
    return "", "", best, best_position < 0
