"""Deployment checks of the site's own settings (Django's checks framework, run by
``manage.py check --deploy``)."""

import ipaddress
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, register


def is_local(host):
    """Whether ``host`` names this machine rather than the school's public address."""
    host = host.lower().rstrip(".")
    if host in {"", "localhost"} or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


@register(Tags.security, deploy=True)
def check_site_url(app_configs, **kwargs):
    """In production, SITE_URL must be the school's public address: it is printed on every
    certificate (and its QR code) and starts the links of e-mails."""
    if settings.DEBUG:
        return []
    if not is_local(urlsplit(settings.SITE_URL).hostname or ""):
        return []
    return [
        Error(
            f"SITE_URL is {'unset' if not settings.SITE_URL else repr(settings.SITE_URL)}: "
            "in production it must be the site's public address, which certificates print "
            "and e-mails link to.",
            hint="Set the SITE_URL environment variable, e.g. https://formation.example.org.",
            id="elearning.E001",
        )
    ]
