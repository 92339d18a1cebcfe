from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ElearningConfig(AppConfig):
    name = "elearning"
    verbose_name = _("E-learning")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import (
            accounts,  # noqa: F401  (connects the login and logout receivers)
            checks,  # noqa: F401  (registers the deployment checks)
            versions,
        )

        versions.connect()
