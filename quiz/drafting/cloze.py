"""Cloze items: a key term of a sentence blanked, with distractors from the course."""

from .analysis import is_key_phrase, parse_is_unsure
from .checks import similar_lengths
from .distractors import distractors_for
from .drafts import BLANK, SINGLE, lower_first, make_draft, ordered_choices
from .lexicon import GENERIC_NOUNS


def cloze_drafts(sentence, course):
    if any("Neg" in t.morph.get("Polarity") for t in sentence.span):
        return []  # a negative statement is true of most distractors too
    drafts = []
    for term in sentence.terms:
        if term.head_lemma in GENERIC_NOUNS or not is_key_phrase(term, course):
            continue
        rest = sentence.text[: term.start] + sentence.text[term.end :]
        if term.head.lower_ in rest.lower() or term.head_lemma in rest.lower():
            continue  # the answer is still in the stem
        distractors = distractors_for(term, sentence, course)
        answer = lower_first(term.text)
        options = [answer] + [lower_first(other.text) for other in distractors]
        while len(options) > 3 and not similar_lengths(options, answer):
            options.pop()
        if len(options) < 3:
            continue
        stem = sentence.text[: term.start] + BLANK + sentence.text[term.end :]
        bold = is_key_phrase(term, course)
        score = 2.0 + 0.6 * bold + 0.05 * min(course.lemma_counts[term.head_lemma], 4)
        score += 0.1 * (len(options) - 3) - 0.5 * parse_is_unsure(sentence.span)
        score -= 0.3 * (len(sentence.span) > 28)
        drafts.append(
            make_draft(SINGLE, stem, ordered_choices(options, answer), answer, sentence.text, score)
        )
    return drafts
