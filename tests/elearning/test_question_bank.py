"""The shipped question bank: answerable, tied to the lessons, free of the source's errors.

The bank (in fixtures/secousses-dans-la-jambe.json, with the course) holds one checkpoint quiz per
lesson and the final quiz's own pool. It is read here as shipped (tests/bank.py), and checked
against the lessons it is about and against the brief's list of what the source text (a machine
translation) gets wrong.
"""

import json
import random
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from quiz.models import QuestionKind, validate_choices
from tests.bank import BANK, COURSE_FIXTURE, SHIPPED

FIXTURE_TEXT = COURSE_FIXTURE.read_text(encoding="utf-8")
RECORDS = json.loads(FIXTURE_TEXT)
SOURCE_TEXT = (
    Path(settings.BASE_DIR) / "content" / "source" / "secousses-dans-la-jambe.txt"
).read_text(encoding="utf-8")

LESSONS = {
    item["fields"]["slug"]: item["fields"]
    for item in RECORDS
    if item["model"] == "elearning.lesson" and not item["fields"].get("is_archived")
}


def objective_lines(slug):
    """A lesson's objectives, one a line, read as ``Lesson.objective_list`` reads them."""
    lines = LESSONS[slug]["objectives"].splitlines()
    return [line.strip(" -*\t") for line in lines if line.strip()]


ALL_OBJECTIVES = {(slug, objective) for slug in LESSONS for objective in objective_lines(slug)}

CHECKPOINT_QUESTIONS = [
    (f"{checkpoint['lesson'][:24]}-{number:02d}", question)
    for checkpoint in BANK["checkpoints"]
    for number, question in enumerate(checkpoint["questions"], start=1)
]
FINAL_QUESTIONS = [
    (f"final-{number:02d}", question)
    for number, question in enumerate(BANK["final"]["questions"], start=1)
]
QUESTIONS = CHECKPOINT_QUESTIONS + FINAL_QUESTIONS


def readable_ids(labelled):
    return [f"{label}-{question['kind']}" for label, question in labelled]


def normalized(text):
    return " ".join(text.split()).casefold()


def plain(markdown):
    """A lesson body as running text: no emphasis marks, list bullets, headings or tables."""
    lines = []
    for line in markdown.splitlines():
        line = line.strip()
        if line.startswith(("!!!", "|")):
            continue
        line = re.sub(r"^#+\s*", "", line)
        line = re.sub(r"^-\s+", "", line)
        lines.append(line)
    return " ".join(" ".join(lines).replace("*", "").split())


def correct_texts(question):
    return [choice["text"] for choice in question["choices"] if choice["correct"]]


def test_the_fixture_is_utf8_json_indented_by_two_spaces_with_one_kind_of_apostrophe():
    assert json.dumps(RECORDS, ensure_ascii=False, indent=2) + "\n" == FIXTURE_TEXT
    assert "'" not in FIXTURE_TEXT  # the course's own apostrophe is ’, as the interface's


# -- every question can be answered, and says where it comes from ---------------------------


@pytest.mark.parametrize(("label", "question"), QUESTIONS, ids=readable_ids(QUESTIONS))
def test_every_question_passes_the_admins_choice_rules(label, question):
    choices = [(choice["text"], choice["correct"]) for choice in question["choices"]]
    try:
        validate_choices(question["kind"], choices)
    except ValidationError as error:  # pragma: no cover - the message is the point
        pytest.fail(f"{label}: {error.messages}")
    assert question["kind"] in QuestionKind.values
    assert question["points"] >= 1
    assert all(len(choice["text"]) <= 500 for choice in question["choices"])
    if question["kind"] == QuestionKind.TRUE_FALSE:
        assert [choice["text"] for choice in question["choices"]] == ["Vrai", "Faux"]
    if question["partial_credit"]:
        assert question["kind"] == QuestionKind.MULTIPLE


