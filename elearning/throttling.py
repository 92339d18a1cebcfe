"""How often a password reset may be asked for: per e-mail address and per client address,
counted in Django's cache (shared by every app server when it is Redis).

Beyond the limit the form answers as always ("if an account exists, we have sent a link")
but sends nothing: a different answer would tell whoever asks that the address was asked
for, and the mail is what must not flood a learner's inbox. The window is fixed, starting
at the first request: a learner who asked too often asks again an hour later.
"""

import hashlib
import logging

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)


def _count(scope, value, window):
    """One more request under ``scope`` for ``value``; how many in the current window."""
    digest = hashlib.sha256(value.encode()).hexdigest()[:32]
    key = f"throttle:{scope}:{digest}"
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr: a new window
        cache.add(key, 1, timeout=window)
        return 1


def password_reset_allowed(request, email):
    """Whether a reset mail may go to ``email`` for this request; counts the request."""
    window = settings.PASSWORD_RESET_WINDOW_MINUTES * 60
    client = get_client_ip_address(request) or "unknown"
    per_address = _count("password-reset-email", email.strip().casefold(), window)
    per_client = _count("password-reset-client", client, window)
    allowed = (
        per_address <= settings.PASSWORD_RESET_LIMIT_PER_ADDRESS
        and per_client <= settings.PASSWORD_RESET_LIMIT_PER_CLIENT
    )
    if not allowed:
        logger.warning("Password reset throttled (client %s)", client)
    return allowed
