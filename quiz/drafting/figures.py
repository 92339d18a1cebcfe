"""Cloze items on the text's figures: a value with its unit blanked ('La calcémie totale
normale se situe _____'), the distractors other values of the same unit that the text gives
for other things, or, where it gives too few, the answer's value moved by its own size (a
range slid along, clear of it, a value moved by a round step on either side), so the
options read alike and only one is what the text says. Nursing students are expected to know
such figures (normal values, doses, delays, ages of onset)."""

import hashlib
import re
from decimal import Decimal, InvalidOperation

from .analysis import claims, is_hedged
from .drafts import BLANK, SINGLE, make_draft, normalise, ordered_choices

_NUMBER = r"\d+(?:[ \u00a0\u202f]\d{3})*(?:,\d+)?"


_UNIT = (
    r"(?:%|ans?|mois|semaines?|jours?|heures?|h|minutes?|min|secondes?|mmol/L|µmol/L|mg/L|"
    r"g/L|mg/dL|g/dL|pg/mL|ng/mL|µg/L|fL|UI|mmHg|cmH2O|mg|g|kg|µg|mL|ml|L|cm|mm|°C|°|fois|"
    r"battements par minute|/min)"
)


FIGURE = re.compile(
    rf"(?<![\w,])(?:(?:entre )(?P<low1>{_NUMBER}) et (?P<high1>{_NUMBER})"
    rf"|(?:de )?(?P<low2>{_NUMBER}) à (?P<high2>{_NUMBER})"
    rf"|(?P<value>{_NUMBER}))[ \u00a0\u202f]?(?P<unit>{_UNIT})(?![\w/])"
)


def figures_of(text):
    """(start, end, low, high, unit, text) for each figure with a unit in `text`."""
    found = []
    for match in FIGURE.finditer(text):
        low = match.group("low1") or match.group("low2") or match.group("value")
        high = match.group("high1") or match.group("high2")
        found.append(
            (match.start(), match.end(), _value(low), _value(high), match.group("unit"), match)
        )
    return [figure for figure in found if figure[2] is not None]


def figure_drafts(sentence, course_figures):
    """One cloze per figure of the statement, when three other values can be offered: the
    statement's only figure, or each of its figures whose unit no other one shares ('plus
    de 10 % des personnes de plus de 70 ans': the age; not a percentage beside another
    percentage, which tells its range)."""
    figures = figures_of(sentence.text)
    if not figures or claims(sentence.span) > 1:
        return []
    if is_hedged(sentence.span) or any(_conditional(t) for t in sentence.span):
        return []  # 'toucheraient environ ...', 'peut durer ...': a figure the text doubts
    if _restricted(sentence.span):
        return []  # 'ne concernent que _____': the smallest value is the one to pick
    if len(figures) > 1 and re.search(r"\bsoit\b|\(|c'est-à-dire", sentence.text):
        return []  # '0,70 g/L, soit 3,9 mmol/L': one value in two units, each tells the other
    units = [_unit_kind(figure[4]) for figure in figures]
    drafts = []
    for figure in figures:
        if units.count(_unit_kind(figure[4])) == 1:
            drafts += _figure_draft(sentence, figure, course_figures)
    return drafts


def _unit_kind(unit):
    """Units of one quantity count as one ('an' and 'ans', 'h' and 'heures')."""
    return {"an": "ans", "h": "heures", "heure": "heures", "ml": "mL", "min": "minutes",
            "minute": "minutes", "jour": "jours", "semaine": "semaines",
            "seconde": "secondes"}.get(unit, unit)  # fmt: skip


def _figure_draft(sentence, figure, course_figures):
    """The cloze on one figure of the statement, or none where fewer than two other values
    of its unit and shape can be offered."""
    drafts = []
    start, end, low, high, unit, match = figure
    approximate = _approximate(sentence.text[:start])
    answer = match.group(0)
    shape = _shape(match)
    seen = {normalise(answer)}
    others = []
    source = getattr(sentence, "source", sentence.text)  # its other figures are true too
    for known in course_figures:
        other = known[5]
        if known[4] != unit or _shape(other) != shape:
            continue
        if normalise(other.group(0)) in seen or other.group(0) in source:
            continue
        if approximate and _near(
            _value(other.group("low1") or other.group("low2") or other.group("value")), low
        ):
            continue  # within what 'environ' allows: right as well
        seen.add(normalise(other.group(0)))
        others.append(other.group(0))
    for moved in _moved(low, high, unit, match, avoid=source, approximate=approximate):
        if len(others) >= 3:
            break
        if normalise(moved) not in seen and moved not in source:
            seen.add(normalise(moved))
            others.append(moved)
    if len(others) < 2:
        return []
    options = [answer, *others[:3]]
    stem = sentence.text[:start] + BLANK + sentence.text[end:]
    score = 2.4 + 0.1 * (len(options) - 3)
    drafts.append(
        make_draft(SINGLE, stem, ordered_choices(options, answer), answer, sentence, score)
    )
    return drafts


def _restricted(span):
    """'ne ... que': the figure is a bound the sentence stresses as small."""
    denied = False
    for token in span:
        if token.lower_ in ("ne", "n'"):
            denied = True
        elif denied and token.lower_ == "que":
            return True
    return False


# Words that make a figure an order of magnitude ('environ 15 %'): the values offered
# beside it must be further apart than what the word allows.
APPROXIMATE = re.compile(r"\b(?:environ|près de|approximativement|de l'ordre de|autour de)\s*$")


def _approximate(before):
    return APPROXIMATE.search(before.lower()) is not None


