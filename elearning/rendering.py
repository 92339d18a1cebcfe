"""Lesson bodies: Markdown rendered to HTML, then sanitised.

An instructor formats a lesson with Markdown (lists, emphasis, headings and a
"key points" box written as an admonition); nh3 then keeps only harmless tags
and attributes, so no one can inject a script through a lesson.

The spaces French puts before : ; ! ? % and » and after « become no-break spaces
(``quiz.typography.keep_together``), so that a line never starts with the sign.

A table's body cells carry their column's heading (``data-label``): on a phone, lesson.css
stacks each row into a block and shows each value under its heading, rather than
squeezing the columns until words break.
"""

import re
from html import unescape

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from quiz.typography import keep_together

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "dd", "div", "dl", "dt", "em", "h2", "h3", "h4",
    "h5", "h6", "hr", "li", "ol", "p", "pre", "strong", "sub", "sup", "table", "tbody", "td",
    "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "div": {"class"},
    "p": {"class"},
    "th": {"scope"},
    "td": {"data-label"},
}


class _TableLabels(Treeprocessor):
    def run(self, root):
        for table in root.iter("table"):
            headings = [self.plain("".join(th.itertext())) for th in table.iterfind("thead/tr/th")]
            for row in table.iterfind("tbody/tr"):
                for heading, cell in zip(headings, row.iterfind("td"), strict=False):
                    cell.set("data-label", heading)

    def plain(self, text):
        """A heading as plain text: what Markdown set aside (typographic quotes as entities,
        raw HTML) put back as text, never as markup inside the attribute."""

        def stashed(match):
            raw = str(self.md.htmlStash.rawHtmlBlocks[int(match.group(1))])
            return unescape(re.sub(r"<[^>]*>", "", raw))

        return " ".join(HTML_PLACEHOLDER_RE.sub(stashed, text).split())


class TableLabelsExtension(Extension):
    def extendMarkdown(self, md):
        # After the inline patterns (priority 20), so that a heading's text is final.
        md.treeprocessors.register(_TableLabels(md), "table_labels", 5)


class _KeepTogether(Treeprocessor):
    def run(self, root):
        for element in root.iter():
            if element.tag not in ("code", "pre") and element.text:
                element.text = keep_together(element.text)
            if element.tail:
                element.tail = keep_together(element.tail)


class KeepTogetherExtension(Extension):
    def extendMarkdown(self, md):
        # After the inline patterns (priority 20): the text is final.
        md.treeprocessors.register(_KeepTogether(md), "keep_together", 4)


MARKDOWN_EXTENSIONS = [
    "admonition",
    "sane_lists",
    "tables",
    "smarty",
    TableLabelsExtension(),
    KeepTogetherExtension(),
]
MARKDOWN_CONFIG = {
    "smarty": {
        "substitutions": {
            "left-angle-quote": "«&nbsp;",
            "right-angle-quote": "&nbsp;»",
        }
    }
}


def render_markdown(text):
    """Return safe HTML for ``text``."""
    html = markdown.markdown(
        text,
        extensions=MARKDOWN_EXTENSIONS,
        extension_configs=MARKDOWN_CONFIG,
        output_format="html",
    )
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
