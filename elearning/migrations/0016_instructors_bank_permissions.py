"""The Instructors group gets the question banks' permissions and the quizzes' picks."""

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
                content_type__app_label="quiz",
                content_type__model__in=["bank", "quizquestion"],
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("elearning", "0015_course_bank_required"),
    ]

    operations = [
        migrations.RunPython(grant, revoke),
    ]
