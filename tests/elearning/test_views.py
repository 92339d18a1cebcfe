"""Pages for visitors, learners and instructors; a learner's progress is hers alone."""

import pytest
from django.urls import reverse

from elearning.models import Enrolment, LessonProgress

pytestmark = pytest.mark.django_db


def lesson_url(lesson):
    return lesson.get_absolute_url()


def done_url(lesson):
    return reverse("lesson_done", args=[lesson.course.slug, lesson.slug])


def test_anonymous_visitor_reads_the_catalogue_and_course_page(client, course):
    response = client.get("/")
    assert response.status_code == 200
    assert course.title in response.content.decode()
    response = client.get(course.get_absolute_url())
    assert response.status_code == 200
    assert "Leçon 1" in response.content.decode()


@pytest.mark.parametrize("path", ["lesson", "dashboard"])
def test_anonymous_visitor_is_asked_to_log_in(client, course, path):
    url = lesson_url(course.lessons.first()) if path == "lesson" else reverse("dashboard")
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert "next=" in response["Location"]


def test_anonymous_post_to_mark_done_changes_nothing(client, course):
    response = client.post(done_url(course.lessons.first()))
    assert response.status_code == 302 and reverse("login") in response["Location"]
    assert not LessonProgress.objects.exists()


def test_unpublished_course_is_hidden_from_learners_but_previewed_by_staff(
    client, make_course, make_user
):
    draft = make_course(published=False, title="Brouillon")
    learner = make_user()
    client.force_login(learner)
    assert "Brouillon" not in client.get("/").content.decode()
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(lesson_url(draft.lessons.first())).status_code == 404
    assert client.post(done_url(draft.lessons.first())).status_code == 404

    client.force_login(make_user(is_staff=True))
    assert "Brouillon" in client.get("/").content.decode()
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_unknown_course_and_lesson_are_404(client, course, learner):
    client.force_login(learner)
    assert client.get("/courses/nope/").status_code == 404
    assert client.get(f"/courses/{course.slug}/lessons/nope/").status_code == 404
    assert client.post(f"/courses/{course.slug}/lessons/nope/done/").status_code == 404
    # A lesson exists, but in another course: the URL must not mix them.
    other = type(course).objects.create(title="Autre", slug="autre", is_published=True)
    assert client.get(f"/courses/{other.slug}/lessons/lecon-1/").status_code == 404


def test_archived_lesson_is_hidden(client, course, learner):
    lesson = course.lessons.get(position=2)
    lesson.is_archived = True
    lesson.save()
    client.force_login(learner)
    assert client.get(lesson_url(lesson)).status_code == 404
    page = client.get(course.get_absolute_url()).content.decode()
    assert "Leçon 2" not in page


def test_lesson_page_shows_previous_next_and_position(client, course, learner):
    client.force_login(learner)
    middle = course.lessons.get(position=2)
    response = client.get(lesson_url(middle))
    assert response.context["number"] == 2
    assert response.context["lesson_count"] == 3
    assert (response.context["previous"].slug, response.context["previous"].title) == (
        "lecon-1",
        "Leçon 1",
    )
    assert (response.context["next"].slug, response.context["next"].title) == (
        "lecon-3",
        "Leçon 3",
    )
    content = response.content.decode()
    assert reverse("lesson_detail", args=[course.slug, "lecon-1"]) in content
    assert reverse("lesson_detail", args=[course.slug, "lecon-3"]) in content
    assert done_url(middle) in content


def test_mark_done_is_post_only_and_idempotent(client, course, learner):
    client.force_login(learner)
    first = course.lessons.get(position=1)
    assert client.get(done_url(first)).status_code == 405
    response = client.post(done_url(first))
    assert response.status_code == 302
    assert response["Location"] == lesson_url(course.lessons.get(position=2))
    client.post(done_url(first))
    assert LessonProgress.objects.filter(learner=learner, lesson=first).count() == 1
    assert Enrolment.objects.filter(learner=learner, course=course).count() == 1


def test_marking_the_last_lesson_leads_back_to_the_course(client, course, learner):
    client.force_login(learner)
    last = course.lessons.get(position=3)
    response = client.post(done_url(last))
    assert response["Location"] == course.get_absolute_url()


def test_course_page_shows_each_lesson_state_and_progress(client, course, learner):
    from elearning.progress import mark_lesson_done

    mark_lesson_done(learner, course.lessons.get(position=1))
    client.force_login(learner)
    response = client.get(course.get_absolute_url())
    states = [(lesson.slug, lesson.is_done) for lesson in response.context["lessons"]]
    assert states == [("lecon-1", True), ("lecon-2", False), ("lecon-3", False)]
    assert response.context["course"].percent == 33
    content = response.content.decode()
    assert 'role="progressbar"' in content
    assert 'aria-valuenow="33"' in content
    assert 'aria-valuemin="0"' in content and 'aria-valuemax="100"' in content
    assert f'aria-label="Progression dans «\u00a0{course.title}\u00a0»"' in content
    assert 'aria-valuetext="33\u00a0% terminé"' in content
    assert response.context["course"].next_step_url == lesson_url(course.lessons.get(position=2))


def test_learner_never_sees_another_learners_progress(client, course, make_user):
    from elearning.progress import mark_lesson_done

    alice, bob = make_user(), make_user()
    for lesson in course.lessons.all():
        mark_lesson_done(alice, lesson)
    client.force_login(bob)
    page = client.get(course.get_absolute_url()).context
    assert page["course"].percent == 0
    assert not any(lesson.is_done for lesson in page["lessons"])
    assert client.get(reverse("dashboard")).context["courses"] == []
    # Bob's own marking creates Bob's row only.
    client.post(done_url(course.lessons.first()))
    assert LessonProgress.objects.filter(learner=bob).count() == 1
    assert LessonProgress.objects.filter(learner=alice).count() == 3


