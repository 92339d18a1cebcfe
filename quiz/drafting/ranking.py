"""How clear a statement is on its own, which moves every draft made from it up or down the
list an instructor reviews: the first proposals should be the ones she keeps as they come;
and how far down a draft goes that a test-wise learner could answer from its form alone.

A very short statement ranks lower: 'La crampe n'est pas brève' (brief compared to what?),
'Le GCS ne se compare pas' (with what?) leave out what makes them precise. So does one that
goes on after a colon ('survient au repos : le soir avant l'endormissement, en position
assise prolongée'): what follows adds claims that 'Vrai' or 'Faux' must cover too."""

from dataclasses import replace

from quiz.cues import find_cues

SHORT = 6  # words


def clarity(statement):
    """A score to add to the drafts of `statement`: 0 for a plain one, less for one of
    SHORT words or fewer, or one that goes on after a colon."""
    words = [t for t in statement.span if not t.is_punct]
    weight = -0.4 if len(words) <= SHORT else 0.0
    if any(t.text == ":" for t in statement.span):
        weight -= 0.3
    return weight


CUED = 1.0  # a cue to remove is an edit to make: below the drafts that need none


def without_cues_first(drafts):
    """The drafts, those with a mechanical cue (quiz.cues: the key alone the longest option,
    alone echoing the stem, alone of another form) a step down: still proposed, since
    replacing a distractor is a light edit, but after the drafts that need none."""
    return [
        replace(draft, score=round(draft.score - CUED, 3))
        if find_cues(draft.stem, draft.choices)
        else draft
        for draft in drafts
    ]
