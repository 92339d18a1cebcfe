"""Item analysis (quiz/statistics.py) and its admin page: figures worked out by hand, first and
all attempts, a cohort of learners, flags, empty cases, bad parameters, permissions and a
page that runs the same queries whatever the number of attempts."""

import random

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from elearning.models import User
from quiz.attempts import save_answer, start_attempt, submit_attempt
from quiz.models import Category, Choice, DrawRule, Question, QuestionStatus
from quiz.statistics import (
    ALL,
    DISTRACTOR,
    DUBIOUS,
    EASY,
    HARD,
    quiz_statistics,
    shown,
)
from tests.conftest import teach

pytestmark = pytest.mark.django_db

approx = pytest.approx


def sit(learner, quiz, answers, rng=random):
    """One submitted attempt: for each question in the quiz's order, the text of the choice
    picked ("Bonne" is right, "Fausse" and "Autre" are wrong), a tuple of texts for a
    multiple-response question, or None to leave it blank."""
    attempt, _created = start_attempt(learner, quiz, rng=rng)
    for response in attempt.responses.order_by("position"):
        picked = answers[response.position - 1]
        if picked is None:
            continue
        texts = picked if isinstance(picked, tuple) else (picked,)
        ids = [choice["id"] for choice in response.choices if choice["text"] in texts]
        save_answer(attempt, response, ids)
    submit_attempt(attempt)
    return attempt


def kinds(flags):
    return [flag.kind for flag in flags]


# The case worked out by hand -------------------------------------------------------------
#
# Five learners, five single-choice questions of 1 point (choices "Bonne" (right), "Fausse",
# "Autre"), first attempts. Marks x (1 right, 0 wrong), the choice picked, and totals T:
#
#        Q1       Q2       Q3       Q4       Q5       T
#   L1   1 Bonne  1 Bonne  1 Bonne  1 Bonne  0 Fausse 4
#   L2   1 Bonne  1 Bonne  1 Bonne  0 Fausse 0 Autre  3
#   L3   1 Bonne  1 Bonne  0 Fausse 0 Autre  0 Autre  2
#   L4   1 Bonne  0 Fausse 0 Autre  1 Bonne  0 Autre  2
#   L5   1 Bonne  0 Fausse 0 blank  0 Autre  0 Autre  1

HAND_CASE = [
    ("Bonne", "Bonne", "Bonne", "Bonne", "Fausse"),
    ("Bonne", "Bonne", "Bonne", "Fausse", "Autre"),
    ("Bonne", "Bonne", "Fausse", "Autre", "Autre"),
    ("Bonne", "Fausse", "Autre", "Bonne", "Autre"),
    ("Bonne", "Fausse", None, "Autre", "Autre"),
]


@pytest.fixture
def hand_case(make_quiz, make_user):
    quiz = make_quiz(questions=5)
    learners = [make_user() for _ in HAND_CASE]
    for learner, answers in zip(learners, HAND_CASE, strict=True):
        sit(learner, quiz, answers)
    teach(*learners)  # the ``instructor`` fixture's cohort: she sees them
    return quiz, learners


