"""'Parmi ces affirmations, laquelle est exacte ?' (one true statement of a lesson among
three false ones) and 'laquelle est fausse ?' (the other way round), made from the
true/false drafts of the course.

The key is a statement of the lesson, the other options statements of the same course, so
the item stays on its subject; each false one is a statement the course plainly contradicts
(the true/false rules made it), and the explanation quotes what the course says on each.
The options must not give the key away by their form (quiz.cues): a key alone affirmative
among negations is the cue these items are most prone to, so a key needs a distractor of
its own polarity."""

from collections import Counter
from dataclasses import dataclass, replace
from itertools import combinations

from quiz.cues import find_cues, is_negative

from .checks import similar_lengths
from .drafts import SINGLE, TRUE, as_sentence, make_draft, normalise, ordered_choices
from .explanations import is_about
from .ranking import clarity
from .true_false import claim_of

EXACT = "Parmi ces affirmations{about}, laquelle est exacte ?"
WRONG = "Parmi ces affirmations{about}, laquelle est fausse ?"
DISTRACTORS = 3
USES = 2
NEAREST = 8  # the statements nearest to the key that the distractors are chosen among
# Below the false statements of true/false (the text's own claim, denied), above 'Vrai':
# four claims to read make a longer item, and each was already judged as a true/false.
SCORE = 2.0


@dataclass(frozen=True)
class Stated:
    sentence: object
    claim: str
    place: int  # in the course's reading order


def statement_choice_drafts(stated, topic=None):
    """The items of a course: `stated` is its statements with their true/false drafts,
    (sentence, drafts) pairs in reading order. 'Laquelle est exacte ?' is keyed by a true
    statement among false ones, 'laquelle est fausse ?' by a false one among true ones;
    a statement keys one item of each kind at most and is offered as a distractor in USES
    items at most, so that a course's items do not all show the same few. `topic`: what
    the course is about ('la myasthénie'), which the stem names when it is known."""
    trues, falses = _sides(stated)
    about = f" sur {topic}" if topic else ""
    uses = Counter()
    drafts = []
    # A negation added to a true statement is the false one a learner spots at once among
    # true ones ('Les mesures de prévention ne réduisent pas le risque'): 'laquelle est
    # fausse ?' is keyed only by a claim the text denies, or a contrasting word swapped.
    denied = [key for key in falses if not is_negative(key.claim)]
    for form, keys, others in ((EXACT, trues, falses), (WRONG, denied, trues)):
        stem = form.format(about=about)
        for key in keys:
            options = _distractors(stem, key, [o for o in others if uses[o.claim] < USES])
            if options is None:
                continue
            uses.update(option.claim for option in options)
            texts = [key.claim] + [option.claim for option in options]
            choices = ordered_choices(texts, key.claim)
            draft = make_draft(SINGLE, stem, choices, key.claim, key.sentence, SCORE)
            explanation = _explanation(form == EXACT, key, options)
            drafts.append(replace(draft, explanation=explanation))
    return drafts


def _sides(stated):
    """The true and the false statements, each with its sentence and its place in reading
    order; not those too short or going on after a colon to be read as one clear claim."""
    trues, falses = [], []
    for place, (sentence, drafts) in enumerate(stated):
        if clarity(sentence) < 0:
            continue
        for draft in drafts:
            side = trues if draft.answer == TRUE else falses
            side.append(Stated(sentence, claim_of(draft), place))
    return trues, falses


def _explanation(exact, key, options):
    """What the course says on each statement: the key's passage, with the sentence after
    it where that one goes on about the claim ('… n'est pas une mesure de prévention des
    chutes. Elle augmente le risque de blessures graves …'), then the others' passages."""
    others = " ".join(_passage(option.sentence) for option in options)
    passage = _passage(key.sentence, why=True)
    if exact:
        return f"D'après le cours : {passage} Les autres sont fausses : {others}"
    return (
        f"Cette affirmation est fausse. D'après le cours : {passage} "
        f"Les autres sont exactes : {others}"
    )


def _passage(sentence, why=False):
    """A statement's sentence in quotes, with the one before it where the statement took
    its subject there ('Il traduit …' needs 'Le signe de Lhermitte est …'); `why`: and the
    one after it, where it goes on about the claim."""
    parts = [sentence.preceding, sentence.source]
    if why and sentence.following and is_about(sentence.following, sentence.span, sentence.source):
        parts.append(sentence.following)
    return "« " + " ".join(as_sentence(part) for part in parts if part) + " »"


def _distractors(stem, key, pool):
    """Three statements of `pool` from other sentences, the nearest to the key in the
    course (on what its passage is about), whose form does not give the key away (of
    similar lengths, not all of the other polarity); None when the course has none."""
    source = normalise(key.sentence.source)
    pool = sorted(pool, key=lambda option: (abs(option.place - key.place), option.place))
    nearest, sources = [], {source}
    for option in pool:
        if normalise(option.sentence.source) not in sources:
            nearest.append(option)
            sources.add(normalise(option.sentence.source))
    for picked in combinations(nearest[:NEAREST], DISTRACTORS):
        claims = [option.claim for option in picked]
        if not similar_lengths([key.claim, *claims], key.claim):
            continue
        if not find_cues(stem, [(key.claim, True)] + [(claim, False) for claim in claims]):
            return list(picked)
    return None
