"""Bench-only settings: the project's settings, with the bench URLconf.

Used only by ``bench/pages.py`` (``DJANGO_SETTINGS_MODULE=bench.settings``). Everything
else (middleware, sessions, database, security) comes unchanged from
``elearning.settings`` and its environment variables, so the pages are measured
exactly as they are served in production.
"""

import os

from elearning.settings import *  # noqa: F403
from elearning.settings import STATIC_ROOT as PROJECT_STATIC_ROOT

# The project's URLs plus one trivial view, the benchmark's reference.
ROOT_URLCONF = "bench.urls"

# collectstatic into a temporary directory of the bench's own, so that a benchmark
# never touches the project's staticfiles/ (served the same way by whitenoise).
STATIC_ROOT = os.environ.get("BENCH_STATIC_ROOT") or PROJECT_STATIC_ROOT
