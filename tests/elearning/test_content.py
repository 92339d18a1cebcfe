"""The shipped course: the edited text, loaded once, never overwriting an instructor's edits.

Every file in fixtures/ is a Django fixture that ``loaddata`` loads into an empty database;
``load_course_content`` reads the same files and creates only what is missing.
"""

import json
from collections import Counter
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command

from elearning.content import load_missing
from elearning.models import Course, GlossaryTerm, Lesson, QuestionSource
from elearning.rendering import render_markdown
from quiz.attempts import questions_per_attempt
from quiz.models import Bank, Category, Choice, DrawRule, Question, Quiz, QuizQuestion

pytestmark = pytest.mark.django_db

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
# Every file, in subfolders too: a file that is not a fixture fails to load.
FIXTURE_FILES = sorted(path for path in FIXTURES.rglob("*") if path.is_file())


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


# -- every file in fixtures/ loads with loaddata ----------------------------------------------


def records(path):
    return json.loads(path.read_text(encoding="utf-8"))


def shipped(path):
    """What a fixture ships: its courses with their lessons, its banks with how many
    questions and choices each holds, and its quizzes with how many questions each picks, all
    by their natural keys."""
    items = records(path)

    def of(model):
        return [item["fields"] for item in items if item["model"] == model]

    return {
        "courses": {
            course["slug"]: sorted(
                lesson["slug"]
                for lesson in of("elearning.lesson")
                if lesson["course"] == [course["slug"]]
            )
            for course in of("elearning.course")
        },
        "quizzes": {quiz["title"] for quiz in of("quiz.quiz")},
        "questions": Counter(question["bank"][0] for question in of("quiz.question")),
        "choices": Counter(choice["question"][-1] for choice in of("quiz.choice")),
        "picks": Counter(pick["quiz"][0] for pick in of("quiz.quizquestion")),
    }


def in_database(expected):
    titles, banks = expected["quizzes"], list(expected["questions"])
    return {
        "courses": {
            course.slug: sorted(course.lessons.values_list("slug", flat=True))
            for course in Course.objects.all()
        },
        "quizzes": set(Quiz.objects.filter(title__in=titles).values_list("title", flat=True)),
        "questions": Counter(
            Question.objects.filter(bank__name__in=banks).values_list("bank__name", flat=True)
        ),
        "choices": Counter(
            Choice.objects.filter(question__bank__name__in=banks).values_list(
                "question__bank__name", flat=True
            )
        ),
        "picks": Counter(
            QuizQuestion.objects.filter(quiz__title__in=titles).values_list(
                "quiz__title", flat=True
            )
        ),
    }


def test_the_shipped_course_is_one_of_the_fixtures():
    assert FIXTURES / "secousses-dans-la-jambe.json" in FIXTURE_FILES


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda path: str(path.relative_to(FIXTURES)))
def test_every_fixture_loads_with_loaddata_into_an_empty_database(path):
    assert not Course.objects.exists() and not Quiz.objects.exists()

    call_command("loaddata", path, verbosity=0)

    expected = shipped(path)
    assert expected["courses"] and all(expected["courses"].values())  # a course, with lessons
    assert in_database(expected) == expected
    # Each record is one row: nothing was merged or left out.
    for label, count in Counter(item["model"] for item in records(path)).items():
        assert apps.get_model(label).objects.count() == count, label
    # The quizzes hang where the fixture says: a checkpoint per lesson, the course's final.
    for item in records(path):
        if item["model"] == "elearning.lesson" and item["fields"]["checkpoint_quiz"]:
            lesson = Lesson.objects.get_by_natural_key(
                item["fields"]["slug"], *item["fields"]["course"]
            )
            assert [lesson.checkpoint_quiz.title] == item["fields"]["checkpoint_quiz"]
            assert lesson.checkpoint_quiz.questions.published().exists()
        if item["model"] == "elearning.course" and item["fields"]["final_quiz"]:
            course = Course.objects.get_by_natural_key(item["fields"]["slug"])
            assert [course.final_quiz.title] == item["fields"]["final_quiz"]


def test_the_fixtures_load_together_with_loaddata():
    call_command("loaddata", *FIXTURE_FILES, verbosity=0)

    for path in FIXTURE_FILES:
        expected = shipped(path)
        actual = in_database(expected)
        assert {slug: actual["courses"][slug] for slug in expected["courses"]} == expected[
            "courses"
        ]
        keys = ("quizzes", "questions", "choices", "picks")
        assert {key: actual[key] for key in keys} == {key: expected[key] for key in keys}


# -- load_course_content reads the same files, and creates only what is missing ---------------


