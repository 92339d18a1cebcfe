"""Create the bench learner, with the first lessons of the shipped course marked done.

Run by ``bench/pages.py`` with the bench environment (``DJANGO_SETTINGS_MODULE``,
``DATABASE_URL``...) after ``migrate`` and ``load_course_content``. The learner's
password comes from ``BENCH_LEARNER_PASSWORD``. Prints one JSON line: the learner's
e-mail, the course, the lessons marked done and the lesson to benchmark.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django

django.setup()

from elearning.models import Course, User  # noqa: E402
from elearning.progress import mark_lesson_done  # noqa: E402

EMAIL = "learner@bench.invalid"
COURSE_SLUG = "secousses-dans-la-jambe-fasciculations"
DONE = 2  # lessons marked done before the benchmark


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
    # The next lesson to read: a page with a previous and a next link, not yet done.
    print(
        json.dumps(
            {
                "email": EMAIL,
                "course": course.slug,
                "done": [lesson.slug for lesson in lessons[:DONE]],
                "lesson": lessons[DONE].slug,
            }
        )
    )


if __name__ == "__main__":
    main()
