"""A drafting run is a background task: its state and error are the task's own record, so
the run's hand-kept state, end time and message go, and it keeps its task's id.

Runs recorded before keep their course, lesson, author and count when they were done; the
others (failed, or still marked running) cannot be told apart from a task that never ended,
and are dropped. Going back, the runs kept are marked done, or failed with no count.
"""

from django.db import migrations, models


def drop_unfinished_runs(apps, schema_editor):
    DraftRun = apps.get_model("elearning", "DraftRun")
    DraftRun.objects.exclude(state="done").delete()


def mark_runs_ended(apps, schema_editor):
    DraftRun = apps.get_model("elearning", "DraftRun")
    DraftRun.objects.filter(proposed__isnull=False).update(state="done")
    DraftRun.objects.filter(proposed__isnull=True).update(state="failed", proposed=0)


class Migration(migrations.Migration):
    dependencies = [
        ("elearning", "0011_login_session"),
    ]

    operations = [
        migrations.AddField(
            model_name="draftrun",
            name="task_id",
            field=models.CharField(blank=True, editable=False, max_length=64, verbose_name="task"),
        ),
        migrations.AlterField(
            model_name="draftrun",
            name="proposed",
            field=models.PositiveIntegerField(blank=True, null=True, verbose_name="new drafts"),
        ),
        migrations.RunPython(drop_unfinished_runs, mark_runs_ended),
        migrations.RemoveField(
            model_name="draftrun",
            name="finished_at",
        ),
        migrations.RemoveField(
            model_name="draftrun",
            name="message",
        ),
        migrations.RemoveField(
            model_name="draftrun",
            name="state",
        ),
    ]
