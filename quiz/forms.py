"""The answer form: one question's choices, as radios or checkboxes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Confidence, QuestionKind

HELP_TEXTS = {QuestionKind.MULTIPLE: _("Select all that apply.")}


class AnswerTemplates:
    """Bootstrap's form-check markup for each choice, in the page's own fieldset
    (``quiz/_answer_field.html``): no wrapper of Django's around the choices."""

    template_name = "quiz/widgets/answer_choices.html"
    option_template_name = "quiz/widgets/answer_option.html"


class AnswerChoice(AnswerTemplates, forms.RadioSelect):
    """One choice among the answers shown."""


class AnswerChoices(AnswerTemplates, forms.CheckboxSelectMultiple):
    """Every right choice among the answers shown."""


class ConfidenceChoice(forms.RadioSelect):
    """How sure she is of her answer (confidence-based marking), as inline choices."""

    template_name = "quiz/widgets/confidence_choices.html"
    option_template_name = "quiz/widgets/confidence_option.html"


class AnswerForm(forms.Form):
    """Her answer to one question.

    Built from the choices as shown (``[(id, text), ...]``), so a posted value that does
    not belong to the question is a form error, never a 500. Nothing in it says which
    choice is right.
    """

    def __init__(self, *args, kind, choices, label, disabled=False, confidence=False, **kwargs):
        super().__init__(*args, **kwargs)
        options = [(str(pk), text) for pk, text in choices]
        widget_attrs = {"class": "form-check-input"}
        if kind == QuestionKind.MULTIPLE:
            field = forms.MultipleChoiceField(
                choices=options,
                widget=AnswerChoices(attrs=widget_attrs),
                required=False,
                help_text=HELP_TEXTS[QuestionKind.MULTIPLE],
            )
        else:
            field = forms.ChoiceField(
                choices=options, widget=AnswerChoice(attrs=widget_attrs), required=False
            )
        field.label = label
        field.disabled = disabled
        field.error_messages["invalid_choice"] = _(
            "This choice does not belong to the question. Choose one of the answers shown."
        )
        self.fields["answer"] = field
        if confidence:
            # Asked when she checks the answer (quiz.attempts.check_answer requires it).
            self.fields["confidence"] = forms.TypedChoiceField(
                choices=Confidence.choices,
                coerce=int,
                empty_value=None,
                required=False,
                widget=ConfidenceChoice(attrs={"class": "form-check-input"}),
                label=_("How sure are you?"),
                disabled=disabled,
            )
            self.fields["confidence"].error_messages["invalid_choice"] = _(
                "Choose one of the three answers: not sure, fairly sure or sure."
            )
        self.kind = kind

    def full_clean(self):
        super().full_clean()
        if "answer" in self.errors:
            self.fields["answer"].widget.attrs["class"] = "form-check-input is-invalid"

    def confidence(self):
        """How sure she said she is, or None."""
        return self.cleaned_data.get("confidence")

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
            "answer": saved if response.kind == QuestionKind.MULTIPLE else next(iter(saved), None),
            "confidence": response.confidence,
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
