"""GIFT, Moodle's plain-text format for questions: reading it, with the line of every
question, error and skipped question, and writing it.

Read as Moodle reads it (``question/format/gift/format.php``):

- a blank line ends a question, so a question may run over several lines; a line starting
  with ``//`` is a comment (Moodle's tags ``// [tag:...]`` are read from them);
- ``$CATEGORY: path`` puts the questions after it in that category (the path's last part);
- ``::title::`` names a question (our questions have no titles: it is not kept);
- the answers are between ``{`` and ``}``; text after them makes a missing-word question
  (``_____`` where the answers were); ``=`` marks the right answer of a single-answer question,
  ``~`` the others; ``~%50%`` gives an answer a weight (negative ones too), and a question
  whose answers are all ``~`` takes several answers; ``#`` starts an answer's feedback,
  ``####`` the general feedback (our explanation); ``{T}``, ``{TRUE}``, ``{F}``, ``{FALSE}``
  make a true/false question, ``{TRUE#for a wrong answer#for a right answer}``;
- ``\\~ \\= \\# \\{ \\} \\:`` write those characters, ``\\n`` a new line, ``\\\\`` a backslash;
- a text may start with its format, ``[html]``, ``[moodle]``, ``[plain]`` or ``[markdown]``
  (answers take the question's).

Stricter than Moodle where it would import something other than what was meant: a title
without its closing ``::``, text before the first answer, a second set of braces, a weight
that is not a percentage between -100 and 100 are errors with their line.

Written as Moodle writes it, plain text (``[plain]``), with two comments Moodle ignores and
this importer reads: ``// [points:3]`` (GIFT has no points) and the tag
``// [tag:all-or-nothing]`` (see ``questions``).
"""

import re
from decimal import Decimal

from django.utils.translation import gettext as _

from .markup import MARKDOWN, MOODLE, PLAIN, Conversion
from .questions import (
    MULTICHOICE,
    TRUEFALSE,
    Answer,
    FormatError,
    ImportedQuestion,
    MoodleQuestion,
    Problem,
    Reading,
    category_from_path,
    category_path,
    parse_weight,
    to_ours,
)

GIFT = "gift"

# Escaped characters stand in as private-use characters while the question is cut up.
_ESCAPED = {
    ":": "\ue000",
    "#": "\ue001",
    "=": "\ue002",
    "{": "\ue003",
    "}": "\ue004",
    "~": "\ue005",
}
_NEWLINE = "\ue006"
_RESTORE = str.maketrans({**{v: k for k, v in _ESCAPED.items()}, _NEWLINE: "\n"})
_ESCAPE = re.compile(r"\\([\\:#={}~n])")
_PRIVATE_USE = re.compile("[\ue000-\ue006]")
_FORMAT_TAG = re.compile(r"\s*\[(html|moodle|plain|markdown)\]")
_WEIGHT = re.compile(r"%([^%\n]*)%")
_TAG = re.compile(r"\[tag:((?:\\]|[^\]<>`\x00-\x1f])+)\]")
_POINTS = re.compile(r"\[points:\s*(\d+)\s*\]")
_CLOZE = re.compile(
    r"\d*:(?:MULTICHOICE|MULTICHOICE_V|MULTICHOICE_H|MULTIRESPONSE|MULTIRESPONSE_H|MC|MCV|MCH|"
    r"MR|MRH|SHORTANSWER|SHORTANSWER_C|SA|MW|SAC|MWC|NUMERICAL|NM):"
)
TRUE_FALSE_WORDS = {"T": True, "TRUE": True, "F": False, "FALSE": False}
FORMATS = {"html": "html", "moodle": MOODLE, "plain": PLAIN, "markdown": MARKDOWN}


def read_gift(text):
    """The ``Reading`` of a GIFT text (newlines already "\\n")."""
    reading = Reading(format=GIFT)
    category = None
    for block in _blocks(text.split("\n")):
        first = next((n for n, line in block if not _is_comment(line)), None)
        if first is None:
            continue
        line = dict(block)[first]
        try:
            if line.strip().startswith("$CATEGORY:"):
                path = _restore(_escape(line.strip()[len("$CATEGORY:") :]))
                category = category_from_path(path, first)
                block = [(n, "" if n == first else content) for n, content in block]
                if all(_is_comment(content) or not content.strip() for _n, content in block):
                    continue
            result = to_ours(_question(block, category))
        except FormatError as error:
            reading.problems.append(Problem(error.line, error.message))
            continue
        if isinstance(result, ImportedQuestion):
            reading.questions.append(result)
        else:
            reading.skipped.append(result)
    return reading


