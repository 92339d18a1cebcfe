"""Bench-only URLconf: every project URL, plus a trivial view as the reference.

``/bench/trivial/`` exists only under ``bench.settings``; the project's own URLconf
(``elearning.urls``) never serves it. The view goes through the same middleware, in
the same gunicorn process, as the pages: the ratio page / trivial view measures what
the page itself costs (its queries, its template), not the server or the middleware.
"""

from django.http import HttpResponse
from django.urls import include, path


def trivial(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("bench/trivial/", trivial, name="bench_trivial"),
    path("", include("elearning.urls")),
]
