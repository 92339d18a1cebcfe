"""Learner accounts: how django-axes names a login attempt and answers a lockout, and
the sessions a user is logged in with, which she can end on every device at once."""

from importlib import import_module

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.contrib.sessions.models import Session
from django.dispatch import receiver
from django.shortcuts import render

from .models import LoginSession


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


@receiver(user_logged_in)
def remember_login_session(sender, request, user, **kwargs):
    """Note whose session this is, so that 'log out of every device' can end it; forget
    her sessions that expired and were cleared ('manage.py clearsessions') meanwhile."""
    if request is None or not request.session.session_key:
        return
    user.login_sessions.exclude(session_key__in=Session.objects.values("session_key")).delete()
    LoginSession.objects.get_or_create(
        session_key=request.session.session_key, defaults={"user": user}
    )


@receiver(user_logged_out)
def forget_login_session(sender, request, user, **kwargs):
    if request is not None and request.session.session_key:
        LoginSession.objects.filter(session_key=request.session.session_key).delete()


def end_every_session(user):
    """End every session `user` logged in with, on every device: each is deleted from the
    session store (its cache and its table), so a copied cookie no longer signs anyone in."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    keys = list(user.login_sessions.values_list("session_key", flat=True))
    for key in keys:
        store(session_key=key).delete()
    user.login_sessions.filter(session_key__in=keys).delete()
