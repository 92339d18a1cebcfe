"""Moodle XML, Moodle's full format for questions: reading it safely, with the line of every
question, error and skipped question, and writing it.

The file is parsed by defusedxml, which refuses entity declarations (the "billion laughs"
bomb, a quadratic blow-up) and external references (a file of the server, an address)
before anything is expanded or fetched: such a file is an error, nothing of it is imported.

Read as Moodle reads it (``question/format/xml/format.php``): ``<question type="category">``
sets the category of the questions after it (its path's last part); a question's
``<questiontext>``, ``<generalfeedback>`` (our explanation), ``<defaultgrade>`` (points),
``<single>``, its ``<answer fraction="...">`` with their ``<feedback>``, and its ``<tags>``.
Texts come in their format (``html``, ``moodle_auto_format``, ``plain_text``, ``markdown``);
embedded files cannot come along and are counted for the preview. Other kinds of question
are skipped, named, with their line.

Written as Moodle writes it, plain text (``format="plain_text"``).
"""

import re
from contextlib import suppress
from decimal import Decimal, InvalidOperation
from xml.etree.ElementTree import Comment, Element, SubElement, TreeBuilder, indent, tostring
from xml.parsers.expat import ErrorString

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, XMLParser
from django.utils.translation import gettext as _

from .markup import MOODLE, XML_FORMATS, Conversion
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

XML = "xml"

_DECLARED_ENCODING = re.compile(rb"\s*<\?xml[^>]*\bencoding\s*=", re.ASCII)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Characters XML 1.0 cannot hold.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class _Builder(TreeBuilder):
    """A tree that knows the line each element starts on."""

    def __init__(self):
        super().__init__()
        self.parser, self.lines = None, {}

    def start(self, tag, attrs):
        element = super().start(tag, attrs)
        self.lines[element] = self.parser.parser.CurrentLineNumber
        return element


def parse(data):
    """(root element, {element: line}) of XML bytes, or FormatError."""
    if not data.startswith(_UTF16_BOMS) and not _DECLARED_ENCODING.match(data):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            # Not UTF-8 and no encoding declared: Windows-1252, as the importer reads text
            # (bytes that are not Windows-1252 either are left for expat to point at).
            with suppress(UnicodeDecodeError):
                data = data.decode("cp1252").encode("utf-8")
    builder = _Builder()
    parser = XMLParser(target=builder)
    builder.parser = parser
    try:
        parser.feed(data)
        root = parser.close()
    except ParseError as error:
        raise FormatError(
            error.position[0],
            _("The file is not well-formed XML (%(reason)s).")
            % {"reason": ErrorString(error.code)},
        ) from None
    except DefusedXmlException:
        raise FormatError(
            parser.parser.CurrentLineNumber,
            _(
                "The file declares entities or refers to outside files (<!ENTITY …>, "
                "SYSTEM): they are refused, as they can make a small file expand without end "
                "or read the server's files."
            ),
        ) from None
    return root, builder.lines


def read_xml(data):
    """The ``Reading`` of Moodle XML bytes."""
    reading = Reading(format=XML)
    try:
        root, lines = parse(data)
        if root.tag != "quiz":
            raise FormatError(
                lines.get(root, 1),
                _("This is not a Moodle XML question file: it starts with <%(tag)s>, not <quiz>.")
                % {"tag": root.tag},
            )
    except FormatError as error:
        reading.problems.append(Problem(error.line, error.message))
        return reading
    category = None
    for element in root.findall("question"):
        line = lines.get(element, 0)
        try:
            qtype = (element.get("type") or "").strip()
            if not qtype:
                raise FormatError(line, _("A <question> has no type."))
            if qtype == "category":
                category = category_from_path(_category_path(element), line)
                continue
            result = to_ours(_question(element, qtype, category, lines))
        except FormatError as error:
            reading.problems.append(Problem(error.line, error.message))
            continue
        if isinstance(result, ImportedQuestion):
            reading.questions.append(result)
        else:
            reading.skipped.append(result)
    return reading


def _category_path(element):
    category = element.find("category")
    if category is None:
        return ""
    text = category.find("text")  # older files hold the path in <category> itself
    return (text.text if text is not None else category.text) or ""


