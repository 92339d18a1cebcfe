"""The cue check (quiz.cues): each rule catches its cue, spares sound questions, and finds none
in the shipped question bank."""

import pytest
from django.utils import translation

from quiz.cues import (
    KEY_FORM,
    KEY_LONGEST,
    KEYS_LONGEST,
    LENGTH_MARGIN,
    LENGTH_MIN_CHARACTERS,
    STEM_ECHO,
    find_cues,
    same_root,
)
from tests.bank import SHIPPED


def codes(stem, choices):
    return {cue.code for cue in find_cues(stem, choices)}


# Each item shows one cue and only that one, so that disabling a rule fails its own items.
CUED = [
    # (a) the key alone is clearly the longest option.
    (
        "key-much-longer",
        KEY_LONGEST,
        "Comment nomme-t-on ce phénomène ?",
        [
            ("Une crampe", False),
            ("Une fasciculation", False),
            ("Une secousse brève et involontaire de toute la jambe, sans douleur", True),
        ],
    ),
    (
        "key-just-past-the-margin",
        KEY_LONGEST,
        "Que fait l'infirmière ?",
        [
            ("A" * 40, False),
            ("B" * 30, False),
            ("C" * 45, True),  # 12.5 % and 5 characters longer
        ],
    ),
    # (b) the key alone repeats a content word of the stem, in its own form.
    (
        "hypnic-jerk-echo",
        STEM_ECHO,
        "Au moment de s'endormir, M. D. sent sa jambe sursauter. De quoi s'agit-il ?",
        [
            ("Une fasciculation de quelques fibres du mollet", False),
            ("Une crampe, contraction prolongée et douloureuse", False),
            ("Une secousse hypnique, ou myoclonie d'endormissement", True),
        ],
    ),
    (
        "case-echo-despite-a-generic-echo",
        STEM_ECHO,
        "Mme V. parle moins distinctement et ses jambes tremblent. Comment classer la situation ?",
        [
            ("Probablement bénignes : les jambes ne sont pas faibles", False),
            ("Probablement bénignes : aucune douleur", False),
            ("Probablement bénignes : elle a du mal à parler", True),
        ],
    ),
    (
        "select-all-echo",
        STEM_ECHO,
        "Quelles sensations accompagnent le syndrome des jambes sans repos ?",
        [
            ("Des sensations de brûlure", True),
            ("Des picotements", True),
            ("Une fonte du muscle", False),
            ("Des pertes de force", False),
        ],
    ),
    # (c) the key alone has another form.
    (
        "only-option-not-starting-with-par",
        KEY_FORM,
        "Comment les causes graves se manifestent-elles ?",
        [
            ("Par des secousses qui cèdent au mouvement", False),
            ("Avec d'autres signes, comme une faiblesse", True),
            ("Par des fasciculations isolées", False),
            ("Par une envie de bouger le soir", False),
        ],
    ),
    (
        "only-noun-phrase-among-prepositional-phrases",
        KEY_FORM,
        "Quand les symptômes apparaissent-ils ?",
        [
            ("Pendant une marche rapide", False),
            ("Au cours d'un effort intense", False),
            ("Après un repas copieux", False),
            ("Le soir, avant de s'endormir", True),
        ],
    ),
    (
        "only-option-with-a-label",
        KEY_FORM,
        "Que sait-on de ce syndrome ?",
        [
            ("Une piste incertaine : dopamine et fer", True),
            ("Une destruction des motoneurones, comme dans la SLA", False),
            ("Une carence en magnésium", False),
            ("Un défaut démontré de transmission", False),
        ],
    ),
    (
        "keys-are-the-only-plurals",
        KEY_FORM,
        "Quels signes accompagnent le syndrome ?",
        [
            ("Des picotements", True),
            ("Des brûlures", True),
            ("Une fonte du muscle", False),
            ("Une perte de force", False),
        ],
    ),
    (
        "only-affirmative-statement-among-negative-ones",
        KEY_FORM,
        "Parmi ces affirmations, laquelle est exacte ?",
        [
            ("Le calcium ne stabilise pas la membrane des nerfs.", False),
            ("La crampe cède le plus souvent d'elle-même.", True),
            ("La myéline n'accélère pas l'influx nerveux.", False),
            ("Le magnésium n'agit jamais sur la sécrétion de PTH.", False),
        ],
    ),
    # (d) the keys of a select-all question are its longest options.
    (
        "keys-are-the-longest",
        KEYS_LONGEST,
        "À quels moments les symptômes apparaissent-ils ?",
        [
            ("Pendant une marche rapide", False),
            ("Au cours d'un effort sportif intense", False),
            ("En position assise prolongée, lors d'un long trajet", True),
            ("Le soir, peu de temps avant de s'endormir", True),
        ],
    ),
]

