"""The rules that make drafts stand on their own, one table per rule: standalone statements
(quiz.drafting.statements), clean negations and swaps (quiz.drafting.true_false), slips of a
machine translation (quiz.drafting.fluency), and the kinds beyond true/false (figures,
definitions, select-all from a text without bold). Each case is a
sentence a real text has; each table fails when its rule is taken out."""

import re
from collections import Counter

import pytest

from quiz import drafting
from quiz.cues import find_cues
from quiz.drafting import (
    analysis,
    draft_questions,
    figures,
    fluency,
    statement_choice,
    statements,
    true_false,
)
from quiz.drafting.drafts import quoted
from quiz.drafting.figures import figures_of
from quiz.drafting.pipeline import parse
from tests.elearning import drafting_sets


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
        # An adverb that ties the sentence to the one before goes, and its space with it.
        ("La faiblesse apparaît ensuite.", ["La faiblesse apparaît."]),
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
        # After a colon, a claim said of the same subject is kept, and names it.
        (
            "La sclérose en plaques atteint l'adulte jeune : elle débute entre 20 et 40 ans.",
            [
                "La sclérose en plaques atteint l'adulte jeune.",
                "La sclérose en plaques débute entre 20 et 40 ans.",
            ],
        ),
        # A full stop after a unit ends the sentence, even where the parser runs on.
        (
            "On parle d'hypocalcémie lorsque la calcémie est inférieure à 2,20 mmol/L. "
            "Quand l'albumine est basse, la calcémie totale baisse.",
            [
                "On parle d'hypocalcémie lorsque la calcémie est inférieure à 2,20 mmol/L.",
                "Quand l'albumine est basse, la calcémie totale baisse.",
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
        # 'c'est' without what it is; key, important, essential for what?
        ("Après 80 ans, c'est près d'une personne sur deux.", "c'est"),
        ("L'IRM cérébrale et médullaire est l'examen clé.", "examen clé"),
        ("Le thymus joue un rôle important.", "rôle important"),
        ("La surveillance de la déglutition est essentielle.", "essentielle"),
        ("Le geste le plus efficace consiste à étirer le muscle.", "plus efficace"),
        ("Un test simple est le test du glaçon.", "test simple"),
        # a stressed pronoun after a preposition: for whom?
        ("Une surdose en fer est dangereuse pour eux.", "pour eux"),
        # compared with what?
        (
            "Le signe de Chvostek est peu spécifique. Le signe de Trousseau est plus spécifique.",
            "plus spécifique",
        ),
        # 'il' before an adjective with nothing after it is no impersonal 'il est … de'
        ("Il n'est pas contagieux.", "contagieux"),
    ],
)
def test_what_still_points_back_is_left_out(text, pointing):
    assert not [s for s in statements_from(text) if pointing.lower() in s.lower()]


def test_a_pronoun_after_a_sentence_with_two_subjects_of_its_kind_is_not_resolved():
    text = (
        "Après la ménopause, la chute des œstrogènes accélère la résorption : la perte "
        "osseuse peut atteindre 3 % par an. Elle touche d'abord l'os trabéculaire."
    )
    assert not [s for s in statements_from(text) if "os trabéculaire" in s]


def test_a_hyphenated_name_is_named_whole_for_its_pronoun():
    text = (
        "Le syndrome de Guillain-Barré est une atteinte aiguë des nerfs périphériques. "
        "Il provoque une faiblesse musculaire."
    )
    assert "Le syndrome de Guillain-Barré provoque une faiblesse musculaire." in (
        statements_from(text)
    )


def test_an_impersonal_il_points_nowhere():
    text = "Il est fréquent de trouver des bactéries dans les urines."
    assert statements_from(text) == [text]


def test_il_s_agit_is_neither_resolved_nor_kept():
    text = "Le thymus est une glande. Dans 10 % des cas, il s'agit d'une tumeur."
    assert statements_from(text) == ["Le thymus est une glande."]


@pytest.mark.parametrize(
    "text",
    [
        "Une chute est le fait de se retrouver au sol ou sur une surface plus basse que "
        "celle où l'on se trouvait.",
        "La perte osseuse touche d'abord l'os trabéculaire, celui des vertèbres.",
    ],
)
def test_celui_with_what_follows_it_points_nowhere(text):
    assert statements_from(text) == [text]


def test_a_reflexive_pronoun_points_nowhere():
    text = "Les fasciculations bénignes s'arrêtent d'elles-mêmes."
    assert statements_from(text) == [text]


def test_this_disease_is_the_one_disease_the_text_defines():
    text = (
        "La sclérose en plaques est une maladie auto-immune du système nerveux central.\n\n"
        "Cette maladie atteint surtout l'adulte jeune."
    )
    assert "La sclérose en plaques atteint surtout l'adulte jeune." in statements_from(text)


def test_a_note_without_a_main_verb_is_no_statement():
    """'Rien par la bouche tant que ...': the only verb is the subordinate clause's."""
    text = "Rien par la bouche tant que la déglutition n'a pas été testée."
    assert not draft_questions(text + "\n\n" + text)


@pytest.mark.parametrize(
    ("document", "words"),
    [
        ("08-migraine.txt", "Une aura qui dure"),  # a list item: 'aura' read as 'avoir'
        # a list item without its article, 'continue' read as the verb
        ("07-syndrome-de-guillain-barre.txt", "Surveillance cardiaque"),
        # an instruction to the patient the parser read as a statement
        ("11-hypoglycemie.html", "mangez"),
        # notes' symbols for verbs: a note, not a sentence to quote
        ("09-evaluation-de-la-douleur.md", "Auto-évaluation ="),
    ],
)
def test_a_noun_phrase_or_a_note_is_no_statement(document, words):
    drafted, _words = drafting_sets.draft_set("dev", only=document)
    assert drafted
    assert not [row for row in drafted if words in row.draft.stem]


def test_a_claim_that_closes_its_paragraph_is_explained_by_the_sentence_before():
    text = (
        "La PTH libère le calcium de l'os. La vitamine D active augmente l'absorption "
        "intestinale du calcium.\n\n"
    ) * 2
    (draft,) = {d.key: d for d in draft_questions(text) if "absorption" in d.stem}.values()
    assert "« La PTH libère le calcium de l'os. La vitamine D active augmente" in (
        draft.explanation
    )


def test_an_explanation_quotes_no_sentence_with_a_slip():
    text = (
        "La myasthénie est une maladie auto-immune. Les anticorps bloquer et détruire une "
        "partie des récepteurs. Chez environ 85 % des patients, on trouve des anticorps.\n\n"
    )
    (draft,) = [d for d in draft_questions(text) if d.stem.startswith("Chez environ")]
    assert "bloquer" not in draft.explanation


def test_a_list_item_is_quoted_as_a_sentence():
    text = (
        "Les principales causes sont :\n\n"
        "- l'hypomagnésémie : le magnésium est nécessaire à la sécrétion de PTH ;\n"
        "- la carence en vitamine D ;\n- l'insuffisance rénale chronique.\n"
    )
    (draft,) = [d for d in draft_questions(text) if "sécrétion de PTH" in d.stem]
    assert "« L'hypomagnésémie : le magnésium est nécessaire à la sécrétion de PTH. »" in (
        draft.explanation
    )


def test_a_list_introduced_by_its_subject_makes_statements_under_its_situation():
    """'L'infirmier :' then items that open with a verb: each item is a claim about the
    subject, and the lesson's title, when it names a situation, says when it holds."""
    body = (
        "Il ne faut pas relever la personne trop vite. L'infirmier :\n\n"
        "- prévient le médecin ;\n- mesure les paramètres vitaux et la glycémie capillaire.\n"
    )
    said = statements_from("## Après une chute\n\n" + body)
    assert "Après une chute, l'infirmier prévient le médecin." in said
    assert (
        "Après une chute, l'infirmier mesure les paramètres vitaux et la glycémie capillaire."
    ) in said
    # What a caregiver does, negated, is false by common sense alone: no such draft.
    stems = {d.stem for d in draft_questions(body, title="Après une chute")}
    assert not [stem for stem in stems if "ne prévient pas" in stem]


@pytest.mark.parametrize(
    "body",
    [
        "Le patient :\n\n- la fièvre ;\n- la douleur ;\n- la fatigue.\n",
        # the introduction has its verb: the items are things, not what the subject does
        "Les soins de support comprennent :\n\n- surveillance de la respiration ;\n"
        "- kinésithérapie et traitement de la douleur ;\n- soutien psychologique.\n",
    ],
)
def test_a_list_of_things_after_a_subject_stays_a_list(body):
    assert not [d for d in draft_questions(body) if d.kind == "true_false"]


