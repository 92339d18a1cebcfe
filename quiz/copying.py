"""Copying a quiz: an instructor's starting point for a new one."""

from django.db import transaction
from django.utils.text import Truncator
from django.utils.translation import gettext

from .models import DrawRule, Quiz, QuizQuestion


def duplicate_quiz(quiz):
    """A copy of the quiz, in the same bank: its settings, draw rules and the questions it
    picks (the same questions, in the same order: a question edited in the bank changes in
    both). Attempts and accommodations belong to the original's learners and are not copied.
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
        QuizQuestion.objects.bulk_create(
            QuizQuestion(quiz=copy, question_id=pick.question_id, position=pick.position)
            for pick in quiz.picks.all()
        )
    return copy
