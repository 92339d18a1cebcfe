"""Certificates: listed, searched and filtered; revoked or reissued with a reason, through
the completion services that keep who, when and why."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db import transaction
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from quiz.admin import LearnerScopedMixin

from .. import completion
from ..models import Certificate
from ..names import printable_name
from .base import ReadOnlyAdmin

# A certificate's state; "revoked" alone is the date field's name ("revoked on").
VALID = pgettext_lazy("certificate state", "valid")
REVOKED = pgettext_lazy("certificate state", "revoked")


class CertificateStateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("valid", VALID), ("revoked", REVOKED)]

    def queryset(self, request, queryset):
        if self.value() == "valid":
            return queryset.valid()
        if self.value() == "revoked":
            return queryset.filter(revoked_at__isnull=False)
        return queryset


class RevocationForm(forms.Form):
    """The reason asked before revoking or reissuing; the model's own field, made required."""

    reason = Certificate._meta.get_field("revocation_reason").formfield(
        required=True,
        help_text=_("Kept with the certificate, with your name and the date."),
        error_messages={"required": _("Give a reason: it is kept with the revocation.")},
    )

    def __init__(self, data=None, *, certificates=()):
        super().__init__(data)


class ReissueForm(RevocationForm):
    """The reason, and the name each new certificate states (her name as it is now, or a
    misspelling corrected), as the page shows it beside each certificate (``name-<pk>``):
    no longer than a certificate holds, so that a long name is refused, never cut."""

    def __init__(self, data=None, *, certificates=()):
        super().__init__(data)
        limit = Certificate._meta.get_field("learner_name").max_length
        for certificate in certificates:
            learner = certificate.learner  # None once her account is deleted
            self.fields[name_field(certificate)] = forms.CharField(
                required=False,
                max_length=limit,
                initial=(learner.get_full_name() or learner.email) if learner else "",
                label=_("Name on the certificate replacing %(code)s")
                % {"code": certificate.display_code},
            )