def _near(value, answer):
    """Within a quarter of the answer: what 'environ' covers."""
    return value is not None and abs(value - answer) <= answer / 4


def _conditional(token):
    """A verb in the conditional ('toucheraient'), which the parser may read as imperfect."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    return "Cnd" in token.morph.get("Mood") or token.lower_.endswith(("rait", "raient"))


def _shape(match):
    if match.group("low1"):
        return "entre"
    if match.group("low2"):
        return "de" if match.group(0).startswith("de ") else "à"
    return "value"


def _value(text):
    if text is None:
        return None
    try:
        return Decimal(re.sub(r"[ \u00a0\u202f]", "", text).replace(",", "."))
    except InvalidOperation:
        return None


def _written(value, like):
    """`value` written as the text writes `like` (decimal comma, as many decimals, the
    same space between thousands: '1 400' beside '1 000', never '1400', which would set the
    answer apart)."""
    decimals = len(like.split(",")[1]) if "," in like else 0
    value = round(value, decimals)
    if value <= 0:
        return None
    written = f"{value:,.{decimals}f}".replace(",", "\0").replace(".", ",")
    grouping = re.search(r"\d([ \u00a0\u202f])\d{3}", like)
    if grouping is None and len(like.split(",")[0]) >= 4:
        return written.replace("\0", "")  # '1400' as the text writes '1200'
    return written.replace("\0", grouping.group(1) if grouping else " ")


# Steps a reader expects for durations ('12 mois' among 6, 18 and 24 mois, not 10 and 14).
NATURAL_STEPS = {
    "mois": (3, 6, 12),
    "semaine": (1, 2, 4),
    "semaines": (1, 2, 4),
    "jours": (1, 2, 7),
    "jour": (1, 2, 7),
    "heures": (1, 6, 12, 24),
    "heure": (1, 6, 12, 24),
    "h": (1, 6, 12, 24),
    "minutes": (1, 5, 15, 30),
    "minute": (1, 5, 15, 30),
    "min": (1, 5, 15, 30),
    "secondes": (1, 5, 10, 30),
    "seconde": (1, 5, 10, 30),
    "ans": (5, 10),
    "an": (5, 10),
}


def _step(value, unit, approximate=False):
    """How far apart the offered values are: a natural step for a duration or an age (the
    largest under half the value), else a round step near a tenth of it (2,20 mmol/L among
    1,80, 2,00 and 2,40: close enough that only knowing it tells), or near a quarter of it
    for an order of magnitude ('environ 85 %' among 45, 65 and 25 %, not 75 and 95)."""
    steps = NATURAL_STEPS.get(unit)
    if steps:
        fitting = [Decimal(step) for step in steps if step <= value / 2]
        return fitting[-1] if fitting else Decimal(steps[0])
    return _round_step(value / 4 if approximate else value / 10)


def _round_step(size):
    """A round step near `size`: 1, 2 or 5 times a power of ten (0,5 mmol/L, 10 ans)."""
    if size <= 0:
        return Decimal(1)
    power = Decimal(10) ** (size.adjusted())
    for factor in (1, 2, 5, 10):
        if size <= factor * power * Decimal("1.5"):
            return factor * power
    return 10 * power


def _moved(low, high, unit, match, avoid="", approximate=False):
    """Values of the answer's shape, moved by its own size: a range slid along by twice its
    width, a value moved by a step (see _step) to three values around it; percentages stay
    between 0 and 100, ages under 100; none that `avoid` (the sentence) says too."""
    answer = match.group(0)
    moved = []
    if high is not None:
        width = high - low
        if high >= 3 * low:
            return []  # 'de 4 à 72 heures': no range slid along reads as one to tell apart
        low_text = match.group("low1") or match.group("low2")
        high_text = match.group("high1") or match.group("high2")
        # Slid by twice its width: a range that shares a bound with the answer ('5 à 10'
        # beside '10 à 15 minutes') is too fine for what the text gives as approximate.
        for shift in (2 * width, -2 * width, 4 * width, -4 * width, 6 * width):
            new_low, new_high = low + shift, high + shift
            if new_low <= 0 or (unit in ("%", "an", "ans") and new_high > 100):
                continue  # no percentage over 100, no age over 100
            lows, highs = _written(new_low, low_text), _written(new_high, high_text)
            if lows and highs:
                swapped = answer.replace(high_text, "\0", 1).replace(low_text, lows, 1)
                moved.append(swapped.replace("\0", highs, 1))
    else:
        text = match.group("value")
        step = _step(low, unit, approximate)
        ages = unit in ("an", "ans")
        values = []
        for k in (-2, -1, 1, 2, -3, 3):
            value = low + k * step
            if value <= 0 or (unit == "%" and value >= 100) or (ages and value > 100):
                continue
            written = _written(value, text)
            if written is None or answer.replace(text, written, 1) in avoid:
                continue  # 'après 60 ans' beside 'après 50 ans': true there as well
            values.append((k, value))
        # Three values around the answer, not always on the same side of it: the answer's
        # rank among the options tells nothing.
        values.sort()
        windows = [values[i : i + 3] for i in range(len(values) - 2)]
        around = [w for w in windows if w[0][0] < 0 < w[-1][0]]
        windows = around or windows  # the answer among them, not always first or last
        if windows:
            pick = int(hashlib.sha1(answer.encode()).hexdigest(), 16) % len(windows)
            for _k, value in windows[pick]:
                written = _written(value, text)
                if written and written != text:
                    moved.append(answer.replace(text, written, 1))
    return moved
