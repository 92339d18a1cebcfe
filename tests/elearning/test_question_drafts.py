"""Question drafts as proposals: kept once, accepted as unpublished questions or rejected
for good, never shown to a learner; the command and the admin around them.

The drafting engine itself (spaCy) is tested in tests/quiz/test_drafting.py; here a
stand-in returns fixed drafts (the ``engine`` fixture), so that these tests say what
happens to any draft. Drafting runs queued from the admin are in test_draft_runs.py.
"""

from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from elearning import drafting
from elearning.models import DraftSource, QuestionSource
from quiz import attempts, proposals
from quiz.models import DraftState, Question, QuestionDraft
from quiz.typography import french

pytestmark = pytest.mark.django_db


def test_drafting_again_proposes_no_second_copy(engine, quiz_course):
    first = drafting.draft_course(quiz_course)
    assert [count for _lesson, count in first] == [2, 2, 2]
    # Distractors come from the whole course: each lesson is drafted with all of them.
    assert all(context and "Texte de la leçon 3" in context for _text, context, _ in engine)
    assert [count for _lesson, count in drafting.draft_course(quiz_course)] == [0, 0, 0]
    assert QuestionDraft.objects.count() == 6
    assert DraftSource.objects.count() == 6


def test_a_rejected_draft_is_not_proposed_again(engine, quiz_course, instructor):
    lesson = quiz_course.lessons.get(position=1)
    drafting.draft_course(quiz_course, lesson=lesson)
    draft = QuestionDraft.objects.order_by("-score").first()
    proposals.reject(draft, instructor)
    assert drafting.draft_course(quiz_course, lesson=lesson) == [(lesson, 0)]
    draft.refresh_from_db()
    assert draft.state == DraftState.REJECTED
    with pytest.raises(proposals.DraftDecided):
        proposals.reject(draft, instructor)


def test_an_accepted_draft_is_an_unpublished_question_no_learner_sees(
    engine, quiz_course, instructor, learner
):
    lesson = quiz_course.lessons.get(position=1)
    drafting.draft_course(quiz_course, lesson=lesson)
    draft = QuestionDraft.objects.get(kind="single")
    quiz = lesson.checkpoint_quiz
    question = proposals.accept(draft, quiz, instructor)
    assert (question.bank, question.status, question.kind) == (quiz.bank, "draft", "single")
    assert list(quiz.picks.order_by("position").values_list("question", flat=True))[-1] == (
        question.pk
    )  # picked at the quiz's end
    assert [(c.text, c.is_correct) for c in question.choices.order_by("position")] == [
        ("bénignes", True),
        ("pathologiques", False),
        ("héréditaires", False),
    ]
    draft.refresh_from_db()
    assert (draft.state, draft.question, draft.decided_by) == ("accepted", question, instructor)
    # Only published questions reach learners: not in the pool, not in an attempt.
    assert question not in quiz.questions.published()
    attempt, _ = attempts.start_attempt(learner, quiz)
    assert question.pk not in set(attempt.responses.values_list("question_id", flat=True))
    with pytest.raises(proposals.DraftDecided):
        proposals.accept(draft, quiz, instructor)


def test_a_draft_that_cannot_make_an_answerable_question_is_refused(quiz_course, instructor):
    draft = QuestionDraft.objects.create(
        kind="single",
        stem="_____ ?",
        choices=[{"text": "a", "correct": True}, {"text": "b", "correct": True}],
        answer="a",
        source_sentence="a.",
        key="k",
    )
    with pytest.raises(ValidationError):
        proposals.accept(draft, quiz_course.final_quiz, instructor)
    draft.refresh_from_db()
    assert draft.state == DraftState.PROPOSED
    assert not Question.objects.filter(text="_____ ?").exists()


def test_the_command_drafts_a_course_or_a_lesson_and_says_so(engine, quiz_course):
    out = StringIO()
    call_command(
        "draft_questions", quiz_course.slug, "--lesson", "lecon-2", "--limit", "1", stdout=out
    )
    assert out.getvalue().strip() == french("Leçon 2 : 1 nouveau brouillon")
    assert engine[-1][2] == 1
    out = StringIO()
    call_command(
        "draft_questions", quiz_course.slug, "--lesson", "lecon-2", "--limit", "1", stdout=out
    )
    assert "Aucun nouveau brouillon" in out.getvalue()
    for args, message in (
        (["inconnu"], "Aucun cours n’a le slug «\u00a0inconnu\u00a0»"),
        ([quiz_course.slug, "--lesson", "inconnue"], "n’a pas de leçon «\u00a0inconnue\u00a0»"),
        ([quiz_course.slug, "--limit", "0"], "--limit doit valoir au moins 1"),
    ):
        with pytest.raises(CommandError, match=message):
            call_command("draft_questions", *args)
    with translation.override("en"):
        out = StringIO()
        call_command("draft_questions", quiz_course.slug, "--lesson", "lecon-3", stdout=out)
        assert out.getvalue().strip() == "Leçon 3: 2 new drafts"
        with pytest.raises(CommandError, match="No course has the slug “inconnu”"):
            call_command("draft_questions", "inconnu")


