"""Cohorts: who a member of staff may see, and joining with a code.

One rule for every staff page and export: a superuser sees every learner; any other member
of staff sees the learners of the cohorts she teaches (``Cohort.instructors``), and no
other. The quiz engine, which knows no cohorts, applies it through
``settings.QUIZ_LEARNER_SCOPE`` (``quiz.scoping``); the anonymous attempts of learners who
deleted their accounts stay counted by the instructors of the cohorts they were in.
"""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from .models import AnonymousAttemptCohort, Cohort, CohortMembership, User


def visible_learners(user):
    """The learners ``user`` (a member of staff) may see, as a queryset of users."""
    if user.is_superuser:
        return User.objects.all()
    return User.objects.filter(
        pk__in=CohortMembership.objects.filter(cohort__instructors=user).values("learner")
    )


def visible_anonymous_attempts(user):
    """The anonymous attempts (of deleted accounts) ``user`` may count in a quiz's
    statistics: those of learners who were in the cohorts she teaches, as pks."""
    if user.is_superuser:
        return AnonymousAttemptCohort.objects.values("attempt")
    return AnonymousAttemptCohort.objects.filter(cohort__instructors=user).values("attempt")


def taught_cohorts(user):
    """The cohorts whose learners ``user`` may see."""
    if user.is_superuser:
        return Cohort.objects.all()
    return Cohort.objects.filter(instructors=user)


class JoinRefused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def join(learner, code):
    """Make ``learner`` a member of the cohort whose join code is ``code`` (spaces, dashes
    and case aside); returns the cohort. Raises ``JoinRefused`` with a message for her."""
    code = "".join(character for character in code.upper() if character.isalnum())
    cohort = Cohort.objects.filter(join_code=code).first()
    if cohort is None:
        raise JoinRefused(_("No cohort has this code. Check it with your instructor."))
    if not cohort.is_open:
        raise JoinRefused(_("This cohort is closed to joining. Ask your instructor to add you."))
    try:
        with transaction.atomic():
            CohortMembership.objects.create(cohort=cohort, learner=learner)
    except IntegrityError:
        raise JoinRefused(_("You are already in this cohort.")) from None
    return cohort
