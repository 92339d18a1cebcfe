"""WSGI entry point, for gunicorn: ``gunicorn config.wsgi``."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

application = get_wsgi_application()

# What start-up created (modules, models, settings) lives as long as the process: keep it
# out of the garbage collector's passes, which would otherwise walk it again and again
# while requests allocate (about 4 % of a quiz question page's CPU; bench/README.md).
gc.freeze()