@admin.register(Certificate)
class CertificateAdmin(LearnerScopedMixin, ReadOnlyAdmin):
    """Certificates are issued by completion only and never deleted: instructors read them,
    and revoke or reissue them with a reason, through the services that keep who, when and
    why. The pages stay read-only; the two actions are the only changes."""

    list_display = [
        "verification_code",
        "name",
        "course_title",
        "completed_on",
        "score_percent",
        "issued_at",
        "state",
    ]
    list_filter = ["course", CertificateStateFilter, "issued_at"]
    # The actions read her account (reissue takes her current name) and the course.
    list_select_related = ["learner", "course"]
    search_fields = ["code", "learner_name", "learner__email", "course_title"]
    date_hierarchy = "issued_at"
    actions = ["revoke", "reissue", "issue_again"]
    fieldsets = [
        (None, {"fields": ["verification_code", "state", "verification_page"]}),
        (
            _("What the certificate states"),
            {
                "fields": [
                    "learner_name",
                    "course_title",
                    "completed_on",
                    "score_percent",
                    "issued_at",
                ]
            },
        ),
        (_("Learner and course"), {"fields": ["learner", "course"]}),
        (_("Revocation"), {"fields": ["revoked_at", "revoked_by", "revocation_reason"]}),
        (_("Reissues"), {"fields": ["replaces_link", "replaced_by_link"]}),
    ]
    readonly_fields = [field for _name, options in fieldsets for field in options["fields"]]

    def has_revoke_permission(self, request):
        """Revoking and reissuing are the only changes a certificate takes: they need the
        model's change permission (as Django's admin grants it), while its page stays
        read-only."""
        return admin.ModelAdmin.has_change_permission(self, request)

    def get_search_results(self, request, queryset, search_term):
        """A code matches as printed or typed: with dashes, in any case, with O for 0."""
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        code = completion.normalise_code(search_term) or search_term.strip().replace("-", "")
        if code:
            found |= queryset.filter(code__contains=code.upper())
        return found, may_have_duplicates

    @admin.display(description=_("verification code"), ordering="code")
    def verification_code(self, certificate):
        return certificate.display_code

    @admin.display(description=_("name on the certificate"), ordering="learner_name")
    def name(self, certificate):
        return format_html("<bdi>{}</bdi>", certificate.learner_name)

    @admin.display(description=_("state"), ordering="revoked_at")
    def state(self, certificate):
        return REVOKED if certificate.is_revoked else VALID

    @admin.display(description=_("public verification page"))
    def verification_page(self, certificate):
        """The address anyone holding the code opens, as it is printed on the PDF."""
        url = completion.verify_url(certificate.code)
        return format_html('<a href="{}">{}</a>', url, url)

    @admin.display(description=_("replaces"))
    def replaces_link(self, certificate):
        return self.certificate_link(certificate.replaces)

    @admin.display(description=_("replaced by"))
    def replaced_by_link(self, certificate):
        return self.certificate_link(Certificate.objects.filter(replaces=certificate).first())

    def certificate_link(self, certificate):
        if certificate is None:
            return "–"
        url = reverse("admin:elearning_certificate_change", args=[certificate.pk])
        return format_html('<a href="{}">{}</a>', url, certificate.display_code)

    @admin.action(description=_("Revoke selected certificates"), permissions=["revoke"])
    def revoke(self, request, queryset):
        return self.with_reason(
            request, queryset, "revoke", _("Revoke certificates"), self.revoke_all, RevocationForm
        )

    @admin.action(
        description=_(
            "Reissue selected certificates (revoke and issue a new code with the current name)"
        ),
        permissions=["revoke"],
    )
    def reissue(self, request, queryset):
        return self.with_reason(
            request, queryset, "reissue", _("Reissue certificates"), self.reissue_all, ReissueForm
        )

    @admin.action(
        description=_("Issue a new certificate in place of the selected revoked ones"),
        permissions=["revoke"],
    )
    def issue_again(self, request, queryset):
        """For a certificate revoked by mistake, or whose learner's name is now corrected:
        a new code, her current name, the same grade; it replaces the revoked one."""
        issued, skipped = [], []
        for certificate in queryset.select_related("learner"):
            new = completion.issue_again(certificate)
            (issued if new else skipped).append(new or certificate)
        if issued:
            self.message_user(
                request,
                ngettext(
                    "Issued %(count)d new certificate: %(codes)s.",
                    "Issued %(count)d new certificates: %(codes)s.",
                    len(issued),
                )
                % {"count": len(issued), "codes": codes(issued)},
                messages.SUCCESS,
            )
        if skipped:
            self.message_user(
                request,
                _(
                    "Left as they were (still valid, already replaced, or the learner holds a "
                    "valid certificate): %(codes)s."
                )
                % {"codes": codes(skipped)},
                messages.WARNING,
            )

    def revoke_all(self, request, valid, reason):
        """Returns those that someone else revoked meanwhile."""
        revoked = [c for c in valid if completion.revoke_certificate(c, request.user, reason)]
        if revoked:
            self.message_user(
                request,
                ngettext(
                    "Revoked %(count)d certificate: %(codes)s.",
                    "Revoked %(count)d certificates: %(codes)s.",
                    len(revoked),
                )
                % {"count": len(revoked), "codes": codes(revoked)},
                messages.SUCCESS,
            )
        return [c for c in valid if c not in revoked]

    def reissue_all(self, request, valid, reason):
        """Returns those that someone else revoked meanwhile. Each new certificate states
        the name typed beside it (a misspelling corrected), or her name as it is now."""
        names = {c.pk: printable(request.POST.get(name_field(c), "")) for c in valid}
        pairs = [
            (c, completion.reissue_certificate(c, request.user, reason, name=names.get(c.pk)))
            for c in valid
        ]
        done = [(old, new) for old, new in pairs if new is not None]
        if done:
            self.message_user(
                request,
                ngettext(
                    "Reissued %(count)d certificate: %(codes)s.",
                    "Reissued %(count)d certificates: %(codes)s.",
                    len(done),
                )
                % {
                    "count": len(done),
                    "codes": ", ".join(
                        f"{old.display_code} → {new.display_code}" for old, new in done
                    ),
                },
                messages.SUCCESS,
            )
        return [old for old, new in pairs if new is None]

    def with_reason(self, request, queryset, action, title, apply, form_class):
        """Django's delete confirmation, with a reason: the form first, then ``apply(request,
        valid, reason)`` in one transaction. Certificates already revoked are left as they
        are, with a warning."""
        selected = list(queryset)
        valid = [c for c in selected if not c.is_revoked]
        skipped = [c for c in selected if c.is_revoked]
        form = form_class(
            request.POST if "apply" in request.POST else None,
            certificates=valid,
        )
        if valid and form.is_valid():
            with transaction.atomic():
                skipped += apply(request, valid, form.cleaned_data["reason"])
            self.warn_skipped(request, skipped)
            return None
        if not valid:
            self.warn_skipped(request, skipped)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "action": action,
            "certificates": valid,
            # Each with the field of the name it will state, where the action asks one.
            "rows": [
                (c, form[name_field(c)] if name_field(c) in form.fields else None) for c in valid
            ],
            "skipped": skipped,
            "selected": selected,
            "form": form,
            "opts": self.opts,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media + form.media,
        }
        return TemplateResponse(
            request, f"admin/elearning/certificate/{action}_confirmation.html", context
        )

    def warn_skipped(self, request, skipped):
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d certificate was already revoked and was left as it was: %(codes)s.",
                    "%(count)d certificates were already revoked and were left as they were: "
                    "%(codes)s.",
                    len(skipped),
                )
                % {"count": len(skipped), "codes": codes(skipped)},
                messages.WARNING,
            )


def name_field(certificate):
    """The posted name of the certificate replacing ``certificate``."""
    return f"name-{certificate.pk}"


def printable(name):
    """A name as typed, on one line, without control characters; None when empty. (The
    form has refused a name longer than a certificate holds.)"""
    name = printable_name("".join(ch for ch in name if ch.isprintable() or ch.isspace()))
    return name or None


def codes(items):
    return ", ".join(certificate.display_code for certificate in items)
