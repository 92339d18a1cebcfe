"""Cloze items: a key term of a sentence blanked, with distractors from the course."""

from itertools import combinations

from quiz.cues import clearly_longer

from .analysis import defines, is_hedged, is_key_phrase, parse_is_unsure
from .checks import similar_lengths
from .distractors import PLAUSIBLE, distractors_for, plausibility
from .drafts import BLANK, SINGLE, capitalise, lower_first, make_draft, ordered_choices
from .lexicon import COUNT_WORDS, GENERIC_NOUNS, RELATIONAL_NOUNS


def cloze_drafts(sentence, course):
    if any("Neg" in t.morph.get("Polarity") for t in sentence.span):
        return []  # a negative statement is true of most distractors too
    first = sentence.span[0]
    if first.pos_ == "NUM" or first.lower_ in COUNT_WORDS:
        return []  # 'Deux signes d'examen recherchent ...': which two?
    drafts = []
    for term in sentence.terms:
        if term.head_lemma in GENERIC_NOUNS:
            continue
        if term.head_lemma in RELATIONAL_NOUNS and len(term.lemmas) == 1:
            continue  # 'le danger principal', 'la cause': of what?
        if not is_key_phrase(term, course) or _coordinated(term):
            continue  # '_____ et la maladie de Parkinson sont ...': the others fit too
        rest = sentence.text[: term.start] + sentence.text[term.end :]
        if term.head.lower_ in rest.lower() or term.head_lemma in rest.lower():
            continue  # the answer is still in the stem
        answer = lower_first(term.text)
        candidates = distractors_for(term, sentence, course, count=6)
        chosen = _best_options(answer, term, candidates, course)
        if chosen is None:
            continue
        plausible = sum(plausibility(term, other, course) >= PLAUSIBLE for other in chosen)
        if plausible < 2 or plausible < len(chosen) - (1 if course.bold else 0):
            continue  # a distractor nobody would choose; in an authored text, one to replace
        options = [answer] + [lower_first(other.text) for other in chosen]
        stem = sentence.text[: term.start] + BLANK + sentence.text[term.end :]
        if term.start == 0:  # the blank opens the sentence: every option starts it
            answer = capitalise(answer)
            options = [capitalise(option) for option in options]
        score = 2.6 + 0.05 * min(course.lemma_counts[term.head_lemma], 4)
        score += 0.1 * (len(options) - 3) - 0.5 * parse_is_unsure(sentence.span)
        score -= 0.3 * (len(sentence.span) > 28) + 0.5 * is_hedged(sentence.span)
        score += 0.3 * defines(term, sentence)
        score += 0.2 * plausible - 0.8 * (plausible < 2)  # one to replace
        drafts.append(
            make_draft(SINGLE, stem, ordered_choices(options, answer), answer, sentence, score)
        )
    return drafts


def _best_options(answer, term, candidates, course):
    """Two or three distractors of similar length to the answer and to each other, the
    most plausible set; a distractor a learner would rule out at once is left out when two
    plausible ones are enough."""
    weights = [plausibility(term, other, course) for other in candidates]
    best, best_weight = None, None
    for size in (3, 2):
        for picked in combinations(range(len(candidates)), size):
            texts = [answer] + [lower_first(candidates[i].text) for i in picked]
            if not similar_lengths(texts, answer):
                continue
            plausible = sum(weights[i] >= PLAUSIBLE for i in picked)
            fillers = size - plausible  # wanted only while two plausible ones are lacking
            weight = (
                not clearly_longer(len(answer), max(len(text) for text in texts[1:])),  # a cue
                plausible,
                -fillers if plausible >= 2 else fillers,
                sum(weights[i] for i in picked),
            )
            if best_weight is None or weight > best_weight:
                best, best_weight = [candidates[i] for i in picked], weight
    return best


def _coordinated(term):
    """A term in a coordination ('la SEP et la maladie de Parkinson sont ...'): what is
    said of it is said of the others, and of their kind."""
    head = term.head
    return head.dep_ == "conj" or any(child.dep_ == "conj" for child in head.children)
