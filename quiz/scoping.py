"""Which learners a member of staff may see in the quiz engine's pages.

The quiz engine knows no courses nor cohorts: the project names the rule in
``settings.QUIZ_LEARNER_SCOPE``, the dotted path of a function ``(user) -> queryset of
users``. Without the setting, staff see every learner. Attempts whose learner deleted her
account are anonymous: ``settings.QUIZ_ANONYMOUS_ATTEMPT_SCOPE`` names the function
``(user) -> queryset of attempt pks`` of those a member of staff may count; without it,
none (a superuser counts them all)."""

from django.conf import settings
from django.utils.module_loading import import_string


def visible_learners(user):
    path = getattr(settings, "QUIZ_LEARNER_SCOPE", None)
    return None if path is None else import_string(path)(user)


def visible_anonymous_attempts(user):
    path = getattr(settings, "QUIZ_ANONYMOUS_ATTEMPT_SCOPE", None)
    return None if path is None else import_string(path)(user)


def scoped(queryset, user, field="learner"):
    """``queryset`` restricted to the rows whose ``field`` is a learner ``user`` may see."""
    learners = visible_learners(user)
    if learners is None or user.is_superuser:
        return queryset
    return queryset.filter(**{f"{field}__in": learners})