@pytest.mark.parametrize(("label", "question"), QUESTIONS, ids=readable_ids(QUESTIONS))
def test_every_question_is_tied_to_a_lesson_objective_and_passage(label, question):
    assert question["explanation"].strip()
    assert question["lesson"] in LESSONS
    assert question["objective"] in objective_lines(question["lesson"])
    assert len(question["objective"]) <= 300  # QuestionSource.objective
    assert question["category"].strip()
    # The passage is copied from the lesson as shipped (Markdown marks aside).
    assert question["passage"].strip()
    assert plain(question["passage"]) in plain(LESSONS[question["lesson"]]["body"])


def test_the_bank_is_large_enough_and_uses_every_kind():
    kinds = Counter(question["kind"] for _label, question in QUESTIONS)
    assert len(QUESTIONS) >= 40
    assert set(kinds) == set(QuestionKind.values)
    assert kinds[QuestionKind.MULTIPLE] >= 3
    assert kinds[QuestionKind.TRUE_FALSE] >= 3


def test_no_question_is_asked_twice():
    texts = [normalized(question["text"]) for _label, question in QUESTIONS]
    assert [text for text, count in Counter(texts).items() if count > 1] == []


def test_every_objective_of_every_lesson_is_covered():
    covered = {(question["lesson"], question["objective"]) for _label, question in QUESTIONS}
    assert covered == ALL_OBJECTIVES


def test_the_bank_reads_objectives_as_the_loaded_lessons_do(shipped_course):
    loaded = {lesson.slug: lesson.objective_list for lesson in shipped_course.lessons.all()}
    assert loaded == {slug: objective_lines(slug) for slug in LESSONS}


def test_categories_are_one_per_objective():
    objectives_of = defaultdict(set)
    categories_of = defaultdict(set)
    for _label, question in QUESTIONS:
        objective = (question["lesson"], question["objective"])
        objectives_of[question["category"]].add(objective)
        categories_of[objective].add(question["category"])
    assert all(len(objectives) == 1 for objectives in objectives_of.values()), objectives_of
    assert all(len(categories) == 1 for categories in categories_of.values()), categories_of
    assert len(objectives_of) == len(ALL_OBJECTIVES)
    assert all(len(name) <= 200 for name in objectives_of)  # Category.name


def test_at_least_four_short_clinical_cases():
    case = re.compile(r"^(M\.|Mme) [A-Z]\., \d+ ans, ")
    cases = [question for _label, question in QUESTIONS if case.match(question["text"])]
    assert len(cases) >= 4
    assert any(case.match(question["text"]) for _label, question in FINAL_QUESTIONS)


def test_the_right_answer_does_not_give_itself_away():
    # Its length, the stem's words and its form: quiz.cues, run on the bank by
    # tests/quiz/test_cues.py. Here what that check does not see.
    singles = [question for _label, question in QUESTIONS if question["kind"] == "single"]
    first = 0
    for question in singles:
        first += question["choices"][0]["correct"]
    # The right answer is not always in the same place.
    assert first <= len(singles) / 2
    catch_alls = re.compile(r"toutes les réponses|aucune des réponses|tout ce qui précède", re.I)
    for _label, question in QUESTIONS:
        assert not any(catch_alls.search(choice["text"]) for choice in question["choices"])


# -- checkpoints and the final quiz -----------------------------------------------------------


def test_every_lesson_has_one_checkpoint_of_three_to_five_questions_about_it():
    lessons = [checkpoint["lesson"] for checkpoint in BANK["checkpoints"]]
    assert sorted(lessons) == sorted(LESSONS)
    for checkpoint in BANK["checkpoints"]:
        lesson = checkpoint["lesson"]
        assert checkpoint["title"] == f"Vérifier ses acquis : {LESSONS[lesson]['title']}"
        assert 3 <= len(checkpoint["questions"]) <= 5, lesson
        assert {question["lesson"] for question in checkpoint["questions"]} == {lesson}


def test_final_quiz_settings():
    final = BANK["final"]
    assert final["title"].startswith("Examen final : ")
    assert final["description"].strip()
    assert (final["pass_mark"], final["max_attempts"], final["time_limit_minutes"]) == (80, 3, 30)
    assert final["grading_method"] == "highest"
    assert final["review_policy"] == "after_last_or_pass"
    assert final["shuffle_questions"] and final["shuffle_choices"]