def _blocks(lines):
    """Runs of lines between blank lines, each line with its number."""
    block = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            block.append((number, line))
        elif block:
            yield block
            block = []
    if block:
        yield block


def _is_comment(line):
    return line.strip().startswith("//")


def _escape(text):
    """Escaped characters as their stand-ins (stand-ins already in the text are dropped)."""

    def stand_in(match):
        char = match.group(1)
        return {"\\": "\\", "n": _NEWLINE}.get(char) or _ESCAPED[char]

    return _ESCAPE.sub(stand_in, _PRIVATE_USE.sub("", text))


def _restore(text):
    return text.translate(_RESTORE)


def _question(block, category):
    """The ``MoodleQuestion`` of a block of lines (comments kept aside, as blank lines so that
    offsets still give line numbers)."""
    first_line = block[0][0]
    comments = "\n".join(line for _n, line in block if _is_comment(line))
    text = _escape("\n".join("" if _is_comment(line) else line for _n, line in block))

    def line_at(offset):
        return first_line + text.count("\n", 0, offset)

    start = len(text) - len(text.lstrip())
    line = line_at(start)
    body = start
    if text.startswith("::", start):
        end = text.find("::", start + 2)
        if end == -1:
            raise FormatError(line, _("The title opened by “::” is not closed by “::”."))
        body = end + 2
    opening, closing = text.find("{", body), text.find("}", body)
    if opening == -1 and closing == -1:
        return MoodleQuestion(line=line, qtype="description", category=category)
    if closing == -1:
        raise FormatError(
            line_at(opening),
            _(
                "The answers opened by “{” are not closed by “}” before the blank line or "
                "the end of the file (a blank line ends a question)."
            ),
        )
    if opening == -1 or closing < opening:
        raise FormatError(line_at(closing), _("A “}” closes answers that no “{” opened."))
    second = text.find("{", opening + 1, closing)
    if second != -1:
        raise FormatError(line_at(second), _("A second “{” opens before the answers are closed."))
    after = text[closing + 1 :]
    extra = min((i for i in (after.find("{"), after.find("}")) if i != -1), default=-1)
    if extra != -1:
        raise FormatError(
            line_at(closing + 1 + extra),
            _("A question has one set of answers: escape other braces as \\{ and \\}."),
        )
    stem = text[body:opening] + ("_____" + after if after.strip() else "")
    answers_text = text[opening + 1 : closing]
    general = ""
    split = answers_text.rfind("####")
    if split != -1:
        answers_text, general = answers_text[:split], answers_text[split + 4 :]

    conversion = Conversion()
    question_format, stem = _format_of(stem, MOODLE)
    moodle = MoodleQuestion(
        line=line,
        qtype=_kind(answers_text),
        text=conversion.text(_restore(stem), question_format),
        category=category,
        tags=[tag.replace("\\]", "]").strip() for tag in _TAG.findall(comments)],
    )
    feedback_format, general = _format_of(general, question_format)
    moodle.general_feedback = conversion.text(_restore(general), feedback_format)
    points = _POINTS.search(comments)
    if points:
        moodle.points = Decimal(points.group(1))
    if moodle.qtype == MULTICHOICE:
        moodle.single = "=" in answers_text
        moodle.answers = _choices(answers_text, opening + 1, line_at, question_format, conversion)
    elif moodle.qtype == TRUEFALSE:
        moodle.answers = _true_false(answers_text, question_format, conversion)
    moodle.notes = conversion.notes()
    return moodle


def _kind(answers_text):
    """Moodle's kind of question by its answers, in Moodle's order."""
    answers = answers_text.strip()
    if not answers:
        return "essay"
    if answers.startswith("#"):
        return "numerical"
    if _CLOZE.match(answers):
        return "multianswer"
    if "~" in answers:
        return MULTICHOICE
    if "=" in answers and "->" in answers:
        return "match"
    if answers.split("#", 1)[0].strip() in TRUE_FALSE_WORDS:
        return TRUEFALSE
    return "shortanswer"


def _format_of(text, default):
    """(format, text without its format tag)."""
    match = _FORMAT_TAG.match(text)
    if match:
        return FORMATS[match.group(1)], text[match.end() :]
    return default, text