@pytest.mark.parametrize(
    ("intro", "drafted"),
    [
        ("Consultez rapidement, le jour même, si :", False),
        ("Appelez le 15 lorsque :", False),
        ("Consultez en cas de :", False),
        ("Au cours du traitement :", True),  # the same item, said as a fact
    ],
)
def test_the_items_of_a_list_of_conditions_are_no_claims(intro, drafted):
    """'les symptômes ne s'améliorent pas après trois jours de traitement' under 'Consultez
    si :' says when to consult, not how the disease goes: 'Vrai' would be wrong."""
    body = f"{intro}\n\n- les symptômes ne s'améliorent pas après trois jours de traitement."
    context = f"La cystite est une infection de la vessie. La cystite est fréquente.\n\n{body}"
    drafts = draft_questions(body, context=context, topic="Cystite")
    assert bool([d for d in drafts if "symptômes" in d.stem]) is drafted


def test_a_cleft_sentence_stands_on_its_own():
    text = "C'est la parathormone qui libère le calcium de l'os."
    assert statements_from(text) == [text]


def test_a_judgement_that_says_for_what_is_kept():
    text = "Le thymus joue un rôle important dans la myasthénie."
    assert statements_from(text) == [text]


def test_what_the_topic_does_is_tied_to_the_topic():
    text = "La sclérose en plaques est une maladie rare.\n\nLes nerfs périphériques sont épargnés."
    assert "Dans la sclérose en plaques, les nerfs périphériques sont épargnés." in (
        statements_from(text, topic="la sclérose en plaques")
    )
    assert not [s for s in statements_from(text) if "nerfs" in s]


@pytest.mark.parametrize(
    "text",
    [
        # 'atteinte' is a noun here, not the participle of 'Les nerfs sont atteints'
        "Le syndrome de Guillain-Barré est une atteinte aiguë, inflammatoire et d'origine "
        "auto-immune des nerfs périphériques et de leurs racines.",
        "La sclérose en plaques est une atteinte chronique, inflammatoire et d'origine "
        "auto-immune du système nerveux central.",
    ],
)
def test_a_statement_that_names_the_topic_is_not_tied_to_it_again(text):
    topic = "le syndrome de Guillain-Barré" if "Guillain" in text else "la sclérose en plaques"
    assert statements_from(text, topic=topic) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "a. Tabac : premier facteur de risque.",
        "Les causes.\n\na. Tabac : premier facteur de risque.\nb. Pollution de l'air.",
        "- a. Le tabac est le premier facteur de risque.",
    ],
)
def test_a_lettered_point_opening_a_text_is_read(text):
    # 'a.' as the first token of a parse has no word before it (an IndexError before)
    assert isinstance(draft_questions(text), list)


# --- One claim from a list: its first item ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        (
            "Le séjour prolongé au sol expose à la déshydratation, à l'hypothermie, à des "
            "escarres et à une destruction musculaire.",
            "Le séjour prolongé au sol n'expose pas à la déshydratation.",
        ),
        (
            "La contention physique augmente le risque de blessures graves, d'escarres et de "
            "confusion.",
            "La contention physique n'augmente pas le risque de blessures graves.",
        ),
        (
            "La dysautonomie provoque des troubles du rythme cardiaque, des variations "
            "brutales de la pression artérielle et une rétention d'urine.",
            "La dysautonomie ne provoque pas de troubles du rythme cardiaque.",
        ),
    ],
)
def test_a_list_of_what_a_verb_does_gives_the_claim_of_its_first_item(text, denied):
    drafts = [d for d in draft_questions(text) if d.kind == "true_false"]
    assert [d.stem for d in drafts] == [f"Vrai ou faux ? « {denied} »"]
    # the explanation quotes the whole sentence: the other items are taught there
    assert text in drafts[0].explanation


@pytest.mark.parametrize(
    "text",
    [
        # what a thing is: its first item alone would say it is only that
        "Les médicaments les plus utilisés sont les bêtabloquants, l'amitriptyline et le "
        "topiramate.",
        # alternatives: 'ou' lists what may be, not what is
        "Les crampes révèlent une carence en potassium, en magnésium ou en calcium.",
        # the subject is the list: the verb would have to agree again
        "La fièvre, la chaleur et l'effort aggravent les symptômes.",
        # the list does not end the sentence: the rest is said of all of it
        "La fièvre, la chaleur et l'effort aggravent les symptômes de la maladie chez l'adulte.",
        # hedged: what can happen is no claim to deny
        "Le séjour au sol peut exposer à la déshydratation, à l'hypothermie et aux escarres.",
        # restricted: the first item alone would be the only one
        "La maladie ne touche que les nerfs, les muscles et la peau.",
    ],
)
def test_a_list_whose_first_item_alone_would_not_hold_gives_no_true_false(text):
    assert not [d for d in draft_questions(text) if d.kind == "true_false"]


# --- Clean negations and swaps ----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        # Three things or more, or two figures: one wrong item would make it false (a list
        # of what the verb does gives its first item's claim instead: see above).
        "La sclérose en plaques est une maladie auto-immune, inflammatoire et chronique.",
        "Les œdèmes des membres inférieurs sont blancs, mous et indolores.",
        "La calcémie se situe entre 2,20 et 2,60 mmol/L et le calcium ionisé entre 1,15 et "
        "1,30 mmol/L.",
        # A pronominal verb with nothing after it: compared with what?
        "Le score de Glasgow se compare.",
        # How things are named or found: no claim to call true or false.
        "On parle de chutes répétées lorsqu'une personne est tombée deux fois dans l'année.",
    ],
)
def test_no_true_false_on_a_list_two_figures_or_a_naming(sentence):
    assert not [d for d in draft_questions(sentence) if d.kind == "true_false"]


def test_a_single_claim_still_gives_a_true_false():
    """The table above is not every sentence: one claim about a key term is drafted."""
    text = "La contention physique n'est pas une mesure de prévention des chutes.\n\n" * 2
    assert [d for d in draft_questions(text) if d.kind == "true_false"]


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
        "L'hypocalcémie chronique est traitée par du calcium et de la vitamine D.",
        "Une faiblesse musculaire apparaît.",  # denied, it says that none ever does
        "Les globules rouges sont petits et pâles.",  # denied: neither, or not both?
        "Chez la femme, l'urètre est court et proche de l'anus.",
        # 'ne … plus': no comparison; 'plus spécifique' than what the sentence before said;
        # 'moins' denied is a double negative to untangle
        "La crampe n'est plus douloureuse.",
        "Les signes classiques sont moins fiables chez la personne âgée.",
        "Le signe de Trousseau est plus spécifique.",
        # an obligation said, or denied with 'confondre': no claim anyone denies
        "Le patient doit être prévenu.",
        "La crampe ne doit pas être confondue avec la contracture.",
    ],
)
def test_no_negation_that_is_not_clean_and_plainly_false(sentence):
    """Hedges, quantifiers, 'ne ... que', figures, definitions, lists, 'rester' and an
    indefinite plural subject: negating them gives no clean false statement."""
    assert not true_false.can_negate(parse(sentence)[:])


@pytest.mark.parametrize(
    ("text", "title", "denied"),
    [
        # what the text says its topic does, denied, is absurd: the answer picks itself
        ("L'ostéoporose augmente le risque de fracture.", "Ostéoporose", None),
        ("L'ostéoporose rend les os fragiles.", "Ostéoporose", None),
        # a denial the text makes is taken away; what is said of something else is denied
        ("La SEP n'est pas contagieuse.", "Sclérose en plaques (SEP)", "La SEP est contagieuse."),
        (
            "La transfusion est réservée aux anémies sévères.",
            "Ostéoporose",
            "La transfusion n'est pas réservée aux anémies sévères.",
        ),
    ],
)
def test_no_negation_added_to_what_the_topic_itself_does(text, title, denied):
    course = "L'ostéoporose est une maladie du squelette. La sclérose en plaques est rare.\n\n"
    drafts = draft_questions(text, context=course + text, topic=title)
    false = [d.stem for d in drafts if d.kind == "true_false" and d.answer == "Faux"]
    assert false == ([f"Vrai ou faux ? « {denied} »"] if denied else [])


