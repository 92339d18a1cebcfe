"""The drafting engine's rules (the `quiz.drafting` package), on fixed French text and on
the shipped course. spaCy's French pipeline is loaded once for the whole session."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from quiz import drafting
from quiz.drafting import (
    Draft,
    analysis,
    draft_key,
    draft_questions,
    is_well_formed,
    lexicon,
    similar_lengths,
)

ROOT = Path(__file__).resolve().parents[2]

COURSE = """# Les secousses

Une **fasciculation** est une contraction brève de quelques fibres musculaires.

La **crampe** est une contraction douloureuse et prolongée d'un muscle.

La **secousse hypnique** est un sursaut de la jambe au moment de l'endormissement.

Les fasciculations bénignes sont fréquentes chez les personnes en bonne santé.

Les fasciculations pathologiques sont rares et viennent avec d'autres signes.

Le syndrome des jambes sans repos n'est pas une forme de fasciculation.

## Les déclencheurs courants

- **le stress** et la tension psychologique ;
- **la caféine** ;
- **l'alcool** ;
- **un sport intensif** ;
- **une carence en magnésium**.

## Les causes graves

- une **tumeur cérébrale** ;
- une **inflammation du cerveau** ;
- une **infection virale** ;
- une **maladie des motoneurones**.
"""

TRIGGERS = {"le stress", "la caféine", "l'alcool", "un sport intensif", "une carence en magnésium"}
SERIOUS = {
    "une tumeur cérébrale",
    "une inflammation du cerveau",
    "une infection virale",
    "une maladie des motoneurones",
}


@pytest.fixture(scope="session", autouse=True)
def pipeline():
    return drafting.load_pipeline()


@pytest.fixture(scope="session")
def course_drafts():
    return draft_questions(COURSE)


def of_kind(drafts, kind):
    return [draft for draft in drafts if draft.kind == kind]


def correct_texts(draft):
    return [text for text, is_correct in draft.choices if is_correct]


def statement(draft):
    """A true/false draft's statement, without 'Vrai ou faux ? « ... »'."""
    return draft.stem.removeprefix("Vrai ou faux ? « ").removesuffix(" »")


@pytest.fixture(scope="session")
def shipped_lessons():
    with open(ROOT / "fixtures" / "secousses-dans-la-jambe.json", encoding="utf-8") as f:
        objects = json.load(f)
    lessons = [o["fields"] for o in objects if o["model"] == "elearning.lesson"]
    return [lesson["body"] for lesson in sorted(lessons, key=lambda f: f["position"])]


@pytest.fixture(scope="session")
def shipped_drafts(shipped_lessons):
    context = "\n\n".join(shipped_lessons)
    return [draft for body in shipped_lessons for draft in draft_questions(body, context=context)]


# --- The pipeline --------------------------------------------------------------------


def test_the_pipeline_is_loaded_once(pipeline):
    assert drafting.load_pipeline() is pipeline
    assert pipeline.lang == "fr"


def test_importing_the_module_does_not_load_spacy():
    code = "import sys, quiz.drafting as d; print('spacy' in sys.modules, d.pipeline._pipeline)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "None"]


# --- Cloze ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "answer"),
    [
        (
            "Une fasciculation est une contraction brève de quelques fibres musculaires.",
            "Une fasciculation",
        )
    ],
)
def test_cloze_blanks_the_key_term_with_its_article(course_drafts, source, answer):
    (draft,) = [
        d
        for d in of_kind(course_drafts, "single")
        if d.source_sentence == source and drafting.BLANK in d.stem
    ]
    assert draft.answer == answer
    assert draft.stem == source.replace("Une fasciculation", drafting.BLANK, 1)
    texts = [text for text, _correct in draft.choices]
    assert correct_texts(draft) == [answer]
    assert len(texts) >= 3
    # The article is in every option, the same one (so gender and number fit), capitalised
    # since the blank opens the sentence.
    assert {text.split(" ", 1)[0] for text in texts} == {"Une"}
    assert all(text[1:] == text[1:].lower() for text in texts)
    # No distractor is an inflection of the answer.
    assert not [t for t in texts if t != answer and "fasciculation" in t]