def drafted_from(lesson):
    """A proposed draft from the lesson, read as the admin reads drafts to accept them."""
    drafting.draft_course(lesson.course, lesson=lesson, limit=1)
    draft = QuestionDraft.objects.get(source__lesson=lesson)
    return QuestionDraft.objects.select_related(
        "source__lesson__course", "source__lesson__checkpoint_quiz"
    ).get(pk=draft.pk)


@pytest.mark.parametrize(
    ("checkpoint", "final", "goes_to"),
    [
        (True, True, "checkpoint"),
        (True, False, "checkpoint"),
        (False, True, "final"),
        (False, False, None),
    ],
)
def test_an_accepted_draft_goes_to_its_lessons_quiz_with_its_source(
    engine, quiz_course, instructor, checkpoint, final, goes_to
):
    """The lesson's checkpoint quiz, or else the course's final quiz; the question keeps
    the lesson and the sentence it comes from."""
    lesson = quiz_course.lessons.get(position=1)
    quizzes = {"checkpoint": lesson.checkpoint_quiz, "final": quiz_course.final_quiz}
    if not checkpoint:
        lesson.checkpoint_quiz = None
        lesson.save()
    if not final:
        quiz_course.final_quiz = None
        quiz_course.save()
    draft = drafted_from(lesson)
    questions_before = Question.objects.count()
    if goes_to is None:
        with pytest.raises(drafting.DraftHasNoQuiz):
            drafting.accept_draft(draft, instructor)
        draft.refresh_from_db()
        assert draft.state == DraftState.PROPOSED
        assert Question.objects.count() == questions_before
        assert not QuestionSource.objects.exists()
        return
    question = drafting.accept_draft(draft, instructor)
    assert (question.quizzes.get(), question.bank, question.status, question.text) == (
        quizzes[goes_to],
        quiz_course.bank,
        "draft",
        draft.stem,
    )
    source = QuestionSource.objects.get()
    assert (source.question, source.lesson, source.passage) == (
        question,
        lesson,
        draft.source_sentence,
    )
    draft.refresh_from_db()
    assert (draft.state, draft.question, draft.decided_by) == ("accepted", question, instructor)


def test_a_draft_from_no_lesson_has_no_quiz(quiz_course, instructor):
    draft = QuestionDraft.objects.create(
        kind="true_false",
        stem="Vrai ou faux ?",
        choices=[{"text": "Vrai", "correct": True}, {"text": "Faux", "correct": False}],
        answer="Vrai",
        source_sentence="Une phrase.",
        key="sans-leçon",
    )
    with pytest.raises(drafting.DraftHasNoQuiz):
        drafting.accept_draft(draft, instructor)
    draft.refresh_from_db()
    assert draft.state == DraftState.PROPOSED


def test_accepting_a_draft_saves_nothing_when_it_makes_no_answerable_question(
    engine, quiz_course, instructor
):
    draft = drafted_from(quiz_course.lessons.get(position=1))
    QuestionDraft.objects.filter(pk=draft.pk).update(
        choices=[{"text": "a", "correct": True}, {"text": "b", "correct": True}]
    )
    draft.refresh_from_db()
    questions_before = Question.objects.count()
    with pytest.raises(ValidationError):
        drafting.accept_draft(draft, instructor)
    assert Question.objects.count() == questions_before
    assert not QuestionSource.objects.exists()
    draft.refresh_from_db()
    assert draft.state == DraftState.PROPOSED


def test_the_admin_says_which_drafts_it_could_not_accept(engine, instructor_client, quiz_course):
    lesson = quiz_course.lessons.get(position=2)  # no checkpoint quiz
    quiz_course.final_quiz = None
    quiz_course.save()
    draft = drafted_from(lesson)
    response = instructor_client.post(
        reverse("admin:quiz_questiondraft_changelist"),
        {"action": "accept", "_selected_action": [draft.pk]},
        follow=True,
    )
    assert "Non acceptés" in response.content.decode()
    assert escape(str(draft)) in response.content.decode()
    draft.refresh_from_db()
    assert draft.state == DraftState.PROPOSED