def test_final_quiz_draws_fifteen_questions_covering_every_objective():
    draw = {rule["category"]: rule["count"] for rule in BANK["final"]["draw"]}
    assert len(draw) == len(BANK["final"]["draw"])  # one rule per category
    assert sum(draw.values()) == 15
    assert all(count >= 1 for count in draw.values())
    pool = Counter(question["category"] for _label, question in FINAL_QUESTIONS)
    # Every final question can be drawn, and every rule can be met.
    assert set(pool) == set(draw)
    assert all(pool[category] >= count for category, count in draw.items()), (pool, draw)
    # Draws vary: most categories hold more questions than they draw.
    varied = [category for category, count in draw.items() if pool[category] > count]
    assert len(varied) > len(draw) / 2
    # Every objective of the course is in a drawn category, hence in every attempt.
    drawn_objectives = {
        (question["lesson"], question["objective"])
        for _label, question in FINAL_QUESTIONS
        if question["category"] in draw
    }
    assert drawn_objectives == ALL_OBJECTIVES


def test_the_final_pool_is_its_own():
    checkpoint_texts = {normalized(question["text"]) for _label, question in CHECKPOINT_QUESTIONS}
    repeated = [
        question["text"]
        for _label, question in FINAL_QUESTIONS
        if normalized(question["text"]) in checkpoint_texts
    ]
    assert repeated == []


def test_some_final_multiple_response_questions_give_partial_credit():
    partial = [
        question
        for _label, question in FINAL_QUESTIONS
        if question["kind"] == "multiple" and question["partial_credit"]
    ]
    assert len(partial) >= 2


# -- no question rewards the source text's errors (CONTENT.md) -------------------------------

NEGATION = r"\b(?:ne|n['’]|pas|non|ni|jamais)\b"


@dataclass(frozen=True)
class ForbiddenClaim:
    """An error of the source text, as a right answer would state it.

    A right answer (a correct choice, or a true/false statement whose answer is "Vrai") states
    the error when ``answer`` matches the answer's own text, every ``context`` pattern matches
    the question and answer together, and ``exempt`` (a negation, a hedge) matches nowhere in
    ``exempt_in`` ("answer" or "context").
    """

    name: str
    answer: str
    context: tuple = ()
    exempt: str = NEGATION
    exempt_in: str = "context"

    def stated_by(self, answer, context):
        answer, context = answer.casefold(), context.casefold()
        if not re.search(self.answer, answer):
            return False
        if not all(re.search(pattern, context) for pattern in self.context):
            return False
        return not re.search(self.exempt, answer if self.exempt_in == "answer" else context)


