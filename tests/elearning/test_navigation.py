"""The navigation bar (the {% site_navigation %} tag): each request gets its own."""

import re

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

NAV = re.compile(r"<nav class=\"navbar.*?</nav>", re.S)


def nav(response):
    return NAV.search(response.content.decode()).group(0)


def test_the_bar_follows_the_visitor_the_page_and_the_language(client, learner, make_user):
    anonymous = nav(client.get("/"))
    assert reverse("login") in anonymous and 'action="/accounts/logout/"' not in anonymous
    client.force_login(learner)
    catalogue = nav(client.get("/"))
    assert learner.get_full_name() in catalogue
    assert re.search(r'href="/"\s+aria-current="page"|href="/" aria-current="page"', catalogue)
    dashboard = nav(client.get(reverse("dashboard")))
    assert 'href="/dashboard/" aria-current="page"' in dashboard
    assert 'href="/" aria-current="page"' not in dashboard
    assert reverse("admin:index") not in dashboard
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "My dashboard" in nav(client.get(reverse("dashboard")))
    client.force_login(make_user(is_staff=True))
    assert reverse("admin:index") in nav(client.get(reverse("dashboard")))


def test_a_new_name_shows_at_once(client, learner):
    client.force_login(learner)
    client.get("/")
    learner.first_name, learner.last_name = "Zoë", "Ñúñez"
    learner.save()
    assert "Zoë Ñúñez" in nav(client.get("/"))


def test_each_request_gets_its_own_address_and_a_working_csrf_token(learner, course):
    """The language switcher returns to the page it was on; the bar's token passes the
    CSRF check."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    client.get(course.get_absolute_url())
    page = client.get(course.get_absolute_url() + "?x=1&y=2")
    bar = nav(page)
    assert f'name="next" value="/courses/{course.slug}/?x=1&amp;y=2"' in bar
    tokens = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', bar)
    assert len(tokens) == 2 and tokens[0] == tokens[1]
    switched = client.post(
        reverse("set_language"),
        {"language": "en", "next": course.get_absolute_url(), "csrfmiddlewaretoken": tokens[1]},
    )
    assert switched.status_code == 302
    logged_out = client.post(reverse("logout"), {"csrfmiddlewaretoken": tokens[0]})
    assert logged_out.status_code == 302
    assert client.get(reverse("dashboard")).status_code == 302  # signed out


def test_a_page_rendered_without_its_request_gets_an_anonymous_bar():
    from django.template.loader import render_to_string

    html = render_to_string("404.html", {})
    assert reverse("login") in html
    assert 'name="next" value=""' in html