def test_the_admin_lists_accepts_and_rejects_drafts(engine, instructor_client, quiz_course):
    drafting.draft_course(quiz_course, lesson=quiz_course.lessons.get(position=1))
    url = reverse("admin:quiz_questiondraft_changelist")
    single = QuestionDraft.objects.get(kind="single")
    true_false = QuestionDraft.objects.get(kind="true_false")
    page = instructor_client.get(url).content.decode()
    # Each draft with its options, the correct one ticked, to judge it from the list.
    for choice in single.choices:
        assert f"{'✔' if choice['correct'] else '–'} {escape(choice['text'])}" in page
    filtered = instructor_client.get(url, {"kind__exact": "single"}).content.decode()
    assert escape(single.stem) in filtered and escape(true_false.stem) not in filtered
    first, second = quiz_course.lessons.order_by("position")[:2]
    for query in ({"state__exact": "proposed"}, {"lesson": first.pk}):
        page = instructor_client.get(url, query).content.decode()
        assert escape(single.stem) in page and escape(true_false.stem) in page
    page = instructor_client.get(url, {"lesson": second.pk}).content.decode()
    assert escape(single.stem) not in page
    assert (
        instructor_client.get(
            reverse("admin:quiz_questiondraft_change", args=[single.pk])
        ).status_code
        == 200
    )
    instructor_client.post(url, {"action": "accept", "_selected_action": [single.pk]})
    instructor_client.post(url, {"action": "reject", "_selected_action": [true_false.pk]})
    single.refresh_from_db()
    true_false.refresh_from_db()
    assert single.state == "accepted" and true_false.state == "rejected"
    source = QuestionSource.objects.get(question=single.question)
    assert source.lesson.position == 1 and source.passage == single.source_sentence
    assert single.question.quizzes.get() == quiz_course.lessons.get(position=1).checkpoint_quiz


def test_web_workers_never_load_the_language_model():
    """What a web worker imports (URLs, views, admin) leaves spaCy out."""
    from tests.elearning.test_settings import run_django

    result = run_django(
        """
        import sys
        from django.urls import resolve
        import config.urls, elearning.admin
        resolve("/")
        print("spacy" in sys.modules, "quiz.drafting" in sys.modules)
        """
    )
    assert result.stdout.split() == ["False", "False"], result.stderr


def test_drafting_the_shipped_course_with_the_real_engine(shipped_course):
    """spaCy's French pipeline on the lessons as shipped: drafts for every lesson, each
    an answerable question; drafting again proposes nothing new."""
    from quiz.models import validate_choices

    out = StringIO()
    call_command("draft_questions", shipped_course.slug, stdout=out)
    drafts = list(QuestionDraft.objects.select_related("source__lesson"))
    assert len(drafts) >= 30
    assert {draft.source.lesson.course_id for draft in drafts} == {shipped_course.pk}
    for draft in drafts:
        validate_choices(draft.kind, [(c["text"], c["correct"]) for c in draft.choices])
    out = StringIO()
    call_command("draft_questions", shipped_course.slug, stdout=out)
    assert "Aucun nouveau brouillon" in out.getvalue()
    assert QuestionDraft.objects.count() == len(drafts)


def test_a_drafts_page_accepts_or_rejects_it_and_says_what_its_score_is(
    engine, quiz_course, instructor_client
):
    drafting.draft_course(quiz_course, lesson=quiz_course.lessons.get(position=1))
    first, second = QuestionDraft.objects.order_by("pk")[:2]
    page = instructor_client.get(reverse("admin:quiz_questiondraft_change", args=[first.pk]))
    content = page.content.decode()
    assert 'name="_save"' not in content  # nothing to save on a draft
    decide = reverse("admin:quiz_questiondraft_decide", args=[first.pk])
    assert decide in content
    with translation.override("fr"):  # the page's language
        explained = escape(str(QuestionDraft._meta.get_field("score").help_text))
    assert explained in content
    assert instructor_client.post(decide, {"decision": "accept"}).status_code == 302
    first.refresh_from_db()
    assert first.state == "accepted" and first.question is not None
    decide = reverse("admin:quiz_questiondraft_decide", args=[second.pk])
    instructor_client.post(decide, {"decision": "reject"})
    second.refresh_from_db()
    assert second.state == "rejected"
    # A bad decision or an unknown draft: a message or a 404, never a 500.
    assert instructor_client.post(decide, {"decision": "nonsense"}).status_code == 302
    missing = reverse("admin:quiz_questiondraft_decide", args=[999999])
    assert instructor_client.post(missing, {"decision": "accept"}).status_code == 404


def test_drafting_runs_and_drafts_lead_to_each_other(instructor_client):
    runs = reverse("admin:elearning_draftrun_changelist")
    drafts = reverse("admin:quiz_questiondraft_changelist")
    assert runs in instructor_client.get(drafts).content.decode()
