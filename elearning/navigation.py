"""The site's navigation bar, rendered once per kind of page and visitor in each process.

Every page shows the bar, and it costs about a fifth of a page's rendering (bench/README.md).
Yet it changes only with the language, who is signed in (her name, whether she is
staff), which page is current, and whether sign-up is open. Each process renders
``elearning/_navigation.html`` once for each such combination, with markers where
the per-request parts go, and keeps it cut at those markers; a request then only fills
in its CSRF token (for the log-out and language forms) and its own address (where the
language switcher returns). A change of any of those values is a new entry, so nothing
is ever stale; the least recently used entries go first.
"""

import re
import threading
from collections import OrderedDict

from django.conf import settings
from django.template.loader import get_template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

CSRF, NEXT = "\x00csrf\x00", "\x00next\x00"  # no page text holds a NUL character
HOLES = re.compile(f"({CSRF}|{NEXT})")
SIZE = 1024  # entries per process: a few KB each

_rendered = OrderedDict()
_lock = threading.Lock()


def forget():
    """Empty this process's rendered bars (for tests)."""
    with _lock:
        _rendered.clear()


def _pieces(key, user, signed_in, current):
    with _lock:
        pieces = _rendered.get(key)
        if pieces is not None:
            _rendered.move_to_end(key)
            return pieces
    html = (
        get_template("elearning/_navigation.html")
        .render(
            {
                "user": user,
                "signed_in": signed_in,
                "current": current,
                "signup_open": settings.SIGNUP_OPEN,
                "LANGUAGE_CODE": key[0],
                "csrf_input": mark_safe(CSRF),
                "next_path": NEXT,
            }
        )
        .strip()
    )
    pieces = tuple(HOLES.split(html))
    with _lock:
        _rendered[key] = pieces
        while len(_rendered) > SIZE:
            _rendered.popitem(last=False)
    return pieces


def navigation(request, user, csrf_token):
    """The bar's HTML for this request (``request`` may be None: no address to return to)."""
    signed_in = user.is_authenticated
    match = getattr(request, "resolver_match", None)
    current = match.url_name if match else None
    key = (
        get_language(),
        settings.SIGNUP_OPEN,
        current,
        signed_in,
        user.pk if signed_in else None,
        user.get_full_name() if signed_in else "",
        user.email if signed_in else "",
        user.is_staff if signed_in else False,
    )
    token = str(csrf_token) if csrf_token else ""
    holes = {
        # As {% csrf_token %} renders it; nothing without a token.
        CSRF: format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', token)
        if token and token != "NOTPROVIDED"
        else "",
        NEXT: escape(request.get_full_path()) if request is not None else "",
    }
    return mark_safe(
        "".join(holes.get(piece, piece) for piece in _pieces(key, user, signed_in, current))
    )
