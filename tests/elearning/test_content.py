"""The shipped course: the edited text, loaded once, never overwriting an instructor's edits."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from elearning.content import load_missing
from elearning.models import Course, GlossaryTerm, Lesson
from elearning.rendering import render_markdown

pytestmark = pytest.mark.django_db


def test_the_project_carries_its_own_copy_of_the_source_text():
    source = Path(settings.BASE_DIR) / "content" / "source" / "secousses-dans-la-jambe.txt"
    assert source.read_text(encoding="utf-8").startswith("Secousses dans la jambe\n")


def test_shipped_course_has_short_lessons_with_objectives_and_a_glossary(shipped_course):
    lessons = list(shipped_course.lessons.order_by("position"))
    assert shipped_course.title == "Secousses dans la jambe (fasciculations)"
    assert shipped_course.is_published
    assert len(lessons) >= 4
    assert [lesson.position for lesson in lessons] == list(range(1, len(lessons) + 1))
    for lesson in lessons:
        assert len(lesson.objective_list) >= 1, lesson.slug
        words = len(lesson.body.split())
        assert 80 <= words <= 450, (lesson.slug, words)  # a few minutes of reading
        assert '<div class="admonition cles">' in render_markdown(lesson.body), lesson.slug
    terms = {term.term.split(" ")[0].lower() for term in shipped_course.glossary.all()}
    assert {"fasciculation", "motoneurone", "sla"} <= terms
    assert shipped_course.editorial_notes.strip()


def test_shipped_course_fixes_the_source_texts_errors(shipped_course):
    text = " ".join(
        f"{lesson.title} {lesson.body}" for lesson in shipped_course.lessons.all()
    ).lower()
    for slip in ("dans le jambe", "centre système nerveux", "magnésium carence", "cerveau tumeur"):
        assert slip not in text
    assert "accident vasculaire" not in text
    assert "coup de chaleur" in text
    assert "sclérose latérale amyotrophique" in text
    notes = shipped_course.editorial_notes.lower()
    assert "sclérose en plaques" in notes and "parkinson" in notes
    assert "coup de chaleur" in notes


def test_loading_twice_creates_nothing_more():
    first = load_missing()
    counts = (Course.objects.count(), Lesson.objects.count(), GlossaryTerm.objects.count())
    second = load_missing()
    assert first.created and not first.kept
    assert second.created == [] and len(second.kept) == len(first.created)
    assert (Course.objects.count(), Lesson.objects.count(), GlossaryTerm.objects.count()) == counts


def test_a_second_load_keeps_an_instructors_edits_and_restores_what_is_missing(capsys):
    call_command("load_course_content")
    lesson = Lesson.objects.order_by("position").first()
    lesson.title = "Titre revu par la formatrice"
    lesson.body = "Texte revu."
    lesson.save()
    course = lesson.course
    course.summary = "Résumé revu."
    course.save()
    deleted_term = GlossaryTerm.objects.first()
    deleted_term.delete()

    call_command("load_course_content")

    lesson.refresh_from_db()
    course.refresh_from_db()
    assert (lesson.title, lesson.body) == ("Titre revu par la formatrice", "Texte revu.")
    assert course.summary == "Résumé revu."
    assert GlossaryTerm.objects.filter(term=deleted_term.term).exists()
    assert "Shipped content: 1 object(s) created" in capsys.readouterr().out
