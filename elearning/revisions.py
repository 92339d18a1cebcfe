"""Which missed questions enter a learner's review queue, and what the "Révisions" page
shows beside a question (the quiz engine schedules the cards: ``quiz.spaced_review``).

A question she got wrong in a lesson's checkpoint quiz enters her queue as soon as she
has checked it or submitted the attempt: checkpoints are practice. The final quiz is an
exam: reviewing its questions with their answers while an attempt could still be helped
would help it, so its misses enter only once she has passed it or used all her attempts,
and then the misses of all her attempts at it. Called where an answer is checked or an
attempt submitted (``elearning.quizzes``), in the same transaction.
"""

from quiz import attempts as engine
from quiz import spaced_review
from quiz.models import Attempt, AttemptState, Quiz

from .models import Course, Lesson, QuestionSource


def queue_missed(attempt):
    """Queue what she missed in this attempt, if the quiz's place in a course allows it now."""
    if Lesson.objects.filter(checkpoint_quiz_id=attempt.quiz_id).exists():
        spaced_review.queue_misses(attempt.learner_id, spaced_review.missed_in([attempt]))
    elif attempt.is_submitted and Course.objects.filter(final_quiz_id=attempt.quiz_id).exists():
        attempts = Attempt.objects.filter(learner_id=attempt.learner_id, quiz_id=attempt.quiz_id)
        limits = engine.allowance(attempt.learner_id, Quiz.objects.get(pk=attempt.quiz_id))
        used = attempts.count()
        submitted = attempts.filter(state=AttemptState.SUBMITTED)
        passed = submitted.filter(passed=True).exists()
        if passed or engine.attempts_left(used, limits) == 0:
            spaced_review.queue_misses(attempt.learner_id, spaced_review.missed_in(submitted))


def source_of(question, user):
    """(passage, lesson URL) of the question's lesson: the sentences it is about (unless its
    explanation quotes them already) and the lesson's page, where the lesson is active in
    a course she may see; (None, None) without a source."""
    source = (
        QuestionSource.objects.filter(question_id=question.pk)
        .select_related("lesson__course")
        .first()
    )
    if source is None:
        return None, None
    lesson = source.lesson
    readable = not lesson.is_archived and (user.is_staff or lesson.course.is_published)
    passage = source.passage.strip()
    if " ".join(passage.split()) in " ".join(question.explanation.split()):
        passage = None
    return passage, lesson.get_absolute_url() if readable else None
