"""A choice may carry a weight of its own (Moodle's fraction, in percent), kept from an
imported question; empty for every existing choice, which grades as before."""

from decimal import Decimal

import django.core.validators
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("quiz", "0005_bank_questions"),
    ]

    operations = [
        migrations.AddField(
            model_name="choice",
            name="fraction",
            field=models.DecimalField(
                blank=True,
                decimal_places=5,
                help_text="Optional: the share of the points this choice earns, from -100 to 100 (a negative weight takes points away). Single choice: the choice picked earns its weight; multiple response with partial credit: the weights of the choices picked add up, never below 0 nor above 100. Empty: as “correct” and partial credit say.",
                max_digits=8,
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(-100),
                    django.core.validators.MaxValueValidator(100),
                ],
                verbose_name="weight (%)",
            ),
        ),
        migrations.AddConstraint(
            model_name="choice",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("fraction__isnull", True),
                    models.Q(("fraction__gte", Decimal("-100")), ("fraction__lte", Decimal("100"))),
                    _connector="OR",
                ),
                name="choice_fraction_percent",
            ),
        ),
    ]
