"""Bad values in the admin's addresses and forms: never a 500 (config/admin.py).

The pages are walked from the admin site's registry, so that a new model admin, inline or
related field cannot escape the rule.
"""

import pytest
from django.contrib import admin
from django.forms import ModelChoiceField
from django.urls import reverse

from config.admin import SafeInputs

pytestmark = pytest.mark.django_db

PROJECT_APPS = {"elearning", "quiz", "auth"}
# Not an id at all; and an integer no database column holds (SQLite cannot bind it).
BAD_IDS = ["abc", "99999999999999999999"]


def registered():
    return sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


def add_url(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")


def related_form_fields(response):
    form = response.context["adminform"].form
    return [name for name, field in form.fields.items() if isinstance(field, ModelChoiceField)]


@pytest.fixture
def superuser_client(client, django_user_model, course, make_quiz):
    # Something to offer in every select: a course, its lessons, a quiz of its bank.
    make_quiz(bank=course.bank)
    user = django_user_model.objects.create_superuser(
        email="root@example.com", password="a-long-password-1", first_name="R", last_name="S"
    )
    client.force_login(user)
    client.user = user
    return client


def test_every_project_admin_and_inline_takes_its_inputs_safely():
    for model, model_admin in registered():
        if model._meta.app_label not in PROJECT_APPS:
            continue
        assert isinstance(model_admin, SafeInputs), model_admin
        for inline in model_admin.inlines:
            assert issubclass(inline, SafeInputs), inline


@pytest.mark.parametrize("bad", BAD_IDS)
def test_a_non_integer_related_value_in_the_address_of_every_add_page_is_left_out(
    superuser_client, rf, bad
):
    request = rf.get("/")
    request.user = superuser_client.user
    checked = []
    for model, model_admin in registered():
        if not model_admin.has_add_permission(request):
            continue
        for name in related_form_fields(superuser_client.get(add_url(model))):
            response = superuser_client.get(f"{add_url(model)}?{name}={bad}")
            assert response.status_code == 200, (model, name)
            assert f'value="{bad}"' not in response.content.decode()
            checked.append(f"{model._meta.model_name}.{name}")
    # The fields the probe of the issue named are among them.
    for name in (
        "accommodation.learner",
        "accommodation.quiz",
        "question.bank",
        "question.add_to_quiz",
        "course.final_quiz",
        "lesson.checkpoint_quiz",
    ):
        assert name in checked


def test_a_related_value_that_is_not_there_or_not_offered_is_left_out(superuser_client):
    for value in ("999999", "-1", "1e3", "99999999999999999999999999"):
        response = superuser_client.get(f"/admin/quiz/question/add/?bank={value}")
        assert response.status_code == 200, value
        response = superuser_client.get(f"/admin/quiz/accommodation/add/?learner={value}")
        assert response.status_code == 200, value


def test_a_good_related_value_in_the_address_still_fills_the_form(superuser_client, course):
    response = superuser_client.get(f"/admin/quiz/question/add/?bank={course.bank_id}")
    assert response.context["adminform"].form.initial["bank"] == str(course.bank_id)


def bad_post(response, bad="abc"):
    """What the add page posts, with ``bad`` in every related field of the form and of one
    row of each inline."""
    form = response.context["adminform"].form
    data = {
        name: bad if isinstance(field, ModelChoiceField) else ""
        for name, field in form.fields.items()
    }
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        prefix = formset.prefix
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "1",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
        for name, field in formset.empty_form.fields.items():
            if isinstance(field, ModelChoiceField) and name != formset.fk.name:
                data[f"{prefix}-0-{name}"] = bad
    return data


@pytest.mark.parametrize("bad", BAD_IDS)
def test_every_add_page_posted_with_non_integer_related_values_answers_with_errors(
    superuser_client, rf, bad
):
    request = rf.get("/")
    request.user = superuser_client.user
    posted = 0
    for model, model_admin in registered():
        if not model_admin.has_add_permission(request):
            continue
        url = add_url(model)
        response = superuser_client.post(url, bad_post(superuser_client.get(url), bad))
        assert response.status_code == 200, model  # the form again, with its errors
        assert response.context["adminform"].form.errors, model
        posted += 1
    assert posted >= 8


def test_the_accommodation_inline_posted_with_a_non_integer_learner_answers_with_errors(
    superuser_client, make_quiz
):
    quiz = make_quiz()
    url = reverse("admin:quiz_quiz_change", args=[quiz.pk])
    data = bad_post(superuser_client.get(url))
    response = superuser_client.post(url, {**data, "title": quiz.title})
    assert response.status_code == 200


def autocomplete_fields():
    """Every autocomplete field of every admin and inline: (app, model, field)."""
    found = []
    for model, model_admin in registered():
        owners = [(model, model_admin)] + [
            (inline.model, inline(model, admin.site)) for inline in model_admin.inlines
        ]
        for owner, owner_admin in owners:
            for name in owner_admin.autocomplete_fields:
                found.append((owner._meta.app_label, owner._meta.model_name, name))
    return found


def test_a_nul_character_in_an_autocomplete_search_is_no_error(superuser_client):
    fields = autocomplete_fields()
    assert ("quiz", "accommodation", "learner") in fields
    for app, model, field in fields:
        response = superuser_client.get(
            "/admin/autocomplete/",
            {"term": "Du\x00pont", "app_label": app, "model_name": model, "field_name": field},
        )
        assert response.status_code == 200, (app, model, field)
        assert "results" in response.json()


def test_a_nul_character_in_a_list_search_or_filter_is_no_error(superuser_client):
    for model, _model_admin in registered():
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        response = superuser_client.get(url, {"q": "a\x00b"})
        assert response.status_code == 200, model
    response = superuser_client.get("/admin/elearning/user/", {"email": "\x00"})
    assert response.status_code in (200, 302)


def test_a_search_with_a_nul_character_finds_nothing_and_says_so(superuser_client):
    superuser_client.user.last_name = "Dupont"
    superuser_client.user.save()
    response = superuser_client.get("/admin/elearning/user/", {"q": "Du\x00pont"})
    assert response.status_code == 200
    assert response.context["cl"].result_count == 0
    assert (
        superuser_client.get("/admin/elearning/user/", {"q": "Dupont"}).context["cl"].result_count
        == 1
    )


@pytest.mark.parametrize("bad", BAD_IDS)
def test_every_change_page_posted_with_non_integer_related_values_answers_with_errors(
    superuser_client, rf, quiz_course, learner, bad
):
    from quiz.models import Accommodation

    Accommodation.objects.create(learner=learner, quiz=quiz_course.final_quiz, extra_attempts=1)
    request = rf.get("/")
    request.user = superuser_client.user
    posted = []
    for model, model_admin in registered():
        if model._meta.app_label not in PROJECT_APPS:
            continue
        obj = model_admin.get_queryset(request).first()
        if obj is None or not model_admin.has_change_permission(request, obj):
            continue
        url = reverse(
            f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[obj.pk]
        )
        response = superuser_client.post(url, bad_post(superuser_client.get(url), bad))
        assert response.status_code == 200, model
        posted.append(model._meta.model_name)
    assert {"course", "lesson", "quiz", "question", "accommodation", "user"} <= set(posted)
