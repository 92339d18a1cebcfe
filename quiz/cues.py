"""Cues: what lets a test-wise learner pick the right answer of a question without knowing it.

Four mechanical cues, found from the text alone (the item-writing rules that every guide
repeats: options of one length and one grammatical form, no option that echoes the stem):

- ``key_longest``: the right answer alone is clearly the longest option;
- ``stem_echo``: the right answers alone repeat a content word of the stem ("Au moment de
  s'endormir..." answered by "...myoclonie d'endormissement");
- ``key_form``: the right answers alone have another form: the only option not starting with
  the word the others start with ("Avec..." among three "Par..."), the only noun phrase among
  prepositional phrases, the only affirmative statement among negative ones (or the other
  way round), the only "label : reason" among plain options;
- ``keys_longest``: the right answers of a select-all question are its longest options.

True/false questions ("Vrai", "Faux") have none of these. A check of form, not of meaning: an
option that is the only twitch among signs of another kind, or a distractor nobody would
choose, still needs a person's eye.

Plain data in, plain data out (a stem and (text, is_correct) pairs): the admin runs it on a
saved question and the drafting engine can run it on its drafts. No model is imported; only
Django's gettext, so that the messages speak the language of the page that shows them.
"""

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

KEY_LONGEST = "key_longest"
STEM_ECHO = "stem_echo"
KEY_FORM = "key_form"
KEYS_LONGEST = "keys_longest"

# "Clearly the longest": at least 10 % and at least 5 characters (a short word) longer than the
# longest distractor. Options are read as lines stacked one above the other; below that, the
# difference is the ordinary variation of wording (a plural, an article) and nobody sees it at
# a glance; above it, the one long line stands out. The shipped bank's sound questions stay
# under 1.09, and the restless-legs question the review caught (keys of 41 and 51 characters
# over distractors of 25 and 36) is above it. One margin for both length cues: for a select-all
# question the cue is a rank (every key above every distractor), which happens by chance in
# only one question in six with two keys among four options, so it needs no wider margin.
LENGTH_MARGIN = 0.10
LENGTH_MIN_CHARACTERS = 5

TRUE_FALSE_OPTIONS = {"vrai", "faux"}


def word_set(text):
    return frozenset(text.split())


# Function words and the words of any question ("quel", "comment", "selon"): a content word
# has four letters or more and is not one of these.
FUNCTION_WORDS = word_set(
    """
    alors ainsi après aucun aucune aussi autre autres avant avec avoir avez avait beaucoup
    bien cela celle celles celui ceux cette chaque chez comme comment dans depuis donc dont
    elle elles encore entre est été être fait faire font leur leurs lequel laquelle lesquels
    lesquelles lors mais même mêmes moins nous parmi pendant peut peuvent plus pour pourquoi
    quand quel quelle quelles quels quelque quelques rien sans selon sera sont sous souvent
    toujours tous tout toute toutes très vers vous était étaient doit doivent avoir ayant
    elle-même lui-même eux-mêmes celle-ci celui-ci agit
    """
)

# Letters, with their hyphens ("elle-même"); an apostrophe ends a word ("s'endormir" is "s"
# and "endormir").
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")

# How an option starts. Articles of one number are one form whatever their gender ("un"
# and "une"), and elided words are their full form ("l'" is "le", "d'" is "de").
FIRST_WORD_FORMS = {
    "une": "un",
    "la": "le",
    "l": "le",
    "d": "de",
    "du": "de",
    "cet": "ce",
    "cette": "ce",
    "sa": "son",
    "au": "à",
    "aux": "à",
    "c": "cela",  # c'est
}
DETERMINERS = word_set(
    "un des le les ce ces son ses leur leurs mon ma mes chaque plusieurs quelques certains "
    "certaines aucun aucune tout toute tous toutes"
)
PREPOSITIONS = word_set(
    "à par avec sans pour dans en après avant pendant lors chez sous sur depuis vers entre "
    "selon dès contre jusqu"
)
SUBJECTS = word_set("il elle ils elles on je nous vous cela ça")
PHRASE_KINDS = {
    **dict.fromkeys(DETERMINERS, "noun"),
    **dict.fromkeys(PREPOSITIONS, "prepositional"),
    **dict.fromkeys(SUBJECTS, "clause"),
}
# The distractors' form, as the message names it: translated when the message is made.
PHRASE_KIND_NAMES = {
    "noun": lambda: _("noun phrases"),
    "prepositional": lambda: _("prepositional phrases"),
    "clause": lambda: _("clauses"),
}


