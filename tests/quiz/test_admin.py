"""The instructors' quiz admin: choice rules, protected deletes, preview, duplicate, read-only
attempts, and pages that run a fixed number of queries."""

from itertools import count

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from elearning.models import QuestionSource
from quiz.admin import question_cues
from quiz.attempts import save_answer, start_attempt, submit_attempt
from quiz.models import (
    Accommodation,
    Attempt,
    Bank,
    Category,
    Choice,
    DrawRule,
    Question,
    QuestionKind,
    QuestionStatus,
    Quiz,
    QuizQuestion,
    validate_choices,
)
from tests.conftest import teach

pytestmark = pytest.mark.django_db

SINGLE, MULTIPLE, TRUE_FALSE = QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.TRUE_FALSE


# Factories and helpers --------------------------------------------------------------------


_banks = count(1)


def new_quiz(title="Fasciculations", **fields):
    fields.setdefault("bank", Bank.objects.create(name=f"Banque {next(_banks)}"))
    return Quiz.objects.create(title=title, **fields)


def new_question(quiz, text, choices=(("Oui", True), ("Non", False)), pick=True, **fields):
    """A question of the quiz's bank, which the quiz picks (or, with ``pick=False``, may
    draw)."""
    fields.setdefault("status", QuestionStatus.PUBLISHED)
    fields.setdefault("kind", SINGLE)
    question = Question.objects.create(bank=quiz.bank, text=text, **fields)
    if pick:
        QuizQuestion.objects.create(quiz=quiz, question=question)
    Choice.objects.bulk_create(
        Choice(question=question, position=n, text=choice_text, is_correct=correct)
        for n, (choice_text, correct) in enumerate(choices, start=1)
    )
    return question


def answered_attempt(learner, quiz):
    attempt, _created = start_attempt(learner, quiz)
    response = attempt.responses.first()
    save_answer(attempt, response, [response.choices[0]["id"]])
    submit_attempt(attempt)
    return attempt


def form_values(form):
    """What a browser posts for one unchanged form."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        key = form.add_prefix(name)
        if value is True:
            data[key] = "on"
        elif isinstance(value, list | tuple):
            data[key] = [str(item) for item in value]
        else:
            data[key] = str(value)
    return data


def page_data(response):
    """The POST of the admin form on this page, unchanged, without its empty extra forms."""
    data = form_values(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name, value in management.initial.items():
            data[management.add_prefix(name)] = value
        data[management.add_prefix("TOTAL_FORMS")] = len(formset.initial_forms)
        for form in formset.initial_forms:
            data.update(form_values(form))
    return data


def choice_rows(data, rows):
    """Add ``rows`` ((text, is_correct), ...) as new choices after the existing ones."""
    start = int(data["choices-INITIAL_FORMS"])
    for offset, (text, correct) in enumerate(rows):
        n = start + offset
        data[f"choices-{n}-position"] = str(n + 1)
        data[f"choices-{n}-text"] = text
        if correct:
            data[f"choices-{n}-is_correct"] = "on"
    data["choices-TOTAL_FORMS"] = start + len(rows)
    return data


def add_question(client, quiz, kind, rows, text="Que traduit une fasciculation ?"):
    url = reverse("admin:quiz_question_add")
    data = page_data(client.get(url))
    data.update(
        bank=quiz.bank_id, add_to_quiz=quiz.pk, text=text, kind=kind, points="1", status="published"
    )
    return client.post(url, choice_rows(data, rows))


def choice_errors(response):
    for inline in response.context["inline_admin_formsets"]:
        if inline.formset.prefix == "choices":
            return inline.formset.non_form_errors().as_data()
    raise AssertionError("no choices inline on the page")


def messages_in_page_language(kind, rows):
    """validate_choices' messages as the page shows them: French, HTML-escaped."""
    with translation.override("fr"):
        try:
            validate_choices(kind, rows)
        except ValidationError as error:
            return [escape(message) for message in error.messages]
    return []


# Choice rules -----------------------------------------------------------------------------

A, B, C = "Une contraction spontanée", "Une paralysie", "Une crampe"

