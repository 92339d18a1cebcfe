"""Her data: the "Mes données" page, its JSON download, deleting her account (after her
password), the page that confirms it, and the privacy page. The work is
``elearning.personal_data``'s; these read the request and render."""

import json

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import personal_data
from .forms import DeleteAccountForm


@never_cache
@require_GET
@login_required
def my_data(request):
    return render(
        request,
        "elearning/personal_data.html",
        {"may_delete": not (request.user.is_staff or request.user.is_superuser)},
    )


@never_cache
@require_POST
@login_required
def my_data_download(request):
    """Everything the site keeps about her, as a JSON file (docs/personal-data.md)."""
    document = json.dumps(personal_data.export(request.user), ensure_ascii=False, indent=2)
    response = HttpResponse(document, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{personal_data.file_name()}"'
    return response


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def account_delete(request):
    """The confirmation step: what goes and what stays, and her password; then the
    deletion, her logging out and the page that says it is done."""
    if request.user.is_staff or request.user.is_superuser:
        return render(request, "elearning/account_delete.html", {"refused": True}, status=403)
    form = DeleteAccountForm(request, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        personal_data.delete_account(request.user)
        logout(request)
        return redirect("account_deleted")
    return render(
        request,
        "elearning/account_delete.html",
        {"form": form, "keeps_certificates": settings.KEEP_CERTIFICATES_AFTER_DELETION},
        status=400 if form.is_bound else 200,
    )


@require_GET
def account_deleted(request):
    return render(
        request,
        "elearning/account_deleted.html",
        {"keeps_certificates": settings.KEEP_CERTIFICATES_AFTER_DELETION},
    )


@require_GET
def privacy(request):
    return render(
        request,
        "elearning/privacy.html",
        {
            "contact_email": settings.PRIVACY_CONTACT_EMAIL,
            "keeps_certificates": settings.KEEP_CERTIFICATES_AFTER_DELETION,
            "session_days": settings.SESSION_COOKIE_AGE // (60 * 60 * 24),
            "organisation": settings.CERTIFICATE_ORGANISATION,
        },
    )