def snapshot():
    """Every course and quiz object, as content: no primary keys, no timestamps."""
    return {
        "courses": list(
            Course.objects.order_by("slug").values(
                "title",
                "slug",
                "summary",
                "editorial_notes",
                "is_published",
                "bank__name",
                "final_quiz__title",
            )
        ),
        "lessons": list(
            Lesson.objects.order_by("course__slug", "position").values(
                "course__slug",
                "title",
                "slug",
                "position",
                "objectives",
                "body",
                "reading_minutes",
                "is_archived",
                "checkpoint_quiz__title",
            )
        ),
        "glossary": list(
            GlossaryTerm.objects.order_by("course__slug", "term").values(
                "course__slug", "term", "definition"
            )
        ),
        "categories": sorted(Category.objects.values_list("bank__name", "name")),
        "quizzes": list(
            Quiz.objects.order_by("title").values(
                "title",
                "bank__name",
                "description",
                "pass_mark",
                "max_attempts",
                "time_limit_minutes",
                "shuffle_questions",
                "shuffle_choices",
                "feedback_mode",
                "grading_method",
                "review_policy",
            )
        ),
        "questions": list(
            Question.objects.order_by("bank__name", "number").values(
                "bank__name",
                "number",
                "text",
                "kind",
                "explanation",
                "points",
                "category__name",
                "status",
                "partial_credit",
            )
        ),
        "choices": list(
            Choice.objects.order_by("question__bank__name", "question__number", "position").values(
                "question__bank__name",
                "question__number",
                "position",
                "text",
                "is_correct",
                "feedback",
            )
        ),
        "sources": list(
            QuestionSource.objects.order_by("question__bank__name", "question__number").values(
                "question__bank__name",
                "question__number",
                "lesson__slug",
                "objective",
                "passage",
            )
        ),
        "draw_rules": list(
            DrawRule.objects.order_by("quiz__title", "category__name").values(
                "quiz__title", "category__name", "category__bank__name", "count"
            )
        ),
        "picks": list(
            QuizQuestion.objects.order_by("quiz__title", "position").values(
                "quiz__title", "position", "question__number"
            )
        ),
    }


def test_load_course_content_creates_what_loaddata_creates():
    call_command("loaddata", *FIXTURE_FILES, verbosity=0)
    loaded = snapshot()
    Course.objects.all().delete()
    Quiz.objects.all().delete()
    Bank.objects.all().delete()
    assert snapshot() == {name: [] for name in loaded}

    call_command("load_course_content", verbosity=0)

    assert snapshot() == loaded
    assert len(loaded["questions"]) == 68 and len(loaded["choices"]) == 248
    assert len(loaded["picks"]) == 25  # the checkpoints'; the final quiz draws


def test_an_emptied_bank_gets_the_shipped_questions_again_and_a_filled_one_is_hers():
    call_command("load_course_content", verbosity=0)
    course = Course.objects.get()
    Question.objects.filter(bank=course.bank).delete()
    call_command("load_course_content", verbosity=0)
    assert course.bank.questions.count() == 68

    course.bank.questions.exclude(number=1).delete()
    call_command("load_course_content", verbosity=0)
    assert course.bank.questions.count() == 1


def test_a_second_load_keeps_the_instructors_quizzes_and_restores_a_deleted_one(capsys):
    call_command("load_course_content")
    first, second, third = Lesson.objects.order_by("position")[:3]
    # She rewords a question of the first checkpoint and deletes another one from the bank.
    edited, deleted = first.checkpoint_quiz.questions.order_by("picks__position")[:2]
    edited.text = "Question reformulée par la formatrice"
    edited.save()
    deleted.delete()
    # She renames the second checkpoint; she unlinks the third and keeps it for later.
    renamed = second.checkpoint_quiz
    shipped_title = renamed.title
    renamed.title = "Mon quiz sur la leçon 2"
    renamed.save()
    unlinked = third.checkpoint_quiz
    third.checkpoint_quiz = None
    third.save()
    # She deletes the final quiz.
    course = first.course
    final_title = course.final_quiz.title
    course.final_quiz.delete()
    counts = [model.objects.count() for model in (Quiz, Question, Choice, Category, DrawRule)]
    capsys.readouterr()

    call_command("load_course_content")

    first.refresh_from_db()
    second.refresh_from_db()
    third.refresh_from_db()
    course.refresh_from_db()
    assert first.checkpoint_quiz.questions.filter(pk=edited.pk, text=edited.text).exists()
    assert not first.checkpoint_quiz.questions.filter(text=deleted.text).exists()
    assert second.checkpoint_quiz == renamed and not Quiz.objects.filter(title=shipped_title)
    assert third.checkpoint_quiz is None and Quiz.objects.filter(title=unlinked.title).count() == 1
    # Only the deleted final quiz is back, as shipped: drawing from the bank as she left it.
    assert course.final_quiz.title == final_title and course.final_quiz.bank == course.bank
    assert course.final_quiz.draw_rules.count() == 12
    assert questions_per_attempt(course.final_quiz) == 15
    assert [model.objects.count() for model in (Quiz, Question, Choice, Category, DrawRule)] == [
        counts[0] + 1,
        counts[1],
        counts[2],
        counts[3],
        12,
    ]
    assert f"1 quiz(zes) created ({final_title})." in capsys.readouterr().out
