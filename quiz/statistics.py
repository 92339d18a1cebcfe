"""Item analysis of a quiz: how each question and the quiz as a whole performed.

The figures of Moodle's quiz statistics report, with its definitions
(``question/classes/statistics/questions/calculator.php`` and
``mod/quiz/report/statistics/classes/calculator.php`` in moodle/moodle), computed from the
submitted attempts: every learner's first attempt by default (Moodle's default: later
attempts build on the feedback of the first and break the assumptions of item analysis),
or every attempt, each counted as if another learner had made it.

Per question, over the attempts that showed it (``n``), with ``x`` its mark in an attempt,
``T`` that attempt's total score and ``y = T - x`` the rest of the test:

- facility index: the mean of ``x`` over its maximum, in percent;
- standard deviation: the sample standard deviation (``n - 1``) of ``x`` over its maximum;
- random guess score: Moodle's, from the question as it stands: single choice, the mean of
  the choices' fractions (1 / number of choices); true/false, 50 %; multiple response,
  none (Moodle does not estimate it);
- intended weight: the question's points over the attempt's maximum score;
- effective weight: ``100 * sqrt(cov(x, T)) / sum over the questions of sqrt(cov(x, T))``,
  the share of the spread of total scores the question actually makes; none for a
  question whose covariance is negative, and none when attempts did not all hold the
  same questions (drawn at random: each question then weighs in only some attempts);
- discrimination index: ``100 * cov(x, y) / sqrt(var(x) * var(y))``, the correlation of
  the mark with the rest of the test; none when either does not vary;
- discriminative efficiency: ``100 * cov(x, y) / covmax``, where ``covmax`` is the
  covariance of ``x`` and ``y`` each sorted (the largest the covariance could be with
  those marks): how close the question comes to the best discrimination it could have.

Variances and covariances are samples' (divided by ``n - 1``), as Moodle's, and are none
below two attempts. Per quiz, over the ``s`` attempts' total scores (raw points):

- mean, median, standard deviation (sample);
- skewness ``k3 / k2^(3/2)`` (s > 2) and kurtosis ``k4 / k2^2`` (s > 3), with Moodle's
  unbiased cumulants ``k2 = s m2 / (s-1)``, ``k3 = s^2 m3 / ((s-1)(s-2))``,
  ``k4 = s^2 ((s+1) m4 - 3 (s-1) m2^2) / ((s-1)(s-2)(s-3))`` from the central moments
  ``m2, m3, m4``;
- coefficient of internal consistency (Cronbach's alpha),
  ``100 * p / (p-1) * (1 - sum of the items' variances / k2)`` over ``p`` items (s > 2);
  error ratio ``100 * sqrt(1 - alpha / 100)``; standard error ``error ratio * sd / 100``.
  The items are the questions when every attempt held the same ones; when attempts drew
  different questions they are the places in the attempt (first question shown, second…),
  as Moodle's random-question slots; with attempts of different lengths, none.

Flags, each with its reason shown in words: nearly always right (facility index 95 % or
more) and nearly always wrong (5 % or less), the bands "extremely easy" and "extremely
difficult or something wrong with the question" of the report's documentation
(docs.moodle.org, "Quiz report statistics"); dubious (discriminative efficiency under 15 %,
``is_dubious_question`` in the report's ``statistics_table.php``); a distractor chosen by a
larger share of strong learners than of weak ones. Strong and weak are classical test
theory's upper and lower groups (Kelley's 27 %): the attempts whose total score is at least
the score of the attempt ranked at 27 % from the top, and at most the one ranked at 27 %
from the bottom (27 % of the attempts rounded, at least one; ties at the boundary belong to
the group), none when the two would overlap.

Everything is computed in the database by aggregate queries, the same few whatever the
number of attempts: Python loops only over questions, their choices, the distinct marks a
question gave and the places in an attempt. A learner's picks are read from
``Response.selected`` (a JSON list of choice ids, sorted) element by element, which SQLite
and PostgreSQL both do.
"""

