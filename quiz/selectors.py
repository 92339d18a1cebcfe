"""Reads behind the question page, the quiz's hottest page.

A learner moves through an attempt one question at a time, and every pick is saved
at once: the question page and the answer save are requested far more often than
any other quiz page. Each needs her attempt, the one question shown and, for the
page, which questions are answered. Django's ORM spends most of such a small query's
cost compiling it (about 0.5 ms here, against 0.05 ms for the query itself); these
reads are written in SQL, by primary key and with parameters, and return the same
model instances. ``bench/README.md`` has the figures.
"""

from django.db import connection

from .models import Attempt, Quiz, Response


def _table(model):
    return connection.ops.quote_name(model._meta.db_table)


def attempt_of(learner_pk, attempt_pk):
    """Her attempt with its quiz's title as ``quiz_title``, or None (someone else's: None)."""
    sql = (
        f"SELECT a.*, q.title AS quiz_title FROM {_table(Attempt)} a "
        f"JOIN {_table(Quiz)} q ON q.id = a.quiz_id "
        "WHERE a.id = %s AND a.learner_id = %s"
    )
    return next(iter(Attempt.objects.raw(sql, [attempt_pk, learner_pk])), None)


def response_at(attempt_pk, position):
    """The question shown at ``position`` in the attempt, or None."""
    sql = f"SELECT * FROM {_table(Response)} WHERE attempt_id = %s AND position = %s"
    return next(iter(Response.objects.raw(sql, [attempt_pk, position])), None)


def question_map(attempt_pk):
    """[(position, answered)] for every question of the attempt, in order."""
    field = Response._meta.get_field("selected")
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT position, selected FROM {_table(Response)} "
            "WHERE attempt_id = %s ORDER BY position",
            [attempt_pk],
        )
        rows = cursor.fetchall()
    return [(position, bool(_decoded(field, selected))) for position, selected in rows]


def _decoded(field, value):
    # Django has PostgreSQL hand back JSON as text, like SQLite; decode it the field's way.
    return field.from_db_value(value, None, connection) if isinstance(value, str) else value