@pytest.mark.parametrize(
    ("sentence", "worth"),
    [
        ("Dans le syndrome de Guillain-Barré, une faiblesse apparaît.", False),
        ("Une fatigue intense apparaît.", False),
        ("Une faiblesse apparaît d'abord aux jambes.", True),  # it says where
        ("La faiblesse musculaire apparaît à l'effort.", True),
        ("Une hypocalcémie sévère est une urgence.", True),  # what it is
        ("Une aggravation due à la fièvre n'est pas une poussée.", True),
        ("Une déshydratation n'apparaît pas sans raison.", False),  # a lead-in
    ],
)
def test_that_something_happens_is_no_true_statement_worth_a_question(sentence, worth):
    assert true_false.worth_stating(parse(sentence)[:]) is worth


@pytest.mark.parametrize(
    "sentence",
    [
        # a partitive ('ne forment pas d'os') or a verb's 'de' ('ne parle pas de la
        # maladie')? The parser reads both alike: 'ne forment pas de l'os' is no French.
        "Les ostéoblastes forment de l'os nouveau.",
        "Les neurones libèrent de la dopamine.",
        "Les motoneurones déclenchent des influx nerveux.",
    ],
)
def test_no_negation_where_a_partitive_would_have_to_change(sentence):
    assert true_false._negation_toggle(parse(sentence)[:]) == (None, False)


def test_a_litotes_is_not_taken_for_a_negation():
    # 'ne … pas sans raison' says that it has a reason: without the 'ne … pas', nonsense
    span = parse("Une déshydratation n'apparaît pas sans raison chez la personne âgée.")[:]
    assert true_false._negation_toggle(span) == (None, False)


@pytest.mark.parametrize(
    ("sentence", "negated"),
    [
        ("La myéline permet une conduction rapide.", "La myéline ne permet pas de conduction"),
        ("Le calcium stabilise la membrane des nerfs.", "Le calcium ne stabilise pas la"),
        ("La crampe n'est pas inquiétante.", "La crampe est inquiétante."),
        # a comparison: denied, plainly the opposite
        (
            "Un traumatisme crânien est plus grave sous anticoagulants.",
            "Un traumatisme crânien n'est pas plus grave sous anticoagulants.",
        ),
        (
            "La migraine est plus fréquente chez la femme.",
            "La migraine n'est pas plus fréquente chez la femme.",
        ),
        # a denied obligation: 'devoir' is no hedge there
        (
            "Les bêtabloquants ne doivent pas être arrêtés brutalement.",
            "Les bêtabloquants doivent être arrêtés brutalement.",
        ),
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
        ("Les anticorps bloquer et détruire une partie des récepteurs.", True),
        ("Les anticorps bloquent et détruisent une partie des récepteurs.", False),
        ("Des secousses surviennent dans la jambe droite au repos.", False),
        ("La maladie type est la sclérose latérale amyotrophique.", False),
        # a machine translation's calques
        ("La migraine est une condition neurologique fréquente.", True),
        ("Le patient se sent court de souffle à l'effort.", True),
        ("Le fer se prend de préférence sur un estomac vide.", True),
        ("Les médicaments sur le comptoir suffisent souvent.", True),
        ("L'aura prend place avant le mal de tête.", True),
        ("Le médecin peut commander une fibroscopie.", True),
        ("Une attaque de migraine dure de quatre heures à trois jours.", True),
        ("Le traitement doit continuer pour trois mois après la normalisation.", True),
        ("Le traitement doit continuer pendant trois mois après la normalisation.", False),
        ("Le patient continue pour autant son traitement.", False),
        ("Le fer se prend de préférence à jeun.", False),
        ("Le patient est essoufflé à l'effort.", False),
        ("Une condition du traitement est la surveillance de la kaliémie.", False),
        # an adjective between the article and its noun: the article still agrees with it
        ("La migraine est une simple mal de tête.", True),
        ("La migraine est un simple mal de tête.", False),
        ("Il ressent une vive douleur dans le dos.", False),
        ("Le patient garde un petit déficit de la jambe.", False),
    ],
)
def test_a_sentence_with_a_slip_is_recognised(sentence, slip):
    gender_of = {"jambe": "Fem", "contraction": "Fem", "mal": "Masc"}  # as the text says them
    assert fluency.has_slips(parse(sentence)[:], gender_of) is slip


def test_no_draft_copies_a_slip():
    text = (
        "Des contractions musculaires dans le jambe sont généralement inoffensives.\n\n"
        "Les crampes dans la jambe sont fréquentes chez les sportifs."
    )
    assert not [d for d in draft_questions(text) if "le jambe" in d.stem]


# --- Beyond true/false -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("L'anémie se définit chez la femme par une hémoglobine inférieure à 12 g/dL.", "12 g/dL"),
        ("Un BNP inférieur à 100 pg/mL rend l'insuffisance cardiaque peu probable.", "100 pg/mL"),
        ("La microcytose se définit par un VGM inférieur à 80 fL.", "80 fL"),
    ],
)
def test_a_laboratory_value_is_a_figure(sentence, figure):
    assert [found[5].group(0) for found in figures_of(sentence)] == [figure]


@pytest.mark.parametrize(
    "sentence",
    [
        "La personne reprend généralement conscience en 10 à 15 minutes.",
        "Dans le syndrome de Guillain-Barré, la mortalité est de 3 à 5 % environ.",
        "La calcémie totale normale se situe entre 2,20 et 2,60 mmol/L.",
    ],
)
def test_a_range_is_offered_among_ranges_that_share_no_bound_with_it(sentence):
    (draft,) = [d for d in draft_questions(sentence) if "_____" in d.stem]
    bounds = [set(re.findall(r"\d+(?:,\d+)?", text)) for text, _ok in draft.choices]
    key = set(re.findall(r"\d+(?:,\d+)?", draft.answer))
    assert len(draft.choices) >= 3
    for option in bounds:
        assert option == key or not option & key, draft.choices


@pytest.mark.parametrize(
    ("text", "separator"),
    [
        ("environ 1 000 à 1 200 mg par jour", " "),
        ("environ 1\u202f000 à 1\u202f200 mg par jour", "\u202f"),
        ("environ 1000 à 1200 mg par jour", ""),
    ],
)
def test_a_value_moved_is_written_as_the_text_writes_its_thousands(text, separator):
    (figure,) = figures_of(text)
    _start, _end, low, high, unit, match = figure
    moved = figures._moved(low, high, unit, match)
    thousands = [n for value in moved for n in re.findall(r"\d[\d \u202f]*\d", value)]
    assert any(len(re.sub(r"\D", "", n)) >= 4 for n in thousands), moved
    for number in thousands:
        digits = re.sub(r"\D", "", number)
        grouped = f"{int(digits):,}".replace(",", separator)
        assert number == grouped, moved


def test_an_age_range_is_slid_to_ages_only():
    (figure,) = figures_of("La maladie débute le plus souvent entre 20 et 40 ans.")
    _start, _end, low, high, unit, match = figure
    assert figures._moved(low, high, unit, match) == ["entre 60 et 80 ans"]


def test_a_range_too_wide_to_slide_is_not_slid():
    (figure,) = figures_of("Une crise de migraine dure de 4 à 72 heures.")
    _start, _end, low, high, unit, match = figure
    assert figures._moved(low, high, unit, match) == []


def test_each_figure_whose_unit_no_other_shares_is_blanked():
    text = (
        "L'insuffisance cardiaque touche plus de 10 % des personnes de plus de 70 ans.\n\n"
        "Elle touche environ 2 % des adultes."
    )
    answers = {d.answer for d in draft_questions(text) if "_____" in d.stem}
    assert {"70 ans", "10 %"} <= answers  # each the only one of its unit in its sentence
    text = (
        "La maladie touche 1 % des adultes de 40 ans et 10 % des adultes de 70 ans.\n\n"
        "La maladie touche environ 2 % des adultes."
    )
    answers = {d.answer for d in draft_questions(text) if "_____" in d.stem}
    assert not answers & {"1 %", "10 %", "40 ans", "70 ans"}  # each tells the other's range
    text = (
        "L'hypoglycémie est une glycémie sous 0,70 g/L, soit 3,9 mmol/L, chez le diabétique."
        "\n\nLa glycémie normale à jeun est de 1 g/L."
    )
    assert not [d for d in draft_questions(text) if "_____" in d.stem]  # one value, two units


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


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("Chez environ 85 % des patients, on trouve des anticorps anti-récepteurs.", "85 %"),
        (
            "On parle de chutes répétées lorsqu'une personne est tombée au moins deux fois "
            "sur une période de 12 mois.",
            "12 mois",
        ),
        (
            "On parle d'hypocalcémie lorsque la calcémie est inférieure à 2,20 mmol/L.",
            "2,20 mmol/L",
        ),
        # An age that bounds a population, not a case study's person ('une femme de 45 ans').
        ("Chaque année, une personne sur trois de plus de 65 ans fait une chute.", "65 ans"),
    ],
)
def test_a_single_value_is_blanked_among_values_around_it(text, answer):
    """A value alone (no other of its unit in the text) is offered among three values moved
    by a round step around it, written as the text writes it, and of the same scale: a
    percentage under 100 %."""
    (draft,) = [d for d in draft_questions(text) if drafting.BLANK in d.stem]
    options = [option for option, _ok in draft.choices]
    assert draft.answer == answer and len(options) == 4
    unit = answer.split(" ", 1)[1]
    assert all(option.endswith(" " + unit) for option in options)
    assert all(("," in option) == ("," in answer) for option in options)
    values = sorted(float(o.split(" ")[0].replace(",", ".")) for o in options)
    assert len(set(values)) == 4 and all(0 < value < 100 for value in values)