REFUSED = [
    pytest.param(SINGLE, [(A, False), (B, False)], "not_one_correct", id="single-none-correct"),
    pytest.param(SINGLE, [(A, True), (B, True), (C, False)], "not_one_correct", id="single-two"),
    pytest.param(TRUE_FALSE, [("Vrai", False), ("Faux", False)], "not_one_correct", id="tf-none"),
    pytest.param(MULTIPLE, [(A, True), (B, True)], "multiple_needs_both", id="multiple-all"),
    pytest.param(MULTIPLE, [(A, False), (B, False)], "multiple_needs_both", id="multiple-none"),
    pytest.param(SINGLE, [(A, True)], "too_few_choices", id="one-choice"),
    pytest.param(SINGLE, [], "too_few_choices", id="no-choice"),
]


@pytest.mark.parametrize(("kind", "rows", "code"), REFUSED)
def test_an_unanswerable_question_is_refused_with_its_reason(admin_client, kind, rows, code):
    quiz = new_quiz()
    response = add_question(admin_client, quiz, kind, rows)
    assert response.status_code == 200
    assert code in {error.code for error in choice_errors(response)}
    content = response.content.decode()
    for message in messages_in_page_language(kind, rows):
        assert message in content
    assert not Question.objects.exists()
    assert not Choice.objects.exists()
    # Said at the top too, with a way to the choices' table.
    assert response.context["choice_problems"] and 'href="#choices-group"' in content


VALID = [
    pytest.param(SINGLE, [(A, True), (B, False), (C, False)], id="single"),
    pytest.param(TRUE_FALSE, [("Vrai", True), ("Faux", False)], id="true-false"),
    # Two correct of three: valid only because the posted kind, not the default, is checked.
    pytest.param(MULTIPLE, [(A, True), (B, False), (C, True)], id="multiple"),
]


@pytest.mark.parametrize(("kind", "rows"), VALID)
def test_a_sound_question_is_saved_with_its_choices(admin_client, kind, rows):
    quiz = new_quiz()
    response = add_question(admin_client, quiz, kind, rows)
    assert response.status_code == 302
    question = Question.objects.get()
    assert question.kind == kind
    assert [(c.text, c.is_correct) for c in question.choices.all()] == rows


def test_the_rule_checks_the_kind_being_saved(admin_client):
    question = new_question(
        new_quiz(), "Signes ?", [(A, True), (B, False), (C, True)], kind=MULTIPLE
    )
    url = reverse("admin:quiz_question_change", args=[question.pk])
    data = page_data(admin_client.get(url))
    data["kind"] = SINGLE
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert {error.code for error in choice_errors(response)} == {"not_one_correct"}
    question.refresh_from_db()
    assert question.kind == MULTIPLE


def test_choices_marked_for_deletion_do_not_count(admin_client):
    question = new_question(new_quiz(), "Signe ?", [(A, True), (B, False), (C, False)])
    url = reverse("admin:quiz_question_change", args=[question.pk])
    data = page_data(admin_client.get(url))
    data["choices-0-DELETE"] = "on"  # the only correct one
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert {error.code for error in choice_errors(response)} == {"not_one_correct"}
    assert question.choices.count() == 3

    data = page_data(admin_client.get(url))
    data["choices-2-DELETE"] = "on"  # a wrong one
    assert admin_client.post(url, data).status_code == 302
    assert [c.text for c in question.choices.all()] == [A, B]


def test_publishing_from_the_list_checks_the_choices(admin_client):
    quiz = new_quiz()
    sound = new_question(quiz, "Bonne ?", status=QuestionStatus.DRAFT)
    unsound = new_question(quiz, "Bancale ?", [(A, True)], status=QuestionStatus.DRAFT)
    response = admin_client.post(
        reverse("admin:quiz_question_changelist"),
        {"action": "publish", ACTION_CHECKBOX_NAME: [sound.pk, unsound.pk]},
        follow=True,
    )
    assert response.status_code == 200
    sound.refresh_from_db()
    unsound.refresh_from_db()
    assert sound.status == QuestionStatus.PUBLISHED
    assert unsound.status == QuestionStatus.DRAFT
    assert messages_in_page_language(SINGLE, [(A, True)])[0] in response.content.decode()

    admin_client.post(
        reverse("admin:quiz_question_changelist"),
        {"action": "move_to_draft", ACTION_CHECKBOX_NAME: [sound.pk]},
    )
    sound.refresh_from_db()
    assert sound.status == QuestionStatus.DRAFT


