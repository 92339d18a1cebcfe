"""The rules that make drafts stand on their own, one table per rule: standalone statements
(quiz.drafting.statements), clean negations and swaps (quiz.drafting.true_false), slips of a
machine translation (quiz.drafting.fluency), and the kinds beyond true/false (figures,
definitions, select-all from a text without bold). Each case is a
sentence a real text has; each table fails when its rule is taken out."""

import re

import pytest

from quiz import drafting
from quiz.drafting import analysis, draft_questions, fluency, statements, true_false
from quiz.drafting.pipeline import parse


@pytest.fixture(scope="module", autouse=True)
def pipeline():
    return drafting.load_pipeline()


def statements_from(text, topic=None):
    course = analysis.analyse(text)
    return [s.text for s in statements.statements_of(course.sentences, course, topic)]


def false_statements(text, context=None):
    return [
        d.stem.removeprefix("Vrai ou faux ? « ").removesuffix(" »")
        for d in draft_questions(text, context=context)
        if d.kind == "true_false" and d.answer == "Faux"
    ]


# --- Standalone statements --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Citation marks, an aside in parentheses and a leading connective go.
        (
            "Cependant, la myéline (gaine des fibres) permet une conduction rapide[3].",
            ["La myéline permet une conduction rapide."],
        ),
        # One claim per statement: a semicolon, and two verbs sharing a subject.
        (
            "Les crampes sont fréquentes ; les contractures sont rares.",
            ["Les crampes sont fréquentes.", "Les contractures sont rares."],
        ),
        (
            "Les fasciculations pathologiques surviennent rarement et sont causées par "
            "une maladie.",
            [
                "Les fasciculations pathologiques surviennent rarement.",
                "Les fasciculations pathologiques sont causées par une maladie.",
            ],
        ),
        # A colon's explanation needs what it explains: only the claim before it is kept.
        (
            "La crampe est douloureuse : la jambe ne se déplace plus.",
            ["La crampe est douloureuse."],
        ),
        # A subject pronoun stands for the subject before it, when they agree.
        (
            "La myasthénie provoque une faiblesse des muscles. Elle n'est pas contagieuse.",
            [
                "La myasthénie provoque une faiblesse des muscles.",
                "La myasthénie n'est pas contagieuse.",
            ],
        ),
    ],
)
def test_a_sentence_becomes_standalone_single_claims(text, expected):
    assert statements_from(text) == expected


@pytest.mark.parametrize(
    ("text", "pointing"),
    [
        # Which one, after an indefinite subject, is not said.
        ("Une crise survient la nuit. Elle dure deux minutes.", "Elle dure"),
        # An object pronoun, a demonstrative, a relational noun without its complement,
        # people touched by what, a share of what, 'other' than what, whose.
        ("Il n'est pas important de les distinguer des crampes.", "les distinguer"),
        ("Ces signes imposent un avis médical rapide.", "Ces signes"),
        ("La cause exacte n'est pas entièrement connue.", "La cause exacte"),
        ("Les personnes touchées souffrent de sensations désagréables.", "personnes touchées"),
        ("Le reste est lié à de petites molécules.", "Le reste"),
        ("D'autres causes sont plus rares chez l'enfant.", "D'autres causes"),
        ("Ses symptômes apparaissent vers trente ans.", "Ses symptômes"),
        ("La crampe cède alors en moins d'une minute.", "alors"),
    ],
)
def test_what_still_points_back_is_left_out(text, pointing):
    assert not [s for s in statements_from(text) if pointing.lower() in s.lower()]


def test_this_disease_is_the_one_disease_the_text_defines():
    text = (
        "La sclérose en plaques est une maladie auto-immune du système nerveux central.\n\n"
        "Cette maladie atteint surtout l'adulte jeune."
    )
    assert "La sclérose en plaques atteint surtout l'adulte jeune." in statements_from(text)


def test_what_the_topic_does_is_tied_to_the_topic():
    text = "La sclérose en plaques est une maladie rare.\n\nLes nerfs périphériques sont épargnés."
    assert "Dans la sclérose en plaques, les nerfs périphériques sont épargnés." in (
        statements_from(text, topic="la sclérose en plaques")
    )
    assert not [s for s in statements_from(text) if "nerfs" in s]


# --- Clean negations and swaps ----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "La recherche laisse peu de doute sur le rôle du système immunitaire.",
        "Le muscle se durcit parfois sous la peau.",
        "Des contractions se produisent également après un effort.",
        "La maladie ne touche que les adultes.",
        "Certains médicaments aggravent la myasthénie.",
        "La forme rémittente concerne 85 % des patients.",
        "La tétanie est un état d'hyperexcitabilité neuromusculaire.",
        "La cause de la maladie reste inconnue.",
        "La crampe touche le mollet, le pied, la cuisse et la main.",
        "Des fasciculations apparaissent chez les sportifs.",
    ],
)
def test_no_negation_that_is_not_clean_and_plainly_false(sentence):
    """Hedges, quantifiers, 'ne ... que', figures, definitions, lists, 'rester' and an
    indefinite plural subject: negating them gives no clean false statement."""
    assert not true_false.can_negate(parse(sentence)[:])


@pytest.mark.parametrize(
    ("sentence", "negated"),
    [
        ("La myéline permet une conduction rapide.", "La myéline ne permet pas de conduction"),
        ("Le calcium stabilise la membrane des nerfs.", "Le calcium ne stabilise pas la"),
        ("La crampe n'est pas inquiétante.", "La crampe est inquiétante."),
    ],
)
def test_a_clean_negation_uses_pas_de_and_takes_an_existing_one_away(sentence, negated):
    assert true_false.can_negate(parse(sentence)[:])
    statement, _removed = true_false._negation_toggle(parse(sentence)[:])
    assert statement.startswith(negated)


