"""The Instructors group gets the quiz engine's permissions (and question sources)."""

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
            *Permission.objects.filter(content_type__app_label="quiz"),
            *Permission.objects.filter(codename__endswith="_questionsource"),
        )


class Migration(migrations.Migration):
    dependencies = [
        ("elearning", "0004_quiz_links"),
        ("quiz", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(grant, revoke),
    ]