FORBIDDEN_CLAIMS = [
    # "Dans certaines maladies neurologiques (la sclérose en plaques ou maladie de Parkinson),
    # la mort de certaines cellules nerveuses, les motoneurones, survient."
    ForbiddenClaim(
        "SEP ou Parkinson détruisent les motoneurones",
        answer=r"sclérose en plaques|\bsep\b|parkinson",
        context=(r"motoneurone", r"détrui|destruction|\bmort\b|meurent|perte"),
    ),
    # "le froid et hypothermie ou chauffer accident vasculaire cérébral": a heat stroke.
    ForbiddenClaim(
        "un AVC (au lieu d'un coup de chaleur) déclenche des secousses",
        answer=r"accident vasculaire|\bavc\b",
    ),
    # "On pense qu'il s'agit d'un défaut de transmission de l'influx nerveux au muscle."
    ForbiddenClaim(
        "le défaut de transmission de l'influx est la cause établie du SJSR",
        answer=r"défaut\b[^.]*\btransmission|transmission de l['’]influx[^.]*\bau muscle",
        exempt=r"hypoth[eè]se",
    ),
    ForbiddenClaim(
        "le syndrome des jambes sans repos est une forme de fasciculation",
        answer=r"fasciculation",
        context=(
            r"jambes sans repos|sjsr|willis",
            r"(?:forme|sorte|type|variante) de fasciculation|est une fasciculation"
            r"|sont des fasciculations",
        ),
    ),
    # "Secousses soudaines dans le jambe ... sont appelés fasciculations": a jerk of the whole
    # leg is a hypnic jerk, a painful lasting contraction a cramp.
    ForbiddenClaim(
        "toute secousse soudaine (sursaut, crampe) est une fasciculation",
        answer=r"^\W*(?:une |des )?fasciculations?\b"
        r"|\b(?:est|sont|appel\w*|nomm\w*) (?:une |des )?fasciculations?\b",
        context=(
            r"secousses? soudaines?|toute secousse|sursaut|toute la jambe|tout le corps"
            r"|secousse hypnique|myoclonie|crampe|douloureuse et prolongée",
        ),
        exempt=r"\bn['’]est pas\b|\bne sont pas\b|\bpas (?:une|des|de) fasciculation|\bni\b",
    ),
    # When to seek advice: isolated twitching in a healthy person is almost always benign ...
    ForbiddenClaim(
        "des fasciculations isolées, sans signe d'alerte, sont graves ou urgentes",
        answer=r"\bpathologiques?\b|en urgence|\bgraves?\b|avis médical|à faire évaluer",
        context=(
            r"isolées?|sans (?:faiblesse|autre signe|aucun autre signe|signe d['’]alerte)"
            r"|aucun signe d['’]alerte|force (?:est )?normale",
        ),
        exempt_in="answer",
    ),
    # ... and pathological twitching almost never comes alone.
    ForbiddenClaim(
        "des fasciculations pathologiques surviennent seules, sans autre signe",
        answer=r"isolées?|sans (?:aucun )?autre signe|\bseules?\b",
        context=(r"pathologiques?|causes? graves?|maladies? graves?|\bsla\b",),
        exempt_in="answer",
    ),
]

# A true/false statement whose right answer is "Faux" must not be one of the brief's corrections.
CORRECTIONS = [
    r"(?:sclérose en plaques|parkinson)[^.]*\bne détrui\w* pas[^.]*motoneurones",
    r"^(?:la )?(?:sla|sclérose latérale amyotrophique|maladie de charcot)\b[^.]*\bdétrui\w*"
    r"[^.]*motoneurones",
    r"jambes sans repos[^.]*n['’]est pas une (?:forme|sorte|type) de fasciculation",
    r"secousse hypnique[^.]*n['’]est pas une fasciculation",
    r"fasciculations? isolées?[^.]*presque toujours bénignes?",
    r"coup de chaleur[^.]*(?<!ne )(?:demande|nécessite)[^.]*prise en charge",
]

# The source's language slips (CONTENT.md), which no text of the bank may repeat.
LANGUAGE_SLIPS = [
    "dans le jambe",
    "contracter involontairement",
    "centre système nerveux",
    "cerveau ainsi que moelle",
    "impulsions nerveuses peuvent parfois dépasser",
    "du contraction",
    "magnésium carence",
    "cerveau tumeur",
    "virus or ",
    "chauffer accident",
    "brûlant des sensations",
]


def right_answers(question):
    """(answer, context) for what the question rewards as true."""
    if question["kind"] == QuestionKind.TRUE_FALSE:
        if question["choices"][0]["correct"]:  # "Vrai"
            yield question["text"], question["text"]
        return
    for text in correct_texts(question):
        yield text, f"{question['text']} {text}"


@pytest.mark.parametrize("claim", FORBIDDEN_CLAIMS, ids=lambda claim: claim.name)
def test_no_right_answer_states_an_error_of_the_source(claim):
    stating = [
        f"{label}: {answer}"
        for label, question in QUESTIONS
        for answer, context in right_answers(question)
        if claim.stated_by(answer, context)
    ]
    assert stating == []


def test_no_false_statement_is_one_of_the_briefs_corrections():
    for label, question in QUESTIONS:
        if question["kind"] == QuestionKind.TRUE_FALSE and question["choices"][1]["correct"]:
            statement = question["text"].casefold()
            matching = [pattern for pattern in CORRECTIONS if re.search(pattern, statement)]
            assert matching == [], label


def test_no_text_of_the_bank_repeats_the_sources_language_slips():
    source = " ".join(SOURCE_TEXT.split()).casefold()
    assert [slip for slip in LANGUAGE_SLIPS if slip not in source] == []  # real slips

    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)

    text = "\n".join(strings(BANK)).casefold()
    assert [slip for slip in LANGUAGE_SLIPS if slip in text] == []