def test_quiz_figures_worked_out_by_hand(hand_case):
    quiz, _learners = hand_case
    figures = quiz_statistics(quiz)
    # s = 5 attempts of 5 learners; each attempt's maximum is 5 points.
    assert (figures.attempt_count, figures.learner_count, figures.max_score) == (5, 5, 5)
    # Mean: (4 + 3 + 2 + 2 + 1) / 5 = 12 / 5 = 2.4 points, 48 % of 5.
    assert figures.mean == approx(2.4)
    assert figures.mean_percent == approx(48)
    # Median of 1, 2, 2, 3, 4: 2 points (40 %).
    assert figures.median == approx(2)
    assert figures.median_percent == approx(40)
    # Deviations from 2.4: 1.6, 0.6, -0.4, -0.4, -1.4; their powers' sums:
    # squares 2.56 + 0.36 + 0.16 + 0.16 + 1.96 = 5.2,
    # cubes 4.096 + 0.216 - 0.064 - 0.064 - 2.744 = 1.44,
    # fourth powers 6.5536 + 0.1296 + 0.0256 + 0.0256 + 3.8416 = 10.576.
    # Sample standard deviation: sqrt(5.2 / 4) = sqrt(1.3) = 1.140175 points (22.80 %).
    assert figures.standard_deviation == approx(1.140175, abs=1e-6)
    assert figures.standard_deviation_percent == approx(22.80351, abs=1e-5)
    # m2 = 5.2 / 5 = 1.04, m3 = 1.44 / 5 = 0.288, m4 = 10.576 / 5 = 2.1152;
    # k2 = 5 * 1.04 / 4 = 1.3; k3 = 25 * 0.288 / (4 * 3) = 0.6;
    # skewness = 0.6 / 1.3^1.5 = 0.6 / 1.482228 = 0.404796.
    assert figures.skewness == approx(0.404796, abs=1e-6)
    # k4 = 25 * (6 * 2.1152 - 3 * 4 * 1.04^2) / (4 * 3 * 2) = 25 * (12.6912 - 12.9792) / 24
    #    = -0.3; kurtosis = -0.3 / 1.3^2 = -0.177515.
    assert figures.kurtosis == approx(-0.177515, abs=1e-6)
    # Every attempt held the same five questions: they are the items. Their marks' sample
    # variances: Q1 0, Q2 (1,1,1,0,0) 1.2 / 4 = 0.3, Q3 0.3, Q4 0.3, Q5 0; sum 0.9.
    # Alpha = 100 * 5/4 * (1 - 0.9 / 1.3) = 125 * 0.4 / 1.3 = 38.4615 %.
    assert (figures.items, figures.item_count) == ("questions", 5)
    assert figures.cic == approx(38.461538, abs=1e-5)
    # Error ratio = 100 * sqrt(1 - 0.384615) = 78.4465 %; standard error =
    # 0.784465 * 1.140175 = sqrt(0.615385 * 1.3) = sqrt(0.8) = 0.894427 points (17.89 %).
    assert figures.error_ratio == approx(78.446454, abs=1e-5)
    assert figures.standard_error == approx(0.894427, abs=1e-6)
    assert figures.standard_error_percent == approx(17.888544, abs=1e-5)
    # Groups: 27 % of 5 = 1.35, one attempt each. Strong: a total of at least the highest
    # (4): L1. Weak: at most the lowest (1): L5.
    assert (figures.strong_cutoff, figures.weak_cutoff) == (4, 1)
    assert (figures.strong_count, figures.weak_count) == (1, 1)


