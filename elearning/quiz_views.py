"""The learner's quiz pages under /courses/<slug>/quiz/: the quiz, its questions, the
summary before submitting, and the results.

One question per page, in a plain form: every move (previous, next, a question's
number, the summary) posts her answer first, so nothing is lost without JavaScript.
With JavaScript, ``quiz.js`` also saves each pick as it is made.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from quiz import attempts as engine
from quiz.confidence import summary_of
from quiz.forms import AnswerForm
from quiz.models import Attempt, Quiz

from . import quizzes
from .models import Enrolment, QuestionSource


def question_url(course_slug, attempt, position):
    return reverse("quiz_question", args=[course_slug, attempt.pk, position])


def results_url(course_slug, attempt):
    return reverse("quiz_results", args=[course_slug, attempt.pk])


def _history(user, quiz):
    attempts = list(Attempt.objects.of(user, quiz).order_by("number"))
    limits = engine.allowance(user, quiz)
    left = engine.attempts_left(len(attempts), limits)
    return attempts, limits, left


@never_cache
@login_required
def quiz_detail(request, course_slug, quiz_id):
    place = quizzes.place_or_404(course_slug, quiz_id, request.user)
    quiz = get_object_or_404(Quiz, pk=place.quiz_pk)
    current = Attempt.objects.in_progress().of(request.user, quiz).first()
    if current is not None:
        quizzes.close_if_expired(current)
    attempts, limits, left = _history(request.user, quiz)
    in_progress = next((a for a in attempts if not a.is_submitted), None)
    return render(
        request,
        "elearning/quiz_detail.html",
        {
            "place": place,
            "course": place.course,
            "quiz": quiz,
            "quiz_title": quiz.title,
            "attempts": attempts,
            "limits": limits,
            "attempts_left": left,
            "in_progress": in_progress,
            "question_count": engine.questions_per_attempt(quiz),
        },
    )


@require_POST
@login_required
def quiz_start(request, course_slug, quiz_id):
    place = quizzes.place_or_404(course_slug, quiz_id, request.user)
    try:
        attempt = quizzes.start(request.user, place)
    except engine.QuizRefusal as refusal:
        messages.error(request, refusal.message)
        return redirect("quiz_detail", course_slug, quiz_id)
    return redirect(question_url(course_slug, attempt, attempt.current_position))


def _target(action, position, count):
    """Where a posted move leads: a question's position, or "summary"."""
    if action == "prev":
        return max(position - 1, 1)
    if action == "next":
        return min(position + 1, count)
    if action == "summary":
        return "summary"
    if action and action.startswith("goto-"):
        try:
            wanted = int(action.removeprefix("goto-"))
        except ValueError:
            return position
        return wanted if 1 <= wanted <= count else position
    return position


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def quiz_question(request, course_slug, attempt_id, position):
    place, attempt = quizzes.attempt_or_404(course_slug, attempt_id, request.user)
    wants_json = request.headers.get("X-Requested-With") == "fetch"
    if attempt.is_submitted:
        # Graded at its deadline: the time ran out (perhaps just now, on reading it).
        refusal = engine.DeadlinePassed if attempt.ended_at_deadline else engine.AttemptClosed
        if wants_json:
            return JsonResponse({"error": str(refusal.message)}, status=409)
        if request.method == "POST":
            messages.error(request, refusal.message)
        return redirect(results_url(course_slug, attempt))
    response = attempt.responses.filter(position=position).first()
    if response is None:
        raise Http404
    count = attempt.question_count
    # A form only for what she posts; the page shows the saved answer without one.
    asks_confidence = attempt.confidence_marking
    form = (
        AnswerForm.for_response(response, request.POST, confidence=asks_confidence)
        if request.method == "POST"
        else None
    )

    if form is not None and form.is_valid():
        action = request.POST.get("action", "")
        if action == "finish":
            return _finish(request, course_slug, attempt, position)
        target = _target(action, position, count)
        try:
            quizzes.answer(
                attempt,
                response,
                form.selected_ids(),
                check=action == "check",
                confidence=form.confidence(),
                move_to=None if target == "summary" else target,
            )
        except engine.QuizRefusal as refusal:
            if wants_json:
                return JsonResponse({"error": str(refusal.message)}, status=409)
            messages.error(request, refusal.message)
            if isinstance(refusal, engine.DeadlinePassed | engine.AttemptClosed):
                return redirect(results_url(course_slug, attempt))
            return redirect(question_url(course_slug, attempt, position))
        if wants_json:
            return JsonResponse({"saved": True})
        if action == "check":
            # Straight to the verdict (the anchor also moves the focus there).
            return redirect(question_url(course_slug, attempt, position) + "#checked")
        if target == "summary":
            return redirect("quiz_summary", course_slug, attempt.pk)
        return redirect(question_url(course_slug, attempt, target))

    if form is not None and wants_json:
        return JsonResponse({"error": form.errors["answer"][0]}, status=400)
    source = None
    if response.is_locked:
        source = QuestionSource.objects.filter(question_id=response.question_id).first()
    states = list(attempt.responses.values_list("position", "selected", "is_locked"))
    all_checked = engine.is_all_checked(attempt, (locked for _p, _s, locked in states))
    return render(
        request,
        "elearning/quiz_question.html",
        {
            "place": place,
            "course": place.course,
            "attempt": attempt,
            "quiz_title": attempt.quiz_title,
            "here": _("Question %(position)s / %(count)s") % {"position": position, "count": count},
            "question_map": [
                (number, bool(selected), number == position) for number, selected, _l in states
            ],
            "response": response,
            "form": AnswerForm.for_response(response, confidence=asks_confidence)
            if form is None
            else form,
            "position": position,
            "count": count,
            "all_checked": all_checked,
            "main_action": _main_action(attempt, response, position, count, all_checked),
            "lesson_url": _lesson_url(place, source),
        },
        status=200 if form is None else 400,
    )