# The checks above are only worth what they catch: each catches its error as the source states
# it (quoted from the shipped copy of the source) or as a right answer would, and lets the
# corrected statement through.


class FromSource(str):
    """An example quoted from the source text."""


ERROR_EXAMPLES = {
    "SEP ou Parkinson détruisent les motoneurones": [
        FromSource(
            "Dans certaines maladies neurologiques (la sclérose en plaques ou maladie de "
            "Parkinson), la mort de certaines cellules nerveuses, les motoneurones, survient."
        ),
        ("La maladie de Parkinson", "Quelle maladie détruit les motoneurones ?"),
    ],
    "un AVC (au lieu d'un coup de chaleur) déclenche des secousses": [
        FromSource(
            "Les autres causes des mouvements incontrôlés sont le froid et hypothermie ou "
            "chauffer accident vasculaire cérébral."
        ),
    ],
    "le défaut de transmission de l'influx est la cause établie du SJSR": [
        FromSource(
            "On pense qu'il s'agit d'un défaut de transmission de l'influx nerveux au muscle."
        ),
        (
            "Un défaut démontré de transmission de l'influx nerveux au muscle",
            "Que sait-on de la cause du syndrome des jambes sans repos ?",
        ),
    ],
    "le syndrome des jambes sans repos est une forme de fasciculation": [
        "Le syndrome des jambes sans repos est une forme de fasciculation.",
        ("une forme de fasciculation", "Le syndrome des jambes sans repos est :"),
    ],
    "toute secousse soudaine (sursaut, crampe) est une fasciculation": [
        FromSource(
            "Secousses soudaines dans le jambe n'ont généralement aucune valeur de maladie et "
            "sont appelés fasciculations."
        ),
        ("Une fasciculation", "Toute la jambe sursaute à l’endormissement : comment le nommer ?"),
    ],
    "des fasciculations isolées, sans signe d'alerte, sont graves ou urgentes": [
        "Des fasciculations isolées chez une personne en bonne santé sont pathologiques.",
        ("Un avis médical en urgence", "Sa force est normale et elle n’a aucune autre plainte."),
    ],
    "des fasciculations pathologiques surviennent seules, sans autre signe": [
        "Les fasciculations pathologiques surviennent isolées, sans autre signe.",
    ],
}
CORRECTED_EXAMPLES = {
    "SEP ou Parkinson détruisent les motoneurones": [
        "La sclérose en plaques et la maladie de Parkinson ne détruisent pas les motoneurones.",
    ],
    "un AVC (au lieu d'un coup de chaleur) déclenche des secousses": [
        "Un coup de chaleur, et non un accident vasculaire cérébral.",
    ],
    "le défaut de transmission de l'influx est la cause établie du SJSR": [
        "Un défaut de transmission de l’influx nerveux au muscle n’est qu’une hypothèse.",
    ],
    "le syndrome des jambes sans repos est une forme de fasciculation": [
        "Le syndrome des jambes sans repos n’est pas une forme de fasciculation.",
    ],
    "toute secousse soudaine (sursaut, crampe) est une fasciculation": [
        "Le sursaut de toute la jambe à l’endormissement n’est pas une fasciculation.",
        "Une fasciculation est une contraction brève de quelques fibres musculaires.",
    ],
    "des fasciculations isolées, sans signe d'alerte, sont graves ou urgentes": [
        "Des fasciculations isolées chez une personne en bonne santé sont presque toujours "
        "bénignes.",
    ],
    "des fasciculations pathologiques surviennent seules, sans autre signe": [
        "Une fasciculation pathologique ne vient presque jamais seule.",
    ],
}


def as_answer(example):
    if isinstance(example, tuple):
        answer, question = example
        return answer, f"{question} {answer}"
    return example, example