@dataclass(frozen=True)
class Cue:
    code: str
    message: str

    def __str__(self):
        return self.message


def find_cues(stem: str, choices: Sequence[tuple[str, bool]]) -> list[Cue]:
    """The cues of one question: ``stem`` and its options as (text, is_correct) pairs."""
    options = [(" ".join(text.split()), bool(correct)) for text, correct in choices]
    keys = [text for text, correct in options if correct]
    distractors = [text for text, correct in options if not correct]
    if is_true_false(options) or not keys or not distractors:
        return []
    cues = [
        length_cue(keys, distractors),
        echo_cue(stem, options),
        form_cue(keys, distractors),
    ]
    return [cue for cue in cues if cue is not None]


def is_true_false(options):
    return {text.casefold() for text, _correct in options} == TRUE_FALSE_OPTIONS


# -- length --------------------------------------------------------------------------------


def clearly_longer(length, other):
    return length >= other * (1 + LENGTH_MARGIN) and length - other >= LENGTH_MIN_CHARACTERS


def length_cue(keys, distractors):
    shortest_key = min(len(text) for text in keys)
    longest_distractor = max(len(text) for text in distractors)
    if not clearly_longer(shortest_key, longest_distractor):
        return None
    if len(keys) == 1:
        return Cue(
            KEY_LONGEST,
            _(
                "The right answer is the only long option (%(key)d characters, the longest "
                "distractor %(distractor)d): lengthen a distractor or shorten the answer."
            )
            % {"key": shortest_key, "distractor": longest_distractor},
        )
    return Cue(
        KEYS_LONGEST,
        _(
            "The right answers are the longest options (the shortest has %(key)d characters, "
            "the longest distractor %(distractor)d): give some distractors their length."
        )
        % {"key": shortest_key, "distractor": longest_distractor},
    )


# -- words of the stem ----------------------------------------------------------------------


def content_words(text):
    """The words that carry meaning, without accents or case: 'S'endormir' is 'endormir'."""
    return [
        without_accents(word)
        for word in WORD.findall(text.casefold())
        if len(word) >= 4 and word not in FUNCTION_WORDS
    ]


def without_accents(word):
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def same_root(word, other):
    """One word or its family: 'endormir' and 'endormissement', 'jambe' and 'jambes'.

    A shared beginning of 70 % of the shorter word, and at least 5 letters (a word of four
    letters must be whole): 'contraction' and 'contrôle' share only 'contr', not a root.
    """
    shorter = min(len(word), len(other))
    needed = min(shorter, max(5, math.ceil(0.7 * shorter)))
    shared = 0
    for letter, other_letter in zip(word, other, strict=False):
        if letter != other_letter:
            break
        shared += 1
    return shared >= needed


def echo_cue(stem, options):
    option_words = [set(content_words(text)) for text, _correct in options]
    echoed = []
    for word in dict.fromkeys(content_words(stem)):
        echoing = [
            correct
            for (_text, correct), words in zip(options, option_words, strict=True)
            if any(same_root(word, other) for other in words)
        ]
        if echoing and all(echoing):
            echoed.append(word)
    if not echoed:
        return None
    return Cue(
        STEM_ECHO,
        ngettext(
            "Only the right answer repeats the stem's words (%(words)s): reword it, or let a "
            "distractor take them up too.",
            "Only right answers repeat the stem's words (%(words)s): reword them, or let a "
            "distractor take them up too.",
            sum(correct for _text, correct in options),
        )
        % {"words": ", ".join(f"« {word} »" for word in echoed)},
    )