def _question(element, qtype, category, lines):
    line = lines.get(element, 0)
    moodle = MoodleQuestion(line=line, qtype=qtype, category=category)
    if qtype not in (MULTICHOICE, TRUEFALSE):
        return moodle
    conversion = Conversion()
    moodle.text = _text(element.find("questiontext"), MOODLE, conversion)
    moodle.general_feedback = _text(element.find("generalfeedback"), MOODLE, conversion)
    moodle.points = _points(element.find("defaultgrade"), lines)
    single = (element.findtext("single") or "true").strip().casefold()
    moodle.single = single not in ("false", "0")
    moodle.tags = [(tag.findtext("text") or "").strip() for tag in element.findall("tags/tag")]
    for answer in element.findall("answer"):
        answer_line = lines.get(answer, line)
        fraction = parse_weight(answer.get("fraction", "0"), answer_line)
        text_format = XML_FORMATS.get(answer.get("format", ""), MOODLE)
        moodle.answers.append(
            Answer(
                text=conversion.text(_raw(answer), text_format),
                fraction=fraction,
                feedback=_text(answer.find("feedback"), MOODLE, conversion),
                line=answer_line,
            )
        )
    files = len(element.findall(".//file"))
    conversion.embedded = max(conversion.embedded, files)
    moodle.notes = conversion.notes()
    return moodle


def _raw(element):
    """The text of an element that holds its text in <text>, or directly."""
    text = element.find("text")
    return (text.text if text is not None else element.text) or ""


def _text(element, default_format, conversion):
    if element is None:
        return ""
    text_format = XML_FORMATS.get(element.get("format", ""), default_format)
    return conversion.text(_raw(element), text_format)


def _points(element, lines):
    if element is None or not (element.text or "").strip():
        return None
    try:
        points = Decimal(element.text.strip())
    except InvalidOperation:
        points = None
    if points is None or not points.is_finite() or points < 0:
        raise FormatError(
            lines.get(element, 0),
            _("“%(grade)s” is not a mark: write a number of points, such as 1.")
            % {"grade": element.text.strip()},
        )
    return points


# Writing ---------------------------------------------------------------------------------------


def _clean(text):
    return _NOT_XML.sub("", text or "")


def _add_text(parent, tag, text, **attributes):
    element = SubElement(parent, tag, attributes)
    SubElement(element, "text").text = _clean(text)
    return element


def write_xml(questions):
    """Moodle XML bytes (UTF-8) of ``MoodleQuestion``s, in their order, with a category
    wherever it changes."""
    root = Element("quiz")
    category = None
    for question in questions:
        if question.category != category:
            root.append(Comment(" question: 0  "))
            path = category_path(question.category) if question.category else "$course$/top"
            _add_text(SubElement(root, "question", type="category"), "category", path)
            category = question.category
        root.append(Comment(f" question: {question.number or 0}  "))
        root.append(_written(question))
    indent(root)
    return (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        + tostring(root, encoding="unicode").encode("utf-8")
        + b"\n"
    )


def _written(question):
    element = Element("question", type=question.qtype)
    _add_text(element, "name", question.name)
    _add_text(element, "questiontext", question.text, format="plain_text")
    _add_text(element, "generalfeedback", question.general_feedback, format="plain_text")
    SubElement(element, "defaultgrade").text = f"{(question.points or Decimal(1)).normalize():f}"
    SubElement(element, "penalty").text = "1" if question.qtype == TRUEFALSE else "0.3333333"
    SubElement(element, "hidden").text = "0"
    if question.qtype == MULTICHOICE:
        SubElement(element, "single").text = "true" if question.single else "false"
        SubElement(element, "shuffleanswers").text = "true"
        SubElement(element, "answernumbering").text = "abc"
    for answer in question.answers:
        written = _add_text(
            element,
            "answer",
            answer.text,
            fraction=f"{Decimal(answer.fraction).normalize():f}",
            format="plain_text" if question.qtype == MULTICHOICE else "moodle_auto_format",
        )
        _add_text(written, "feedback", answer.feedback, format="plain_text")
    if question.tags:
        tags = SubElement(element, "tags")
        for tag in question.tags:
            _add_text(tags, "tag", tag)
    return element