@pytest.mark.parametrize("claim", FORBIDDEN_CLAIMS, ids=lambda claim: claim.name)
def test_each_forbidden_claim_catches_its_error_and_spares_the_correction(claim):
    for example in ERROR_EXAMPLES[claim.name]:
        if isinstance(example, FromSource):
            assert example in " ".join(SOURCE_TEXT.split())
        assert claim.stated_by(*as_answer(example)), example
    for example in CORRECTED_EXAMPLES[claim.name]:
        assert not claim.stated_by(*as_answer(example)), example


def test_the_corrections_list_recognises_the_corrections():
    examples = [
        "La sclérose en plaques ne détruit pas les motoneurones.",
        "La SLA détruit progressivement les motoneurones.",
        "Le syndrome des jambes sans repos n’est pas une forme de fasciculation.",
        "La secousse hypnique n’est pas une fasciculation.",
        "Des fasciculations isolées chez une personne en bonne santé sont presque toujours "
        "bénignes.",
        "Un coup de chaleur demande une prise en charge pour lui-même.",
    ]
    assert not re.search(CORRECTIONS[-1], "un coup de chaleur ne demande aucune prise en charge.")
    for pattern, example in zip(CORRECTIONS, examples, strict=True):
        assert re.search(pattern, example.casefold()), example


# -- the second review: what the cue check cannot see, pinned question by question ---------
# A nursing instructor's review (issue 12, part 5) found twenty-odd questions that fail a
# criterion of CONTENT.md. The mechanical cues (length, the stem's words, form) are checked on
# every question by quiz.cues; these tests keep the other fixes fixed.


def the_question(start):
    (question,) = [q for _label, q in QUESTIONS if q["text"].startswith(start)]
    return question


def distractor_texts(question):
    return [choice["text"] for choice in question["choices"] if not choice["correct"]]


def test_the_review_kept_the_number_of_questions_of_every_quiz():
    assert [len(checkpoint["questions"]) for checkpoint in BANK["checkpoints"]] == [
        4,
        4,
        4,
        4,
        5,
        4,
    ]
    assert len(FINAL_QUESTIONS) == 43


def test_the_restless_legs_questions_on_its_cause_are_filed_under_the_distinction():
    """Its cause and what worsens it are not "when it comes and what is felt"; the course sets
    them against the causes of fasciculations (iron against magnesium, no motor neurons)."""
    on_cause = [the_question("Que sait-on aujourd’hui de la cause"), the_question("Quel facteur")]
    for question in on_cause:
        assert question["lesson"] == "syndrome-des-jambes-sans-repos"
        assert question["objective"] == (
            "Distinguer le syndrome des jambes sans repos des fasciculations."
        )
        assert question["category"] == "L4 · Jambes sans repos ou fasciculations"
        assert any("magnésium" in text for text in distractor_texts(question))
    survenue = [
        question
        for _label, question in QUESTIONS
        if question["category"] == "L4 · Jambes sans repos : survenue et sensations"
    ]
    cause_words = re.compile(r"\bcauses?\b|aggrav|\bfer\b|dopamine|hypothèse", re.I)
    assert [q["text"] for q in survenue if cause_words.search(q["text"])] == []
    assert [
        q["text"] for q in survenue for text in correct_texts(q) if cause_words.search(text)
    ] == []


SERIOUS_CAUSES = {
    "maladie des motoneurones": r"motoneurone",
    "tumeur cérébrale": r"tumeur",
    "inflammation du cerveau": r"inflammation",
    "infection virale ou bactérienne": r"infection",
}


def test_the_causes_of_pathological_fasciculations_are_every_serious_cause_the_lessons_teach():
    question = the_question("Les fasciculations pathologiques peuvent être causées par")
    assert question["kind"] == QuestionKind.MULTIPLE
    keys = " ".join(correct_texts(question))
    assert [
        cause for cause, pattern in SERIOUS_CAUSES.items() if not re.search(pattern, keys)
    ] == []
    lesson5 = plain(LESSONS["causes-graves-rares"]["body"])
    assert all(re.search(pattern, lesson5) for pattern in SERIOUS_CAUSES.values())
    for text in distractor_texts(question):
        assert not any(re.search(pattern, text) for pattern in SERIOUS_CAUSES.values()), text
    assert "leçon 5" in question["explanation"]


