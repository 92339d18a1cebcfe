"""Template tags for the site's layout, cheap enough for every page.

``{% static %}`` looks the file up in the static manifest and ``{% url %}`` reverses
a route on every call; for the layout's fixed assets and links the answer never
changes while the process runs, so these tags compute it once.
"""

from functools import cache

from django import template
from django.templatetags.static import static
from django.urls import reverse

register = template.Library()


@cache
def _asset(path):
    return static(path)


@cache
def _link(name):
    return reverse(name)


@register.simple_tag
def asset(path):
    """Like ``{% static %}``, memoised per process (the manifest is fixed at deploy time)."""
    return _asset(path)


@register.simple_tag
def link(name):
    """Like ``{% url %}`` for a route without arguments, memoised per process."""
    return _link(name)