def test_cloze_distractors_are_not_listed_with_the_answer():
    """A distractor the text names in the same list ('la caféine' beside 'le stress')
    would be right too."""
    text = (
        "Le **stress** provoque souvent des contractions incontrôlées dans la jambe.\n\n"
        "Les fasciculations surviennent avec le stress, la caféine, la fatigue ou l'alcool.\n\n"
        "La **tumeur cérébrale** est rare. La **caféine** est un excitant. "
        "Le **cerveau** commande les muscles. Le **sommeil** calme les muscles."
    )
    for draft in draft_questions(text):
        if draft.kind == "single" and draft.answer == "le stress":
            assert "la caféine" not in [t for t, _ok in draft.choices]


@pytest.mark.parametrize(
    ("sentence", "bad_start"),
    [
        ("Une crise survient dans un contexte qui les explique, une période de stress.", "qui"),
        ("Il existe des signes, lesquelles inquiètent les malades et les soignants.", "lesquelles"),
        ("On observe une faiblesse, une amyotrophie et des troubles de la parole.", ","),
        ("Elle s'accompagne de troubles de la déglutition chez les malades.", "de"),
    ],
)
def test_terms_are_cleaned_of_commas_prepositions_and_relative_pronouns(sentence, bad_start):
    terms = analysis.analyse(sentence).pool
    assert terms
    for term in terms:
        first = term.text.split(" ", 1)[0].lower()
        assert first != bad_start
        assert first in lexicon.ARTICLES or first.startswith("l'")


# --- What the text says its terms are, and plausible distractors ------------------------

DEFINITIONS = """Une **fasciculation** est une contraction brève de quelques fibres musculaires.

La **crampe** est une contraction douloureuse et prolongée d'un muscle.

La **secousse hypnique** est un sursaut de toute la jambe au moment de s'endormir.

La **tumeur cérébrale** pousse lentement dans le cerveau des adultes.

La **caféine** du café excite le système nerveux des buveurs.
"""

DISEASES = """La **sclérose en plaques** et la **maladie de Parkinson** sont des maladies \
neurologiques du système nerveux central.

La maladie de Parkinson ne détruit pas les motoneurones de la moelle.

La maladie type est la **sclérose latérale amyotrophique** (SLA), aussi appelée maladie de \
Charcot.

La **sclérose latérale amyotrophique** détruit les motoneurones de la moelle épinière.

La **neuropathie périphérique diabétique** est une maladie neurologique fréquente chez les \
adultes.

La **tumeur cérébrale** grossit lentement dans le cerveau des adultes.
"""


@pytest.mark.parametrize(
    ("sentence", "term", "kinds"),
    [
        ("Une fasciculation est une contraction brève.", {"fasciculation"}, {"contraction"}),
        # A glossary line.
        ("La crampe : une contraction douloureuse d'un muscle.", {"crampe"}, {"contraction"}),
        # A description in parentheses.
        (
            "La sclérose en plaques (maladie démyélinisante) touche le cerveau.",
            {"sclérose", "plaque"},
            {"maladie"},
        ),
        # Two subjects share the kind; a disease named after a person keeps 'maladie'.
        (
            "La sclérose en plaques et la maladie de Parkinson sont des maladies graves.",
            {"maladie", "parkinson"},
            {"maladie"},
        ),
        # Denied: not what it is.
        (
            "Le syndrome des jambes sans repos n'est pas une forme de fasciculation.",
            {"syndrome", "jambe", "repos"},
            set(),
        ),
        # A colon after a clause does not make a glossary line.
        (
            "Les fasciculations surviennent dans un contexte qui les explique : une période.",
            {"fasciculation"},
            set(),
        ),
    ],
)
def test_what_the_text_says_a_term_is(sentence, term, kinds):
    assert set(analysis.analyse(sentence).kinds.get(frozenset(term), ())) == kinds


