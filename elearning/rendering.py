"""Lesson bodies: Markdown rendered to HTML, then sanitised.

An instructor formats a lesson with Markdown (lists, emphasis, headings and a
"key points" box written as an admonition); nh3 then keeps only harmless tags
and attributes, so no one can inject a script through a lesson.
"""

import markdown
import nh3

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
}
MARKDOWN_EXTENSIONS = ["admonition", "sane_lists", "tables", "smarty"]
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
