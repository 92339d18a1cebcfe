"""The versions the learner pages' cache keys are made of, kept in the database and moved
on in the same transaction as the write that changes what they cover, so that every
process and every app server sees a change on its next request.

- The content version (``ContentVersion``'s one row) covers what the course page, the
  lesson pages and the dashboard show of courses, lessons and quizzes. It moves on with
  every save and deletion of a course, a lesson, a glossary term, a quiz, its draw rules,
  the questions it picks or a question of a bank, through the signals connected below (a
  quiz's deletion too, whose ``SET_NULL`` on a course or a lesson is an UPDATE that saves
  nothing). A
  ``QuerySet.update()`` or ``bulk_create()`` of those models sends no signal: code that
  uses one on a course, a lesson or a quiz calls ``content_changed()`` itself.
- A learner's progress version (``User.progress_version``) covers her enrolments, lessons
  done and quiz results. It moves on in ``elearning.progress.enrol`` (which marking a
  lesson done and starting a quiz go through) and when an attempt is graded
  (``elearning.quizzes.submit``).
"""

from django.db.models import F
from django.db.models.signals import post_delete, post_save

from quiz.models import DrawRule, Question, Quiz, QuizQuestion

from .models import ContentVersion, Course, GlossaryTerm, Lesson, User

CONTENT_MODELS = (Course, Lesson, GlossaryTerm, Quiz, DrawRule, QuizQuestion, Question)


def content_version():
    return ContentVersion.objects.filter(pk=1).values_list("value", flat=True).first() or 0


def content_changed(**_signal):
    if not ContentVersion.objects.filter(pk=1).update(value=F("value") + 1):
        ContentVersion.objects.get_or_create(pk=1, defaults={"value": 1})


def progress_changed(learner_pk):
    User.objects.filter(pk=learner_pk).update(progress_version=F("progress_version") + 1)


def connect():
    for model in CONTENT_MODELS:
        for signal in (post_save, post_delete):
            signal.connect(content_changed, sender=model, dispatch_uid=f"content:{model._meta}")
