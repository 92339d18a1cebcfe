"""The answer form: one question's choices, as radios or checkboxes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import QuestionKind


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

    def options(self):
        """The choices as the page shows them: (value, label, input id, checked).

        Read straight from the field, without the widget's per-option rendering: the
        question page is the quiz's hottest page (``quiz/templates/quiz/_answer_field.html``).
        """
        bound = self["answer"]
        value = bound.value()
        checked = {str(v) for v in (value if isinstance(value, list | tuple) else [value])}
        prefix = bound.auto_id
        return [
            (pk, label, f"{prefix}_{index}", pk in checked)
            for index, (pk, label) in enumerate(self.fields["answer"].choices)
        ]

    @property
    def input_type(self):
        return "checkbox" if self.kind == QuestionKind.MULTIPLE else "radio"

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
