"""Cloze items from a lesson's tables: a cell blanked in its row ('Station unipodale –
résultat inquiétant : _____'), the other rows' cells of the same column as distractors.

A table sets its rows side by side on purpose: each cell of a column answers the same
question for another row, so the others are plausible by construction (the learner met
them in the same table) and wrong by the table itself. Lecture notes and handouts put
normal values, scores and the tests to run in tables, which the sentence rules never see."""

import re

from .checks import similar_lengths
from .drafts import BLANK, SINGLE, lower_first, make_draft, normalise, ordered_choices
from .markdown import inline_text
from .statements import CITATION

_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")

MIN_ROWS = 3  # two distractors at least
MAX_WORDS = 20  # a cell longer than this is a paragraph, not an answer


def tables_of(markdown):
    """Each Markdown table of the text as (header, rows): lists of plain cell texts."""
    tables, lines = [], []
    for line in [*markdown.replace("\r\n", "\n").split("\n"), ""]:
        if _ROW.match(line):
            lines.append(line)
            continue
        if len(lines) >= 2 and _SEPARATOR.match(lines[1]):
            cells = [_cells(row) for row in (lines[0], *lines[2:])]
            width = len(cells[0])
            if width >= 2 and all(len(row) == width for row in cells):
                tables.append((cells[0], cells[1:]))
        lines = []
    return tables


def _cells(line):
    texts = _ROW.match(line).group(1).split("|")
    return [CITATION.sub("", inline_text(text)[0]).strip() for text in texts]


def table_drafts(text):
    drafts = []
    for header, rows in tables_of(text):
        if len(rows) < MIN_ROWS or not all(header):
            continue
        keys = [row[0] for row in rows]
        if len({normalise(key) for key in keys}) != len(keys) or not all(keys):
            continue
        for column in range(1, len(header)):
            cells = [row[column] for row in rows]
            if not all(cells) or any(len(cell.split()) > MAX_WORDS for cell in cells):
                continue
            options = [_option(cell) for cell in cells]
            if len({normalise(option) for option in options}) != len(options):
                continue  # two rows with the same value: either would be right
            for index, (key, answer) in enumerate(zip(keys, options, strict=True)):
                offered = _nearest(options, index)
                if not similar_lengths(offered, answer):
                    continue
                stem = f"{header[0]} « {key} » – {lower_first(header[column])} : {BLANK}"
                row = zip(header[1:], rows[index][1:], strict=True)
                said = " ; ".join(f"{lower_first(name)} : {_option(cell)}" for name, cell in row)
                source = f"{header[0]} {key} – {said}."  # the whole row: it says more
                choices = ordered_choices(offered, answer)
                score = 2.3 + 0.1 * (len(offered) > MIN_ROWS)
                drafts.append(make_draft(SINGLE, stem, choices, answer, source, score))
    return drafts


def _nearest(options, index, count=4):
    """The answer and the cells of the rows nearest it, four at most."""
    start = max(0, min(index - count // 2, len(options) - count))
    return options[start : start + count]


def _option(cell):
    """A cell as an option: lower-cased, unless it opens with an abbreviation ('PA', 'GCS'),
    and without a final full stop."""
    return lower_first(cell.rstrip(" ."))
