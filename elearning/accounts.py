"""Learner accounts: how django-axes names a login attempt and answers a lockout."""

from django.conf import settings
from django.shortcuts import render


def axes_username(request, credentials):
    """The name django-axes counts failures under: the e-mail, case-folded.

    Learners log in with their e-mail address in any case, so ``Alice@X.fr`` and
    ``alice@x.fr`` must count as one name for the lockout.
    """
    value = (credentials or {}).get("username") or request.POST.get("username", "")
    return str(value).strip().casefold()


def lockout_response(request, original_response=None, credentials=None):
    """The page a locked-out client sees: when to retry, never whether the account exists."""
    minutes = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))
    return render(
        request,
        "registration/lockout.html",
        {"cooloff_minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
