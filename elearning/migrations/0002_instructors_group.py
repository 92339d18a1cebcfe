from django.db import migrations


def create_instructors_group(apps, schema_editor):
    from elearning.instructors import ensure_instructors_group

    ensure_instructors_group(apps)


def remove_instructors_group(apps, schema_editor):
    from elearning.instructors import INSTRUCTORS_GROUP

    apps.get_model("auth", "Group").objects.filter(name=INSTRUCTORS_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("elearning", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_instructors_group, remove_instructors_group),
    ]
