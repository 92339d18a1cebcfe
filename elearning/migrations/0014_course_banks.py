"""Each course gets its question bank, and the questions move into banks.

A course's bank takes the questions of its quizzes (its lessons' checkpoint quizzes and its
final quiz); a quiz of no course gets a bank of its own, so that its questions stay its own.
Each question is numbered in its bank. A quiz without draw rules picks the questions it had,
in their order; a quiz with draw rules draws from its bank's categories, which now hold the
questions of every quiz of the course: the final exam draws from the whole course's bank
rather than from copies. A category used in two banks is split, one per bank.

Attempts are untouched: a response names its question, which keeps its primary key, and
froze the wording, choices and grade it had, so no attempt or grade changes.

Backwards, the picks, numbers and banks are forgotten (quiz's 0005 gives each question a
quiz back before), and the categories split between banks are one again.
"""

import django.db.models.deletion
from django.db import migrations, models

DEFAULT_BANK = "Banque de questions"


def to_banks(apps, schema_editor):
    Bank = apps.get_model("quiz", "Bank")
    Category = apps.get_model("quiz", "Category")
    Course = apps.get_model("elearning", "Course")
    DrawRule = apps.get_model("quiz", "DrawRule")
    Lesson = apps.get_model("elearning", "Lesson")
    Question = apps.get_model("quiz", "Question")
    Quiz = apps.get_model("quiz", "Quiz")
    QuizQuestion = apps.get_model("quiz", "QuizQuestion")
    names = set(Bank.objects.values_list("name", flat=True))

    def new_bank(name):
        candidate, number = name[:200], 1
        while candidate in names:
            number += 1
            suffix = f" ({number})"
            candidate = name[: 200 - len(suffix)] + suffix
        names.add(candidate)
        return Bank.objects.create(name=candidate)

    bank_of_quiz = {}
    for course in Course.objects.order_by("pk"):
        course.bank = new_bank(course.title)
        course.save(update_fields=["bank"])
        quizzes = Lesson.objects.filter(course=course, checkpoint_quiz__isnull=False)
        for quiz_id in [course.final_quiz_id, *quizzes.values_list("checkpoint_quiz", flat=True)]:
            if quiz_id is not None:
                bank_of_quiz.setdefault(quiz_id, course.bank)
    for quiz in Quiz.objects.order_by("pk"):
        quiz.bank = bank_of_quiz.get(quiz.pk) or new_bank(quiz.title)
        quiz.save(update_fields=["bank"])
        questions = Question.objects.filter(quiz=quiz).order_by("position", "pk")
        questions.update(bank=quiz.bank)
        if not DrawRule.objects.filter(quiz=quiz).exists():
            QuizQuestion.objects.bulk_create(
                QuizQuestion(quiz=quiz, question=question, position=position)
                for position, question in enumerate(questions, start=1)
            )
    for bank in Bank.objects.all():
        questions = Question.objects.filter(bank=bank).order_by("quiz_id", "position", "pk")
        for number, question in enumerate(questions, start=1):
            question.number = number
            question.save(update_fields=["number"])
    for category in Category.objects.order_by("pk"):
        banks = set(Question.objects.filter(category=category).values_list("bank", flat=True))
        banks |= set(
            DrawRule.objects.filter(category=category).values_list("quiz__bank", flat=True)
        )
        banks = sorted(banks)
        if not banks:  # used nowhere: in the first bank there is
            first = Bank.objects.order_by("pk").first() or new_bank(DEFAULT_BANK)
            banks = [first.pk]
        category.bank_id = banks[0]
        category.save(update_fields=["bank"])
        for bank_id in banks[1:]:
            copy = Category.objects.create(bank_id=bank_id, name=category.name)
            Question.objects.filter(category=category, bank_id=bank_id).update(category=copy)
            DrawRule.objects.filter(category=category, quiz__bank_id=bank_id).update(category=copy)


def from_banks(apps, schema_editor):
    """One category per name again, as before the banks."""
    Category = apps.get_model("quiz", "Category")
    DrawRule = apps.get_model("quiz", "DrawRule")
    Question = apps.get_model("quiz", "Question")
    kept = {}
    for category in Category.objects.order_by("pk"):
        first = kept.setdefault(category.name, category)
        if first.pk != category.pk:
            Question.objects.filter(category=category).update(category=first)
            DrawRule.objects.filter(category=category).update(category=first)
            category.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("elearning", "0013_content_version"),
        ("quiz", "0004_question_banks"),
    ]

    operations = [
        migrations.AddField(
            model_name="course",
            name="bank",
            field=models.OneToOneField(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="course",
                to="quiz.bank",
                verbose_name="question bank",
                help_text=(
                    "Where the course's questions live, by category: its quizzes pick and draw "
                    "from it."
                ),
            ),
        ),
        migrations.RunPython(to_banks, from_banks),
    ]
