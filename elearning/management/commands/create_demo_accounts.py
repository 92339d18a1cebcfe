"""``manage.py create_demo_accounts``: a learner and an instructor, for development only; the
instructor teaches a demo cohort the learner is in, so that she sees her in the admin."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from elearning.instructors import ensure_instructors_group
from elearning.models import Cohort, User

DEMO_ACCOUNTS = [
    {
        "email": "apprenante@example.com",
        "password": "demo-apprenante-2026",
        "first_name": "Camille",
        "last_name": "Martin",
        "is_staff": False,
    },
    {
        "email": "formateur@example.com",
        "password": "demo-formateur-2026",
        "first_name": "Julien",
        "last_name": "Bernard",
        "is_staff": True,
    },
]

DEMO_COHORT = "Promotion de démonstration"


class Command(BaseCommand):
    help = "Create a demo learner and a demo instructor (refused when DJANGO_DEBUG=0)."

    @transaction.atomic
    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo accounts are for development only (DJANGO_DEBUG=0 is set).")
        instructors = ensure_instructors_group()
        cohort, _created = Cohort.objects.get_or_create(name=DEMO_COHORT)
        for account in DEMO_ACCOUNTS:
            values = dict(account)
            password = values.pop("password")
            user = User.objects.filter(email__iexact=values["email"]).first()
            if user is None:
                user = User.objects.create_user(password=password, **values)
                state = "created"
            else:
                state = "already there"
            if user.is_staff:
                user.groups.add(instructors)
                cohort.instructors.add(user)
            else:
                cohort.learners.add(user)
            role = "instructor (admin: /admin/)" if user.is_staff else "learner"
            self.stdout.write(f"  {role}: {user.email} / {password}  [{state}]")
        self.stdout.write(f"  cohort: {cohort.name}, join code {cohort.join_code}")
