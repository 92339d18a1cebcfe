"""Bench-only settings: the project's settings, with the bench URLconf.

Used only by ``bench/pages.py`` (``DJANGO_SETTINGS_MODULE=bench.settings``). Everything
else (middleware, sessions, database, security, static files) comes unchanged from
``config.settings`` and its environment variables, so the pages are measured
exactly as they are served in production.
"""

from config.settings import *  # noqa: F403

# The project's URLs plus one trivial view, the benchmark's reference.
ROOT_URLCONF = "bench.urls"
