"""'Parmi les affirmations suivantes, laquelle est exacte ?' items: one of the lesson's true
statements among false statements made from its other claims. Each option is one claim; the
false ones are the statements the true/false rules made false (a contrasting word swapped,
a negation), so each is plainly contradicted by the lesson, and none is the true option's
own opposite (which would point at the answer)."""

from collections import Counter

from .checks import similar_lengths
from .drafts import FALSE, SINGLE, TRUE, make_draft, ordered_choices

STEM = "Parmi les affirmations suivantes, laquelle est exacte ?"


# A false statement appears in at most this many items, so the items do not all look alike.
MOST_USES = 2


def true_statement_drafts(true_false_by_statement):
    """`true_false_by_statement`: [(statement, its true/false drafts)] of one lesson."""
    trues, falses = [], []
    for statement, drafts in true_false_by_statement:
        for draft in drafts:
            said = draft.stem.removeprefix("Vrai ou faux ? « ").removesuffix(" »")
            if draft.answer == TRUE:
                trues.append((statement, said))
            elif draft.answer == FALSE:
                falses.append((statement, said))
    used = Counter()
    drafts = []
    for statement, said in trues:
        others = [
            text
            for other, text in falses
            if other.text != statement.text and used[text] < MOST_USES
        ]
        others.sort(key=lambda text: (used[text], abs(len(text) - len(said))))
        chosen = []
        for text in others:
            if text not in chosen and similar_lengths([said, *chosen, text], said):
                chosen.append(text)
            if len(chosen) == 3:
                break
        if len(chosen) < 2:
            continue
        used.update(chosen)
        options = [said, *chosen]
        choices = ordered_choices(options, said)
        drafts.append(make_draft(SINGLE, STEM, choices, said, statement, 2.2))
    return drafts