# -- grammatical form -------------------------------------------------------------------------


def first_word(text):
    match = re.match(r"\W*([^\W\d_]+)", text.casefold())
    if match is None:
        return ""
    word = match.group(1)
    return FIRST_WORD_FORMS.get(word, word)


def first_word_as_written(text):
    match = re.match(r"\W*([^\W\d_]+['’]?)", text)
    return match.group(1) if match else ""


def phrase_kind(text):
    return PHRASE_KINDS.get(first_word(text))


def has_label(text):
    """'À faire évaluer : ...', 'Mal connue : ...': a label of a few words, a colon, a reason.

    A longer clause before the colon ('Les influx nerveux s'emballent : ...') is a sentence
    and its explanation, not a label.
    """
    head, colon, _reason = text.partition(":")
    return bool(colon) and len(head.split()) <= 3


# A negation: 'ne' or 'n'' with the word that completes it ('n'est pas', 'ne ... jamais').
NEGATION = re.compile(
    r"(?<!\w)(?:ne\s|n['’]).*?(?<!\w)(?:pas|jamais|plus|rien|aucune?|guère)(?!\w)"
)


def is_negative(text):
    """'La crampe n'est pas brève': a statement that denies, beside others that affirm."""
    return NEGATION.search(text.casefold()) is not None


def alone_in(keys, distractors, feature):
    """(the keys' value, the distractors' value) of ``feature`` when the keys all share one
    value and the distractors, two at least, all share another; else None."""
    key_values = {feature(text) for text in keys}
    distractor_values = {feature(text) for text in distractors}
    if len(distractors) < 2 or len(key_values) != 1 or len(distractor_values) != 1:
        return None
    (key_value,), (distractor_value,) = key_values, distractor_values
    if key_value == distractor_value or distractor_value in (None, ""):
        return None
    return key_value, distractor_value


def form_cue(keys, distractors):
    count = len(keys)
    words = alone_in(keys, distractors, first_word)
    if words is not None:
        return Cue(
            KEY_FORM,
            ngettext(
                "The right answer alone does not start as the distractors do (« %(distractor)s "
                "… »): give the options one form.",
                "The right answers alone do not start as the distractors do (« %(distractor)s "
                "… »): give the options one form.",
                count,
            )
            % {"distractor": first_word_as_written(distractors[0])},
        )
    kinds = alone_in(keys, distractors, phrase_kind)
    if kinds is not None:
        return Cue(
            KEY_FORM,
            ngettext(
                "The right answer alone is not of the distractors' grammatical form "
                "(%(kind)s): give the options one form.",
                "The right answers alone are not of the distractors' grammatical form "
                "(%(kind)s): give the options one form.",
                count,
            )
            % {"kind": PHRASE_KIND_NAMES[kinds[1]]()},
        )
    polarity = alone_in(keys, distractors, is_negative)
    if polarity is not None:
        message = (
            ngettext(
                "The right answer alone is a negation: word a distractor as a negation too.",
                "The right answers alone are negations: word a distractor as a negation too.",
                count,
            )
            if polarity[0]
            else ngettext(
                "The right answer alone is not a negation: word a distractor as an "
                "affirmation too.",
                "The right answers alone are not negations: word a distractor as an "
                "affirmation too.",
                count,
            )
        )
        return Cue(KEY_FORM, message)
    if alone_in(keys, distractors, has_label) is not None:
        return Cue(
            KEY_FORM,
            ngettext(
                "The right answer alone is laid out differently from the distractors (with or "
                "without a « label : » before its reason): give the options one form.",
                "The right answers alone are laid out differently from the distractors (with "
                "or without a « label : » before their reason): give the options one form.",
                count,
            ),
        )
    return None