def test_terms_defined_side_by_side_are_each_others_distractors():
    """'la crampe' stands in for 'une fasciculation' as 'une crampe'; a term the text does
    not set beside it (a tumour, caffeine) is no distractor for a definition."""
    (draft,) = [
        d
        for d in draft_questions(DEFINITIONS)
        if d.kind == "single" and d.answer == "Une fasciculation"
    ]
    distractors = {text for text, correct in draft.choices if not correct}
    assert distractors == {"Une crampe", "Une secousse hypnique"}


def test_diseases_are_distractors_for_a_disease_even_when_a_denial_names_them():
    """'La maladie de Parkinson ne détruit pas les motoneurones' does not put it in the
    role of the diseases that do: it is among the best distractors there."""
    (draft,) = [
        d
        for d in draft_questions(DISEASES)
        if d.kind == "single"
        and d.answer == "La sclérose latérale amyotrophique"
        and d.stem.startswith(drafting.BLANK)
    ]
    distractors = [text for text, correct in draft.choices if not correct]
    assert {"La sclérose en plaques", "La maladie de Parkinson"} <= set(distractors)


def test_a_cloze_without_one_plausible_distractor_is_not_proposed():
    text = (
        "Le **magnésium** aide les muscles à se relâcher après un effort.\n\n"
        "Le cerveau commande les muscles par les nerfs.\n\n"
        "Le sommeil repose le corps et le cerveau des adultes."
    )
    assert not [d for d in draft_questions(text) if d.kind == "single" and drafting.BLANK in d.stem]


def test_a_hedged_statement_ranks_below_a_plain_one():
    """'peuvent être fréquentes' made 'rares' is hardly false: ranked lower."""
    text = (
        "Les fasciculations bénignes sont fréquentes chez les adultes en bonne santé.\n\n"
        "Les fasciculations bénignes peuvent être fréquentes chez les sportifs entraînés.\n\n"
        "Les fasciculations pathologiques sont rares."
    )
    scores = {
        "hedged" if "peuvent" in d.source_sentence else "plain": d.score
        for d in draft_questions(text)
        if d.kind == "true_false" and d.answer == "Faux" and "fréquentes" in d.source_sentence
    }
    assert scores["plain"] > scores["hedged"]


# --- True / false --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "false_statement"),
    [
        # A contrasting adjective the course uses, in the same gender and number.
        (
            "Les fasciculations bénignes sont fréquentes chez les personnes en bonne santé.",
            "Les fasciculations pathologiques sont fréquentes chez les personnes en bonne santé.",
        ),
        # A contrasting adverb, of an adjective pair the text opposes.
        (
            "Les crampes nocturnes apparaissent rarement chez les jeunes adultes.",
            "Les crampes nocturnes apparaissent fréquemment chez les jeunes adultes.",
        ),
        # A negation taken away.
        (
            "Le syndrome des jambes sans repos n'est pas une forme de fasciculation.",
            "Le syndrome des jambes sans repos est une forme de fasciculation.",
        ),
        # A negation added, with elision.
        (
            "La secousse hypnique survient au moment de l'endormissement.",
            "La secousse hypnique ne survient pas au moment de l'endormissement.",
        ),
        (
            "La crampe est une contraction douloureuse et prolongée d'un muscle.",
            "La crampe est une contraction douloureuse et brève d'un muscle.",
        ),
    ],
)
def test_true_false_false_versions(text, false_statement):
    context = (
        text + "\n\nLes causes fréquemment citées sont bénignes, parfois pathologiques, brèves.\n\n"
        "Les fasciculations bénignes surviennent fréquemment ; les pathologiques, rarement.\n\n"
        "Une fasciculation est une contraction brève ; une crampe, une contraction prolongée.\n\n"
        "Les crampes sont fréquentes chez les sportifs et rares chez les enfants."
    )
    drafts = of_kind(draft_questions(text, context=context), "true_false")
    false = [d for d in drafts if d.answer == "Faux"]
    assert false_statement in [statement(d) for d in false]
    for draft in false:
        assert draft.choices == (("Vrai", False), ("Faux", True))
        assert draft.source_sentence == text
        assert text in draft.explanation


