"""Copying a quiz: an instructor's starting point for a new one."""

from django.db import transaction
from django.utils.text import Truncator
from django.utils.translation import gettext

from .models import Choice, DrawRule, Quiz


def duplicate_quiz(quiz):
    """An independent copy of the quiz: its settings, draw rules, questions and choices.

    Attempts and accommodations belong to the original's learners and are not copied.
    """
    title_field = Quiz._meta.get_field("title")
    with transaction.atomic():
        copy = Quiz.objects.get(pk=quiz.pk)
        copy.pk = None
        copy._state.adding = True
        copy.title = Truncator(gettext("%(title)s (copy)") % {"title": quiz.title}).chars(
            title_field.max_length
        )
        copy.save()
        DrawRule.objects.bulk_create(
            DrawRule(quiz=copy, category_id=rule.category_id, count=rule.count)
            for rule in quiz.draw_rules.all()
        )
        for question in quiz.questions.prefetch_related("choices"):
            choices = list(question.choices.all())
            question.pk = None
            question._state.adding = True
            question.quiz = copy
            question.save()
            Choice.objects.bulk_create(
                Choice(
                    question=question,
                    position=choice.position,
                    text=choice.text,
                    is_correct=choice.is_correct,
                    feedback=choice.feedback,
                )
                for choice in choices
            )
    return copy