@pytest.mark.parametrize(
    ("text", "step"),
    [
        # Durations and ages move by the steps a reader expects, not by odd ones.
        ("On parle de chutes répétées après deux chutes sur une période de 12 mois.", 6),
        ("Chaque année, une personne sur trois de plus de 65 ans fait une chute.", 10),
    ],
)
def test_a_duration_or_an_age_moves_by_a_natural_step(text, step):
    (draft,) = [d for d in draft_questions(text) if drafting.BLANK in d.stem]
    values = [int(option.split(" ")[0]) for option, _ok in draft.choices]
    answer = int(draft.answer.split(" ")[0])
    assert all((value - answer) % step == 0 for value in values)


def test_an_order_of_magnitude_is_offered_among_values_it_does_not_cover():
    """'environ 15 %': 14, 16 or 17 % are about 15 % too, so none would be plainly wrong."""
    text = (
        "La migraine touche environ 15 % des adultes. Elle touche 16 % des femmes, "
        "14 % des adolescents et 17 % des personnes âgées."
    )
    (draft,) = [d for d in draft_questions(text) if d.stem.startswith("La migraine touche env")]
    assert draft.answer == "15 %"
    values = [int(option.split(" ")[0]) for option, ok in draft.choices if not ok]
    assert len(values) >= 2 and all(abs(value - 15) > 15 / 4 for value in values)


@pytest.mark.parametrize(
    "text",
    [
        "Les crampes nocturnes toucheraient une personne sur trois après 60 ans.",
        "Une crampe peut durer jusqu'à 10 minutes.",
        # 'ne ... que' says the figure is small: the smallest option would be the key
        "Les récidives ne concernent que 2 à 5 % des patients.",
    ],
)
def test_no_figure_the_text_doubts_is_asked(text):
    assert not [d for d in draft_questions(text) if drafting.BLANK in d.stem]


def test_no_value_of_the_same_sentence_is_offered_as_wrong():
    """'après 50 ans' and 'après 60 ans' in one sentence are both true there."""
    text = (
        "Les crampes nocturnes sont très courantes après 50 ans : elles toucheraient une "
        "personne sur trois après 60 ans."
    )
    for draft in draft_questions(text):
        wrong = {option for option, ok in draft.choices if not ok}
        assert not wrong & {"50 ans", "60 ans"}


def test_the_explanation_quotes_what_the_statement_needed_and_what_follows():
    text = (
        "Le signe de Lhermitte est une décharge électrique dans le dos lors de la flexion "
        "du cou. Il traduit souvent une lésion de la moelle cervicale.\n\n"
        "Une crampe isolée n'est pas inquiétante. Ces signes doivent faire consulter :\n\n"
        "- des crampes très fréquentes ;\n- une faiblesse musculaire.\n"
    )
    drafts = draft_questions(text)
    (lhermitte,) = [d for d in drafts if "moelle cervicale" in d.stem]
    assert lhermitte.stem == (
        "Vrai ou faux ? « Le signe de Lhermitte traduit souvent une lésion de la moelle "
        "cervicale. »"
    )
    assert lhermitte.explanation.startswith("Vrai. D'après le cours : « Le signe de Lhermitte est")
    (isolated,) = [d for d in drafts if "crampe isolée" in d.stem]
    assert isolated.explanation.startswith("Faux. ")
    assert "consulter : des crampes très fréquentes ; une faiblesse musculaire. »" in (
        isolated.explanation
    )


# --- What an explanation quotes (quiz.drafting.explanations) ----------------------------


def explanation_of(text, words, topic=None):
    """What the explanation of a draft made from the statement with `words` quotes."""
    course = analysis.analyse(text)
    said = statements.statements_of(course.sentences, course, topic, lesson=course.sentences)
    return quoted(next(s for s in said if words in s.text))


@pytest.mark.parametrize(
    ("text", "words", "quoted", "left_out"),
    [
        # A pronoun that does not agree with the source's subject stands for something
        # else ('Ils' after 'Les récidives').
        (
            "Les récidives du syndrome sont rares chez les patients. Ils doivent toutefois "
            "signaler leur antécédent avant une vaccination.\n\n",
            "récidives",
            "« Les récidives du syndrome sont rares chez les patients. »",
            "Ils doivent",
        ),
        # The sentence before opens on a pronoun it does not carry the antecedent of.
        (
            "Les immunoglobulines et les échanges plasmatiques sont efficaces. Ils sont "
            "aussi efficaces l'un que l'autre. Les corticoïdes ne sont pas recommandés "
            "dans le syndrome de Guillain-Barré.\n\n",
            "corticoïdes",
            "« Les corticoïdes ne sont pas recommandés dans le syndrome de Guillain-Barré. »",
            "l'un que l'autre",
        ),
    ],
)
def test_an_explanation_quotes_no_sentence_that_is_about_something_else(
    text, words, quoted, left_out
):
    explanation = explanation_of(text, words)
    assert quoted in explanation
    assert left_out not in explanation


@pytest.mark.parametrize(
    ("text", "words", "quoted"),
    [
        # The next sentence goes on about the same subject ('Elle' for 'La contention').
        (
            "La contention physique n'est pas une mesure de prévention des chutes. Elle "
            "augmente le risque de blessures graves et de confusion.\n\n",
            "contention",
            "chutes. Elle augmente le risque de blessures graves",
        ),
        # 'On …' says what to do about what the source says.
        (
            "La tétanie liée à une hyperventilation ne nécessite pas de calcium. On rassure "
            "la personne et on l'aide à ralentir sa respiration.\n\n",
            "hyperventilation",
            "calcium. On rassure la personne",
        ),
    ],
)
def test_an_explanation_keeps_the_next_sentence_when_it_goes_on_about_the_claim(
    text, words, quoted
):
    assert quoted in explanation_of(text, words)


def test_a_claim_alone_in_its_paragraph_is_explained_by_a_reason_near_it():
    text = (
        "Les triptans sont pris au début de la douleur.\n\n"
        "Les opioïdes ne sont pas recommandés dans la migraine.\n\n"
        "Le repos au calme aide pendant la crise. Les opioïdes exposent à une dépendance, "
        "car leur effet diminue avec les prises répétées.\n\n"
    )
    explanation = explanation_of(text, "opioïdes ne sont pas recommandés")
    assert explanation.endswith(
        "« Les opioïdes ne sont pas recommandés dans la migraine. […] Les opioïdes exposent "
        "à une dépendance, car leur effet diminue avec les prises répétées. »"
    )
    assert "triptans" not in explanation


def test_a_definition_with_an_indefinite_article_is_what_the_next_pronoun_stands_for():
    said = statements_from(
        "Une crampe est une contraction involontaire et douloureuse d'un muscle. Elle "
        "survient volontiers la nuit."
    )
    assert "La crampe survient volontiers la nuit." in said


def test_a_pronoun_stands_for_the_topic_when_nothing_else_in_the_sentence_before_can():
    text = (
        "On estime que près de 120 000 personnes vivent avec une sclérose en plaques. Elle "
        "est plus fréquente loin de l'équateur."
    )
    said = statements_from(text, topic="la sclérose en plaques")
    assert "La sclérose en plaques est plus fréquente loin de l'équateur." in said
    # Another feminine noun in the sentence before: 'elle' may stand for it; left out.
    other = text.replace(
        "vivent avec une sclérose en plaques",
        "ont une sclérose en plaques et une atteinte visuelle",
    )
    assert not [
        s for s in statements_from(other, topic="la sclérose en plaques") if "équateur" in s
    ]


DEFINED = """Une crampe est une contraction involontaire et douloureuse d'un muscle.

La contracture est une contraction durable et douloureuse d'une partie d'un muscle.

La tendinite est une inflammation douloureuse d'un tendon après un effort.
"""


