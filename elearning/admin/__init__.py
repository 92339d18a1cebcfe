"""The instructors' tool, by concern: courses and lessons (with learners' progress),
certificates, cohorts, question drafting, accounts, the task queue's dashboard."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from . import accounts, certificates, cohorts, courses, drafting, queues  # noqa: F401 (each registers its models)

admin.site.site_header = _("Nursing e-learning: administration")
admin.site.site_title = _("Nursing e-learning")
admin.site.index_title = _("Courses, lessons and learners")
