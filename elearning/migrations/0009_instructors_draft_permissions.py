"""The Instructors group may read question drafts and drafting runs, and decide on drafts."""

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
            *Permission.objects.filter(codename__regex=r"_(questiondraft|draftrun|draftsource)$")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("elearning", "0008_question_drafts"),
        ("quiz", "0003_question_drafts"),
    ]

    operations = [
        migrations.RunPython(grant, revoke),
    ]
