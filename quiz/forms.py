"""The answer form: one question's choices, as radios or checkboxes."""

from dataclasses import dataclass

from django import forms
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .models import QuestionKind


@dataclass(frozen=True)
class Fieldset:
    """The answer field, ready for its template."""

    label: str
    help_text: str
    errors: list
    described_by: str  # ids of the help text and the errors, for aria-describedby
    inputs: str  # the choices' inputs and labels, escaped


HELP_TEXTS = {QuestionKind.MULTIPLE: _("Select all that apply.")}


def answer_fieldset(kind, choices, label, *, picked=(), errors=()):
    """The answer field as the page shows it (``quiz/templates/quiz/_answer_field.html``).

    ``choices``: ``[(id, text), ...]`` as shown; ``picked``: the ids she picked. The
    choices' inputs are joined here rather than rendered by the widget's templates or a
    template loop: the question page is the quiz's hottest page, and this costs a
    fraction of either (bench/README.md). Ids and texts are escaped; the rest is this
    module's own text. The page of an unanswered or saved answer needs no form:
    ``for_response`` builds it straight from the response.
    """
    checked = {str(pk) for pk in picked}
    input_type = "checkbox" if kind == QuestionKind.MULTIPLE else "radio"
    invalid = " is-invalid" if errors else ""
    inputs = mark_safe(
        "".join(
            f'<div class="form-check"><input class="form-check-input{invalid}" '
            f'type="{input_type}" name="answer" value="{escape(pk)}" id="id_answer_{index}"'
            f'{" checked" if str(pk) in checked else ""}><label class="form-check-label" '
            f'for="id_answer_{index}">{escape(text)}</label></div>'
            for index, (pk, text) in enumerate(choices)
        )
    )
    help_text = HELP_TEXTS.get(kind, "")
    described_by = " ".join(
        name for name, present in (("answer-help", help_text), ("answer-errors", errors)) if present
    )
    return Fieldset(
        label=label,
        help_text=help_text,
        errors=list(errors),
        described_by=described_by,
        inputs=inputs,
    )


def fieldset_for_response(response):
    """The answer field of one frozen response with her saved answer, without a form."""
    return answer_fieldset(
        response.kind,
        [(choice["id"], choice["text"]) for choice in response.choices],
        response.question_text,
        picked=response.selected,
    )


class AnswerForm(forms.Form):
    """Her answer to one question.

    Built from the choices as shown (``[(id, text), ...]``), so a posted value that does
    not belong to the question is a form error, never a 500. Nothing in it says which
    choice is right.
    """

    def __init__(self, *args, kind, choices, label, disabled=False, **kwargs):
        super().__init__(*args, **kwargs)
        options = [(str(pk), text) for pk, text in choices]
        if kind == QuestionKind.MULTIPLE:
            field = forms.MultipleChoiceField(
                choices=options,
                widget=forms.CheckboxSelectMultiple,
                required=False,
                help_text=HELP_TEXTS[QuestionKind.MULTIPLE],
            )
        else:
            field = forms.ChoiceField(choices=options, widget=forms.RadioSelect, required=False)
        field.label = label
        field.disabled = disabled
        field.error_messages["invalid_choice"] = _(
            "This choice does not belong to the question. Choose one of the answers shown."
        )
        self.fields["answer"] = field
        self.kind = kind

    def fieldset(self):
        """The answer field as the page shows it, with her picks and the form's errors."""
        value = self["answer"].value()
        picked = value if isinstance(value, list | tuple) else [value]
        field = self.fields["answer"]
        return answer_fieldset(
            self.kind,
            field.choices,
            field.label,
            picked=picked,
            errors=self.errors.get("answer", []),
        )

    def selected_ids(self):
        value = self.cleaned_data.get("answer") or []
        if isinstance(value, str):
            value = [value]
        return [int(pk) for pk in value]

    @classmethod
    def for_response(cls, response, data=None, **kwargs):
        """The form for one frozen response of an attempt, with her saved answer."""
        saved = [str(pk) for pk in response.selected]
        initial = {
            "answer": saved if response.kind == QuestionKind.MULTIPLE else next(iter(saved), None)
        }
        return cls(
            data,
            kind=response.kind,
            choices=[(choice["id"], choice["text"]) for choice in response.choices],
            label=response.question_text,
            disabled=response.is_locked,
            initial=initial,
            **kwargs,
        )
