"""Template tags for the question page, the quiz's hottest page.

Built in Python rather than in template loops: a template loop over an attempt's
questions costs several times more per request (bench/README.md).
"""

from django import template
from django.utils.formats import time_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext

register = template.Library()

CURRENT = mark_safe(' aria-current="step"')


@register.simple_tag
def question_map(items):
    """The attempt's questions as buttons that save the answer, then go there.

    ``items``: (position, answered, is_current) for each question. Positions are
    integers and the two labels are escaped once: the buttons are joined as plain
    strings, several times faster than ``format_html`` per button on a 20-question quiz.
    """
    labels = {True: escape(gettext("answered")), False: escape(gettext("not answered"))}
    style = {True: "btn-secondary", False: "btn-outline-secondary"}
    return mark_safe(
        "".join(
            f'<li><button type="submit" name="action" value="goto-{int(position)}" '
            f'class="btn btn-sm {style[bool(answered)]}"{CURRENT if current else ""}>'
            f'{int(position)}<span class="visually-hidden"> ({labels[bool(answered)]})</span>'
            "</button></li>"
            for position, answered, current in items
        )
    )


@register.simple_tag
def deadline_box(deadline):
    """When the time allowed ends; ``quiz.js`` adds a countdown (the server enforces it)."""
    if deadline is None:
        return ""
    iso = deadline.isoformat()  # digits and separators: nothing to escape
    # Translated outside the f-string: xgettext does not look inside f-strings.
    ends_at, time_left = gettext("Time allowed ends at"), gettext("Time left:")
    return mark_safe(
        f'<p class="quiz-deadline alert alert-secondary py-2" data-deadline="{iso}">'
        f'{escape(ends_at)} <time datetime="{iso}">'
        f"{escape(time_format(localtime(deadline), 'TIME_FORMAT'))}</time>"
        f'<span class="quiz-countdown fw-semibold" hidden> · {escape(time_left)} '
        '<span class="quiz-countdown-value"></span></span></p>'
    )


@register.simple_tag
def autosave_texts():
    """The question form's data attributes with what ``quiz.js`` says while it saves."""
    return mark_safe(
        " ".join(
            f'data-{name}-text="{escape(text)}"'
            for name, text in (
                ("saving", gettext("Saving…")),
                ("saved", gettext("Answer saved.")),
                ("failed", gettext("Your answer could not be saved: use the buttons below.")),
            )
        )
    )