def test_contrasting_words_are_only_used_when_the_course_uses_both():
    text = "Les fasciculations bénignes sont fréquentes chez les personnes en bonne santé."
    statements = [statement(d) for d in draft_questions(text, context=text)]
    assert not [s for s in statements if "pathologiques" in s]


@pytest.mark.parametrize(
    "text",
    [
        # The clause after the colon explains the first: negating one leaves the other.
        "Un avis médical est nécessaire : seul le médecin pourra en rechercher la cause.",
        "Les motoneurones commandent les muscles : ils leur transmettent l'ordre de bouger.",
        # 'mais' and a semicolon join two statements: a negation would cover one.
        "La crampe est douloureuse mais elle cède vite après un étirement du muscle.",
    ],
)
def test_no_negation_that_would_cover_half_of_what_is_said(text):
    """Each claim is a statement of its own: a negated statement never carries the other
    claim beside it ('X n'est pas nécessaire : seul le médecin ...')."""
    statements = [statement(d) for d in draft_questions(text) if d.answer == "Faux"]
    negated = [s for s in statements if " pas " in f" {s} " and " pas " not in f" {text} "]
    assert not [s for s in negated if ":" in s or " mais " in s or ";" in s]


def test_a_sentence_the_parser_cuts_at_a_semicolon_gives_one_statement_per_claim():
    """One claim per statement: each side of the semicolon is a statement of its own,
    made false by the contrasting word the text sets against it."""
    text = (
        "Les fasciculations bénignes sont fréquentes ; les fasciculations pathologiques sont rares."
    )
    context = text + "\n\nUne fasciculation est une contraction brève de quelques fibres."
    false = {statement(d) for d in draft_questions(text, context=context) if d.answer == "Faux"}
    assert "Les fasciculations pathologiques sont fréquentes." in false
    assert "Les fasciculations bénignes sont rares." in false
    assert not [s for s in false if ";" in s]


def test_a_label_and_its_list_is_no_statement():
    """'Déclencheurs courants : stress, ...' has no verb: 'Déclencheurs rares : ...' would be
    no false statement."""
    text = "Déclencheurs courants : stress, endormissement, froid, caféine, alcool, drogues."
    context = text + "\n\nLes causes graves sont rares et les causes courantes sont bénignes."
    assert draft_questions(text, context=context) == []


# --- Multiple response ---------------------------------------------------------------


def test_multiple_response_from_a_list_with_distractors_from_another_list(course_drafts):
    (draft,) = [d for d in of_kind(course_drafts, "multiple") if "déclencheurs courants" in d.stem]
    right = set(correct_texts(draft))
    wrong = {text for text, ok in draft.choices if not ok}
    assert len(right) >= 2 and len(wrong) >= 2
    assert right <= TRIGGERS
    assert wrong <= SERIOUS
    assert draft.answer == " | ".join(correct_texts(draft))


def test_distractors_come_from_the_category_the_text_sets_against_the_list():
    """Harmless triggers ('courants') against serious causes ('rares'), not against the
    sensations of another lesson, though those are longer options."""
    text = """## Les déclencheurs courants

- **le stress psychologique** ;
- **la caféine du café** ;
- **l'alcool en excès** ;
- **un sport intensif**.

## Les causes graves et rares

- une **tumeur cérébrale** ;
- une **infection virale** ;
- une **inflammation du cerveau**.

## Ce que ressent la personne

- une **envie irrésistible de bouger** ;
- des **sensations de brûlure** ;
- des **picotements douloureux**.
"""
    (draft,) = [d for d in of_kind(draft_questions(text), "multiple") if "courants" in d.stem]
    # Without their articles: 'une' on every wrong option alone would give them away.
    wrong = {text.removeprefix("une ") for text, ok in draft.choices if not ok}
    assert wrong and wrong <= {"tumeur cérébrale", "inflammation du cerveau", "infection virale"}


