"""Item analysis (quiz/statistics.py) and its admin page: figures worked out by hand, first and
all attempts, a cohort of learners, flags, empty cases, bad parameters, permissions and a
page that runs the same queries whatever the number of attempts."""

import pytest

from quiz.attempts import save_answer, start_attempt, submit_attempt
from quiz.statistics import DISTRACTOR, DUBIOUS, EASY, HARD, quiz_statistics

pytestmark = pytest.mark.django_db

approx = pytest.approx


def sit(learner, quiz, answers):
    """One submitted attempt: for each question in the quiz's order, the text of the choice
    picked ("Bonne" is right, "Fausse" and "Autre" are wrong), a tuple of texts for a
    multiple-response question, or None to leave it blank."""
    attempt, _created = start_attempt(learner, quiz)
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
