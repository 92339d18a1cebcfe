"""Misses queued at the same moment by several requests, each on its own connection.

Shared by the PostgreSQL test (threads in the test process) and the SQLite one (a fresh
process on a database file, where threads can have their own connections).
"""

import threading
from datetime import UTC, datetime

from django.db import connection

from quiz import spaced_review

MISSED_AT = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def race_queue_misses(learner_pk, question_pks, threads=8):
    """Each thread queues the same misses at once; returns the errors raised."""
    barrier = threading.Barrier(threads)
    errors = []

    def queue():
        try:
            barrier.wait()
            spaced_review.queue_misses(learner_pk, dict.fromkeys(question_pks, MISSED_AT))
        except Exception as exc:
            errors.append(repr(exc))
        finally:
            connection.close()

    running = [threading.Thread(target=queue) for _ in range(threads)]
    for thread in running:
        thread.start()
    for thread in running:
        thread.join(60)
    return errors
