"""Question banks, last step: every question, category and quiz is in a bank, a question is
numbered in it, and a question no longer belongs to a quiz (a quiz picks it, or draws it).

Backwards, each question gets a quiz again: the first quiz that picks it, else one whose
attempts showed it, else a quiz of its bank that draws its category, else any quiz of its
bank; a question no quiz can take (a bank without quizzes) is deleted with its choices.
"""

import django.db.models.deletion
from django.db import migrations, models


def back_to_quizzes(apps, schema_editor):
    Question = apps.get_model("quiz", "Question")
    Quiz = apps.get_model("quiz", "Quiz")
    for question in Question.objects.filter(quiz__isnull=True):
        pick = question.picks.order_by("quiz_id").first()
        response = question.responses.select_related("attempt").first()
        quiz = (
            (pick and pick.quiz)
            or (response and response.attempt.quiz)
            or Quiz.objects.filter(bank=question.bank_id, draw_rules__category=question.category_id)
            .order_by("pk")
            .first()
            or Quiz.objects.filter(bank=question.bank_id).order_by("pk").first()
        )
        if quiz is None:
            question.delete()
            continue
        question.quiz = quiz
        question.position = pick.position if pick else question.number
        question.save(update_fields=["quiz", "position"])


class Migration(migrations.Migration):
    dependencies = [
        ("quiz", "0004_question_banks"),
        ("elearning", "0014_course_banks"),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, back_to_quizzes),
        migrations.RemoveField(model_name="question", name="quiz"),
        migrations.RemoveField(model_name="question", name="position"),
        migrations.AlterField(
            model_name="category",
            name="bank",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="categories",
                to="quiz.bank",
                verbose_name="bank",
            ),
        ),
        migrations.AlterField(
            model_name="quiz",
            name="bank",
            field=models.ForeignKey(
                help_text="Where the quiz's questions are picked and drawn from.",
                on_delete=django.db.models.deletion.PROTECT,
                related_name="quizzes",
                to="quiz.bank",
                verbose_name="question bank",
            ),
        ),
        migrations.AlterField(
            model_name="question",
            name="bank",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="questions",
                to="quiz.bank",
                verbose_name="question bank",
            ),
        ),
        migrations.AlterField(
            model_name="question",
            name="number",
            field=models.PositiveIntegerField(
                editable=False,
                help_text="The question's number in its bank.",
                verbose_name="number",
            ),
        ),
        # A category in use is deleted only with its whole bank.
        migrations.AlterField(
            model_name="drawrule",
            name="category",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.RESTRICT,
                related_name="+",
                to="quiz.category",
                verbose_name="category",
            ),
        ),
        migrations.AlterField(
            model_name="question",
            name="category",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.RESTRICT,
                related_name="questions",
                to="quiz.category",
                verbose_name="category",
            ),
        ),
        migrations.AlterModelOptions(
            name="category",
            options={
                "ordering": ["name", "pk"],
                "verbose_name": "question category",
                "verbose_name_plural": "question categories",
            },
        ),
        migrations.AlterModelOptions(
            name="question",
            options={
                "ordering": ["bank_id", "number", "pk"],
                "verbose_name": "question",
                "verbose_name_plural": "questions",
            },
        ),
        migrations.AddConstraint(
            model_name="category",
            constraint=models.UniqueConstraint(
                fields=("bank", "name"),
                name="category_name_unique_in_bank",
                violation_error_message="This bank already has a category of this name.",
            ),
        ),
        migrations.AddConstraint(
            model_name="question",
            constraint=models.UniqueConstraint(
                fields=("bank", "number"), name="question_number_in_bank"
            ),
        ),
    ]