def test_question_figures_worked_out_by_hand(hand_case):
    quiz, _learners = hand_case
    q1, q2, q3, q4, q5 = quiz_statistics(quiz).questions
    assert [figures.question.number for figures in (q1, q2, q3, q4, q5)] == [1, 2, 3, 4, 5]
    for figures in (q1, q2, q3, q4, q5):
        assert figures.attempts == 5
        # 1 point of 5 in every attempt.
        assert figures.intended_weight == approx(20)
        # Single choice among 3, one right: Moodle's mean fraction (1 + 0 + 0) / 3.
        assert figures.random_guess_score == approx(100 / 3)

    # Q1, all right: facility 100 %, no spread; a mark that never varies discriminates
    # nothing (no index, no efficiency); cov(x, T) = 0, so its effective weight is 0.
    assert (q1.facility, q1.standard_deviation) == (approx(100), approx(0))
    assert (q1.discrimination_index, q1.discriminative_efficiency) == (None, None)
    assert q1.effective_weight == approx(0)
    assert kinds(q1.flags) == [EASY]

    # Q2: x = 1,1,1,0,0 (mean 0.6), rest y = T - x = 3,2,1,2,1 (mean 1.8).
    # Facility 60 %; variance of x: (3 * 0.16 + 2 * 0.36) / 4 = 0.3, sd sqrt(0.3) = 54.77 %.
    assert q2.facility == approx(60)
    assert q2.standard_deviation == approx(54.772256, abs=1e-5)
    # cov(x, y) = (0.4*1.2 + 0.4*0.2 + 0.4*-0.8 + -0.6*0.2 + -0.6*-0.8) / 4 = 0.6 / 4 = 0.15;
    # var(y) = (1.44 + 0.04 + 0.64 + 0.04 + 0.64) / 4 = 0.7;
    # discrimination index = 100 * 0.15 / sqrt(0.3 * 0.7) = 32.7327 %.
    assert q2.discrimination_index == approx(32.732684, abs=1e-5)
    # Sorted, x = 0,0,1,1,1 and y = 1,1,2,2,3: covmax = (0.48 + 0.48 + 0.08 + 0.08 + 0.48) / 4
    # = 0.4; efficiency = 100 * 0.15 / 0.4 = 37.5 %.
    assert q2.discriminative_efficiency == approx(37.5)
    assert q2.flags == []

    # Q3: x = 1,1,0,0,0, y = 3,2,2,2,1 (mean 2): cov = (0.6*1 + 0.4*1) / 4 = 0.25,
    # var(y) = 2 / 4 = 0.5; index = 100 * 0.25 / sqrt(0.3 * 0.5) = 64.5497 %.
    # Sorted y = 1,2,2,2,3 pairs exactly as observed: covmax = 0.25, efficiency 100 %.
    assert q3.facility == approx(40)
    assert q3.discrimination_index == approx(64.549722, abs=1e-5)
    assert q3.discriminative_efficiency == approx(100)
    assert (q3.unanswered, q3.unanswered_share) == (1, approx(20))  # L5 left it blank
    assert q3.flags == []

    # Q4: x = 1,0,0,1,0, y = 3,3,2,1,1 (mean 2):
    # cov = (0.6*1 - 0.4*1 - 0.4*0 + 0.6*-1 - 0.4*-1) / 4 = 0: no discrimination.
    # Sorted y = 1,1,2,3,3: covmax = (0.4 + 0.4 + 0 + 0.6 + 0.6) / 4 = 0.5; efficiency 0 %,
    # under Moodle's 15 %: dubious.
    assert q4.discrimination_index == approx(0)
    assert q4.discriminative_efficiency == approx(0)
    assert kinds(q4.flags) == [DUBIOUS]

    # Q5, all wrong: facility 0 %. L1 (strong) picked "Fausse", L5 (weak) "Autre":
    # "Fausse" tempts 100 % of the strong group and 0 % of the weak one.
    assert q5.facility == approx(0)
    assert kinds(q5.flags) == [HARD, DISTRACTOR]
    assert q5.flags[1].choice.text == "Fausse"

    # Effective weights: cov(x, T) is 0.45 for Q2 ((0.4*1.6 + 0.4*0.6 + 0.4*-0.4 - 0.6*-0.4
    # - 0.6*-1.4) / 4 = 1.8 / 4), 0.55 for Q3 (2.2 / 4), 0.3 for Q4 (1.2 / 4), 0 for Q1, Q5.
    # sqrt: 0.670820, 0.741620, 0.547723; sum 1.960163.
    assert q2.effective_weight == approx(34.222688, abs=1e-5)
    assert q3.effective_weight == approx(37.834605, abs=1e-5)
    assert q4.effective_weight == approx(27.942707, abs=1e-5)


def test_distractor_shares_worked_out_by_hand(hand_case):
    quiz, _learners = hand_case
    questions = quiz_statistics(quiz).questions

    def shares(figures):
        return [(c.text, c.count, c.share) for c in figures.choices]

    assert shares(questions[1]) == [("Bonne", 3, 60), ("Fausse", 2, 40), ("Autre", 0, 0)]
    # Q3: one learner in five left it blank; the shares do not add up to 100 %.
    assert shares(questions[2]) == [("Bonne", 2, 40), ("Fausse", 1, 20), ("Autre", 1, 20)]
    assert shares(questions[3]) == [("Bonne", 2, 40), ("Fausse", 1, 20), ("Autre", 2, 40)]
    fausse, autre = questions[4].choices[1:]
    # Strong group: L1 alone; weak group: L5 alone.
    assert (fausse.strong_share, fausse.weak_share, fausse.favours_strong) == (100, 0, True)
    assert (autre.strong_share, autre.weak_share, autre.favours_strong) == (0, 100, False)
    # Q2's "Fausse" was picked by L4 (middle) and L5 (weak): not a strong learner's choice.
    assert questions[1].choices[1].favours_strong is False


# First or all attempts, a cohort ---------------------------------------------------------


def test_all_attempts_count_each_attempt_as_another_learners(hand_case, make_user):
    quiz, learners = hand_case
    # L5 tries again and gets everything right (5 points); L1's second attempt is still in
    # progress, so it counts nowhere.
    sit(learners[4], quiz, ["Bonne"] * 5)
    start_attempt(learners[0], quiz)

    first = quiz_statistics(quiz)
    assert (first.attempt_count, first.learner_count, first.mean) == (5, 5, approx(2.4))

    every = quiz_statistics(quiz, attempts=ALL)
    # Totals 4, 3, 2, 2, 1 and 5: mean 17 / 6; median of 1, 2, 2, 3, 4, 5: (2 + 3) / 2.
    assert (every.attempt_count, every.learner_count) == (6, 5)
    assert every.mean == approx(17 / 6)
    assert every.median == approx(2.5)
    # Q1 was right in all six, Q2 in four of six.
    assert [q.attempts for q in every.questions] == [6] * 5
    assert every.questions[1].facility == approx(400 / 6)