def test_a_defined_term_is_asked_with_the_texts_other_definitions():
    (draft,) = [d for d in draft_questions(DEFINED) if d.stem == "Qu'est-ce qu'une crampe ?"]
    assert draft.answer == "une contraction involontaire et douloureuse d'un muscle"
    wrong = {text for text, ok in draft.choices if not ok}
    assert "une contraction durable et douloureuse d'une partie d'un muscle" in wrong


FACTORS = """## Facteurs intrinsèques

- troubles de la marche
- hypotension orthostatique
- dénutrition
- dépression

## Facteurs extrinsèques

- éclairage insuffisant
- tapis au sol
- chaussures inadaptées
"""
INTRINSIC = {"troubles de la marche", "hypotension orthostatique", "dénutrition", "dépression"}
EXTRINSIC = {"éclairage insuffisant", "tapis au sol", "chaussures inadaptées"}


def test_select_all_from_lists_without_articles_under_opposed_headings():
    text = FACTORS
    drafts = [d for d in draft_questions(text) if d.kind == "multiple"]
    stems = {d.stem for d in drafts}
    assert "Parmi les propositions suivantes, lesquelles sont des facteurs intrinsèques ?" in stems
    for draft in drafts:
        right = {t for t, ok in draft.choices if ok}
        wrong = {t for t, ok in draft.choices if not ok}
        if "intrinsèques" in draft.stem:
            assert right <= INTRINSIC
            assert wrong <= EXTRINSIC


SIGNS_AND_CAUSES = """## Signes

- crampes musculaires
- spasme carpopédal
- laryngospasme
- convulsions

## Causes d'hypocalcémie

- hypoparathyroïdie
- carence en vitamine D
- insuffisance rénale chronique
"""


def test_no_select_all_with_distractors_of_another_kind():
    """Signs offered as wrong causes, causes as wrong signs: a learner rules them out."""
    assert not [d for d in draft_questions(SIGNS_AND_CAUSES) if d.kind == "multiple"]


COPD_SIGNS = """## Clinique

Signes :

- Toux et expectoration matinales
- Dyspnée d'effort
- Sifflements expiratoires

## Exacerbations

Signes de gravité :

- Dyspnée de repos
- Cyanose des lèvres
- Signes de lutte respiratoire
- Troubles de la conscience
"""


def test_select_all_from_a_list_that_narrows_another_of_its_kind():
    """'Signes de gravité' narrows 'Signes': the signs it does not list are wrong there
    ('Dyspnée d'effort' beside 'Dyspnée de repos'), though both lists name a dyspnoea; an
    option that repeats the stem's 'signes' is left out, not to give itself away."""
    (draft,) = [d for d in draft_questions(COPD_SIGNS) if d.kind == "multiple"]
    assert draft.stem == "Parmi les propositions suivantes, lesquelles sont des signes de gravité ?"
    right = {text for text, correct in draft.choices if correct}
    wrong = {text for text, correct in draft.choices if not correct}
    assert "dyspnée de repos" in right and "dyspnée d'effort" in wrong
    assert "signes de lutte respiratoire" not in right


def test_select_all_between_lists_of_one_kind_named_by_two_nouns():
    text = SIGNS_AND_CAUSES.replace("## Signes", "## Déclencheurs fréquents")
    stems = {d.stem for d in draft_questions(text) if d.kind == "multiple"}
    assert "Parmi les propositions suivantes, lesquelles sont des déclencheurs fréquents ?" in (
        stems
    )


@pytest.mark.parametrize(
    ("text", "tied"),
    [
        (
            "Le médecin recherche les anticorps dans une prise de sang.",
            "Dans la myasthénie, le médecin recherche les anticorps dans une prise de sang.",
        ),
        (
            "La poussée gênante est traitée par des corticoïdes à forte dose.",
            "Dans la myasthénie, la poussée gênante est traitée par des corticoïdes à forte dose.",
        ),
        # how it goes, what treats it, what it touches (a common noun after 'de')
        (
            "Les récidives ne sont pas rares.",
            "Dans la myasthénie, les récidives ne sont pas rares.",
        ),
        (
            "Les corticoïdes sont recommandés.",
            "Dans la myasthénie, les corticoïdes sont recommandés.",
        ),
        (
            "L'atteinte des muscles respiratoires conduit un patient sur quatre en réanimation.",
            "Dans la myasthénie, l'atteinte des muscles respiratoires conduit un patient sur "
            "quatre en réanimation.",
        ),
    ],
)
def test_a_clinical_statement_is_tied_to_the_topic(text, tied):
    course = "La myasthénie est une maladie auto-immune rare.\n\n" + text
    assert tied in statements_from(course, topic="la myasthénie")


@pytest.mark.parametrize(
    "text",
    [
        "Le calcium stabilise la membrane des cellules nerveuses.",  # no clinical subject
        "Le signe de Trousseau traduit une tétanie latente.",  # named: it says of what
        "Chez l'enfant, le médecin recherche une cause génétique.",  # says where it holds
    ],
)
def test_a_statement_that_holds_beyond_the_topic_is_left_as_it_is(text):
    course = "La myasthénie est une maladie auto-immune rare.\n\n" + text
    assert text in statements_from(course, topic="la myasthénie")


@pytest.mark.parametrize(
    ("text", "topic", "said"),
    [
        # a subject that names something of a disease, without saying of which: of the topic
        (
            "Le signe principal est la dyspnée, d'abord à l'effort puis au repos.",
            "l'insuffisance cardiaque",
            "Le signe principal de l'insuffisance cardiaque est la dyspnée, d'abord à l'effort "
            "puis au repos.",
        ),
        (
            "Le symptôme le plus fréquent est une fatigue qui ne passe pas avec le repos.",
            "l'anémie ferriprive",
            "Le symptôme le plus fréquent de l'anémie ferriprive est une fatigue qui ne passe "
            "pas avec le repos.",
        ),
        (
            "Le traitement dépend de la gravité des signes.",
            "le syndrome de Guillain-Barré",
            "Le traitement du syndrome de Guillain-Barré dépend de la gravité des signes.",
        ),
        # after a frame that says where it holds; with a word between article and noun
        (
            "Chez l'enfant, le traitement repose sur les immunoglobulines.",
            "le syndrome de Guillain-Barré",
            "Chez l'enfant, le traitement du syndrome de Guillain-Barré repose sur les "
            "immunoglobulines.",
        ),
        (
            "Les premiers signes touchent souvent les yeux.",
            "la myasthénie",
            "Les premiers signes de la myasthénie touchent souvent les yeux.",
        ),
        # a judgement (key for what?) and what the patient shows: in the topic
        (
            "L'IRM cérébrale et médullaire est l'examen clé.",
            "la sclérose en plaques",
            "Dans la sclérose en plaques, l'IRM cérébrale et médullaire est l'examen clé.",
        ),
        (
            "Les œdèmes des membres inférieurs gardent l'empreinte du doigt.",
            "l'insuffisance cardiaque",
            "Dans l'insuffisance cardiaque, les œdèmes des membres inférieurs gardent "
            "l'empreinte du doigt.",
        ),
        # the topic named by its initials is named
        (
            "Les corticoïdes sont efficaces dans le SGB.",
            "le syndrome de Guillain-Barré",
            "Les corticoïdes sont efficaces dans le SGB.",
        ),
        # 'premier' with what it ranks among; a kind named with 'une' is no judgement
        (
            "La corticothérapie est la première cause d'ostéoporose secondaire.",
            None,
            "La corticothérapie est la première cause d'ostéoporose secondaire.",
        ),
        (
            "Une cystite simple ne donne pas de fièvre.",
            None,
            "Une cystite simple ne donne pas de fièvre.",
        ),
    ],
)
def test_what_a_statement_leaves_unsaid_is_said_of_the_topic(text, topic, said):
    assert said in statements_from(text, topic=topic)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # 'le risque de BPCO' takes no article, 'l'examen neurologique' is the patient's
        ("Le risque augmente avec la consommation de tabac.", "la BPCO"),
        ("L'examen neurologique est normal entre les crises.", "la migraine"),
        ("Le reste est lié à de petites molécules.", "la tétanie"),
        # 'le premier signe' of those just listed
        ("Le premier signe est une faiblesse des jambes.", None),
    ],
)
def test_a_subject_that_cannot_be_said_of_the_topic_is_left_out(text, topic):
    subject = " ".join(text.split()[:2]).lower()
    assert not [s for s in statements_from(text, topic=topic) if s.lower().startswith(subject)]