def test_dashboard_lists_courses_with_percentage_and_continue_link(client, make_course, learner):
    from elearning.progress import enrol, mark_lesson_done

    started = make_course(lessons=4, title="Commencé")
    finished = make_course(lessons=2, title="Terminé")
    make_course(title="Jamais ouvert")
    mark_lesson_done(learner, started.lessons.get(position=1))
    mark_lesson_done(learner, started.lessons.get(position=2))
    for lesson in finished.lessons.all():
        mark_lesson_done(learner, lesson)
    client.force_login(learner)

    response = client.get(reverse("dashboard"))

    by_title = {course.title: course for course, _final in response.context["courses"]}
    assert set(by_title) == {"Commencé", "Terminé"}
    assert by_title["Commencé"].percent == 50
    continue_at = lesson_url(started.lessons.get(position=3))
    assert by_title["Commencé"].next_lesson_slug == "lecon-3"
    assert by_title["Terminé"].percent == 100
    assert by_title["Terminé"].next_lesson_slug is None
    content = response.content.decode()
    assert 'aria-valuenow="50"' in content and 'aria-valuenow="100"' in content
    assert f'href="{continue_at}"' in content
    # A finished course offers to read it again from its first lesson.
    assert f'href="{lesson_url(finished.lessons.get(position=1))}"' in content

    # Enrolling without reading lists the course at 0 %, continuing at lesson 1.
    fresh = make_course(lessons=2, title="Nouveau")
    enrol(learner, fresh)
    response = client.get(reverse("dashboard"))
    by_title = {course.title: course for course, _final in response.context["courses"]}
    assert by_title["Nouveau"].percent == 0
    assert f'href="{lesson_url(fresh.lessons.get(position=1))}"' in response.content.decode()


def test_start_course_enrols_and_opens_the_first_lesson(client, course, learner):
    client.force_login(learner)
    response = client.post(reverse("course_enrol", args=[course.slug]))
    assert response["Location"] == lesson_url(course.lessons.get(position=1))
    assert Enrolment.objects.filter(learner=learner, course=course).exists()
    assert client.get(reverse("course_enrol", args=[course.slug])).status_code == 405


def test_staff_sees_admin_link(client, make_user):
    client.force_login(make_user(is_staff=True))
    assert reverse("admin:index") in client.get("/").content.decode()


def test_pages_are_french_by_default_and_english_on_request(client, course):
    response = client.get("/")
    assert '<html lang="fr">' in response.content.decode()
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert '<html lang="en">' in client.get("/").content.decode()


def test_language_choice_is_saved_on_the_account(client, learner):
    client.force_login(learner)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    learner.refresh_from_db()
    assert learner.preferred_language == "en"


def test_pages_have_no_inline_script_or_style(client, shipped_course, learner):
    """The CSP forbids inline scripts and styles: every page must work without them."""
    import re

    lesson = shipped_course.lessons.order_by("position").first()
    anonymous_pages = [reverse("catalogue"), reverse("login"), reverse("signup")]
    learner_pages = [
        reverse("catalogue"),
        shipped_course.get_absolute_url(),
        lesson.get_absolute_url(),
        reverse("dashboard"),
        reverse("profile"),
    ]
    pages = [(False, url) for url in anonymous_pages] + [(True, url) for url in learner_pages]
    client.post(reverse("course_enrol", args=[shipped_course.slug]))
    for logged_in, url in pages:
        if logged_in:
            client.force_login(learner)
        content = client.get(url).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", content), url
        assert not re.search(r"\sstyle=", content), url
        assert not re.search(r"\son[a-z]+=", content), url


def test_an_english_browser_still_gets_french_until_the_learner_chooses(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="fr">' in response.content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR")
    assert '<html lang="en">' in response.content.decode()


def test_not_found_page_is_the_sites_own_in_french(client):
    response = client.get("/courses/inconnu/")
    assert response.status_code == 404
    content = response.content.decode()
    assert "Page introuvable" in content
    assert reverse("catalogue") in content


def test_one_lesson_of_six_reads_17_percent_on_the_course_page_and_the_dashboard(
    client, make_course, learner
):
    """16.67 % is rounded as everywhere on the site (quiz.percentages), not truncated."""
    from elearning.progress import mark_lesson_done

    course = make_course(lessons=6)
    mark_lesson_done(learner, course.lessons.get(position=1))
    client.force_login(learner)
    for url in (course.get_absolute_url(), reverse("dashboard")):
        content = client.get(url).content.decode().replace("&nbsp;", "\u00a0")
        assert 'aria-valuenow="17"' in content, url
        assert "(17\u00a0%)" in content, url
        assert "16\u00a0%" not in content, url


def test_every_page_describes_itself_for_search_engines(client, course, learner):
    """A meta description (Lighthouse's SEO audit): the site's by default, the course's
    summary on its page, and the lesson and its course on a lesson page."""
    import re

    def description(url):
        html = client.get(url).content.decode()
        found = re.findall(r'<meta name="description" content="([^"]+)">', html)
        assert len(found) == 1, url
        return found[0]

    assert "soins infirmiers" in description(reverse("catalogue"))
    client.force_login(learner)
    lesson = course.lessons.get(position=1)
    said = description(lesson_url(lesson))
    assert lesson.title in said and course.title in said and "leçon" in said
    course.summary = "Un résumé du cours pour les moteurs de recherche."
    course.save()
    assert description(course.get_absolute_url()) == course.summary