def test_the_quiz_page_picks_only_questions_of_its_bank(admin_client):
    quiz = new_quiz()
    mine = new_question(quiz, "De sa banque ?", pick=False)
    other = new_question(new_quiz(title="Autre"), "D'une autre banque ?")
    url = reverse("admin:quiz_quiz_change", args=[quiz.pk])
    response = admin_client.get(url)
    picks = next(
        inline
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == "picks"
    )
    offered = {value for value, _label in picks.formset.empty_form.fields["question"].choices}
    assert mine.pk in offered and other.pk not in offered
    data = page_data(response)
    data.update({"picks-TOTAL_FORMS": "1", "picks-0-question": str(other.pk)})
    assert admin_client.post(url, data).status_code == 200  # refused, with its message
    assert not quiz.questions.exists()
    data["picks-0-question"] = str(mine.pk)
    assert admin_client.post(url, data).status_code == 302
    assert list(quiz.questions.all()) == [mine]


# Deleting what learners answered ----------------------------------------------------------


@pytest.fixture
def answered_question(learner):
    quiz = new_quiz()
    question = new_question(quiz, "Une fasciculation est-elle grave ?")
    answered_attempt(learner, quiz)
    return question


def test_deleting_an_answered_question_explains_the_refusal(admin_client, answered_question):
    url = reverse("admin:quiz_question_delete", args=[answered_question.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert response.context["protected"]
    response = admin_client.post(url, {"post": "yes"})
    assert response.status_code == 200
    assert response.context["protected"]
    assert Question.objects.filter(pk=answered_question.pk).exists()


def test_bulk_deleting_an_answered_question_explains_the_refusal(admin_client, answered_question):
    response = admin_client.post(
        reverse("admin:quiz_question_changelist"),
        {"action": "delete_selected", ACTION_CHECKBOX_NAME: [answered_question.pk], "post": "yes"},
    )
    assert response.status_code == 200
    assert response.context["protected"]
    assert Question.objects.filter(pk=answered_question.pk).exists()


def test_taking_a_question_out_of_a_quiz_keeps_it_in_the_bank(admin_client, answered_question):
    quiz = answered_question.quizzes.get()
    url = reverse("admin:quiz_quiz_change", args=[quiz.pk])
    data = page_data(admin_client.get(url))
    data["picks-0-DELETE"] = "on"
    assert admin_client.post(url, data).status_code == 302
    assert not quiz.questions.exists()
    assert Question.objects.filter(pk=answered_question.pk, bank=quiz.bank).exists()
    assert answered_question.responses.count() == 1


def test_an_unanswered_question_can_be_deleted(admin_client):
    question = new_question(new_quiz(), "Brouillon ?", status=QuestionStatus.DRAFT)
    url = reverse("admin:quiz_question_delete", args=[question.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not Question.objects.exists()


# Preview ----------------------------------------------------------------------------------


@pytest.fixture
def quiz_with_draw():
    """A quiz that draws from its bank's categories, and picks nothing."""
    quiz = new_quiz(title="Examen final")
    signs = Category.objects.create(bank=quiz.bank, name="Signes")
    causes = Category.objects.create(bank=quiz.bank, name="Causes")
    new_question(quiz, "Question publiée sur les signes", category=signs, pick=False)
    new_question(quiz, "Autre question sur les signes", category=signs, pick=False)
    new_question(quiz, "Question publiée sur les causes", category=causes, pick=False)
    new_question(
        quiz, "Question en brouillon", category=signs, status=QuestionStatus.DRAFT, pick=False
    )
    DrawRule.objects.create(quiz=quiz, category=signs, count=1)
    DrawRule.objects.create(quiz=quiz, category=causes, count=3)
    return quiz


def test_preview_shows_published_questions_and_records_nothing(instructor_client, quiz_with_draw):
    url = reverse("admin:quiz_quiz_preview", args=[quiz_with_draw.pk])
    response = instructor_client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Question publiée sur les signes" in content
    assert "Question publiée sur les causes" in content
    assert "Question en brouillon" not in content
    assert 'type="radio"' in content
    assert "icon-yes.svg" in content  # the answer key
    summary = response.context["summary"]
    assert summary.per_attempt == 2  # 1 sign + the only published cause
    assert [line.short for line in summary.lines] == [True, False]  # causes, signes
    assert not Attempt.objects.exists()


def test_preview_warns_when_no_attempt_could_start_and_counts_picks_and_draws(
    instructor_client,
):
    empty = new_quiz(title="Vide")
    new_question(empty, "Brouillon seul", status=QuestionStatus.DRAFT)
    response = instructor_client.get(reverse("admin:quiz_quiz_preview", args=[empty.pk]))
    assert response.status_code == 200
    assert response.context["summary"].per_attempt == 0
    assert 'class="error"' in response.content.decode()

    quiz = new_quiz()
    ruled = Category.objects.create(bank=quiz.bank, name="Signes")
    new_question(quiz, "Choisie", category=ruled)
    new_question(quiz, "Tirée", category=ruled, pick=False)
    new_question(quiz, "Autre tirée", category=ruled, pick=False)
    DrawRule.objects.create(quiz=quiz, category=ruled, count=1)
    response = instructor_client.get(reverse("admin:quiz_quiz_preview", args=[quiz.pk]))
    summary = response.context["summary"]
    # The picked question, and one of the two others of its category (never itself again).
    assert (summary.per_attempt, summary.picked, summary.lines[0].available) == (2, 1, 2)
    assert [item["question"].text for item in response.context["items"]] == [
        "Choisie",
        "Tirée",
        "Autre tirée",
    ]


def test_preview_is_for_staff_only(client, learner, make_user, quiz_with_draw):
    url = reverse("admin:quiz_quiz_preview", args=[quiz_with_draw.pk])
    client.force_login(learner)
    response = client.get(url)
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
    client.force_login(make_user(is_staff=True))  # staff, but no quiz permission
    assert client.get(url).status_code == 403


def test_the_quiz_page_links_to_the_preview(instructor_client, quiz_with_draw):
    response = instructor_client.get(reverse("admin:quiz_quiz_change", args=[quiz_with_draw.pk]))
    content = response.content.decode()
    assert reverse("admin:quiz_quiz_preview", args=[quiz_with_draw.pk]) in content
    add = reverse("admin:quiz_question_add")
    assert f"{add}?bank={quiz_with_draw.bank_id}&amp;add_to_quiz={quiz_with_draw.pk}" in content


# Duplicate --------------------------------------------------------------------------------


def test_duplicate_asks_then_copies_in_the_same_bank(instructor_client, learner, quiz_with_draw):
    original = quiz_with_draw
    new_question(original, "Toujours posée")
    new_question(original, "Aussi posée")
    Accommodation.objects.create(learner=learner, quiz=original, extra_minutes=20)
    answered_attempt(learner, original)
    url = reverse("admin:quiz_quiz_changelist")
    ask = instructor_client.post(url, {"action": "duplicate", ACTION_CHECKBOX_NAME: [original.pk]})
    assert ask.status_code == 200
    assert Quiz.objects.count() == 1

    done = instructor_client.post(
        url, {"action": "duplicate", ACTION_CHECKBOX_NAME: [original.pk], "post": "yes"}
    )
    assert done.status_code == 302
    copy = Quiz.objects.exclude(pk=original.pk).get()
    assert copy.title in {f"{original.title} (copy)", f"{original.title} (copie)"}
    assert copy.pass_mark == original.pass_mark
    assert sorted(copy.draw_rules.values_list("category__name", "count")) == sorted(
        original.draw_rules.values_list("category__name", "count")
    )

    def picks(quiz):
        return list(quiz.picks.order_by("position").values_list("question", "position"))

    assert copy.bank == original.bank
    assert picks(copy) == picks(original) and len(picks(copy)) == 2
    assert not copy.attempts.exists()
    assert not copy.accommodations.exists()

    # One bank: a question edited there is edited in both; the quizzes' own settings and
    # picks stay their own.
    shared = copy.questions.first()
    shared.text = "Modifiée"
    shared.save()
    assert original.questions.filter(text="Modifiée").exists()
    copy.picks.filter(question=shared).delete()
    Quiz.objects.filter(pk=copy.pk).update(pass_mark=50)
    original.refresh_from_db()
    assert len(picks(original)) == 2 and original.pass_mark != 50


# Instructors ------------------------------------------------------------------------------


def test_an_instructor_adds_a_quiz_then_a_rule_and_a_question(instructor_client):
    bank = Bank.objects.create(name="Banque du cours")
    category = Category.objects.create(bank=bank, name="Signes")
    elsewhere = Category.objects.create(bank=Bank.objects.create(name="Autre"), name="Signes")
    url = reverse("admin:quiz_quiz_add")
    data = page_data(instructor_client.get(url))
    data.update(title="Quiz de la leçon 1", bank=str(bank.pk), pass_mark="70", max_attempts="3")
    assert instructor_client.post(url, data).status_code == 302
    quiz = Quiz.objects.get(title="Quiz de la leçon 1")
    assert quiz.max_attempts == 3 and quiz.bank == bank

    url = reverse("admin:quiz_quiz_change", args=[quiz.pk])
    data = page_data(instructor_client.get(url))
    rule = {"draw_rules-TOTAL_FORMS": "1", "draw_rules-0-count": "1"}
    data.update(rule, **{"draw_rules-0-category": str(elsewhere.pk)})
    assert instructor_client.post(url, data).status_code == 200  # another bank's: refused
    data["draw_rules-0-category"] = str(category.pk)
    assert instructor_client.post(url, data).status_code == 302
    assert quiz.draw_rules.get().category == category

    response = add_question(instructor_client, quiz, TRUE_FALSE, [("Vrai", True), ("Faux", False)])
    assert response.status_code == 302
    question = quiz.questions.get()
    assert question.bank == bank and question.choices.count() == 2


def test_an_instructor_grants_extra_time(instructor_client, learner):
    teach(learner)
    quiz = new_quiz(time_limit_minutes=30)
    url = reverse("admin:quiz_accommodation_add")
    data = page_data(instructor_client.get(url))
    data.update(
        learner=str(learner.pk),
        quiz=str(quiz.pk),
        extra_minutes="10",
        extra_attempts="1",
        reason="Tiers-temps",
    )
    assert instructor_client.post(url, data).status_code == 302
    assert Accommodation.objects.get(learner=learner, quiz=quiz).extra_minutes == 10


def test_attempts_are_read_only(instructor_client, learner):
    teach(learner)
    quiz = new_quiz()
    new_question(quiz, "Vrai ?", [("Vrai", True), ("Faux", False)], kind=TRUE_FALSE)
    attempt = answered_attempt(learner, quiz)
    url = reverse("admin:quiz_attempt_change", args=[attempt.pk])
    response = instructor_client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Vrai ?" in content  # the frozen wording
    assert 'name="_save"' not in content
    assert instructor_client.post(url, {"state": "in_progress"}).status_code == 403
    assert instructor_client.get(reverse("admin:quiz_attempt_add")).status_code == 403
    delete = reverse("admin:quiz_attempt_delete", args=[attempt.pk])
    assert instructor_client.post(delete, {"post": "yes"}).status_code == 403
    assert Attempt.objects.filter(pk=attempt.pk).exists()


def test_the_pages_render(instructor_client, learner, quiz_with_draw):
    teach(learner)
    attempt = answered_attempt(learner, quiz_with_draw)
    question = quiz_with_draw.bank.questions.first()
    Accommodation.objects.create(learner=learner, quiz=quiz_with_draw, extra_attempts=1)
    urls = [
        reverse("admin:quiz_quiz_changelist"),
        reverse("admin:quiz_quiz_add"),
        reverse("admin:quiz_quiz_change", args=[quiz_with_draw.pk]),
        reverse("admin:quiz_question_changelist"),
        reverse("admin:quiz_question_add"),
        reverse("admin:quiz_question_change", args=[question.pk]),
        reverse("admin:quiz_attempt_changelist"),
        reverse("admin:quiz_attempt_change", args=[attempt.pk]),
        reverse("admin:quiz_category_changelist"),
        reverse("admin:quiz_bank_changelist"),
        reverse("admin:quiz_bank_change", args=[quiz_with_draw.bank_id]),
        reverse("admin:quiz_accommodation_changelist"),
    ]
    for url in urls:
        assert instructor_client.get(url).status_code == 200, url


# Cues ---------------------------------------------------------------------------------------

CUED_CHOICES = [
    ("Par des secousses qui cèdent au mouvement", False),
    ("Avec d'autres signes, comme une faiblesse", True),
    ("Par des fasciculations isolées", False),
    ("Par une envie de bouger le soir", False),
]
SOUND_CHOICES = [
    ("Par des secousses qui cèdent au mouvement", False),
    ("Par des fasciculations avec une faiblesse", True),
    ("Par des fasciculations isolées", False),
    ("Par une envie de bouger le soir", False),
]


def test_a_questions_page_warns_of_what_gives_its_answer_away(instructor_client):
    quiz = new_quiz()
    cued = new_question(quiz, "Comment les causes graves se manifestent-elles ?", CUED_CHOICES)
    sound = new_question(quiz, "Comment se manifestent les causes graves ?", SOUND_CHOICES)
    with translation.override("fr"):  # the page's language
        heading = escape(
            gettext("This question may give its answer away to a learner who does not know it:")
        )
        messages = [escape(cue.message) for cue in question_cues(cued)]
    assert len(messages) == 1

    page = instructor_client.get(reverse("admin:quiz_question_change", args=[cued.pk]))
    assert heading in page.content.decode() and messages[0] in page.content.decode()
    page = instructor_client.get(reverse("admin:quiz_question_change", args=[sound.pk]))
    assert heading not in page.content.decode()
    assert instructor_client.get(reverse("admin:quiz_question_add")).status_code == 200


# Queries ----------------------------------------------------------------------------------


def build(quizzes, questions, learners, make_user):
    """``quizzes`` quizzes of ``questions`` questions, each answered by ``learners``; the last."""
    for n in range(quizzes):
        quiz = new_quiz(title=f"Quiz {quizzes}.{n}")
        category = Category.objects.create(bank=quiz.bank, name=f"Catégorie {quizzes}")
        DrawRule.objects.create(quiz=quiz, category=category, count=questions)
        for m in range(questions):
            new_question(quiz, f"Question {n}.{m}", category=category, pick=m % 2 == 0)
        for _ in range(learners):
            answerer = make_user()
            teach(answerer)
            answered_attempt(answerer, quiz)
        accommodated = make_user()
        teach(accommodated)
        Accommodation.objects.create(learner=accommodated, quiz=quiz, extra_minutes=10)
    return quiz


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


PAGES = {
    "quiz list": lambda quiz: reverse("admin:quiz_quiz_changelist"),
    "question list": lambda quiz: reverse("admin:quiz_question_changelist"),
    "attempt list": lambda quiz: reverse("admin:quiz_attempt_changelist"),
    "accommodation list": lambda quiz: reverse("admin:quiz_accommodation_changelist"),
    "quiz page": lambda quiz: reverse("admin:quiz_quiz_change", args=[quiz.pk]),
    "preview": lambda quiz: reverse("admin:quiz_quiz_preview", args=[quiz.pk]),
    "attempt page": lambda quiz: reverse(
        "admin:quiz_attempt_change", args=[quiz.attempts.first().pk]
    ),
}


@pytest.mark.parametrize("page", list(PAGES))
def test_query_count_does_not_grow(instructor_client, make_user, page):
    small = queries(instructor_client, PAGES[page](build(1, 2, 1, make_user)))
    large = queries(instructor_client, PAGES[page](build(4, 6, 3, make_user)))
    assert large == small


# The course side (elearning/admin/courses.py) ----------------------------------------------
# These pages belong to elearning; they live here with the question page they extend.


def test_courses_and_lessons_name_their_quizzes_of_their_bank_and_free(admin_client, course):
    quiz = new_quiz(bank=course.bank)
    elsewhere = new_quiz(title="D'une autre banque")
    lesson, other = course.lessons.order_by("position")[:2]
    url = reverse("admin:elearning_lesson_change", args=[lesson.pk])
    offered = admin_client.get(url).context["adminform"].form.fields["checkpoint_quiz"]
    assert quiz in offered.queryset and elsewhere not in offered.queryset
    data = page_data(admin_client.get(url))
    data["checkpoint_quiz"] = str(quiz.pk)
    assert admin_client.post(url, data).status_code == 302
    lesson.refresh_from_db()
    assert lesson.checkpoint_quiz == quiz

    # Used by one lesson: another lesson and the course are not offered it.
    url = reverse("admin:elearning_lesson_change", args=[other.pk])
    offered = admin_client.get(url).context["adminform"].form.fields["checkpoint_quiz"]
    assert quiz not in offered.queryset
    url = reverse("admin:elearning_course_change", args=[course.pk])
    offered = admin_client.get(url).context["adminform"].form.fields["final_quiz"]
    assert quiz not in offered.queryset


def test_a_question_records_its_source_lesson(admin_client, course):
    question = new_question(new_quiz(), "Signe ?")
    lesson = course.lessons.get(position=2)
    url = reverse("admin:quiz_question_change", args=[question.pk])
    data = page_data(admin_client.get(url))
    data.update(
        {
            "source-TOTAL_FORMS": "1",
            "source-0-lesson": str(lesson.pk),
            "source-0-objective": "Reconnaître une fasciculation",
            "source-0-passage": "Une fasciculation est une contraction spontanée.",
        }
    )
    assert admin_client.post(url, data).status_code == 302
    assert QuestionSource.objects.get(question=question).lesson == lesson


def test_a_questions_page_says_which_quizzes_pick_it_and_which_may_draw_it(instructor_client):
    checkpoint = new_quiz(title="Leçon 1")
    final = new_quiz(title="Examen final", bank=checkpoint.bank)
    category = Category.objects.create(bank=checkpoint.bank, name="Signes")
    question = new_question(checkpoint, "Signe ?", category=category)
    DrawRule.objects.create(quiz=final, category=category, count=1)
    page = instructor_client.get(reverse("admin:quiz_question_change", args=[question.pk]))
    content = page.content.decode()
    assert "Leçon 1" in content and "Examen final" in content
    with translation.override("fr"):
        assert escape(gettext("Picked by:")) in content
        assert escape(gettext("May be drawn by:")) in content


def test_no_right_answer_and_two_right_answers_say_different_things_pointing_at_the_column():
    with translation.override("fr"):
        column = gettext("correct").capitalize()
        none, two = (
            messages_in_page_language(SINGLE, rows)
            for rows in ([(A, False), (B, False)], [(A, True), (B, True), (C, False)])
        )
    assert none != two
    assert all(f"«\u00a0{column}\u00a0»" in m[0] or f"“{column}”" in m[0] for m in (none, two))
    assert "2" in two[0]


def test_saving_a_quiz_no_attempt_could_start_warns(admin_client):
    quiz = new_quiz()
    new_question(quiz, "Brouillon seul ?", status=QuestionStatus.DRAFT)
    url = reverse("admin:quiz_quiz_change", args=[quiz.pk])
    response = admin_client.post(url, page_data(admin_client.get(url)), follow=True)
    levels = {message.level_tag for message in response.context["messages"]}
    assert "warning" in levels


def test_extra_time_is_given_knowing_the_quizs_limit_and_to_learners_only(admin_client, make_user):
    quiz = new_quiz(time_limit_minutes=40)
    staff = make_user(is_staff=True)
    page = admin_client.get(reverse("admin:quiz_quiz_change", args=[quiz.pk]))
    formset = next(
        inline.formset
        for inline in page.context["inline_admin_formsets"]
        if inline.formset.prefix == "accommodations"
    )
    help_text = str(formset.empty_form.fields["extra_minutes"].help_text)
    assert "40" in help_text and "14" in help_text  # a third of 40, rounded up
    assert staff not in formset.empty_form.fields["learner"].queryset


def test_the_extra_time_page_says_the_quizs_limit(admin_client, learner):
    quiz = new_quiz(time_limit_minutes=30)
    accommodation = Accommodation.objects.create(learner=learner, quiz=quiz, extra_minutes=10)
    page = admin_client.get(reverse("admin:quiz_accommodation_change", args=[accommodation.pk]))
    help_text = str(page.context["adminform"].form.fields["extra_minutes"].help_text)
    assert "30" in help_text and "10" in help_text
    assert admin_client.get(reverse("admin:quiz_accommodation_add")).status_code == 200


def test_the_quizzes_an_autocomplete_offers_come_in_a_stable_order(admin_client):
    """The accommodation's quiz field searches quizzes page by page: without an ordering,
    Django warns that its pages may repeat or skip some."""
    import warnings

    from django.core.paginator import UnorderedObjectListWarning

    new_quiz("B")
    new_quiz("A")
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnorderedObjectListWarning)
        response = admin_client.get(
            "/admin/autocomplete/",
            {"app_label": "quiz", "model_name": "accommodation", "field_name": "quiz", "term": ""},
        )
    assert response.status_code == 200
    titles = [row["text"] for row in response.json()["results"]]
    assert titles == sorted(titles)