def test_one_item_of_a_list_among_three_of_the_list_set_against_it():
    text = FACTORS
    (draft,) = [
        d
        for d in draft_questions(text)
        if d.stem == "Parmi les propositions suivantes, laquelle fait partie des facteurs "
        "intrinsèques ?"
    ]
    assert draft.kind == "single"
    assert draft.answer in INTRINSIC
    assert {t for t, ok in draft.choices if not ok} == EXTRINSIC


def test_a_draft_with_a_cue_is_proposed_after_those_without():
    """The key alone clearly the longest option (quiz.cues): still proposed, a step down."""
    from quiz.drafting.drafts import make_draft
    from quiz.drafting.ranking import without_cues_first

    options = ["la sclérose latérale amyotrophique", "la myopathie", "la tumeur"]
    cued = make_draft("single", "_____ détruit les motoneurones.",
                      [(o, o == options[0]) for o in options], options[0], "x", 3.0)  # fmt: skip
    options = ["la sclérose latérale amyotrophique", "la neuropathie périphérique diabétique",
               "la maladie de Parkinson"]  # fmt: skip
    plain = make_draft("single", "_____ détruit les motoneurones.",
                       [(o, o == options[0]) for o in options], options[0], "y", 3.0)  # fmt: skip
    ranked = without_cues_first([cued, plain])
    assert ranked[1].score == 3.0 and ranked[0].score < 3.0


def test_no_draft_carries_a_citation_mark():
    text = (
        "La sclérose en plaques[1] est une maladie auto-immune du système nerveux[2],[3].\n\n"
        "Elle n'est pas contagieuse[réf. nécessaire].\n\n"
        "Les formes progressives sont rares[4]."
    )
    for draft in draft_questions(text):
        everything = " ".join([draft.stem, draft.explanation, *(t for t, _ok in draft.choices)])
        assert not statements.CITATION.search(everything)


# --- Which statement is right, or wrong ------------------------------------------------------

MYASTHENIA = (
    "La myasthénie est une maladie auto-immune de la jonction neuromusculaire. "
    "La myasthénie n'atteint pas la sensibilité. "
    "Les anticorps bloquent les récepteurs de l'acétylcholine. "
    "Les médicaments anticholinestérasiques améliorent rapidement la force. "
    "Le thymus joue un rôle dans la production des anticorps. "
    "La fatigue musculaire augmente à l'effort. "
    "Le repos améliore la force musculaire."
)
EXACT = "Parmi ces affirmations sur la myasthénie, laquelle est exacte ?"
WRONG = "Parmi ces affirmations sur la myasthénie, laquelle est fausse ?"


def statement_choices(text, stem):
    return [d for d in draft_questions(text, topic="Myasthénie") if d.stem == stem]


def test_one_true_statement_among_false_ones_and_the_other_way_round():
    drafts = draft_questions(MYASTHENIA, topic="Myasthénie")
    true_false = {
        d.stem.removeprefix("Vrai ou faux ? « ").removesuffix(" »"): d.answer
        for d in drafts
        if d.kind == "true_false"
    }
    exact, wrong = statement_choices(MYASTHENIA, EXACT), statement_choices(MYASTHENIA, WRONG)
    assert exact and wrong
    for draft in exact + wrong:
        assert draft.kind == "single" and len(draft.choices) == 4
        assert not find_cues(draft.stem, draft.choices)
        for text, correct in draft.choices:
            # a false option is a false statement of the true/false rules, and so on
            if true_false.get(text) == "Faux":
                assert correct == (draft in wrong)
            elif text in true_false:
                assert correct == (draft in exact)
    assert "Le thymus joue un rôle dans la production des anticorps." in {d.answer for d in exact}
    # keyed only by a claim the text denies: never by a negation the rules added
    assert [d.answer for d in wrong] == ["La myasthénie atteint la sensibilité."]
    assert wrong[0].explanation.startswith(
        "Cette affirmation est fausse. D'après le cours : « La myasthénie n'atteint pas la "
        "sensibilité. »"
    )


def test_no_statement_choice_whose_key_alone_affirms_or_denies():
    """Without 'La myasthénie n'atteint pas la sensibilité', every true statement affirms and every
    false one denies: the key would be the only affirmative option (or the only negative)."""
    text = MYASTHENIA.replace("La myasthénie n'atteint pas la sensibilité. ", "")
    assert statement_choices(text, EXACT) == []
    assert statement_choices(text, WRONG) == []


def test_a_statement_is_offered_as_a_wrong_option_twice_at_most():
    offered = [
        text
        for draft in statement_choices(MYASTHENIA, EXACT)
        for text, correct in draft.choices
        if not correct
    ]
    assert offered and max(Counter(offered).values()) == 2


@pytest.mark.parametrize(
    ("title", "phrase"),
    [
        ("Prévention des chutes", "la prévention des chutes"),
        ("Syndrome du canal carpien (SCC)", "le syndrome du canal carpien"),
        ("Hypoglycémie", "l'hypoglycémie"),
        ("Escarres : prévention", "les escarres"),
        ("Sepsis", "le sepsis"),  # singular, whatever its last letter
        ("Douleur", None),  # the text never says 'la douleur'
    ],
)
def test_the_statements_stem_names_the_course_by_its_title(title, phrase):
    text = (
        "La prévention des chutes est un enjeu. Le syndrome du canal carpien touche la main. "
        "L'hypoglycémie est fréquente. Les escarres sont des plaies. Le sepsis est grave."
    )
    assert analysis.titled(title, analysis.analyse(text)) == phrase


def test_the_topic_is_found_where_the_parser_cuts_its_name():
    """'le syndrome de Guillain' | '-Barré': the title is still what the text writes."""
    text = "Le syndrome de Guillain-Barré est une polyradiculonévrite aiguë. Il est rare."
    course = analysis.analyse(text)
    assert analysis.topic_phrase("Syndrome de Guillain-Barré", course) == (
        "le syndrome de Guillain-Barré"
    )


@pytest.mark.parametrize(
    ("title", "text", "topic"),
    [
        # a title written as a phrase, with its article and what it is said of
        (
            "La déshydratation de la personne âgée",
            "La déshydratation est un déficit en eau. La déshydratation est fréquente.",
            "la déshydratation",
        ),
        (
            "La cystite chez la femme : comprendre, soigner",
            "La cystite est une infection de la vessie. La cystite est fréquente.",
            "la cystite",
        ),
        # a title with its abbreviation and its name on either side of a dash
        (
            "BPCO – Bronchopneumopathie chronique obstructive",
            "La BPCO est une maladie respiratoire chronique. La BPCO est fréquente.",
            "la BPCO",
        ),
        # what kind of topic, not which one: 'la maladie' is no topic
        (
            "La maladie de Parkinson chez le sujet âgé",
            "La maladie est fréquente. La maladie évolue lentement.",
            None,
        ),
        # 'Leucémie' opens on no article
        ("Leucémie aiguë", "La leucémie est un cancer du sang. Elle est rare.", None),
        # a title without its article stays whole: 'la prévention' is no topic to tie to
        (
            "Prévention des chutes chez la personne âgée",
            "La prévention des chutes repose sur l'activité physique.",
            None,
        ),
        (
            "Surveillance neurologique du patient adulte",
            "La surveillance neurologique est répétée. La surveillance neurologique est tracée.",
            None,
        ),
        # notes that write the name without 'le' or 'la': the article it takes
        (
            "Asthme de l'adulte",
            "Asthme = maladie inflammatoire chronique des bronches.\n\nUn asthme contrôlé "
            "ne réveille pas la nuit.",
            "l'asthme",
        ),
        (
            "BPCO – Bronchopneumopathie chronique obstructive",
            "BPCO = bronchopneumopathie chronique obstructive.\n\nUne BPCO s'aggrave lentement.",
            "la BPCO",
        ),
        (
            "Hypoglycémie chez la personne diabétique : reconnaître et réagir",
            "Une hypoglycémie se corrige en quelques minutes. Une hypoglycémie sévère est "
            "une urgence.",
            "l'hypoglycémie",
        ),
        # a name the text writes once is not what it is about
        ("Asthme de l'adulte", "Un asthme contrôlé ne réveille pas la nuit.", None),
        # a title without its article is cut before who has it, not before where it is:
        # 'Secousses dans la jambe' is not 'les secousses'
        (
            "Secousses dans la jambe",
            "Les secousses dans la jambe sont fréquentes. Les secousses sont le plus souvent "
            "bénignes.",
            None,
        ),
    ],
)
def test_the_topic_is_found_in_a_title_written_as_a_phrase(title, text, topic):
    assert analysis.topic_phrase(title, analysis.analyse(text)) == topic


