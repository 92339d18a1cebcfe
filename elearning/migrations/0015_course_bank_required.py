import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("elearning", "0014_course_banks"),
        ("quiz", "0005_bank_questions"),
    ]

    operations = [
        migrations.AlterField(
            model_name="course",
            name="bank",
            field=models.OneToOneField(
                help_text=(
                    "Where the course's questions live, by category: its quizzes pick and draw "
                    "from it."
                ),
                on_delete=django.db.models.deletion.PROTECT,
                related_name="course",
                to="quiz.bank",
                verbose_name="question bank",
            ),
        ),
    ]