def test_learners_restrict_the_attempts_read(hand_case):
    quiz, learners = hand_case
    cohort = User.objects.filter(pk__in=[learners[0].pk, learners[1].pk])
    figures = quiz_statistics(quiz, learners=cohort)
    # L1 (4 points) and L2 (3): mean and median 3.5, sd sqrt(0.5 / 1) = 0.707107.
    assert (figures.attempt_count, figures.learner_count) == (2, 2)
    assert figures.mean == approx(3.5) and figures.median == approx(3.5)
    assert figures.standard_deviation == approx(0.707107, abs=1e-6)
    # Skewness needs three attempts, kurtosis four, alpha three.
    assert (figures.skewness, figures.kurtosis, figures.cic, figures.error_ratio) == (None,) * 4
    # 27 % of 2 rounds to 1: L1 strong, L2 weak.
    assert (figures.strong_cutoff, figures.weak_cutoff) == (4, 3)
    # Q4: L1 right, L2 wrong.
    assert figures.questions[3].facility == approx(50)

    nobody = quiz_statistics(quiz, learners=User.objects.none())
    assert (nobody.attempt_count, nobody.questions) == (0, [])


def test_an_unknown_choice_of_attempts_is_refused(make_quiz):
    with pytest.raises(ValueError):
        quiz_statistics(make_quiz(), attempts="best")


# Empty and small cases: nothing divides by zero ------------------------------------------


def test_no_attempt_gives_empty_figures(make_quiz, make_user):
    quiz = make_quiz(questions=2)
    start_attempt(make_user(), quiz)  # in progress: not counted
    for figures in (quiz_statistics(quiz), quiz_statistics(quiz, attempts=ALL)):
        assert (figures.attempt_count, figures.questions) == (0, [])
        assert figures.mean is None and figures.mean_percent is None
        assert not figures.has_groups
    assert quiz_statistics(make_quiz(questions=0)).attempt_count == 0


def test_one_attempt_has_no_spread(make_quiz, make_user):
    quiz = make_quiz(questions=2)
    sit(make_user(), quiz, ["Bonne", "Fausse"])
    figures = quiz_statistics(quiz)
    assert (figures.attempt_count, figures.mean, figures.median) == (1, 1, 1)
    assert figures.standard_deviation is None and figures.standard_error is None
    assert not figures.has_groups
    right, wrong = figures.questions
    assert (right.facility, wrong.facility) == (100, 0)
    for item in figures.questions:
        assert item.standard_deviation is None
        assert (item.discrimination_index, item.discriminative_efficiency) == (None, None)
        assert all(choice.strong_share is None for choice in item.choices)
    assert kinds(right.flags) == [EASY] and kinds(wrong.flags) == [HARD]


def test_everybody_with_the_same_score_forms_no_groups(make_quiz, make_user):
    quiz = make_quiz(questions=2)
    for answers in (["Bonne", "Fausse"], ["Fausse", "Bonne"], ["Bonne", "Autre"]):
        sit(make_user(), quiz, answers)
    figures = quiz_statistics(quiz)
    # Every total is 1: no spread, no groups, no coefficient (k2 = 0).
    assert figures.standard_deviation == approx(0)
    assert (figures.has_groups, figures.cic, figures.skewness) == (False, None, None)
    assert not any(flag.kind == DISTRACTOR for item in figures.questions for flag in item.flags)


@pytest.mark.parametrize(
    ("percent", "expected"),
    [(94.95, 95.0), (94.94, 94.9), (14.95, 15.0), (14.94, 14.9), (5.05, 5.1), (None, None)],
)
def test_flags_read_the_figure_as_shown(percent, expected):
    """A flag's threshold is compared with the figure rounded as the page shows it."""
    assert shown(percent) == expected


# Kinds of question, deleted choices, drawn questions -------------------------------------