import math
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import (
    Case,
    Count,
    F,
    FloatField,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, NullIf, RowNumber

from .choices import AttemptState, QuestionKind
from .models import Attempt, Choice, Question, QuizQuestion, Response

FIRST, ALL = "first", "all"
WHICH_ATTEMPTS = (FIRST, ALL)

NEARLY_ALWAYS_RIGHT = 95  # facility index (%) at or above which a question is flagged
NEARLY_ALWAYS_WRONG = 5  # facility index (%) at or below which a question is flagged
DUBIOUS_EFFICIENCY = 15  # discriminative efficiency (%) under which a question is dubious
GROUP_SHARE = 0.27  # the share of attempts in each of the strong and weak groups

# Flags' kinds.
EASY, HARD, DUBIOUS, DISTRACTOR = "easy", "hard", "dubious", "distractor"

# Bands of the total score, for the strong and weak groups.
WEAK, MIDDLE, STRONG = -1, 0, 1

# One column per question in the discriminative efficiency's query: PostgreSQL takes at most
# 1,664 columns, SQLite 2,000. A quiz drawing from a larger bank takes one query more per
# so many questions.
QUESTIONS_PER_QUERY = 500

# Below this, a variance computed in floating point is a rounding error of zero.
EPSILON = 1e-12


@dataclass(frozen=True)
class ChoiceFigures:
    """How often one choice was picked, in all and in the strong and weak groups."""

    pk: int
    text: str | None  # None for a choice deleted from the question since
    is_correct: bool | None  # None for a choice deleted since
    count: int
    share: float  # % of the attempts that showed the question
    strong_share: float | None  # % of the strong group's attempts that showed it
    weak_share: float | None

    @property
    def favours_strong(self):
        """A wrong choice that tempts strong learners more than weak ones."""
        return (
            self.is_correct is False
            and self.strong_share is not None
            and self.weak_share is not None
            and self.strong_share > self.weak_share
        )


@dataclass(frozen=True)
class Flag:
    kind: str
    choice: ChoiceFigures | None = None  # the distractor, for DISTRACTOR


@dataclass(frozen=True)
class QuestionFigures:
    """One question's item analysis; percentages are 0-100, None where undefined."""

    question: Question
    attempts: int
    facility: float | None
    standard_deviation: float | None
    random_guess_score: float | None
    intended_weight: float | None
    effective_weight: float | None
    discrimination_index: float | None
    discriminative_efficiency: float | None
    unanswered: int
    unanswered_share: float | None
    strong_attempts: int
    weak_attempts: int
    choices: list = field(default_factory=list)
    flags: list = field(default_factory=list)


@dataclass(frozen=True)
class QuizFigures:
    """The quiz's figures over the attempts chosen; total scores in points."""

    quiz: object
    attempts: str  # FIRST or ALL
    attempt_count: int = 0
    learner_count: int = 0
    max_score: Decimal | None = None  # the attempts' maximum score, when they share one
    mean: float | None = None
    median: float | None = None
    standard_deviation: float | None = None
    skewness: float | None = None
    kurtosis: float | None = None
    cic: float | None = None  # %
    error_ratio: float | None = None  # %
    standard_error: float | None = None  # points
    items: str | None = None  # "questions" or "positions": what the coefficient counts
    item_count: int = 0
    strong_cutoff: Decimal | None = None  # total score from which an attempt is strong
    weak_cutoff: Decimal | None = None  # total score up to which an attempt is weak
    strong_count: int = 0
    weak_count: int = 0
    questions: list = field(default_factory=list)

    def _percent(self, points):
        if points is None or not self.max_score:
            return None
        return 100 * points / float(self.max_score)

    @property
    def mean_percent(self):
        return self._percent(self.mean)

    @property
    def median_percent(self):
        return self._percent(self.median)

    @property
    def standard_deviation_percent(self):
        return self._percent(self.standard_deviation)

    @property
    def standard_error_percent(self):
        return self._percent(self.standard_error)

    @property
    def has_groups(self):
        return self.strong_cutoff is not None


def chosen_attempts(quiz, *, attempts=FIRST, learners=None, anonymous=None):
    """The submitted attempts the analysis reads: each learner's first, or all of them,
    of ``learners`` only (a queryset of users) when given, with then the anonymous attempts
    (of deleted accounts) among ``anonymous`` (a queryset of attempt pks), if any."""
    if attempts not in WHICH_ATTEMPTS:
        raise ValueError(f"attempts must be one of {WHICH_ATTEMPTS}, not {attempts!r}")
    chosen = Attempt.objects.filter(quiz=quiz, state=AttemptState.SUBMITTED)
    if attempts == FIRST:
        # Attempts are numbered from 1 and only the last can be in progress, so her first
        # attempt is her first submitted one.
        chosen = chosen.filter(number=1)
    if learners is not None:
        mine = Q(learner__in=learners)
        if anonymous is not None:
            mine |= Q(learner__isnull=True, pk__in=anonymous)
        chosen = chosen.filter(mine)
    return chosen.order_by()


def quiz_statistics(quiz, *, attempts=FIRST, learners=None, anonymous=None):
    """The item analysis of ``quiz`` (``QuizFigures``), in a fixed number of aggregate
    queries whatever the number of attempts (none of them a loop over attempts)."""
    chosen = chosen_attempts(quiz, attempts=attempts, learners=learners, anonymous=anonymous)
    summary = _attempt_summary(chosen)
    s = summary["s"]
    if not s:
        return QuizFigures(quiz=quiz, attempts=attempts)

    ranks = _ranks(chosen, s)
    groups = _groups(ranks, s)
    responses = Response.objects.filter(attempt__in=chosen).order_by()
    rows = _question_sums(responses, groups)
    questions = _questions(quiz, rows)
    sorted_products = _sorted_products(responses, rows)
    picks = _pick_counts(responses, questions, groups)
    position_variances = _position_variances(responses)

    mean = summary["st"] / s
    k2 = skewness = kurtosis = None
    if s > 1:
        m2, m3, m4 = _central_moments(summary, s, mean)
        k2 = s * m2 / (s - 1)
        if s > 2 and k2 > EPSILON:
            k3 = s * s * m3 / ((s - 1) * (s - 2))
            skewness = k3 / k2**1.5
            if s > 3:
                k4 = s * s * ((s + 1) * m4 - 3 * (s - 1) * m2 * m2)
                kurtosis = k4 / ((s - 1) * (s - 2) * (s - 3)) / (k2 * k2)

    # The items of the coefficient: the questions when every attempt held the same ones,
    # otherwise the places in the attempt (Moodle's slots) when attempts are of one length.
    same_questions = summary["min_count"] == summary["max_count"] == len(rows) and all(
        row["n"] == s for row in rows.values()
    )
    if same_questions:
        items = "questions"
        item_variances = [_variance(r["n"], r["sx"], r["sxx"]) for r in rows.values()]
    elif summary["min_count"] == summary["max_count"]:
        items, item_variances = "positions", position_variances
    else:
        items, item_variances = None, []
    p = len(item_variances)
    cic = error_ratio = standard_error = None
    if items and p > 1 and s > 2 and k2 > EPSILON:
        cic = 100 * p / (p - 1) * (1 - sum(v or 0 for v in item_variances) / k2)
        error_ratio = 100 * math.sqrt(max(0.0, 1 - cic / 100))
        standard_error = error_ratio * math.sqrt(k2) / 100

    # Effective weights: each question's share of the sum of sqrt(cov(x, T)).
    total_covariances = {
        pk: _covariance(row["n"], row["sx"], row["st"], row["sxt"]) for pk, row in rows.items()
    }
    root_sum = sum(math.sqrt(max(c, 0)) for c in total_covariances.values() if c is not None)
    figures = []
    for question in questions:
        covariance = total_covariances[question.pk]
        effective_weight = None
        if same_questions and root_sum > EPSILON and covariance is not None and covariance >= 0:
            effective_weight = 100 * math.sqrt(max(covariance, 0)) / root_sum
        figures.append(
            _question_figures(
                question,
                rows[question.pk],
                sorted_products.get(question.pk),
                picks.get(question.pk, {}),
                effective_weight,
            )
        )

    shared_max = summary["min_max_score"] == summary["max_max_score"]
    return QuizFigures(
        quiz=quiz,
        attempts=attempts,
        attempt_count=s,
        learner_count=summary["learners"],
        max_score=summary["max_max_score"] if shared_max else None,
        mean=mean,
        median=_median(ranks, s),
        standard_deviation=math.sqrt(k2) if k2 is not None else None,
        skewness=skewness,
        kurtosis=kurtosis,
        cic=cic,
        error_ratio=error_ratio,
        standard_error=standard_error,
        items=items,
        item_count=p if items else 0,
        strong_cutoff=groups.strong_cutoff,
        weak_cutoff=groups.weak_cutoff,
        strong_count=groups.strong_count,
        weak_count=groups.weak_count,
        questions=figures,
    )


def shown(percent):
    """A percentage as the page shows it (one decimal, halves up, as ``floatformat:1``), so
    that a flag's threshold reads the same as the figure next to it."""
    if percent is None:
        return None
    return float(Decimal(repr(percent)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


# The queries --------------------------------------------------------------------------------


def _as_float(expression):
    return Cast(expression, FloatField())


MARK = _as_float("points_awarded")  # x
TOTAL = _as_float("attempt__score")  # T
REST = _as_float(F("attempt__score") - F("points_awarded"))  # y = T - x
SHARE_OF_POINTS = MARK / _as_float(NullIf("points", 0))  # x over the question's maximum
WEIGHT = _as_float("points") / _as_float(NullIf("attempt__max_score", 0))


def _attempt_summary(chosen):
    """Count, learners, the power sums of the total scores, and whether the attempts share
    one maximum score and one length."""
    score = _as_float("score")
    return chosen.aggregate(
        s=Count("pk"),
        # An anonymous attempt (her account deleted) keeps its number, and each learner
        # has one first attempt: those count the learners no longer named.
        learners=Count("learner", distinct=True)
        + Count("pk", filter=Q(learner__isnull=True, number=1)),
        st=Sum(score),
        st2=Sum(score * score),
        st3=Sum(score * score * score),
        st4=Sum(score * score * score * score),
        min_max_score=Min("max_score"),
        max_max_score=Max("max_score"),
        min_count=Min("question_count"),
        max_count=Max("question_count"),
    )


def _central_moments(summary, s, mean):
    """m2, m3, m4 (divided by s) from the power sums."""
    e1 = mean
    e2, e3, e4 = summary["st2"] / s, summary["st3"] / s, summary["st4"] / s
    m2 = max(e2 - e1**2, 0.0)
    m3 = e3 - 3 * e1 * e2 + 2 * e1**3
    m4 = e4 - 4 * e1 * e3 + 6 * e1**2 * e2 - 3 * e1**4
    return m2, m3, m4


def _group_size(s):
    """27 % of ``s`` attempts, rounded (halves up), at least one."""
    return max(1, math.floor(GROUP_SHARE * s + 0.5))


def _ranks(chosen, s):
    """{rank: (score, attempts scoring at most it, attempts scoring at least it)} at the
    ranks (by score, lowest first) that the median and the groups' boundaries need."""
    g = _group_size(s)
    wanted = {(s + 1) // 2, s // 2 + 1, g, s - g + 1}
    rows = (
        chosen.annotate(
            rank=Window(RowNumber(), order_by=[F("score").asc(), F("pk").asc()]),
            # Without a frame, a window ordered by score counts the ties as well.
            at_most=Window(Count("pk"), order_by=F("score").asc()),
            at_least=Window(Count("pk"), order_by=F("score").desc()),
        )
        .filter(rank__in=sorted(wanted))
        .values_list("rank", "score", "at_most", "at_least")
    )
    return {rank: (score, at_most, at_least) for rank, score, at_most, at_least in rows}


def _median(ranks, s):
    if s % 2:
        return float(ranks[(s + 1) // 2][0])
    return float(ranks[s // 2][0] + ranks[s // 2 + 1][0]) / 2


@dataclass(frozen=True)
class _Groups:
    weak_cutoff: Decimal | None = None
    strong_cutoff: Decimal | None = None
    weak_count: int = 0
    strong_count: int = 0

    def band(self):
        """An attempt's group, as an expression over a response's attempt."""
        if self.strong_cutoff is None:
            return Value(MIDDLE)
        return Case(
            When(attempt__score__gte=self.strong_cutoff, then=Value(STRONG)),
            When(attempt__score__lte=self.weak_cutoff, then=Value(WEAK)),
            default=Value(MIDDLE),
        )


def _groups(ranks, s):
    """The strong and weak groups' boundaries (ties included); none when they overlap."""
    g = _group_size(s)
    weak_cutoff, weak_count, _ = ranks[g]
    strong_cutoff, _, strong_count = ranks[s - g + 1]
    if weak_cutoff >= strong_cutoff:
        return _Groups()
    return _Groups(weak_cutoff, strong_cutoff, weak_count, strong_count)


def _question_sums(responses, groups):
    """{question pk: its responses' count and sums}: one row per question."""
    group_counts = {}
    if groups.strong_cutoff is not None:
        group_counts = {
            "strong": Count("pk", filter=Q(attempt__score__gte=groups.strong_cutoff)),
            "weak": Count("pk", filter=Q(attempt__score__lte=groups.weak_cutoff)),
        }
    rows = responses.values("question").annotate(
        n=Count("pk"),
        sx=Sum(MARK),
        sxx=Sum(MARK * MARK),
        sy=Sum(REST),
        syy=Sum(REST * REST),
        sxy=Sum(MARK * REST),
        st=Sum(TOTAL),
        sxt=Sum(MARK * TOTAL),
        sr=Sum(SHARE_OF_POINTS),
        srr=Sum(SHARE_OF_POINTS * SHARE_OF_POINTS),
        sw=Sum(WEIGHT),
        unanswered=Count("pk", filter=Q(selected__0__isnull=True)),
        **group_counts,
    )
    return {row["question"]: {"strong": 0, "weak": 0, **row} for row in rows}


def _questions(quiz, pks):
    """The questions answered, with their choices, in the quiz's order: those it picks in
    their places, then the others (drawn) by their number in the bank."""
    place = QuizQuestion.objects.filter(quiz=quiz, question=OuterRef("pk")).values("position")
    questions = (
        Question.objects.filter(pk__in=list(pks))
        .select_related("category")
        .prefetch_related(Prefetch("choices", queryset=Choice.objects.order_by("position", "pk")))
        .annotate(place=Subquery(place[:1]))
    )
    return sorted(questions, key=lambda q: (q.place is None, q.place or 0, q.number, q.pk))


def _sorted_products(responses, rows):
    """{question pk: sum over k of x_(k) * y_(k)}, the k-th largest mark times the k-th
    largest rest of the test: what Moodle's ``covariancemax`` pairs.

    The rests are ranked by a window; the mark at each rank follows from how many
    responses earned each mark (a question gives few distinct marks), so one expression
    per question pairs them. Questions whose mark never varies are left out (no
    discrimination to measure)."""
    marks = {}
    for row in responses.values("question", "points_awarded").annotate(count=Count("pk")):
        marks.setdefault(row["question"], []).append((row["points_awarded"], row["count"]))
    varying = [pk for pk, counts in marks.items() if len(counts) > 1 and rows[pk]["n"] > 1]
    ranked = responses.annotate(
        question_pk=F("question"),
        rest=REST,
        rest_rank=Window(
            RowNumber(),
            partition_by=[F("question")],
            order_by=[(F("attempt__score") - F("points_awarded")).desc(), F("pk").asc()],
        ),
    )
    products = {}
    for start in range(0, len(varying), QUESTIONS_PER_QUERY):
        sums = {}
        for pk in varying[start : start + QUESTIONS_PER_QUERY]:
            counts = sorted(marks[pk], reverse=True)  # highest mark first
            whens, ranked_so_far = [], 0
            for mark, count in counts[:-1]:
                ranked_so_far += count
                whens.append(When(rest_rank__lte=ranked_so_far, then=Value(float(mark))))
            lowest = Value(float(counts[-1][0]))
            paired_mark = Case(*whens, default=lowest, output_field=FloatField())
            sums[f"q{pk}"] = Sum(F("rest") * paired_mark, filter=Q(question_pk=pk))
        for key, value in ranked.aggregate(**sums).items():
            products[int(key[1:])] = value
    return products


def _pick_counts(responses, questions, groups):
    """{question pk: {choice pk: {band: count}}}: how many picked each choice, by group.

    ``selected`` is a JSON list; its i-th element is read for i up to the most choices a
    question has, one grouped select each, in one UNION ALL query."""
    longest = max((len(question.choices.all()) for question in questions), default=1)
    band = groups.band()
    selects = [
        responses.values(
            "question", choice=Cast(KT(f"selected__{index}"), IntegerField()), band=band
        )
        .filter(choice__isnull=False)
        .annotate(count=Count("pk"))
        for index in range(max(longest, 1))
    ]
    counts = {}
    for row in selects[0].union(*selects[1:], all=True):
        by_band = counts.setdefault(row["question"], {}).setdefault(row["choice"], {})
        by_band[row["band"]] = by_band.get(row["band"], 0) + row["count"]
    return counts


def _position_variances(responses):
    """The variance of the marks at each place in the attempt (Moodle's slots)."""
    rows = responses.values("position").annotate(n=Count("pk"), sx=Sum(MARK), sxx=Sum(MARK * MARK))
    return [_variance(row["n"], row["sx"], row["sxx"]) for row in rows]


# The arithmetic -----------------------------------------------------------------------------


def _variance(n, total, squares):
    """Sample variance from n, the sum and the sum of squares; None below two values."""
    if n < 2:
        return None
    variance = (squares - total * total / n) / (n - 1)
    return 0.0 if variance < EPSILON else variance


def _covariance(n, sum_x, sum_y, sum_xy):
    if n < 2:
        return None
    covariance = (sum_xy - sum_x * sum_y / n) / (n - 1)
    return 0.0 if abs(covariance) < EPSILON else covariance


def _random_guess_score(question):
    if question.kind == QuestionKind.TRUE_FALSE:
        return 50.0
    choices = question.choices.all()
    if question.kind == QuestionKind.SINGLE and choices:
        return 100 * sum(1 for choice in choices if choice.is_correct) / len(choices)
    return None  # multiple response: Moodle does not estimate it


def _share(count, total):
    return 100 * count / total if total else None


def _question_figures(question, row, sorted_product, picks, effective_weight):
    n = row["n"]
    variance_x = _variance(n, row["sx"], row["sxx"])
    variance_y = _variance(n, row["sy"], row["syy"])
    covariance = _covariance(n, row["sx"], row["sy"], row["sxy"])
    share_variance = _variance(n, row["sr"], row["srr"])

    discrimination_index = None
    if variance_x and variance_y:
        discrimination_index = 100 * covariance / math.sqrt(variance_x * variance_y)
    discriminative_efficiency = None
    if sorted_product is not None and n > 1:
        covariance_max = (sorted_product - row["sx"] * row["sy"] / n) / (n - 1)
        if covariance_max > EPSILON:
            discriminative_efficiency = 100 * covariance / covariance_max

    choices = []
    shown_pks = set()
    for choice in question.choices.all():
        shown_pks.add(choice.pk)
        choices.append(_choice_figures(choice.pk, choice.text, choice.is_correct, picks, row))
    for pk in sorted(set(picks) - shown_pks):  # picked, then deleted from the question
        choices.append(_choice_figures(pk, None, None, picks, row))

    facility = _share(row["sr"], n)
    flags = []
    if facility is not None and shown(facility) >= NEARLY_ALWAYS_RIGHT:
        flags.append(Flag(EASY))
    if facility is not None and shown(facility) <= NEARLY_ALWAYS_WRONG:
        flags.append(Flag(HARD))
    if discriminative_efficiency is not None and (
        shown(discriminative_efficiency) < DUBIOUS_EFFICIENCY
    ):
        flags.append(Flag(DUBIOUS))
    flags.extend(Flag(DISTRACTOR, choice) for choice in choices if choice.favours_strong)

    return QuestionFigures(
        question=question,
        attempts=n,
        facility=facility,
        standard_deviation=None if share_variance is None else 100 * math.sqrt(share_variance),
        random_guess_score=_random_guess_score(question),
        intended_weight=_share(row["sw"], n),
        effective_weight=effective_weight,
        discrimination_index=discrimination_index,
        discriminative_efficiency=discriminative_efficiency,
        unanswered=row["unanswered"],
        unanswered_share=_share(row["unanswered"], n),
        strong_attempts=row["strong"],
        weak_attempts=row["weak"],
        choices=choices,
        flags=flags,
    )


def _choice_figures(pk, text, is_correct, picks, row):
    by_band = picks.get(pk, {})
    return ChoiceFigures(
        pk=pk,
        text=text,
        is_correct=is_correct,
        count=sum(by_band.values()),
        share=_share(sum(by_band.values()), row["n"]),
        strong_share=_share(by_band.get(STRONG, 0), row["strong"]),
        weak_share=_share(by_band.get(WEAK, 0), row["weak"]),
    )