SOUND = [
    (
        "definition",
        "Laquelle de ces descriptions correspond à une fasciculation ?",
        [
            ("Une contraction douloureuse et prolongée d'un muscle", False),
            ("Une envie irrésistible de bouger les jambes", False),
            ("Un frémissement bref de quelques fibres, sous la peau", True),
            ("Un sursaut brusque de toute la jambe à l'endormissement", False),
        ],
    ),
    (
        "key-longest-within-the-margin",
        "Que fait l'infirmière ?",
        [("A" * 40, False), ("B" * 30, False), ("C" * 43, True)],  # 7.5 % longer
    ),
    (
        "key-echoes-a-word-a-distractor-echoes-too",
        "Comment les causes graves de fasciculations se manifestent-elles ?",
        [
            ("Par des fasciculations avec une faiblesse", True),
            ("Par des fasciculations isolées, sans autre signe", False),
            ("Par une envie irrésistible de bouger le soir", False),
        ],
    ),
    (
        "two-forms-on-each-side",
        "Comment classer la situation ?",
        [
            ("À faire évaluer : troubles de la parole", True),
            ("Probablement bénignes : pas de faiblesse", False),
            ("Probablement bénignes : secousses indolores", False),
            ("À faire évaluer : son âge inquiète", False),
        ],
    ),
    (
        "select-all-of-mixed-lengths-and-forms",
        "À quels moments les symptômes apparaissent-ils surtout ?",
        [
            ("Pendant une marche rapide ou une randonnée", False),
            ("Au cours d'un effort sportif intense", False),
            ("Lors d'un long trajet en position assise", True),
            ("Le soir, avant de s'endormir", True),
        ],
    ),
    (
        "negative-and-affirmative-statements-on-each-side",
        "Parmi ces affirmations, laquelle est exacte ?",
        [
            ("Le calcium ne stabilise pas la membrane des nerfs.", False),
            ("La crampe cède le plus souvent d'elle-même.", True),
            ("La myéline accélère peu l'influx nerveux.", False),
            ("Une crampe isolée n'est pas inquiétante.", False),
        ],
    ),
    (
        "true-false-is-exempt",
        "Au moment de s'endormir, toute la jambe sursaute : c'est une fasciculation.",
        [("Vrai", False), ("Faux", True)],
    ),
]


@pytest.mark.parametrize(("name", "code", "stem", "choices"), CUED, ids=[item[0] for item in CUED])
def test_each_rule_catches_its_cue(name, code, stem, choices):
    assert codes(stem, choices) == {code}


@pytest.mark.parametrize(("name", "stem", "choices"), SOUND, ids=[item[0] for item in SOUND])
def test_sound_questions_are_not_flagged(name, stem, choices):
    assert find_cues(stem, choices) == []


@pytest.mark.parametrize(
    ("word", "other", "related"),
    [
        ("endormir", "endormissement", True),
        ("sursauter", "sursaut", True),
        ("parle", "parler", True),
        ("jambe", "jambes", True),
        ("peau", "peaux", True),
        ("fasciculation", "fasciculations", True),
        ("parole", "parle", False),
        ("contraction", "controle", False),
        ("signes", "signale", False),
        ("peau", "peur", False),
    ],
)
def test_words_of_one_family(word, other, related):
    assert same_root(word, other) is related


def test_the_length_margin_is_relative_and_absolute():
    assert (LENGTH_MARGIN, LENGTH_MIN_CHARACTERS) == (0.10, 5)
    # 20 % longer, but by two letters: ordinary wording, not a cue.
    choices = [("Une crampe", False), ("Un sursaut", False), ("Une secousse", True)]
    assert find_cues("Comment nommer ce phénomène ?", choices) == []


def test_each_cue_says_what_to_change_in_english():
    with translation.override("en"):
        (length,) = find_cues(*CUED[0][2:])
        (echo,) = find_cues(*CUED[2][2:])
        (form,) = find_cues(*CUED[5][2:])
    assert "the only long option" in length.message and "lengthen a distractor" in length.message
    assert "« endormir »" in echo.message
    assert "« Par … »" in form.message and str(form) == form.message
    with translation.override("en"):
        (kind,) = find_cues(*CUED[6][2:])
        (echoes,) = find_cues(*CUED[4][2:])
    assert "(prepositional phrases)" in kind.message
    assert echoes.message.startswith("Only right answers repeat")


# -- the shipped question bank ------------------------------------------------------------------


def test_no_question_of_the_shipped_bank_has_a_cue():
    assert len(SHIPPED) == 68  # every published question: the bank publishes them all
    with translation.override("en"):
        flagged = [
            f"{question['text']}\n    {cue.code}: {cue.message}"
            for question in SHIPPED
            for cue in find_cues(
                question["text"],
                [(choice["text"], choice["correct"]) for choice in question["choices"]],
            )
        ]
    assert not flagged, "\n".join(flagged)
