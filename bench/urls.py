"""Bench-only URLconf: every project URL, plus two reference views.

These URLs exist only under ``bench.settings``; the project's own URLconf
(``config.urls``) never serves them. They go through the same middleware, in the
same gunicorn process, as the pages:

- ``/bench/trivial/`` answers "ok": the reference of the throughput ratio, so that the
  ratio page / trivial view measures what the page itself costs (its queries, its
  templates), not the server or the middleware;
- ``/bench/layout/`` renders the site's layout (``base.html``) with no content, for the
  logged-in learner: the floor under every page (the user loaded from the database,
  the navigation, the language switcher), shown for information.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import include, path


def trivial(request):
    return HttpResponse("ok", content_type="text/plain")


@login_required
def layout(request):
    return render(request, "base.html")


urlpatterns = [
    path("bench/trivial/", trivial, name="bench_trivial"),
    path("bench/layout/", layout, name="bench_layout"),
    path("", include("config.urls")),
]