# --- Malformed drafts are filtered ---------------------------------------------------


def make(kind, choices, stem="_____ est une contraction brève.", answer=None):
    correct = " | ".join(text for text, ok in choices if ok)
    return Draft(
        kind=kind,
        stem=stem,
        choices=tuple(choices),
        answer=correct if answer is None else answer,
        source_sentence="La crampe est une contraction brève.",
        explanation="D'après le cours : « La crampe est une contraction brève. »",
        score=1.0,
        key="k",
    )


GOOD_SINGLE = [("la crampe", True), ("la fatigue", False), ("la caféine", False)]


@pytest.mark.parametrize(
    ("draft", "ok"),
    [
        (make("single", GOOD_SINGLE), True),
        (make("single", [("la crampe", True), ("la fatigue", True), ("la caféine", False)]), False),
        (make("single", [("la crampe", False), ("la fatigue", False)]), False),
        (make("single", [("la crampe", True), ("la crampe", False), ("la caféine", False)]), False),
        # An inflection of the answer as a distractor.
        (
            make("single", [("la crampe", True), ("les crampes", False), ("la fatigue", False)]),
            False,
        ),
        # The article would not fit every option.
        (make("single", [("la crampe", True), ("le stress", False), ("la fatigue", False)]), False),
        (make("single", [("une crampe", True), ("la peur", False), ("la fatigue", False)]), False),
        # An elided article shows no gender: it goes with 'la' (or with 'le').
        (make("single", [("la crampe", True), ("l'amyotrophie", False), ("la peur", False)]), True),
        # A capital letter tells the answer.
        (
            make("single", [("La crampe", True), ("la fatigue", False), ("la caféine", False)]),
            False,
        ),
        # The only long option.
        (
            make(
                "single",
                [
                    ("la crampe musculaire douloureuse", True),
                    ("la fatigue", False),
                    ("la peur", False),
                ],
            ),
            False,
        ),
        (make("single", GOOD_SINGLE, stem="La crampe est une contraction brève."), False),
        (make("single", GOOD_SINGLE, answer="la fatigue"), False),
        (make("true_false", [("Vrai", True), ("Faux", False)]), True),
        (make("true_false", [("Vrai", True), ("Faux", True)]), False),
        (make("true_false", [("Faux", True), ("Vrai", False)]), False),
        (make("multiple", [("le stress", True), ("l'alcool", True), ("la tumeur", False)]), True),
        (make("multiple", [("le stress", True), ("l'alcool", True)]), False),
        (make("mystery", GOOD_SINGLE), False),
    ],
)
def test_well_formed(draft, ok):
    assert is_well_formed(draft) is ok


@pytest.mark.parametrize(
    ("texts", "answer", "similar"),
    [
        (["la crampe", "la fatigue", "la caféine"], "la crampe", True),
        (["la peur", "la crampe si dure"], None, True),  # 7 and 17 characters: at most 2.5 times
        (["la peur", "la crampe si dures"], None, False),  # 7 and 18: more than 2.5 times
        # The answer 40 % longer than the longest distractor at most: 14 <= 1.4 * 10.
        (["la secousse xy", "la crampe", "la fatigue"], "la secousse xy", True),
        (["la secousse xyz", "la crampe", "la fatigue"], "la secousse xyz", False),
        ([], None, False),
    ],
)
def test_similar_lengths(texts, answer, similar):
    assert similar_lengths(texts, answer) is similar


# --- Determinism and keys ------------------------------------------------------------


def test_same_text_same_drafts_and_keys(course_drafts):
    again = draft_questions(COURSE)
    assert again == course_drafts
    keys = [draft.key for draft in course_drafts]
    assert len(keys) == len(set(keys))
    assert all(len(key) == 40 for key in keys)


