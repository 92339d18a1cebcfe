"""Template tags for the site's layout, cheap enough for every page.

``{% static %}`` looks the file up in the static manifest and ``{% url %}`` reverses
a route on every call; for the layout's fixed assets and links the answer never
changes while the process runs, so these tags compute it once.
"""

from functools import cache

from django import template
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info, gettext

register = template.Library()


@cache
def _asset(path):
    return static(path)


@cache
def _link(name):
    return reverse(name)


@cache
def _language_options(current):
    # Each language named in itself ("Français", "English").
    choices = [
        (code, get_language_info(code)["name_local"].capitalize())
        for code, _name in settings.LANGUAGES
    ]
    return mark_safe(
        "".join(
            f'<option value="{escape(code)}" lang="{escape(code)}"'
            f"{' selected' if code == current else ''}>{escape(name)}</option>"
            for code, name in choices
        )
    )


@register.simple_tag
def language_options(current):
    """The language switcher's options, the current language selected (fixed per process)."""
    return _language_options(current)


@register.inclusion_tag("elearning/_navigation.html", takes_context=True)
def site_navigation(context):
    """The site's navigation bar: who is signed in, the current page, the language. A
    template rendered without its request (no context processors) gets the bar of an
    anonymous visitor."""
    request, user = context.get("request"), context.get("user") or AnonymousUser()
    match = getattr(request, "resolver_match", None)
    return {
        "user": user,
        "signed_in": user.is_authenticated,
        "current": match.url_name if match else None,
        "signup_open": settings.SIGNUP_OPEN,
        "LANGUAGE_CODE": get_language(),
        "csrf_token": context.get("csrf_token"),
        "next_path": request.get_full_path() if request is not None else "",
    }


@register.simple_tag
def asset(path):
    """Like ``{% static %}``, memoised per process (the manifest is fixed at deploy time)."""
    return _asset(path)


@register.simple_tag
def link(name):
    """Like ``{% url %}`` for a route without arguments, memoised per process."""
    return _link(name)


@register.simple_tag
def progress_bar(percent, title, small=False):
    """A course's accessible progress bar.

    Built here rather than in an included template: it appears on every course card of
    the dashboard and catalogue. Its width comes from a class of the served stylesheet
    (``pct-0`` … ``pct-100``), never an inline style, which the CSP forbids.
    """
    return format_html(
        '<div class="progress{}" role="progressbar" aria-label="{}" aria-valuenow="{}"'
        ' aria-valuemin="0" aria-valuemax="100" aria-valuetext="{}">'
        '<div class="progress-bar pct-{}{}"></div></div>',
        " progress-sm" if small else "",
        gettext("Progress in %(title)s") % {"title": title},
        percent,
        gettext("%(percent)s %% done") % {"percent": percent},
        percent,
        " bg-success" if percent == 100 else "",
    )


@register.simple_tag
def quiz_grade(result, final=False):
    """A learner's standing on one quiz (a ``selectors.QuizResult``), as a badge.

    Built here rather than in an included template: the course page shows one per
    lesson. Pass or fail is shown for a final quiz only; a checkpoint is not graded.
    """
    if result.percent is not None:
        verdict = ""
        if final:
            verdict = format_html(
                ' <span class="badge text-bg-{}">{}</span>',
                "success" if result.passed else "secondary",
                gettext("Passed") if result.passed else gettext("Not passed"),
            )
        return format_html(
            '<span class="quiz-grade text-nowrap">{}{}</span>',
            gettext("Grade: %(percent)s %%") % {"percent": result.percent},
            verdict,
        )
    if result.in_progress:
        return format_html('<span class="badge text-bg-info">{}</span>', gettext("In progress"))
    return format_html(
        '<span class="badge text-bg-light border">{}</span>', gettext("Not taken yet")
    )


@register.simple_tag
def lesson_items(progress, signed_in):
    """The course page's lessons, each with its reading time and, signed in, done or not.

    Joined here rather than in a template loop, as ``quiz_grade``: the course page lists
    every lesson (bench/README.md). Titles and URLs are escaped.
    """
    unit = escape(gettext("min of reading"))
    badges = {
        True: '<span class="badge text-bg-success">{}</span>'.format(escape(gettext("Done"))),
        False: '<span class="badge text-bg-light border">{}</span>'.format(
            escape(gettext("Not started"))
        ),
    }
    return mark_safe(
        "".join(
            '<li class="list-group-item d-flex justify-content-between align-items-start gap-2">'
            f'<div class="ms-2 me-auto"><a href="{escape(lesson.url)}" class="fw-semibold">'
            f"{escape(lesson.title)}</a>"
            f'<div class="small text-body-secondary">{int(lesson.reading_minutes)} {unit}</div>'
            f"</div>{badges[is_done] if signed_in else ''}</li>"
            for lesson, is_done in progress.items
        )
    )


@register.simple_tag
def checkpoint_items(checkpoints, signed_in):
    """The course page's checkpoint quizzes, each with her grade when signed in."""
    # Translated outside the f-string: xgettext does not look inside f-strings.
    label = gettext("Check your understanding: %(title)s")
    return mark_safe(
        "".join(
            '<li class="list-group-item d-flex flex-wrap justify-content-between '
            'align-items-center gap-2">'
            f'<a href="{escape(lesson.checkpoint_quiz_url)}">'
            f"{escape(label % {'title': lesson.title})}"
            f"</a>{quiz_grade(result) if signed_in else ''}</li>"
            for lesson, result in checkpoints
        )
    )
