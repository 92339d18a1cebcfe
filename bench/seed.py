"""Create the bench learner: the first lessons of the shipped course done, and the course's
final quiz in progress.

Run by ``bench/pages.py`` with the bench environment (``DJANGO_SETTINGS_MODULE``,
``DATABASE_URL``...) after ``migrate`` and ``load_course_content``. The learner's
password comes from ``BENCH_LEARNER_PASSWORD``. Prints one JSON line: the learner's
e-mail, the course, the lessons marked done, the lesson to benchmark, and the quiz
attempt (its id, the question position to benchmark and a choice of that question).

The final quiz is the shipped one (``fixtures/secousses-dans-la-jambe.json``, loaded by
``load_course_content``): 15 questions drawn, 30 minutes. So that the attempt
outlives any run (and a database kept with ``--keep-db``), the learner has an
accommodation (``quiz.models.Accommodation``) of ``EXTRA_MINUTES`` on that quiz; the
request path is the same as without it (the deadline is checked on every save either
way). The draw is seeded, so every run benchmarks the same question.
"""

import json
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django

django.setup()

from elearning.models import Course, User  # noqa: E402
from elearning.progress import mark_lesson_done  # noqa: E402
from elearning.quizzes import place_in, start  # noqa: E402
from quiz import attempts as engine  # noqa: E402
from quiz.models import Accommodation  # noqa: E402

EMAIL = "learner@bench.invalid"
COURSE_SLUG = "secousses-dans-la-jambe-fasciculations"
DONE = 2  # lessons marked done before the benchmark
QUESTION = 2  # the question page benchmarked: one with a "Previous" and a "Next" button
EXTRA_MINUTES = 7 * 24 * 60  # the attempt stays open for a week beyond the quiz's limit
DRAW_SEED = 20261125  # the same questions, in the same order, at every run


def start_final_quiz(learner, course):
    """Her attempt at the course's final quiz, with the questions before QUESTION answered."""
    if course.final_quiz_id is None:
        raise SystemExit(
            f"The course {COURSE_SLUG} has no final quiz: load_course_content did not load "
            "it from fixtures/secousses-dans-la-jambe.json."
        )
    Accommodation.objects.create(
        learner=learner,
        quiz_id=course.final_quiz_id,
        extra_minutes=EXTRA_MINUTES,
        reason="bench: the attempt must outlive the run",
    )
    place = place_in(course, course.final_quiz_id)
    random.seed(DRAW_SEED)  # quiz.attempts draws and shuffles with the random module
    attempt = start(learner, place)
    responses = list(attempt.responses.order_by("position"))
    if len(responses) < QUESTION + 1:
        raise SystemExit(f"The final quiz drew {len(responses)} question(s): too few.")
    # She answered the questions up to the benchmarked one (the first choice shown), as
    # the autosave the benchmark repeats does: the page shows a saved answer throughout.
    for response in responses[:QUESTION]:
        engine.save_answer(attempt, response, [response.choices[0]["id"]])
    response = responses[QUESTION - 1]
    return {
        "quiz": attempt.quiz_id,
        "attempt": attempt.pk,
        "questions": len(responses),
        "time_limit_minutes": attempt.quiz.time_limit_minutes,
        "extra_minutes": EXTRA_MINUTES,
        "deadline": attempt.deadline.isoformat(),
        "position": QUESTION,
        "kind": response.kind,
        "choices": len(response.choices),
        "answer": response.choices[0]["id"],
    }


def main():
    course = Course.objects.get(slug=COURSE_SLUG, is_published=True)
    lessons = list(course.lessons.active().order_by("position", "pk"))
    if len(lessons) <= DONE:
        raise SystemExit(f"The course {COURSE_SLUG} has {len(lessons)} lesson(s): too few.")
    learner = User.objects.create_user(
        EMAIL,
        os.environ["BENCH_LEARNER_PASSWORD"],
        first_name="Bench",
        last_name="Learner",
    )
    for lesson in lessons[:DONE]:
        mark_lesson_done(learner, lesson)
    quiz = start_final_quiz(learner, course)
    # The next lesson to read: a page with a previous and a next link, not yet done.
    print(
        json.dumps(
            {
                "email": EMAIL,
                "course": course.slug,
                "done": [lesson.slug for lesson in lessons[:DONE]],
                "lesson": lessons[DONE].slug,
                "quiz": quiz,
            }
        )
    )


if __name__ == "__main__":
    main()