def test_keys_depend_on_sentence_kind_and_answer():
    sentence = "La crampe est une contraction douloureuse."
    key = draft_key(sentence, "single", "la crampe")
    assert key == draft_key(
        "  la CRAMPE est une   contraction douloureuse. ", "single", "La crampe"
    )
    assert key != draft_key(sentence, "true_false", "la crampe")
    assert key != draft_key(sentence, "single", "la fatigue")
    assert key != draft_key("La crampe est brève.", "single", "la crampe")


def test_drafts_are_ranked_best_first(course_drafts):
    assert course_drafts
    scores = [draft.score for draft in course_drafts]
    assert max(scores) == scores[0]
    assert draft_questions(COURSE, limit=3) == course_drafts[:3]


# --- Bad input -----------------------------------------------------------------------

LONG_SENTENCE = " ".join(
    ["Le muscle reçoit des signaux du cerveau et de la moelle épinière"] * 168
    + ["sans arrêt pendant la nuit."]
)

BAD_INPUTS = {
    "empty": "",
    "blank": "   \n\t ",
    "english": (
        "Muscle twitches in the leg are common and usually harmless. They are often caused "
        "by stress, caffeine or intense exercise. Rarely, they are the sign of a disease that "
        "destroys motor neurons, such as amyotrophic lateral sclerosis."
    ),
    "one long sentence": LONG_SENTENCE,
    "lists and headings": (
        "# Titre\n\n## Sous-titre\n\n- un\n- deux\n  - trois\n* **quatre**\n1. cinq\n2. six\n\n"
        "### Encore\n\n> - cité\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```\n"
        "- [un lien](https://example.org) et `du code`\n"
    ),
}


@pytest.mark.parametrize("text", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_bad_input_gives_a_list_and_never_raises(text):
    drafts = draft_questions(text)
    assert isinstance(drafts, list)
    assert all(is_well_formed(draft) for draft in drafts)


def test_the_long_sentence_is_two_thousand_words():
    assert len(LONG_SENTENCE.split()) >= 2000


def test_english_text_gives_no_french_questions():
    assert draft_questions(BAD_INPUTS["english"]) == []


# --- The shipped course --------------------------------------------------------------

# Drafted from the six shipped lessons at the time of writing: 76 drafts (56 true/false,
# 15 cloze, 5 multiple response). The floor leaves room for small changes of the text.
SHIPPED_AT_LEAST = {"single": 8, "true_false": 30, "multiple": 3}


def test_the_shipped_course_gives_well_formed_drafts(shipped_drafts):
    for kind, floor in SHIPPED_AT_LEAST.items():
        assert len(of_kind(shipped_drafts, kind)) >= floor, kind
    assert all(is_well_formed(draft) for draft in shipped_drafts)
    for draft in shipped_drafts:
        assert draft.source_sentence
        assert drafting.inner_quotes(draft.source_sentence) in draft.explanation


def _true_claims(draft):
    """What a learner is taught as true by the draft's correct answer."""
    if draft.kind == "single":
        return [draft.stem.replace(drafting.BLANK, draft.answer)]
    if draft.kind == "true_false":
        return [statement(draft)] if draft.answer == "Vrai" else []
    return [f"{draft.stem} {text}" for text in correct_texts(draft)]


def _says_destroys_motor_neurons(claim):
    claim = claim.lower()
    negated = " ne " in f" {claim} " or "n'" in claim
    names_disease = "sclérose en plaques" in claim or "parkinson" in claim
    return names_disease and "motoneurone" in claim and not negated


def test_no_draft_rewards_the_sources_error(shipped_drafts):
    """Multiple sclerosis and Parkinson's disease do not destroy motor neurons."""
    for draft in shipped_drafts:
        for claim in _true_claims(draft):
            assert not _says_destroys_motor_neurons(claim), draft
        if draft.kind == "true_false" and _says_destroys_motor_neurons(statement(draft)):
            assert draft.answer == "Faux", draft


def test_draft_kinds_are_question_kinds():
    from quiz.models import QuestionKind

    assert {drafting.SINGLE, drafting.TRUE_FALSE, drafting.MULTIPLE} == set(QuestionKind.values)