@pytest.mark.parametrize("title", ["(SEP)", ": notes", " ", "–"])
def test_a_title_with_no_words_names_no_topic(title):
    # a course titled so made topic_phrase raise an IndexError, which stopped its drafting
    text = "La sclérose en plaques est une maladie rare. La SEP touche l'adulte jeune."
    assert analysis.topic_phrase(title, analysis.analyse(text)) is None
    assert isinstance(draft_questions(text, topic=title), list)


# --- Matching a list's names and descriptions (quiz.drafting.matching) -------------------

PAIN_TYPES = """## Types de douleur

Types :

- **douleur aiguë** : signal d'alarme, récente, cède avec sa cause
- **douleur nociceptive** : lésion des tissus (fracture, plaie, inflammation) ; répond aux antalgiques habituels
- **douleur neuropathique** : lésion du système nerveux ; brûlure, décharges électriques ; répond mal aux antalgiques habituels
- **douleur induite par les soins** : prévisible, donc à prévenir (pansement, mobilisation)
"""  # noqa: E501


def matching(text):
    return [d for d in draft_questions(text) if "correspond" in d.stem]


def test_a_described_name_is_asked_among_the_other_names_of_its_list():
    drafts = {d.answer: d for d in matching(PAIN_TYPES) if "à quoi correspond" in d.stem}
    draft = drafts["Douleur neuropathique"]
    assert draft.stem == (
        "Types de douleur : à quoi correspond « lésion du système nerveux ; "
        "brûlure, décharges électriques ; répond mal aux antalgiques habituels » ?"
    )
    assert {text for text, _correct in draft.choices} >= {
        "Douleur neuropathique",
        "Douleur nociceptive",
        "Douleur aiguë",
    }
    assert "Douleur neuropathique :" in draft.explanation
    assert not any(find_cues(d.stem, d.choices) for d in drafts.values())


def test_a_name_is_asked_the_other_way_round_among_short_descriptions():
    drafts = [d for d in matching(PAIN_TYPES) if "quelle description" in d.stem]
    draft = next(d for d in drafts if "« Douleur aiguë »" in d.stem)
    assert draft.stem == "Types de douleur : quelle description correspond à « Douleur aiguë » ?"
    assert draft.answer == "Signal d'alarme, récente, cède avec sa cause"
    assert len(draft.choices) >= 3


def test_a_name_whose_description_is_a_word_or_two_is_asked_among_them():
    text = (
        "Selon l'OMS :\n\n- T-score supérieur à –1 : densité normale ;\n"
        "- T-score entre –1 et –2,5 : ostéopénie ;\n"
        "- T-score inférieur ou égal à –2,5 : ostéoporose.\n"
    )
    drafts = {d.answer: d for d in matching(text)}
    assert set(drafts) == {"Densité normale", "Ostéopénie", "Ostéoporose"}
    draft = drafts["Ostéopénie"]
    assert draft.stem == "Selon l'OMS : à quoi correspond « T-score entre –1 et –2,5 » ?"
    assert {text for text, _correct in draft.choices} == set(drafts)


@pytest.mark.parametrize(
    ("items", "why"),
    [
        # Verbs and adverbs name nothing: 'tracer', 'quand', 'comparer les scores'.
        (
            [
                "tracer : score, outil utilisé, heure, action, résultat",
                "quand : à l'entrée, à intervalles réguliers, à chaque plainte",
                "comparer les scores : un score ne se compare qu'avec ceux du même patient",
            ],
            "not names",
        ),
        # A mnemonic's letters: the description starts with the answer.
        (
            [
                "P = Provoquée ou calmée par quoi, position, mouvement",
                "Q = Qualité de la douleur, brûlure, étau",
                "R = Région de la douleur et irradiation",
            ],
            "letters",
        ),
        # Two named things are no list to choose from.
        (
            [
                "Algoplus : douleur aiguë de la personne âgée qui ne peut pas communiquer",
                "Doloplus : douleur chronique de la personne âgée, mieux rempli en équipe",
            ],
            "two",
        ),
        # A kind of disorder named by the system it touches says what it covers.
        (
            [
                "Troubles moteurs : faiblesse d'un ou de plusieurs membres, raideur",
                "Troubles sensitifs : fourmillements, engourdissements, sensation de brûlure",
                "Troubles urinaires : besoins pressants, fuites, vidange incomplète de la vessie",
            ],
            "transparent",
        ),
        # A description that names its own thing gives the answer.
        (
            [
                "Crampe : une crampe est une contraction douloureuse et prolongée",
                "Fasciculation : une fasciculation est une secousse brève et visible",
                "Myoclonie : une myoclonie est un sursaut bref et involontaire",
            ],
            "echo",
        ),
    ],
)
def test_no_matching_item_without_three_named_and_described_things(items, why):
    text = "Notes :\n\n" + "\n".join(f"- {item}" for item in items) + "\n"
    assert matching(text) == [], why


def test_the_stem_says_what_the_list_is_about_and_keeps_out_notes_symbols():
    text = (
        "## Traitement\n\n"
        "Paliers de l'OMS (Organisation mondiale de la santé) :\n\n"
        "1. palier 1 : non opioïdes (paracétamol, AINS = anti-inflammatoires) ; EN ≥ 4 → IDE\n"
        "2. palier 2 : opioïdes faibles (tramadol, codéine)\n"
        "3. palier 3 : opioïdes forts (morphine, oxycodone)\n"
    )
    drafts = {d.answer: d for d in matching(text) if "à quoi correspond" in d.stem}
    assert drafts["Palier 1"].stem == (
        "Paliers de l'OMS : à quoi correspond « non opioïdes (paracétamol, AINS : "
        "anti-inflammatoires) » ?"
    )
    assert not any(mark in drafts["Palier 1"].explanation for mark in ("→", "≥", " = "))
    assert drafts["Palier 2"].explanation == (
        "D'après le cours : « Palier 2 : opioïdes faibles (tramadol, codéine). » À distinguer de "
        "« Palier 1 : non opioïdes (paracétamol, AINS : anti-inflammatoires) » et de "
        "« Palier 3 : opioïdes forts (morphine, oxycodone) »."
    )


@pytest.mark.parametrize(
    ("heading", "intro", "about"),
    [
        (
            "Traitement",
            "Paliers de l'OMS (Organisation mondiale de la santé) :",
            "Paliers de l'OMS",
        ),
        ("Définitions", "Types :", "Types de douleur"),  # every name opens on 'douleur'
        ("Échelles d'hétéro-évaluation", "", "Échelles d'hétéro-évaluation"),
        # the heading names what the names share: which stages, not 'Types de stade'
        ("Stades de la NYHA", "La gêne est classée en stades :", "Stades de la NYHA"),
    ],
)
def test_the_stem_opens_on_what_the_list_is_about(heading, intro, about):
    names = ["douleur aiguë", "douleur chronique", "douleur nociceptive"]
    if heading.startswith("Stades"):
        names = ["Stade I", "Stade II", "Stade III"]
    if heading.startswith("Échelles"):
        names = ["Algoplus", "Doloplus", "BPS"]
    items = [
        f"- {names[0]} : signal d'alarme, récente, cède avec sa cause",
        f"- {names[1]} : dure plus de trois mois, une maladie à part entière",
        f"- {names[2]} : lésion des tissus, répond aux antalgiques habituels",
    ]
    text = f"## {heading}\n\n{intro}\n\n" + "\n".join(items) + "\n"
    stems = [d.stem for d in matching(text)]
    assert stems and all(stem.startswith(f"{about} : ") for stem in stems), stems


def test_a_list_of_activities_under_their_own_headings_gives_no_matching():
    text = (
        "Rôle infirmier :\n\n"
        "- Surveillance : FR, SpO2, couleur, conscience, expectoration\n"
        "- Éducation : reconnaître une exacerbation, plan d'action écrit\n"
        "- Sevrage tabagique : conseil minimal, orientation vers un tabacologue\n"
        "- Vaccinations : grippe chaque année, pneumocoque\n"
    )
    assert matching(text) == []


ASTHMA_TERMS = """## Vocabulaire de l'asthme

Termes à connaître :

- **Wheezing** : sifflements expiratoires, audibles parfois sans stéthoscope
- **Exacerbation** : aggravation des symptômes sur plusieurs jours, qui change le traitement
- **Asthme aigu grave** : crise qui ne cède pas au traitement habituel = urgence vitale
- **Asthme contrôlé** : symptômes de jour ≤ 2 fois/semaine
"""


