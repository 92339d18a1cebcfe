"""Question drafts from plain French text: cloze (on terms and figures),
"Qu'est-ce que … ?", true/false, select-all and "laquelle de ces affirmations est exacte
(fausse) ?" items that an instructor reviews before anything reaches a learner.

Language analysis (sentences, parts of speech, lemmas, entities, dependencies) comes from
spaCy's French pipeline (PIPELINE). It misreads specialist sentences often enough that every
rule here double-checks it on the words themselves: the article written in the text decides
gender and number before any tag does, a noun's gender is taken from the articles the course
puts in front of it, and a draft that cannot be checked is dropped rather than guessed.

The medium model ships 20,000 word vectors; they are not used for distractors. Their nearest
neighbours of the text's key terms are noise ('hypocalcémie': 'lanorexie', 'hypervolémie',
'cyberaddiction'; 'crampe': 'Ngambe', 'L5-S1'; 'fasciculation' has none), where a distractor
must be a term of the same kind that the learner met: those come from the text itself (what
it says a term is, the terms it sets side by side, its lists, its figures). Nor do the vectors
tell which of the text's own terms are of one kind: between medical nouns their similarities
all fall between 0.5 and 0.7, whatever the kind ('patient' and 'furosémide' 0.68,
'hypoglycémie' and 'déglutition' 0.66, where 'hypocalcémie' and 'hypomagnésémie' are 0.48);
taken as a sign of one kind (0.5 and over), they gave the development texts cloze items
whose distractors a learner rules out at once ('le calcium' among 'le surdosage').

Markdown is reduced to plain sentences first; its lists are kept as enumerations.
"""

from dataclasses import replace
from functools import lru_cache
from itertools import groupby
from operator import attrgetter

from .analysis import analyse, is_draftable, titled, topic_phrase
from .checks import is_well_formed, similar_lengths
from .cloze import cloze_drafts
from .definitions import definition_drafts, definitions_of
from .drafts import (
    BLANK,
    FALSE,
    MULTIPLE,
    SINGLE,
    TRUE,
    TRUE_FALSE,
    Draft,
    draft_key,
    inner_quotes,
    normalise,
    rank,
)
from .figures import figure_drafts, figures_of
from .fluency import has_slips
from .matching import matching_drafts
from .pipeline import PIPELINE, load_pipeline
from .ranking import clarity, without_cues_first
from .select_all import select_all_drafts
from .statement_choice import statement_choice_drafts
from .statements import clean_sentence, statements_of
from .true_false import true_false_drafts

__all__ = [
    "BLANK", "FALSE", "MULTIPLE", "PIPELINE", "SINGLE", "TRUE", "TRUE_FALSE", "Draft",
    "draft_key", "draft_questions", "inner_quotes", "is_well_formed", "load_pipeline",
    "similar_lengths",
]  # fmt: skip


def draft_questions(text, *, context=None, limit=None, topic=None, title=None):
    """Drafts from `text`, best first. `context`: the whole course's text, where distractors
    and contrasting pairs are looked for (defaults to `text`). `topic`: the course's title,
    which statements that do not name what they are about may be tied to. `title`: the
    lesson's title, read as the heading its text starts under ('Après une chute')."""
    if not isinstance(text, str) or not text.strip():
        return []
    if title and not text.lstrip().startswith("#"):
        text = f"## {title}\n\n{text}"
    course_text = context if context and context.strip() else text
    course = analyse(course_text)
    own = analyse(text)
    course_figures = [f for s in course.sentences for f in figures_of(clean_sentence(s.text))]
    course_title, topic = topic, topic_phrase(topic, course)
    course_definitions = definitions_of(_statements(course))
    candidates, stated = [], []
    for statement in _draftable(own, course, topic):
        weight = clarity(statement)
        made = cloze_drafts(statement, course)
        made += figure_drafts(statement, course_figures)
        made += definition_drafts(statement, course_definitions)
        tf = true_false_drafts(statement, course)
        stated.append((statement, tf))
        # 'Vrai' only where no false statement could be made
        made += [draft for draft in tf if draft.answer == FALSE] or tf
        candidates += [replace(draft, score=draft.score + weight) for draft in made]
    candidates += select_all_drafts(own, course)
    candidates += matching_drafts(text)
    own = {normalise(draft.source_sentence) for _statement, tf in stated for draft in tf}
    candidates += [
        draft
        for draft in _course_statement_choices(course_text, course_title)
        if normalise(draft.source_sentence) in own
    ]
    drafts = rank(without_cues_first([draft for draft in candidates if is_well_formed(draft)]))
    return drafts[:limit] if limit else drafts


def _draftable(own, course, topic):
    """The statements of `own` worth a question, paragraph by paragraph, read in `course`."""
    blocks = [
        list(sentences) for _block, sentences in groupby(own.sentences, key=attrgetter("block"))
    ]
    for index, sentences in enumerate(blocks):
        after = [sentence for block in blocks[index + 1 :] for sentence in block]
        for statement in statements_of(sentences, course, topic, after, own.sentences):
            if is_draftable(statement) and not has_slips(statement.span, course.gender_of):
                yield statement


@lru_cache(maxsize=8)
def _course_statement_choices(text, title):
    """The course's 'laquelle de ces affirmations …' items, each lesson taking those its
    own statements key: their options come from the whole course, their stem names what
    the course's title does. Memoised, as analyse() is, for the course's lessons: a pure
    function of its text arguments (the key is the text itself, so it is never stale), run
    only in the drafting worker, on spaCy's parse, which Django's cache could not pickle."""
    course = analyse(text)
    topic = topic_phrase(title, course)
    stated = [
        (statement, true_false_drafts(statement, course))
        for statement in _draftable(course, course, topic)
    ]
    return tuple(statement_choice_drafts(stated, topic or titled(title, course)))


def _statements(analysis):
    """Every standalone statement of a text, paragraph by paragraph."""
    return [
        statement
        for _block, sentences in groupby(analysis.sentences, key=attrgetter("block"))
        for statement in statements_of(list(sentences), analysis, lesson=analysis.sentences)
    ]