def _main_action(attempt, response, position, count, all_checked):
    """The question page's main button, first in the form, so that Enter does it: the
    check while an answer can be checked (never skipped), then moving on, then finishing
    (one step once every answer is checked) or the review before submitting."""
    if attempt.is_immediate and not response.is_locked:
        return "check"
    if position < count:
        return "next"
    return "finish" if all_checked else "summary"


def _finish(request, course_slug, attempt, position):
    """Every answer checked: submit at once, no review (the one-button finish)."""
    try:
        quizzes.finish(attempt)
    except engine.NotAllChecked as refusal:
        messages.error(request, refusal.message)
        return redirect(question_url(course_slug, attempt, position))
    return redirect(results_url(course_slug, attempt))


def _lesson_url(place, source):
    """The passage of the lesson the question comes from, if it is still one of the
    course's lessons."""
    if source is None:
        return None
    source.lesson = place.course.lessons.active().filter(pk=source.lesson_id).first()
    return source.get_passage_url() if source.lesson else None


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def quiz_summary(request, course_slug, attempt_id):
    place, attempt = quizzes.attempt_or_404(course_slug, attempt_id, request.user)
    if request.method == "POST":
        if quizzes.submit(attempt):
            messages.success(request, _("Your answers have been submitted and graded."))
        else:
            messages.info(request, _("This attempt had already been submitted."))
        return redirect(results_url(course_slug, attempt))
    if attempt.is_submitted:
        return redirect(results_url(course_slug, attempt))
    responses = list(attempt.responses.all())
    return render(
        request,
        "elearning/quiz_summary.html",
        {
            "place": place,
            "course": place.course,
            "attempt": attempt,
            "quiz_title": attempt.quiz_title,
            "responses": responses,
            "unanswered": [r for r in responses if not r.is_answered],
            # Nothing left to change: no warning that it can no longer be changed.
            "all_checked": engine.is_all_checked(attempt, (r.is_locked for r in responses)),
        },
    )


@never_cache
@login_required
def quiz_results(request, course_slug, attempt_id):
    place, attempt = quizzes.attempt_or_404(course_slug, attempt_id, request.user)
    if not attempt.is_submitted:
        return redirect(question_url(course_slug, attempt, attempt.current_position))
    quiz = get_object_or_404(Quiz, pk=attempt.quiz_id)
    attempts, limits, left = _history(request.user, quiz)
    has_passed = any(a.passed for a in attempts)
    show_answers = engine.may_see_answers(attempt, attempts_left=left, has_passed=has_passed)
    responses = list(attempt.responses.all())
    sources = {}
    if show_answers:
        # The lessons that teach them, while they are lessons of this course.
        sources = {
            source.question_id: source
            for source in QuestionSource.objects.filter(
                question_id__in=[r.question_id for r in responses],
                lesson__course=place.course,
                lesson__is_archived=False,
            ).select_related("lesson__course")
        }
    items = [(response, sources.get(response.question_id)) for response in responses]
    # A checkpoint is practice: what she missed, where to read it again, what next.
    missed = [(response, source) for response, source in items if not response.is_correct]
    return render(
        request,
        "elearning/quiz_results.html",
        {
            "place": place,
            "course": place.course,
            "attempt": attempt,
            "quiz": quiz,
            "quiz_title": quiz.title,
            "items": items,
            "missed": missed,
            "right_count": len(items) - len(missed),
            "next_lesson": None if place.is_final else quizzes.next_step(place),
            "attempts": attempts,
            "attempts_left": left,
            "limits": limits,
            "show_answers": show_answers,
            "confidence": summary_of(responses) if attempt.confidence_marking else None,
            "final_passed": has_passed and place.is_final,
            # The pass that completed the course (or one after it): the certificate is ready.
            "completed": place.is_final
            and has_passed
            and Enrolment.objects.filter(
                learner=request.user, course_id=place.course.pk, completed_at__isnull=False
            ).exists(),
        },
    )
