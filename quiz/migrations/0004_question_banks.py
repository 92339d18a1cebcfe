"""Question banks, first step: the banks, their categories and the quizzes' picks, beside the
questions' quiz (elearning's 0014_course_banks fills them in; 0005_bank_questions drops the
quiz from the question)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("quiz", "0003_question_drafts"),
    ]

    operations = [
        migrations.CreateModel(
            name="Bank",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=200, unique=True, verbose_name="name")),
            ],
            options={
                "verbose_name": "question bank",
                "verbose_name_plural": "question banks",
                "ordering": ["name"],
            },
        ),
        migrations.AlterField(
            model_name="category",
            name="name",
            field=models.CharField(max_length=200, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="category",
            name="bank",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="categories",
                to="quiz.bank",
                verbose_name="bank",
            ),
        ),
        migrations.AddField(
            model_name="quiz",
            name="bank",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="quizzes",
                to="quiz.bank",
                verbose_name="question bank",
            ),
        ),
        migrations.AddField(
            model_name="question",
            name="bank",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="questions",
                to="quiz.bank",
                verbose_name="question bank",
            ),
        ),
        migrations.AddField(
            model_name="question",
            name="number",
            field=models.PositiveIntegerField(null=True, editable=False, verbose_name="number"),
        ),
        # The quiz's own questions, until 0005 drops the link: 'questions' becomes its picks.
        migrations.AlterField(
            model_name="question",
            name="quiz",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="own_questions",
                to="quiz.quiz",
                verbose_name="quiz",
            ),
        ),
        migrations.CreateModel(
            name="QuizQuestion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "position",
                    models.PositiveIntegerField(
                        blank=True,
                        default=0,
                        help_text="Empty: at the end of the quiz.",
                        verbose_name="position",
                    ),
                ),
                (
                    "question",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="picks",
                        to="quiz.question",
                        verbose_name="question",
                    ),
                ),
                (
                    "quiz",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="picks",
                        to="quiz.quiz",
                        verbose_name="quiz",
                    ),
                ),
            ],
            options={
                "verbose_name": "question of the quiz",
                "verbose_name_plural": "questions of the quiz",
                "ordering": ["quiz_id", "position", "pk"],
            },
        ),
        migrations.AddConstraint(
            model_name="quizquestion",
            constraint=models.UniqueConstraint(
                fields=("quiz", "question"),
                name="question_picked_once",
                violation_error_message="The quiz already has this question.",
            ),
        ),
        migrations.AddField(
            model_name="quiz",
            name="questions",
            field=models.ManyToManyField(
                blank=True,
                related_name="quizzes",
                through="quiz.QuizQuestion",
                to="quiz.question",
                verbose_name="questions picked",
            ),
        ),
    ]