def test_one_name_of_an_activity_among_terms_is_a_term():
    """'Exacerbation' ends like 'Surveillance' or 'Éducation', but beside 'Wheezing' it
    is a term of the list, not a heading for what a list sorts."""
    answers = {d.answer for d in matching(ASTHMA_TERMS) if "à quoi correspond" in d.stem}
    assert "Exacerbation" in answers


def test_a_description_keeps_the_phrase_a_notes_symbol_ends():
    """'crise qui ne cède pas au traitement habituel = urgence vitale': the phrase before
    '=' says what the term is; 'symptômes de jour ≤ 2 fois/semaine' leaves too little."""
    texts = [d.stem for d in matching(ASTHMA_TERMS)] + [
        text for d in matching(ASTHMA_TERMS) for text, _correct in d.choices
    ]
    assert "Crise qui ne cède pas au traitement habituel" in texts
    assert not any("symptômes de jour" in text.lower() for text in texts)


def test_matching_items_rank_below_a_clean_true_false():
    text = PAIN_TYPES + "\nLe calcium stabilise la membrane des cellules nerveuses.\n"
    drafts = draft_questions(text)
    negated = [d for d in drafts if d.kind == "true_false" and d.answer == "Faux"]
    assert negated and matching(text)
    assert max(d.score for d in matching(text)) < max(d.score for d in negated)


def test_short_names_of_different_lengths_are_options_alike():
    text = (
        "Échelles :\n\n"
        "- Algoplus : douleur aiguë de la personne âgée qui ne peut pas communiquer\n"
        "- Doloplus : douleur chronique de la personne âgée\n"
        "- BPS (Behavioral Pain Scale) : patient sédaté et ventilé en réanimation\n"
    )
    draft = next(d for d in matching(text) if d.answer == "BPS")
    assert sorted(text for text, _c in draft.choices) == ["Algoplus", "BPS", "Doloplus"]


@pytest.mark.parametrize(
    ("text", "passage"),
    [
        # The key's next sentence goes on about it ('Elle' for 'La contention physique').
        (
            "La contention physique n'est pas une mesure de prévention des chutes. Elle "
            "augmente le risque de blessures graves et de confusion.",
            "« La contention physique n'est pas une mesure de prévention des chutes. Elle "
            "augmente le risque de blessures graves et de confusion. »",
        ),
        # The next sentence is about something else: the key's passage is its own sentence.
        (
            "La myasthénie n'atteint pas la sensibilité. Les anticorps bloquent les "
            "récepteurs de l'acétylcholine.",
            "« La myasthénie n'atteint pas la sensibilité. »",
        ),
    ],
)
def test_the_key_of_a_which_statement_item_is_explained_by_what_goes_on_about_it(text, passage):
    course = analysis.analyse(text)
    said = statements.statements_of(course.sentences, course, lesson=course.sentences)
    assert statement_choice._passage(said[0], why=True) == passage


@pytest.mark.parametrize(
    "text, sentences",
    [
        # A hyphen with no space before it is inside a word: the parser cuts there.
        (
            "Le système rénine-angiotensine-aldostérone fait retenir au rein du sel. "
            "Le cœur se dilate.",
            [
                "Le système rénine-angiotensine-aldostérone fait retenir au rein du sel.",
                "Le cœur se dilate.",
            ],
        ),
        (
            "Le dosage sanguin du BNP ou du NT-proBNP aide au diagnostic.",
            ["Le dosage sanguin du BNP ou du NT-proBNP aide au diagnostic."],
        ),
        (
            "- T-score supérieur à –1 : densité normale ;",
            ["T-score supérieur à –1 : densité normale ;"],
        ),
        (
            "- le poignet (fracture de Pouteau-Colles), souvent vers 55 à 65 ans ;",
            ["le poignet (fracture de Pouteau-Colles), souvent vers 55 à 65 ans ;"],
        ),
        # A piece that opens on a comma, or on a bracket after no full stop, goes on.
        ("- bradycardie, pauses respiratoires", ["bradycardie, pauses respiratoires"]),
        (
            "- des signes la nuit : cauchemars, draps trempés de sueur ;",
            ["des signes la nuit : cauchemars, draps trempés de sueur ;"],
        ),
        (
            "Montre un trouble ventilatoire obstructif (VEMS/CV < 0,70) réversible.",
            ["Montre un trouble ventilatoire obstructif (VEMS/CV < 0,70) réversible."],
        ),
        # An abbreviation's full stop ends no sentence.
        (
            "Épidémio : env. 6 à 7 % des adultes en France ; env. 1 000 décès/an.",
            ["Épidémio : env. 6 à 7 % des adultes en France ; env. 1 000 décès/an."],
        ),
        # Sentences that end are still cut.
        ("La crampe est brève. Elle cède seule.", ["La crampe est brève.", "Elle cède seule."]),
    ],
)
def test_a_sentence_is_not_cut_inside_a_word_brackets_or_after_an_abbreviation(text, sentences):
    assert [s.text for s in analysis.analyse(text).sentences] == sentences


def statements_by_paragraph(text, title):
    """The statements of a text drafted as a lesson is: paragraph by paragraph, with the
    topic its title names."""
    course = analysis.analyse(text)
    topic = analysis.topic_phrase(title, course)
    found = []
    for block in sorted({s.block for s in course.sentences}):
        sentences = [s for s in course.sentences if s.block == block]
        found += statements.statements_of(sentences, course, topic, (), course.sentences)
    return [s.text for s in found]


@pytest.mark.parametrize(
    ("text", "resolved", "left_out"),
    [
        # 'Ce' stands for the term the sentence before says what it is.
        (
            "La cystite est une infection de la vessie. C'est l'infection urinaire la plus "
            "fréquente.",
            "La cystite est l'infection urinaire la plus fréquente.",
            None,
        ),
        (
            "L'insuffisance cardiaque est l'incapacité du cœur à assurer un débit suffisant. "
            "Ce n'est pas une maladie unique mais un syndrome.",
            "L'insuffisance cardiaque n'est pas une maladie unique mais un syndrome.",
            None,
        ),
        # After a description, 'c'est' speaks of the whole situation.
        ("Le patient est très essoufflé, assis. C'est une urgence vitale.", None, "urgence"),
        # 'C'est le cas' says nothing of its own; a cleft names its subject.
        ("La SLA est une maladie rare. C'est le cas de la maladie de Charcot.", None, "cas"),
        (
            "L'anémie ferriprive est une maladie fréquente. C'est la fatigue qui domine.",
            "C'est la fatigue qui domine.",
            None,
        ),
        # What 'c'est' stands for, the next pronoun stands for too.
        (
            "L'anémie ferriprive est une maladie fréquente. C'est la cause la plus fréquente "
            "d'anémie. Elle touche surtout les femmes jeunes.",
            "L'anémie ferriprive touche surtout les femmes jeunes.",
            None,
        ),
        (
            "Le patient est très essoufflé. C'est une urgence vitale. Il est installé assis.",
            "Le patient est installé assis.",
            None,
        ),
    ],
)
def test_c_est_stands_for_what_the_sentence_before_says_what_it_is(text, resolved, left_out):
    found = statements_from(text)
    if resolved:
        assert resolved in found
    if left_out:
        assert not [s for s in found if left_out in s]


@pytest.mark.parametrize(
    ("text", "resolved", "left_out"),
    [
        # A paragraph that opens on 'Elle' goes on about the topic.
        (
            "L'insuffisance cardiaque est une maladie fréquente.\n\n"
            "Elle touche surtout les personnes âgées.",
            "L'insuffisance cardiaque touche surtout les personnes âgées.",
            None,
        ),
        # Not where the paragraph before ends on something else it could stand for.
        (
            "L'insuffisance cardiaque est une maladie fréquente. La fraction d'éjection est "
            "la part du sang éjectée.\n\nElle est normalement supérieure à 50 %.",
            None,
            "supérieure",
        ),
        # Nor after a list, nor for a pronoun of another gender.
        (
            "L'insuffisance cardiaque est une maladie fréquente. Ses causes sont :\n\n"
            "- l'hypertension\n- l'infarctus\n- la valvulopathie\n\n"
            "Elle touche surtout les personnes âgées.",
            None,
            "touche",
        ),
        (
            "L'insuffisance cardiaque est une maladie fréquente.\n\n"
            "Il touche surtout les personnes âgées.",
            None,
            "touche",
        ),
    ],
)
def test_a_paragraph_opening_on_a_pronoun_goes_on_about_the_topic(text, resolved, left_out):
    found = statements_by_paragraph(text, "Insuffisance cardiaque")
    if resolved:
        assert resolved in found
    if left_out:
        assert not [s for s in found if left_out in s]