def test_multiple_response_and_true_false_choices(make_quiz, make_user):
    quiz = make_quiz(questions=2, kinds={1: "multiple", 2: "true_false"})
    sit(make_user(), quiz, [("Bonne", "Aussi bonne"), "Vrai"])
    sit(make_user(), quiz, [("Bonne", "Fausse", "Autre"), "Faux"])
    sit(make_user(), quiz, [("Aussi bonne",), None])
    multiple, true_false = quiz_statistics(quiz).questions
    # Each pick counts, wherever it stands in the answer.
    assert [(c.text, c.count) for c in multiple.choices] == [
        ("Bonne", 2),
        ("Aussi bonne", 2),
        ("Fausse", 1),
        ("Autre", 1),
    ]
    assert [(c.text, c.count) for c in true_false.choices] == [("Vrai", 1), ("Faux", 1)]
    assert (true_false.unanswered, multiple.unanswered) == (1, 0)
    # Moodle's random guess scores: none for multiple response, one in two for true/false.
    assert (multiple.random_guess_score, true_false.random_guess_score) == (None, 50)


def test_a_choice_deleted_since_still_shows_its_picks(make_quiz, make_user):
    quiz = make_quiz(questions=1)
    sit(make_user(), quiz, ["Autre"])
    sit(make_user(), quiz, ["Bonne"])
    Choice.objects.filter(text="Autre", question__quizzes=quiz).delete()
    (item,) = quiz_statistics(quiz).questions
    assert [(c.text, c.is_correct, c.count) for c in item.choices] == [
        ("Bonne", True, 1),
        ("Fausse", False, 0),
        (None, None, 1),
    ]
    assert item.random_guess_score == approx(50)  # the question as it stands: two choices


def drawn_quiz(make_quiz, learners, make_user):
    """A quiz that picks nothing and draws 2 of the 4 questions of its category."""
    quiz = make_quiz(questions=0)
    category = Category.objects.create(bank=quiz.bank, name="Signes")
    for number in range(4):
        question = Question.objects.create(
            bank=quiz.bank, text=f"Tiré {number} ?", category=category,
            status=QuestionStatus.PUBLISHED,
        )  # fmt: skip
        for position, (text, correct) in enumerate([("Bonne", True), ("Fausse", False)], 1):
            Choice.objects.create(question=question, position=position, text=text,
                                  is_correct=correct)  # fmt: skip
    DrawRule.objects.create(quiz=quiz, category=category, count=2)
    rng = random.Random(14)
    for _ in range(learners):
        learner = make_user()
        teach(learner)
        sit(learner, quiz, [rng.choice(["Bonne", "Fausse"]) for _ in range(2)], rng=rng)
    return quiz


def test_drawn_questions_count_the_places_in_an_attempt(make_quiz, make_user):
    figures = quiz_statistics(drawn_quiz(make_quiz, 8, make_user))
    assert figures.items == "positions" and figures.item_count == 2
    assert len(figures.questions) == 4
    assert sum(item.attempts for item in figures.questions) == 16
    for item in figures.questions:
        assert item.effective_weight is None  # each question weighs in some attempts only
        assert item.intended_weight == approx(50)  # 1 point of 2


# The admin page ----------------------------------------------------------------------------


