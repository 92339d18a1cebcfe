"""The reading path: lesson, its checkpoint quiz, next lesson (``LessonQuerySet.ahead_of``).

"Continue" on the course page and the dashboard leads to her first step not taken, and
marking a lesson done leads to its checkpoint while she has not taken it.
"""

import pytest
from django.urls import reverse

from elearning import quizzes
from elearning.models import LessonProgress
from elearning.progress import enrol, mark_lesson_done
from quiz.attempts import start_attempt
from quiz.typography import french

from .test_queries import COLD, WARM

pytestmark = pytest.mark.django_db


@pytest.fixture
def path_course(make_course, make_quiz):
    """Three lessons; lessons 1 and 2 have a checkpoint quiz, lesson 3 has none."""
    course = make_course(lessons=3)
    for position in (1, 2):
        lesson = course.lessons.get(position=position)
        lesson.checkpoint_quiz = make_quiz(questions=1, bank=course.bank)
        lesson.save()
    return course


def lesson(course, position):
    return course.lessons.get(position=position)


def take_checkpoint(learner, course, position, *, submit=True):
    attempt, _ = start_attempt(learner, lesson(course, position).checkpoint_quiz)
    if submit:
        quizzes.submit(attempt)


def checkpoint_url(course, position):
    quiz_pk = lesson(course, position).checkpoint_quiz_id
    return reverse("quiz_detail", args=[course.slug, quiz_pk])


# (lessons done, checkpoints submitted, checkpoints left in progress) -> her next step:
# ("lesson", n), ("checkpoint", n) or None.
STEPS = [
    ((), (), (), ("lesson", 1)),
    ((1,), (), (), ("checkpoint", 1)),
    ((1,), (), (1,), ("checkpoint", 1)),  # an attempt in progress is not taken
    ((1,), (1,), (), ("lesson", 2)),
    ((), (1,), (), ("lesson", 1)),  # the quiz without the lesson: read the lesson
    ((1, 2), (1,), (), ("checkpoint", 2)),
    ((1, 2, 3), (2,), (), ("checkpoint", 1)),  # a skipped checkpoint comes back
    ((1, 2), (1, 2), (), ("lesson", 3)),
    ((1, 2, 3), (1, 2), (), None),  # lesson 3 has no checkpoint: the path is done
]


def her_progress(learner, course, done, submitted, in_progress):
    for position in done:
        mark_lesson_done(learner, lesson(course, position))
    for position in submitted:
        take_checkpoint(learner, course, position)
    for position in in_progress:
        take_checkpoint(learner, course, position, submit=False)


def expected_url(course, step):
    if step is None:
        return None
    kind, position = step
    return (
        checkpoint_url(course, position)
        if kind == "checkpoint"
        else lesson(course, position).get_absolute_url()
    )


@pytest.mark.parametrize(("done", "submitted", "in_progress", "step"), STEPS)
def test_continue_leads_to_her_first_step_not_taken(
    client, learner, path_course, done, submitted, in_progress, step
):
    her_progress(learner, path_course, done, submitted, in_progress)
    enrol(learner, path_course)
    client.force_login(learner)
    url = expected_url(path_course, step)

    page = client.get(path_course.get_absolute_url())
    assert page.context["course"].next_step_url == url
    ((course, _final),) = client.get(reverse("dashboard")).context["courses"]
    assert course.next_step_url == url

    content = page.content.decode()
    dashboard = client.get(reverse("dashboard")).content.decode()
    if step is None:
        assert "Continuer" not in content
        assert "Prochaine étape" not in dashboard
        return
    title = lesson(path_course, step[1]).title
    if step[0] == "checkpoint":
        label = french(f"Continuer : le quiz de vérification de « {title} »")
        assert french(f"Prochaine étape : le quiz de vérification de « {title} »") in dashboard
    else:
        label = french(f"Continuer : {title}")
        assert french(f"Prochaine étape : {title}") in dashboard
    assert f'<a class="btn btn-primary" href="{url}">{label}</a>' in content
    assert f'<a class="btn btn-primary" href="{url}">Continuer' in dashboard


@pytest.mark.parametrize(
    ("position", "submitted", "in_progress", "leads_to"),
    [
        (1, (), (), ("checkpoint", 1)),
        (1, (1,), (), ("lesson", 2)),  # she took the quiz already: on to the next lesson
        (2, (), (2,), ("checkpoint", 2)),
        (3, (), (), None),  # the last lesson, without a checkpoint: back to the course
    ],
)
def test_marking_a_lesson_done_leads_to_its_checkpoint_until_taken(
    client, learner, path_course, position, submitted, in_progress, leads_to
):
    her_progress(learner, path_course, (), submitted, in_progress)
    client.force_login(learner)
    response = client.post(
        reverse("lesson_done", args=[path_course.slug, lesson(path_course, position).slug])
    )
    assert response.status_code == 302
    assert response["Location"] == (
        expected_url(path_course, leads_to) or path_course.get_absolute_url()
    )
    assert LessonProgress.objects.filter(
        learner=learner, lesson=lesson(path_course, position)
    ).exists()


def lesson_page(client, course, position):
    return client.get(lesson(course, position).get_absolute_url()).content.decode()