@pytest.mark.parametrize(
    ("text", "context", "swapped"),
    [
        # The text opposes 'bénignes' and 'pathologiques' about fasciculations.
        (
            "Les fasciculations bénignes sont fréquentes.",
            "Les fasciculations pathologiques sont rares.",
            "Les fasciculations pathologiques sont fréquentes.",
        ),
        # 'prolongée' of a position is not what the text calls brief or prolonged.
        (
            "Les symptômes surviennent en position assise prolongée.",
            "La fasciculation est une contraction brève. La crampe est une contraction prolongée.",
            None,
        ),
        # 'grave' of a disease, 'inoffensives' of contractions: not opposed.
        (
            "Les contractions musculaires sont généralement inoffensives.",
            "Une maladie grave est rarement en cause.",
            None,
        ),
        # Both words in the sentence: swapped both ways, it says the same.
        (
            "On distingue les fasciculations bénignes et pathologiques.",
            "Les fasciculations bénignes sont fréquentes.",
            None,
        ),
    ],
)
def test_a_word_is_swapped_only_where_the_text_opposes_the_pair(text, context, swapped):
    made = false_statements(text, context=f"{text}\n\n{context}")
    if swapped is None:
        assert not [s for s in made if " pas " not in s and "n'" not in s]
    else:
        assert swapped in made


# --- A machine translation's slips -------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "slip"),
    [
        ("Des secousses surviennent dans le jambe droite au repos.", True),
        ("La consommation de caféine entraîne l'apparition du contraction.", True),
        ("Une carence magnésium favorise les crampes nocturnes.", True),
        ("Les infections avec des virus or les bactéries sont rares.", True),
        ("La sclérose cause une muscle faiblesse des jambes.", True),
        ("Secousses soudaines dans la jambe n'ont aucune valeur de maladie.", True),
        ("Des secousses surviennent dans la jambe droite au repos.", False),
        ("La maladie type est la sclérose latérale amyotrophique.", False),
    ],
)
def test_a_sentence_with_a_slip_is_recognised(sentence, slip):
    gender_of = {"jambe": "Fem", "contraction": "Fem"}
    assert fluency.has_slips(parse(sentence)[:], gender_of) is slip


def test_no_draft_copies_a_slip():
    text = (
        "Des contractions musculaires dans le jambe sont généralement inoffensives.\n\n"
        "Les crampes dans la jambe sont fréquentes chez les sportifs."
    )
    assert not [d for d in draft_questions(text) if "le jambe" in d.stem]


# --- Beyond true/false -------------------------------------------------------------------


def test_a_figure_is_blanked_with_other_values_of_its_unit():
    text = (
        "La sclérose en plaques débute le plus souvent entre 20 et 40 ans.\n\n"
        "La forme progressive débute plus tard, entre 40 et 50 ans."
    )
    (draft,) = [
        d for d in draft_questions(text) if "_____" in d.stem and "débute le plus" in d.stem
    ]
    options = [text for text, _ok in draft.choices]
    assert draft.answer == "entre 20 et 40 ans"
    assert "entre 40 et 50 ans" in options
    assert all(re.fullmatch(r"entre \d+ et \d+ ans", option) for option in options)


DEFINED = """Une crampe est une contraction involontaire et douloureuse d'un muscle.

La contracture est une contraction durable et douloureuse d'une partie d'un muscle.

La tendinite est une inflammation douloureuse d'un tendon après un effort.
"""


def test_a_defined_term_is_asked_with_the_texts_other_definitions():
    (draft,) = [d for d in draft_questions(DEFINED) if d.stem == "Qu'est-ce qu'une crampe ?"]
    assert draft.answer == "une contraction involontaire et douloureuse d'un muscle"
    wrong = {text for text, ok in draft.choices if not ok}
    assert "une contraction durable et douloureuse d'une partie d'un muscle" in wrong


def test_select_all_from_lists_without_articles_under_opposed_headings():
    text = """## Facteurs intrinsèques

- troubles de la marche
- hypotension orthostatique
- dénutrition
- dépression

## Facteurs extrinsèques

- éclairage insuffisant
- tapis au sol
- chaussures inadaptées
"""
    drafts = [d for d in draft_questions(text) if d.kind == "multiple"]
    stems = {d.stem for d in drafts}
    assert "Parmi les propositions suivantes, lesquelles sont des facteurs intrinsèques ?" in stems
    for draft in drafts:
        right = {t for t, ok in draft.choices if ok}
        wrong = {t for t, ok in draft.choices if not ok}
        if "intrinsèques" in draft.stem:
            assert right <= {"troubles de la marche", "hypotension orthostatique",
                             "dénutrition", "dépression"}  # fmt: skip
            assert wrong <= {"éclairage insuffisant", "tapis au sol", "chaussures inadaptées"}


def test_no_draft_carries_a_citation_mark():
    text = (
        "La sclérose en plaques[1] est une maladie auto-immune du système nerveux[2],[3].\n\n"
        "Elle n'est pas contagieuse[réf. nécessaire].\n\n"
        "Les formes progressives sont rares[4]."
    )
    for draft in draft_questions(text):
        everything = " ".join([draft.stem, draft.explanation, *(t for t, _ok in draft.choices)])
        assert not statements.CITATION.search(everything)
