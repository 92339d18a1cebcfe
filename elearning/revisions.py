"""Which missed questions enter a learner's review queue, and what the "Révisions" page
shows beside a question (the quiz engine schedules the cards: ``quiz.spaced_review``).

A question she got wrong in a lesson's checkpoint quiz enters her queue as soon as she
has checked it or submitted the attempt: checkpoints are practice. The final quiz is an
exam: reviewing its questions with their answers while an attempt could still be helped
would help it, so its misses enter only once she has passed it or used all her attempts,
and then the misses of all her attempts at it. Called where an answer is checked or an
attempt submitted (``elearning.quizzes``), in the same transaction.
"""

from django.db.models import Count, Exists, OuterRef, Q

from quiz import attempts as engine
from quiz import spaced_review
from quiz.models import Attempt, AttemptState, Quiz

from .models import Course, Lesson, QuestionSource


def queue_missed(attempt):
    """Queue what she missed in this attempt, if the quiz's place in a course allows it now."""
    quiz = (
        Quiz.objects.filter(pk=attempt.quiz_id)
        .annotate(
            is_checkpoint=Exists(Lesson.objects.filter(checkpoint_quiz=OuterRef("pk"))),
            is_final=Exists(Course.objects.filter(final_quiz=OuterRef("pk"))),
        )
        .first()
    )
    if quiz.is_checkpoint:
        attempts = [attempt]
    elif quiz.is_final and attempt.is_submitted and _exam_is_over(attempt, quiz):
        attempts = Attempt.objects.of(attempt.learner_id, quiz).filter(state=AttemptState.SUBMITTED)
    else:
        return
    spaced_review.queue_misses(
        attempt.learner_id,
        spaced_review.missed_in(attempts),
        sooner=spaced_review.confident_misses(attempts) if attempt.confidence_marking else (),
    )


def _exam_is_over(attempt, quiz):
    """Whether no attempt of hers at the quiz could still be helped: she has passed it, or
    has used every attempt she is allowed (accommodations included)."""
    tally = Attempt.objects.of(attempt.learner_id, quiz).aggregate(
        used=Count("pk"), passed=Count("pk", filter=Q(passed=True))
    )
    if tally["passed"]:
        return True
    if quiz.max_attempts is None:
        return False
    limits = engine.allowance(attempt.learner_id, quiz)
    return engine.attempts_left(tally["used"], limits) == 0


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