def _choices(answers_text, offset, line_at, question_format, conversion):
    """The answers of a multiple-choice question, each with its weight and line."""
    starts = [i for i, char in enumerate(answers_text) if char in "~="]
    if answers_text[: starts[0]].strip():
        raise FormatError(
            line_at(offset), _("Text comes before the first answer: start each answer with = or ~.")
        )
    answers = []
    for start, end in zip(starts, [*starts[1:], len(answers_text)], strict=True):
        body = answers_text[start + 1 : end].strip()
        line = line_at(offset + start)
        fraction = Decimal(100)
        if answers_text[start] == "~":
            fraction = Decimal(0)
            weight = _WEIGHT.match(body)
            if weight:
                fraction = parse_weight(_restore(weight.group(1)), line)
                body = body[weight.end() :]
        text, _hash, feedback = body.partition("#")
        text_format, text = _format_of(text, question_format)
        feedback_format, feedback = _format_of(feedback, question_format)
        answers.append(
            Answer(
                text=conversion.text(_restore(text), text_format),
                fraction=fraction,
                feedback=conversion.text(_restore(feedback), feedback_format),
                line=line,
            )
        )
    return answers


def _true_false(answers_text, question_format, conversion):
    """Moodle's "true" and "false" answers of ``{TRUE#for a wrong answer#for a right one}``."""
    word, *feedback = answers_text.strip().split("#", 2)
    wrong, right = [
        conversion.text(_restore(text), text_format)
        for text_format, text in (
            _format_of(text, question_format) for text in [*feedback, "", ""][:2]
        )
    ]
    true = TRUE_FALSE_WORDS[word.strip()]
    full, none = Decimal(100), Decimal(0)
    return [
        Answer("true", full if true else none, right if true else wrong),
        Answer("false", none if true else full, wrong if true else right),
    ]


# Writing ---------------------------------------------------------------------------------------


def escape(text):
    """Text as GIFT writes it: its special characters escaped, on one line."""
    text = text.replace("\\", "\\\\").replace("\r", "")
    for char in "~=#{}:":
        text = text.replace(char, "\\" + char)
    return text.replace("\n", "\\n")


def _plain(text):
    """An answer's or feedback's text: escaped, and marked plain where it starts with "["
    (which would read as a format)."""
    escaped = escape(text)
    return f"[plain]{escaped}" if escaped.startswith("[") else escaped


def write_gift(questions):
    """GIFT of ``MoodleQuestion``s, in their order, with a ``$CATEGORY`` wherever it changes."""
    out = []
    category = None
    for question in questions:
        if question.category != category:
            path = category_path(question.category) if question.category else "$course$/top"
            out.append(f"$CATEGORY: {path}\n\n")
            category = question.category
        out.append(_written(question))
    return "".join(out)


def _written(question):
    lines = [f"// question: {question.number or 0}"]
    lines += [f"// [tag:{tag}]" for tag in question.tags]
    if question.points is not None and question.points != 1:
        lines.append(f"// [points:{int(question.points)}]")
    head = f"::{escape(question.name)}::[plain]{escape(question.text)}"
    general = f"####{_plain(question.general_feedback)}" if question.general_feedback else ""
    if question.qtype == TRUEFALSE:
        true, false = question.answers
        right, wrong = (true, false) if true.fraction == 100 else (false, true)
        answer = "TRUE" if true.fraction == 100 else "FALSE"
        feedback = ""
        if wrong.feedback or right.feedback:
            feedback = f"#{_plain(wrong.feedback)}"
        if right.feedback:
            feedback += f"#{_plain(right.feedback)}"
        lines.append(f"{head}{{{answer}{feedback}{general}}}")
        return "\n".join(lines) + "\n\n"
    lines.append(head + "{")
    for answer in question.answers:
        if question.single and answer.fraction == 100:
            mark = "="
        elif question.single and answer.fraction == 0 and not answer.text.startswith("%"):
            mark = "~"
        else:
            mark = f"~%{answer.fraction.normalize():f}%"
        feedback = f"#{_plain(answer.feedback)}" if answer.feedback else ""
        lines.append(f"\t{mark}{_plain(answer.text)}{feedback}")
    if general:
        lines.append(f"\t{general}")
    lines.append("}")
    return "\n".join(lines) + "\n\n"
