"""What a restored database must still hold, read the same way in the test's process
(before the backup) and in a fresh ``manage.py shell`` against the restored database."""

import json


def snapshot():
    """The learners, attempts, answers and certificates, and what the public verification
    page says of each certificate, as JSON text."""
    from django.test import Client
    from django.urls import reverse

    from elearning.models import Certificate, User
    from quiz.models import Attempt, Response

    visitor = Client()
    certificates = []
    for certificate in Certificate.objects.select_related("learner").order_by("code"):
        page = visitor.get(reverse("certificate_verify_code", args=[certificate.display_code]))
        certificates.append(
            {
                "code": certificate.code,
                "learner": certificate.learner.email if certificate.learner else None,
                "name": certificate.learner_name,
                "course": certificate.course_title,
                "completed_on": certificate.completed_on,
                "score_percent": certificate.score_percent,
                "verifies": page.status_code == 200
                and certificate.learner_name in page.content.decode(),
            }
        )
    return json.dumps(
        {
            "learners": list(
                User.objects.order_by("email").values_list(
                    "pk", "email", "first_name", "last_name", "password"
                )
            ),
            "attempts": list(
                Attempt.objects.order_by("pk").values_list(
                    "pk", "learner__email", "quiz__title", "number", "state", "score", "passed"
                )
            ),
            "answers": list(
                Response.objects.order_by("pk").values_list(
                    "attempt_id", "position", "selected", "points_awarded"
                )
            ),
            "certificates": certificates,
        },
        default=str,
        sort_keys=True,
    )
