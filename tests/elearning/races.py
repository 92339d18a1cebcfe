"""Answers saved while the attempt is being submitted, each request on its own connection.

Shared by the PostgreSQL test (threads in the test process) and the SQLite one (a fresh
process on a database file, where threads can have their own connections).
"""

import threading

from django.db import connection

from elearning import quizzes
from quiz import attempts
from quiz.models import Attempt, Response


def race_saves_against_submit(attempt_pk):
    """Every question's right answer saved by its own thread while another submits.

    Returns (outcomes, errors): outcomes maps each position to "saved" or the refusal's
    class name; errors lists anything else raised.
    """
    positions = list(
        Response.objects.filter(attempt_id=attempt_pk).values_list("position", flat=True)
    )
    barrier = threading.Barrier(len(positions) + 1)
    outcomes, errors = {}, []

    def save(position):
        try:
            attempt = Attempt.objects.get(pk=attempt_pk)
            response = attempt.responses.get(position=position)
            right = [choice["id"] for choice in response.choices if choice["correct"]]
            barrier.wait()
            try:
                attempts.save_answer(attempt, response, right)
                outcomes[position] = "saved"
            except attempts.QuizRefusal as refusal:
                outcomes[position] = type(refusal).__name__
        except Exception as exc:
            errors.append(repr(exc))
        finally:
            connection.close()

    def submit():
        try:
            attempt = Attempt.objects.get(pk=attempt_pk)
            barrier.wait()
            quizzes.submit(attempt)
        except Exception as exc:
            errors.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=[position]) for position in positions]
    threads.append(threading.Thread(target=submit))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return outcomes, errors


def graded_as_saved(attempt_pk):
    """Per position, whether the grade matches the answer kept (never a saved answer
    that the grading did not see)."""
    return {
        response.position: response.points_awarded == attempts.mark(response).points
        for response in Response.objects.filter(attempt_id=attempt_pk)
    }