def test_a_lesson_ends_with_its_checkpoint_before_the_next_lesson(client, learner, path_course):
    client.force_login(learner)
    first = lesson_page(client, path_course, 1)
    mark = first.index(french("Marquer comme terminée et faire le quiz"))
    assert first.index('id="checkpoint-heading"') < mark < first.index('rel="next"')
    # The checkpoint is reached by marking the lesson done, not by a second button.
    assert f'href="{checkpoint_url(path_course, 1)}"' not in first

    client.post(reverse("lesson_done", args=[path_course.slug, lesson(path_course, 1).slug]))
    done = lesson_page(client, path_course, 1)
    take = f'<a class="btn btn-primary btn-lg" href="{checkpoint_url(path_course, 1)}">'
    assert take + "Faire le quiz</a>" in done
    assert done.index(take) < done.index('rel="next"')

    take_checkpoint(learner, path_course, 1)
    taken = lesson_page(client, path_course, 1)
    assert f'<a class="btn btn-outline-primary" href="{checkpoint_url(path_course, 1)}">' in taken
    assert "Refaire le quiz" in taken

    # A lesson without a checkpoint keeps its plain "Mark as done".
    third = lesson_page(client, path_course, 3)
    assert 'id="checkpoint-heading"' not in third
    assert french("Marquer comme terminée</button>") in third


def test_the_course_page_shows_each_lesson_with_its_checkpoint(client, learner, path_course):
    take_checkpoint(learner, path_course, 2)
    client.force_login(learner)
    content = client.get(path_course.get_absolute_url()).content.decode()
    items = content.split('<li class="list-group-item d-flex gap-2 lesson-step">')[1:]
    assert len(items) == 3
    for position, item in enumerate(items, start=1):
        assert lesson(path_course, position).get_absolute_url() in item
        if position == 3:
            assert "Quiz de vérification" not in item
        else:
            assert f'href="{checkpoint_url(path_course, position)}"' in item
    assert "Pas encore fait" in items[0]
    assert french("Note : 0 %") in items[1]  # submitted without an answer
    assert "Quizz" not in content
    assert 'id="quizzes-heading"' not in content  # no list of quizzes apart from the lessons


def test_a_visitor_has_no_next_step(client, path_course):
    content = client.get(path_course.get_absolute_url()).content.decode()
    assert "Continuer" not in content
    assert f'href="{checkpoint_url(path_course, 1)}"' in content


@pytest.fixture
def many(make_course, make_quiz, learner):
    """``courses`` courses of ``lessons`` lessons, each with a checkpoint, and a final quiz
    (as ``test_queries.world``): she has read half
    the lessons, taken the first half of those checkpoints and left one in progress."""

    def build(courses, lessons):
        made = [make_course(lessons=lessons) for _ in range(courses)]
        for course in made:
            for item in course.lessons.all():
                item.checkpoint_quiz = make_quiz(questions=1, bank=course.bank)
                item.save()
            course.final_quiz = make_quiz(questions=1, feedback_mode="deferred")
            course.save()
            read = list(course.lessons.order_by("position")[: lessons // 2])
            for item in read:
                mark_lesson_done(learner, item)
            for item in read[: len(read) // 2]:
                quizzes.submit(start_attempt(learner, item.checkpoint_quiz)[0])
            start_attempt(learner, read[-1].checkpoint_quiz)
        learner.refresh_from_db()
        return made

    return build


@pytest.mark.parametrize(("courses", "lessons"), [(1, 4), (6, 12)])
@pytest.mark.parametrize("name", ["course", "dashboard", "lesson"])
def test_the_path_costs_no_query_more(
    client, learner, many, django_assert_num_queries, name, courses, lessons
):
    made = many(courses, lessons)
    client.force_login(learner)
    course = made[0]
    url = {
        "course": course.get_absolute_url(),
        "dashboard": reverse("dashboard"),
        "lesson": lesson(course, 1).get_absolute_url(),
    }[name]
    with django_assert_num_queries(COLD[name]):
        response = client.get(url)
    with django_assert_num_queries(WARM[name]):
        assert client.get(url).status_code == 200
    # Her next step: the checkpoint of the first lesson read whose quiz she has not taken.
    first_untaken = lessons // 4 + 1
    if name != "lesson":
        courses_seen = (
            [response.context["course"]]
            if name == "course"
            else [c for c, _final in response.context["courses"]]
        )
        assert {c.next_lesson_slug for c in courses_seen} == {f"lecon-{first_untaken}"}
        assert all(c.next_checkpoint_id is not None for c in courses_seen)


def test_a_checkpoint_with_no_question_to_ask_never_holds_her_back(
    client, learner, path_course, make_quiz
):
    """An instructor's checkpoint still empty (or whose questions are all drafts) is no
    step; one that draws a published question by a rule is one."""
    from elearning.versions import content_changed
    from quiz.models import Category, DrawRule, Question, QuestionStatus

    def next_step():
        content_changed()  # ORM writes below that no signal sees
        return client.get(path_course.get_absolute_url()).context["course"].next_step_url

    first, second = lesson(path_course, 1), lesson(path_course, 2)
    first.checkpoint_quiz.picks.all().delete()
    client.force_login(learner)
    response = client.post(reverse("lesson_done", args=[path_course.slug, first.slug]))
    assert response["Location"] == second.get_absolute_url()
    assert next_step() == second.get_absolute_url()
    # Marked done, the lesson leads on: no "and take the quiz" on a quiz with nothing to ask.
    assert "faire le quiz</button>" not in lesson_page(client, path_course, 1)

    category = Category.objects.create(bank=path_course.bank, name="Tirage")
    make_quiz(questions=1, category=category)  # a published question of that category
    DrawRule.objects.create(quiz=first.checkpoint_quiz, category=category, count=1)
    assert next_step() == checkpoint_url(path_course, 1)
    Question.objects.filter(category=category).update(status=QuestionStatus.DRAFT)
    assert next_step() == second.get_absolute_url()
