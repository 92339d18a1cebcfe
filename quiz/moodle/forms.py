"""The admin's two steps of an import: the file to read, then the preview to confirm.

The preview travels in the confirming form, signed (``django.core.signing``, compressed): the
questions as read, never the file, so a large Moodle file with pictures weighs little once
read, and what is confirmed is exactly what was shown. A preview is good for an hour and for
the bank it was made for.
"""

import uuid

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from .gift import GIFT
from .importing import ImportProblem, check_size, read_file
from .questions import ImportedQuestion
from .xml import XML

PREVIEW_SALT = "quiz.moodle.import-preview"
PREVIEW_MAX_AGE = 60 * 60  # seconds


class QuestionFileForm(forms.Form):
    """A question file; reading it is validating it: the cleaned data hold its ``reading``
    (questions, skipped questions, errors with their lines)."""

    file = forms.FileField(
        label=_("Question file"),
        help_text=_("GIFT (.gift, .txt) or Moodle XML (.xml), at most 2 MB."),
        error_messages={
            "required": _("Choose a file to import."),
            "empty": _("The file is empty."),
        },
    )
    file_format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=[("", _("Tell by the file")), (GIFT, "GIFT"), (XML, "Moodle XML")],
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            check_size(upload.size)
        except ImportProblem as problem:
            raise forms.ValidationError(str(problem), code="too_large") from None
        return upload

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload is None:
            return cleaned
        try:
            cleaned["reading"] = read_file(
                upload.read(), upload.name, cleaned.get("file_format") or None
            )
        except ImportProblem as problem:
            self.add_error("file", forms.ValidationError(str(problem), code="unreadable"))
        return cleaned


def preview_token(bank, questions):
    """The signed preview of ``questions`` for ``bank``, with an id that tells a second
    confirmation of the same preview."""
    return signing.dumps(
        {
            "bank": bank.pk,
            "id": uuid.uuid4().hex,
            "questions": [question.to_dict() for question in questions],
        },
        salt=PREVIEW_SALT,
        compress=True,
    )


class ConfirmImportForm(forms.Form):
    """The preview to import; its cleaned ``preview`` is {"id": ..., "questions": [...]}."""

    preview = forms.CharField(
        widget=forms.HiddenInput,
        error_messages={"required": _("This preview cannot be read: choose the file again.")},
    )

    def __init__(self, *args, bank, **kwargs):
        super().__init__(*args, **kwargs)
        self.bank = bank

    def clean_preview(self):
        unreadable = forms.ValidationError(
            _("This preview cannot be read: choose the file again."), code="unreadable"
        )
        try:
            data = signing.loads(
                self.cleaned_data["preview"], salt=PREVIEW_SALT, max_age=PREVIEW_MAX_AGE
            )
        except signing.SignatureExpired:
            raise forms.ValidationError(
                _("This preview is more than an hour old: choose the file again."),
                code="expired",
            ) from None
        except signing.BadSignature:
            raise unreadable from None
        if not isinstance(data, dict) or data.get("bank") != self.bank.pk:
            raise unreadable
        try:
            questions = [ImportedQuestion.from_dict(item) for item in data["questions"]]
        except (KeyError, TypeError, ValueError, ArithmeticError):
            raise unreadable from None
        return {"id": str(data.get("id")), "questions": questions}
