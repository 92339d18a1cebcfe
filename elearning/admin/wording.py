"""Django's admin phrases that read wrongly in French with this project's names: its generic
forms ("Ajout de %s", "les %s sélectionnés") elide nothing and agree with nothing, so they
give "Ajout de aménagement" or "les leçons sélectionnés". Marked here so that the project's
catalogue (which Django reads before its own) words them to fit any name."""

from django.utils.translation import gettext_noop

DJANGO_ADMIN_PHRASES = (
    gettext_noop("Add %s"),
    gettext_noop("Change %s"),
    gettext_noop("View %s"),
    gettext_noop("Add another %(verbose_name)s"),
    gettext_noop("Delete selected %(verbose_name_plural)s"),
    gettext_noop("Added {name} “{object}”."),
    gettext_noop("Changed {fields} for {name} “{object}”."),
    gettext_noop("Changed {fields}."),
    gettext_noop("Deleted {name} “{object}”."),
)
