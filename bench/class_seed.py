"""Create the class for `bench/load.py`: N learners with one password, and print the
course's URLs the load needs as one JSON line.

Run with the bench environment (``DJANGO_SETTINGS_MODULE``, ``DATABASE_URL``...) after
``migrate`` and ``load_course_content``. ``BENCH_CLASS_SIZE`` learners
``learner-<n>@class.invalid`` share ``BENCH_LEARNER_PASSWORD`` (hashed once: the hasher is
the site's, so signing in costs what it costs in production).
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django

django.setup()

from django.contrib.auth.hashers import make_password  # noqa: E402

from elearning.models import Course, User  # noqa: E402

COURSE_SLUG = "secousses-dans-la-jambe-fasciculations"


def main():
    size = int(os.environ["BENCH_CLASS_SIZE"])
    password = make_password(os.environ["BENCH_LEARNER_PASSWORD"])
    User.objects.bulk_create(
        User(
            email=f"learner-{n}@class.invalid",
            password=password,
            first_name="Élève",
            last_name=f"n° {n}",
        )
        for n in range(1, size + 1)
    )
    course = Course.objects.get(slug=COURSE_SLUG, is_published=True)
    lessons = list(course.lessons.in_reading_order())
    print(
        json.dumps(
            {
                "course": course.get_absolute_url(),
                "lessons": [
                    {"url": lesson.get_absolute_url(), "slug": lesson.slug} for lesson in lessons
                ],
                "final_quiz": course.final_quiz_id,
                "emails": [f"learner-{n}@class.invalid" for n in range(1, size + 1)],
            }
        )
    )


if __name__ == "__main__":
    main()
