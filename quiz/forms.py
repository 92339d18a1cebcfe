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
                help_text=_("Select all that apply."),
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
        """The answer field as the page shows it (``quiz/templates/quiz/_answer_field.html``).

        The choices' inputs are joined here rather than rendered by the widget's templates
        or a template loop: the question page is the quiz's hottest page, and this costs a
        fraction of either (bench/README.md). Values and labels are escaped; the
        rest is this module's own text (``auto_id`` is ``id_answer``).
        """
        bound = self["answer"]
        value = bound.value()
        checked = {str(v) for v in (value if isinstance(value, list | tuple) else [value])}
        errors = self.errors.get("answer", [])
        input_type = "checkbox" if self.kind == QuestionKind.MULTIPLE else "radio"
        invalid = " is-invalid" if errors else ""
        prefix = bound.auto_id
        inputs = mark_safe(
            "".join(
                f'<div class="form-check"><input class="form-check-input{invalid}" '
                f'type="{input_type}" name="answer" value="{escape(pk)}" id="{prefix}_{index}"'
                f'{" checked" if pk in checked else ""}><label class="form-check-label" '
                f'for="{prefix}_{index}">{escape(label)}</label></div>'
                for index, (pk, label) in enumerate(self.fields["answer"].choices)
            )
        )
        field = self.fields["answer"]
        described_by = " ".join(
            name
            for name, present in (("answer-help", field.help_text), ("answer-errors", errors))
            if present
        )
        return Fieldset(
            label=field.label,
            help_text=field.help_text,
            errors=errors,
            described_by=described_by,
            inputs=inputs,
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
