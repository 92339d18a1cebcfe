"""Moodle's text formats as the plain text our questions hold.

Moodle keeps a format with each text: HTML, its own auto-format (HTML allowed, line breaks
kept), plain text or Markdown. Our questions are plain text shown as written, so HTML becomes
its text (paragraphs and line breaks kept as lines, entities decoded); images and other
embedded files cannot come along and are counted, so that the preview says so. Markdown stays
as written: it reads as text.
"""

import re
from html.parser import HTMLParser

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# GIFT's names for the formats; Moodle XML's names map onto them.
HTML, MOODLE, PLAIN, MARKDOWN = "html", "moodle", "plain", "markdown"
XML_FORMATS = {
    "html": HTML,
    "moodle_auto_format": MOODLE,
    "plain_text": PLAIN,
    "markdown": MARKDOWN,
}

# What tells HTML in Moodle's auto-format from text that merely has a "<" in it.
_MARKUP = re.compile(
    r"<(?:[a-zA-Z][\w-]*(?:\s[^<>]*)?/?|/[a-zA-Z][\w-]*\s*)>|&(?:#\d+|#x[\da-fA-F]+|\w+);"
)
_BLOCKS = {
    "address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol",
    "p", "pre", "section", "table", "tr", "ul",
}  # fmt: skip
_HIDDEN = {"script", "style", "head", "title"}
_EMBEDDED = {"img", "audio", "video", "object", "embed", "iframe", "svg", "math"}


class _TextOfHTML(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.hidden, self.embedded = [], 0, 0

    def handle_starttag(self, tag, attrs):
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _EMBEDDED:
            self.embedded += 1
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in _EMBEDDED:
            self.embedded += 1
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _HIDDEN:
            self.hidden = max(self.hidden - 1, 0)
        if tag in _BLOCKS and tag != "br":
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def html_to_text(html):
    """(the text of an HTML fragment, how many images or other embedded things it had)."""
    parser = _TextOfHTML()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return text.strip(), parser.embedded


def plain_text(text, text_format):
    """(``text`` as plain text, how many embedded things were left out).

    HTML is reduced to its text; Moodle's auto-format too when it holds markup; plain text and
    Markdown stay as written.
    """
    if text_format == HTML or (text_format == MOODLE and _MARKUP.search(text)):
        return html_to_text(text)
    return text.strip(), 0


def has_markup(text, text_format):
    return text_format in (HTML, MOODLE) and bool(_MARKUP.search(text))


class Conversion:
    """Texts of one question made plain, remembering what that changed for the preview."""

    def __init__(self):
        self.had_markup, self.embedded = False, 0

    def text(self, raw, text_format):
        if has_markup(raw, text_format):
            self.had_markup = True
        text, embedded = plain_text(raw, text_format)
        self.embedded += embedded
        return text

    def notes(self):
        notes = []
        if self.had_markup:
            notes.append(_("HTML reduced to plain text."))
        if self.embedded:
            notes.append(
                ngettext(
                    "%(count)d image or other embedded item is left out.",
                    "%(count)d images or other embedded items are left out.",
                    self.embedded,
                )
                % {"count": self.embedded}
            )
        return notes