TRUE_FALSE = [(label, q) for label, q in QUESTIONS if q["kind"] == QuestionKind.TRUE_FALSE]


def content_words(text):
    return set(re.findall(r"\w{5,}", text.casefold()))


@pytest.mark.parametrize(("label", "question"), TRUE_FALSE, ids=readable_ids(TRUE_FALSE))
def test_a_true_false_explanation_does_more_than_restate_its_statement(label, question):
    statement, explanation = normalized(question["text"]), normalized(question["explanation"])
    assert explanation not in statement and statement.rstrip(".") not in explanation
    assert not explanation.startswith("c’est le mécanisme décrit")
    assert "décrit dans la leçon" not in explanation
    # It brings words of its own: a reason, a contrast, what the statement leaves out. (Five
    # words of five letters or more: a bare restatement, « Le mouvement soulage : marcher, se
    # lever ou étirer les jambes calme les symptômes », brings four.)
    assert len(content_words(explanation) - content_words(statement)) >= 5, label


# The six that only restated their statement or a list now say why; each names its reason.
REASONS = {
    "Une fasciculation pathologique s’accompagne": "atteignent le système nerveux",
    "Selon le critère de la fréquence, les fasciculations": "déclencheurs de la vie courante",
    "Quand les influx nerveux s’emballent": "chaque fois qu’il reçoit un influx nerveux",
    "Dans le syndrome des jambes sans repos, bouger": "signes qui définissent le syndrome",
    "Des infections par des virus ou des bactéries": "perturber la commande des muscles",
    "Des crampes associées à une faiblesse musculaire": "atteinte des motoneurones",
}


@pytest.mark.parametrize(("start", "reason"), REASONS.items(), ids=list(REASONS))
def test_the_reviewed_true_false_explanations_say_why(start, reason):
    explanation = the_question(start)["explanation"]
    assert reason in explanation
    assert re.search(r"c['’]est pourquoi|\bcar\b|\bsi\b|\bs['’]il\b|\s:\s", explanation)


def test_no_stem_points_at_its_only_matching_option():
    """« le froid et l'hypothermie ou, au contraire : » left one option that is heat."""
    heat = the_question("Lequel de ces états le cours range-t-il")
    assert correct_texts(heat) == ["Un coup de chaleur"]
    assert not re.search(r"au contraire|froid", heat["text"])
    assert "Un accident vasculaire cérébral" in distractor_texts(heat)
    for _label, question in QUESTIONS:
        assert not re.search(r"au contraire\s*:\s*$", question["text"]), question["text"]


def test_the_options_of_one_question_are_of_one_kind():
    # Every option of the sensations question is a sensation, not a sign seen by others.
    sensations = the_question("Quelles sensations accompagnent souvent")
    assert all(
        re.search(r"sensation|picotement", choice["text"]) for choice in sensations["choices"]
    )
    # What worsens restless legs: two deficiencies, not a deficiency and its opposite.
    worsens = the_question("Quel facteur aggrave")
    texts = [choice["text"] for choice in worsens["choices"]]
    assert sum(text.startswith("Une carence en") for text in texts) == 2
    assert not any(re.search(r"apport|excès|élevé", text) for text in texts)
    # The warning sign is not the only option that is not a twitch.
    warning = the_question("Lequel de ces signes, associé à des fasciculations")
    twitch = re.compile(r"secousse|frémissement|sursaut|fasciculation", re.I)
    assert [text for text in distractor_texts(warning) if not twitch.search(text)]
    # The two cases: « À faire évaluer » and « Probablement bénignes » on both sides.
    for start in ("Mme V., 67 ans", "M. G., 45 ans"):
        question = the_question(start)
        key_label = correct_texts(question)[0].split(" : ")[0]
        labels = [text.split(" : ")[0] for text in distractor_texts(question)]
        assert key_label == "À faire évaluer" and key_label in labels
        assert "Probablement bénignes" in labels


# Names of one thing: two options that name it twice are one distractor, or a giveaway.
SYNONYMS = [
    (r"sclérose latérale amyotrophique|\bsla\b", r"charcot"),
    (r"secousse hypnique", r"myoclonie d['’]endormissement"),
    (r"jambes sans repos|\bsjsr\b", r"willis-ekbom"),
]