def statistics_url(quiz, **query):
    url = reverse("admin:quiz_quiz_statistics", args=[quiz.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_the_quiz_page_links_to_its_statistics(instructor_client, make_quiz):
    quiz = make_quiz()
    page = instructor_client.get(reverse("admin:quiz_quiz_change", args=[quiz.pk]))
    assert statistics_url(quiz) in page.content.decode()


def test_the_page_shows_the_figures_in_french(instructor_client, hand_case):
    quiz, _learners = hand_case
    page = instructor_client.get(statistics_url(quiz))
    assert page.status_code == 200
    html = page.content.decode()
    # Decimal commas: alpha 38.5 %, Q2's discrimination index 32.7 %, skewness 0.40.
    for figure in ("38,5", "32,7", "0,40", "100,0"):
        assert f"<td>{figure}" in html
    # The flags' reasons, in words, in the page's language.
    with translation.override("fr"):
        dubious = gettext(
            "Dubious: discriminative efficiency %(efficiency)s %%, under %(threshold)s %%. "
            "Learners who do well on the quiz do no better on it."
        ) % {"efficiency": "0,0", "threshold": 15}
    assert dubious in html
    assert "<svg" in html and 'role="img"' in html and "<title" in html


def test_the_page_in_english_names_each_flag(instructor_client, hand_case):
    quiz, _learners = hand_case
    instructor_client.cookies["django_language"] = "en"
    html = instructor_client.get(statistics_url(quiz)).content.decode()
    assert "Nearly always right: facility index 100.0 %, 95 % or more." in html
    assert "Nearly always wrong: facility index 0.0 %, 5 % or less." in html
    assert "Dubious: discriminative efficiency 0.0 %, under 15 %." in html
    assert "The wrong choice “Fausse” tempts strong learners: picked by 100.0 % of them" in html


def test_the_toggle_and_the_order(instructor_client, hand_case):
    quiz, learners = hand_case
    sit(learners[4], quiz, ["Bonne"] * 5)
    assert instructor_client.get(statistics_url(quiz)).context["figures"].attempt_count == 5
    page = instructor_client.get(statistics_url(quiz, attempts="all"))
    assert page.context["figures"].attempt_count == 6
    # First attempts: facility 100, 60, 40, 40, 0 % for Q1 to Q5; lowest first.
    page = instructor_client.get(statistics_url(quiz, order="facility"))
    assert [item.question.number for item in page.context["questions"]] == [5, 3, 4, 2, 1]
    assert 'aria-sort="ascending"' in page.content.decode()


@pytest.mark.parametrize(
    ("query", "attempts"),
    [
        ("attempts=best", "first"),
        ("attempts=", "first"),
        ("attempts=all%00&order=%27", "first"),
        ("attempts=all&attempts=bogus", "first"),  # the last value counts, as in Django
        ("order=nonsense&attempts=all", "all"),
        ("order=facility&order=../", "first"),
    ],
)
def test_bad_parameters_fall_back_to_the_default(instructor_client, hand_case, query, attempts):
    quiz, _learners = hand_case
    page = instructor_client.get(f"{statistics_url(quiz)}?{query}")
    assert page.status_code == 200
    assert (page.context["attempts"], page.context["order"]) == (attempts, "position")


def test_an_instructor_reads_the_attempts_of_her_learners_only(
    instructor_client, admin_client, hand_case, make_user
):
    quiz, _learners = hand_case
    sit(make_user(), quiz, ["Fausse"] * 5)  # a learner of no cohort she teaches
    assert instructor_client.get(statistics_url(quiz)).context["figures"].attempt_count == 5
    assert admin_client.get(statistics_url(quiz)).context["figures"].attempt_count == 6


def test_an_empty_quiz_says_so(instructor_client, make_quiz):
    page = instructor_client.get(statistics_url(make_quiz(questions=0)))
    assert page.status_code == 200
    assert "<table" not in page.content.decode().split('id="content-main"')[1]
    assert page.context["figures"].attempt_count == 0


def test_permissions(client, make_user, make_quiz):
    quiz = make_quiz()
    assert client.get(statistics_url(quiz)).status_code == 302  # to the admin's login
    staff = make_user(is_staff=True)
    client.force_login(staff)
    assert client.get(statistics_url(quiz)).status_code == 403
    staff.user_permissions.add(Permission.objects.get(codename="view_quiz"))
    assert client.get(statistics_url(quiz)).status_code == 200
    unknown = reverse("admin:quiz_quiz_statistics", args=[quiz.pk + 1000])
    assert client.get(unknown).status_code == 404


# Queries -----------------------------------------------------------------------------------


def answered_quiz(make_quiz, make_user, learners):
    """A quiz of four questions (single, multiple, true/false, single) answered at random."""
    quiz = make_quiz(questions=4, kinds={2: "multiple", 3: "true_false"})
    rng = random.Random(learners)
    options = {
        1: ["Bonne", "Fausse", "Autre", None],
        2: [("Bonne",), ("Bonne", "Aussi bonne"), ("Fausse", "Autre", "Bonne"), None],
        3: ["Vrai", "Faux"],
        4: ["Bonne", "Fausse"],
    }
    for _ in range(learners):
        learner = make_user()
        teach(learner)
        sit(learner, quiz, [rng.choice(options[n]) for n in range(1, 5)])
    return quiz


def queries(callable_):
    with CaptureQueriesContext(connection) as captured:
        callable_()
    return len(captured)


@pytest.mark.parametrize("shape", ["picked", "drawn"])
def test_query_count_does_not_grow(instructor_client, make_quiz, make_user, shape):
    def build(learners):
        if shape == "drawn":
            return drawn_quiz(make_quiz, learners, make_user)
        return answered_quiz(make_quiz, make_user, learners)

    small, large = build(3), build(12)
    assert queries(lambda: quiz_statistics(small)) == queries(lambda: quiz_statistics(large))

    def page(quiz):
        return lambda: instructor_client.get(statistics_url(quiz, attempts="all"))

    assert queries(page(small)) == queries(page(large))
    figures = instructor_client.get(statistics_url(large)).context["figures"]
    assert figures.attempt_count == 12  # her learners' attempts, not an empty page
