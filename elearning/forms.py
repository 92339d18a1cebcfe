"""Forms for learner accounts and for importing a course; every field validated, every
message translated."""

from django import forms
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from . import documents
from .importing import (
    MAX_LESSONS,
    TITLE_MAX_LENGTH,
    Article,
    ImportProblem,
    LessonText,
    opening,
    read_document,
    reading_minutes,
    word_count,
)

User = get_user_model()


class SignupForm(UserCreationForm):
    class Meta:
        model = User
        fields = ["email", "first_name", "last_name", "preferred_language"]
        help_texts = {
            "first_name": _("As it should appear on your certificate."),
            "last_name": _("As it should appear on your certificate."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["email"].widget.attrs.update({"autocomplete": "email", "autofocus": True})
        self.fields["first_name"].widget.attrs.update(autocomplete="given-name", dir="auto")
        self.fields["last_name"].widget.attrs.update(autocomplete="family-name", dir="auto")

    def clean_email(self):
        email = User.objects.normalize_email(self.cleaned_data["email"]).strip()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _(
                    "An account with this e-mail address already exists. Log in, or reset your "
                    "password if you have forgotten it."
                ),
                code="duplicate_email",
            )
        return email


class EmailAuthenticationForm(AuthenticationForm):
    """Django's login form, labelled for an e-mail address."""

    username = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )
    error_messages = {
        "invalid_login": _("The e-mail address or the password is incorrect."),
        "inactive": _("This account is inactive."),
    }


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "preferred_language"]
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name", "dir": "auto"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name", "dir": "auto"}),
        }


class JoinCohortForm(forms.Form):
    code = forms.CharField(
        label=_("Cohort code"),
        max_length=20,
        help_text=_("The code your instructor gave you, for example K7MP Q2XD."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class DeleteAccountForm(forms.Form):
    """Her password, to confirm deleting her account. Checked through ``authenticate``, so
    that django-axes counts wrong passwords here as at the login page and locks a client
    out that guesses."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, request, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_password(self):
        password = self.cleaned_data["password"]
        me = self.request.user
        user = authenticate(self.request, username=me.email, password=password)
        if user is None or user.pk != me.pk:
            raise forms.ValidationError(
                _("This is not your password: your account was not deleted."),
                code="password_incorrect",
            )
        return password


class ImportCourseForm(forms.Form):
    """A document to import: a file, or text pasted. Reading it is validating it: the
    cleaned data hold the ``article`` it makes."""

    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_(
            "Plain text (.txt), Markdown (.md), web page (.html, .htm) or Word document "
            "(.docx), at most 2 MB."
        ),
    )
    text = forms.CharField(
        label=_("Or paste the text"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 10, "class": "vLargeTextField"}),
        help_text=_(
            "Text copied from a web page or a document, or the HTML source of a page. "
            "Nothing is saved before you check the lessons it makes."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload is not None:
            try:
                documents.check_size(upload.size)
            except ImportProblem as problem:
                raise forms.ValidationError(str(problem), code="too_large") from None
        return upload

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        upload, text = cleaned.get("file"), cleaned.get("text") or ""
        if upload is None and not text.strip():
            raise forms.ValidationError(_("Choose a file or paste a text."), code="missing")
        if upload is not None and text.strip():
            raise forms.ValidationError(_("Choose a file or paste a text, not both."), code="both")
        field = "file" if upload is not None else "text"
        data = upload.read() if upload is not None else text.encode("utf-8")
        try:
            cleaned["article"] = read_document(data, upload.name if upload is not None else "")
        except ImportProblem as problem:
            self.add_error(field, forms.ValidationError(str(problem), code="unreadable"))
        return cleaned


class ImportedCourseForm(forms.Form):
    title = forms.CharField(
        label=_("Course title"),
        max_length=TITLE_MAX_LENGTH,
        widget=forms.TextInput(attrs={"class": "vTextField import-title"}),
        error_messages={"required": _("Give the course a title.")},
        help_text=_("Importing again under the same title updates that course."),
    )

    def clean_title(self):
        title = " ".join(self.cleaned_data["title"].split())
        if not slugify(title):
            raise forms.ValidationError(
                _("The title needs letters or digits to name the course by."), code="no_slug"
            )
        return title


class ImportedLessonForm(forms.Form):
    title = forms.CharField(
        label=_("Lesson title"),
        max_length=TITLE_MAX_LENGTH,
        widget=forms.TextInput(attrs={"class": "vTextField import-title"}),
        error_messages={"required": _("Give the lesson a title, or leave it out.")},
    )
    body = forms.CharField(
        label=_("Text (Markdown)"),
        widget=forms.Textarea(attrs={"rows": 12, "class": "vLargeTextField"}),
        error_messages={
            "required": _("The lesson has no text: write it, or leave the lesson out.")
        },
    )

    def summary(self):
        """Size and first lines of the lesson as it stands in the form (edits included)."""
        body = self["body"].value() or ""
        return {
            "words": word_count(body),
            "minutes": reading_minutes(body),
            "opening": opening(body),
        }


class BaseImportedLessonFormSet(forms.BaseFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields[forms.formsets.DELETION_FIELD_NAME].label = _("Leave this lesson out")

    def clean(self):
        if any(self.errors):
            return
        if not any(form.cleaned_data for form in self.forms if not self._should_delete_form(form)):
            raise forms.ValidationError(
                _("Keep at least one lesson: a course needs one."), code="no_lesson"
            )

    def lessons(self):
        return [
            LessonText(title=form.cleaned_data["title"], body=form.cleaned_data["body"])
            for form in self.forms
            if form.cleaned_data and not self._should_delete_form(form)
        ]


ImportedLessonFormSet = forms.formset_factory(
    ImportedLessonForm,
    formset=BaseImportedLessonFormSet,
    extra=0,
    can_delete=True,
    max_num=MAX_LESSONS,
    absolute_max=MAX_LESSONS,
    validate_max=True,
)


class ImportPreview:
    """The lessons an import will make, as the instructor checks and edits them: the
    course's title and one form per lesson, all carried by the page itself (hidden
    nowhere else: a signed-cookie session holds 4 KB)."""

    def __init__(self, data=None, article=None):
        initial_title = {"title": article.title} if article else None
        initial_lessons = (
            [{"title": lesson.title, "body": lesson.body} for lesson in article.lessons]
            if article
            else None
        )
        self.course = ImportedCourseForm(data, prefix="course", initial=initial_title)
        self.lessons = ImportedLessonFormSet(data, prefix="lessons", initial=initial_lessons)

    @staticmethod
    def is_posted(data):
        return "lessons-TOTAL_FORMS" in data

    def is_valid(self):
        return self.course.is_valid() & self.lessons.is_valid()

    def article(self):
        return Article(title=self.course.cleaned_data["title"], lessons=self.lessons.lessons())