def test_no_question_offers_one_thing_under_two_names():
    for _label, question in QUESTIONS:
        texts = [choice["text"].casefold() for choice in question["choices"]]
        for name, other in SYNONYMS:
            naming = [t for t in texts if re.search(name, t) and not re.search(other, t)]
            other_naming = [t for t in texts if re.search(other, t) and not re.search(name, t)]
            assert not (naming and other_naming), question["text"]


REMOVED_DISTRACTORS = [
    "Pathologiques, car elles surviennent chez une soignante fatiguée",
    "De la peau, qui transmet elle-même les signaux au muscle",
    "C’est une infection virale du cerveau, qui guérit d’elle-même",
    "La maladie de Charcot",
]


def test_the_distractors_nobody_would_choose_are_gone():
    texts = {choice["text"] for _label, q in QUESTIONS for choice in q["choices"]}
    assert texts.isdisjoint(REMOVED_DISTRACTORS)
    # Their replacements are mistakes a student can make, each corrected by its feedback.
    replacements = {
        "Mme S., 27 ans": "sous la peau",
        "D’où viennent normalement les signaux": "Des nerfs de la jambe",
        "Pourquoi la maladie de Parkinson": "carence en fer",
    }
    for start, words in replacements.items():
        question = the_question(start)
        (choice,) = [c for c in question["choices"] if words in c["text"] and not c["correct"]]
        assert choice["feedback"].strip()


def test_a_comparison_of_frequency_reads_as_one():
    """« Les bénignes et les pathologiques sont aussi fréquentes » read as "also frequent"."""
    for _label, question in QUESTIONS:
        for text in [question["text"], *(choice["text"] for choice in question["choices"])]:
            assert not re.search(r"\baussi (?:fréquent|rare)\w*\b(?! que)", text), text


# -- loaded into the database by the lead's loader -------------------------------------------


def test_loading_the_bank_gives_each_lesson_a_checkpoint_and_the_course_a_final_quiz(
    shipped_course,
):
    from elearning.content import load_question_bank
    from elearning.models import QuestionSource
    from quiz.attempts import draw_questions
    from quiz.models import Category, Choice, DrawRule, Question, Quiz

    created = load_question_bank()
    assert len(created) == len(BANK["checkpoints"]) + 1

    lessons = list(shipped_course.lessons.filter(is_archived=False))
    assert {lesson.slug for lesson in lessons} == set(LESSONS)
    for lesson in lessons:
        quiz = lesson.checkpoint_quiz
        assert quiz is not None, lesson.slug
        questions = list(quiz.questions.published())
        assert 3 <= len(questions) <= 5, lesson.slug
        assert {question.source.lesson_id for question in questions} == {lesson.pk}

    shipped_course.refresh_from_db()
    final = shipped_course.final_quiz
    assert final is not None
    assert (final.pass_mark, final.max_attempts, final.time_limit_minutes) == (80, 3, 30)
    assert (final.grading_method, final.review_policy) == ("highest", "after_last_or_pass")
    # The final quiz picks nothing: it draws from the course's whole bank, checkpoints'
    # questions included, rather than from copies of them.
    assert final.bank == shipped_course.bank and not final.questions.exists()
    assert shipped_course.bank.questions.published().count() == len(SHIPPED)
    assert len(FINAL_QUESTIONS) == len(SHIPPED) - sum(
        len(checkpoint["questions"]) for checkpoint in BANK["checkpoints"]
    )
    draw_categories = {rule.category_id for rule in final.draw_rules.all()}
    attempts = set()
    for seed in range(20):
        drawn = draw_questions(final, rng=random.Random(seed))
        assert len(drawn) == len({question.pk for question in drawn}) == 15
        assert {question.category_id for question in drawn} == draw_categories
        attempts.add(frozenset(question.pk for question in drawn))
    assert len(attempts) > 1  # the pool is larger than one attempt

    def counts():
        return [
            model.objects.count()
            for model in (Quiz, Question, Choice, Category, DrawRule, QuestionSource)
        ]

    before = counts()
    assert load_question_bank() == []
    assert counts() == before
