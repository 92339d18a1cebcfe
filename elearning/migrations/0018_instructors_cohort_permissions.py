"""The Instructors group gets the cohorts' permissions."""

from django.db import migrations


def grant(apps, schema_editor):
    from elearning.instructors import ensure_instructors_group

    ensure_instructors_group(apps)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Instructors").first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="elearning",
                content_type__model__in=["cohort", "cohortmembership"],
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("elearning", "0017_cohorts"),
    ]

    operations = [
        migrations.RunPython(grant, revoke),
    ]
