"""Template tags for the site's layout: the navigation bar, progress bars, grade badges,
the course page's lists and lesson bodies, each with its markup in a template of
``templates/elearning/``.
"""

from django import template
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info

from ..rendering import render_markdown

register = template.Library()


@register.inclusion_tag("elearning/_language_options.html")
def language_options(current):
    """The language switcher's options, each named in itself ("Français", "English"), the
    current language selected."""
    languages = [
        (code, get_language_info(code)["name_local"].capitalize()) for code, _ in settings.LANGUAGES
    ]
    return {"languages": languages, "current": current}


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


@register.filter
def markdown(text):
    """A lesson's Markdown as sanitised HTML (``elearning.rendering``)."""
    return mark_safe(render_markdown(text))  # nh3 keeps only harmless tags and attributes


@register.inclusion_tag("elearning/_progress_bar.html")
def progress_bar(percent, title, small=False):
    """A course's accessible progress bar."""
    return {"percent": percent, "title": title, "small": small}


@register.inclusion_tag("elearning/_quiz_grade.html")
def quiz_grade(result, final=False):
    """A learner's standing on one quiz (a ``quiz.grading.QuizResult``), as a badge."""
    return {"result": result, "final": final}


@register.inclusion_tag("elearning/_lesson_items.html")
def lesson_items(lessons, signed_in):
    """The course page's reading path: each lesson with its reading time and its checkpoint
    quiz beside it; signed in, what she has done of each."""
    return {"lessons": lessons, "signed_in": signed_in}
