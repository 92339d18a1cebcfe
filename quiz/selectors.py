"""Reads behind the question page and the answer save, the quiz's hottest requests.

A learner moves through an attempt one question at a time, and every pick is saved at
once: these two requests are made far more often than any other quiz request. Each
needs her attempt, the question shown and, for the page, which questions are answered.

Most of an attempt never changes after its start: who, which quiz, the deadline, the
rules, and every question as drawn, worded and shuffled (``quiz.attempts`` freezes
them). Each process keeps that frozen part of the attempts it has served, so that a
request reads only what changes (the attempt's state, the answers) in one small query,
which also checks that the attempt is hers, in SQL (``quiz.sqlreads``).
``bench/README.md`` has the figures.
"""

import threading
from collections import OrderedDict
from dataclasses import dataclass

from django.db import connection

from .models import Attempt, Quiz, Response
from .sqlreads import SqlRead, columns, instance, table

# Never changed after the start (quiz.attempts.start_attempt); attempts are read-only in
# the admin. The rest of each model changes as she answers and when it is graded.
FROZEN_ATTEMPT_FIELDS = (
    "id",
    "learner_id",
    "quiz_id",
    "number",
    "started_at",
    "deadline",
    "pass_mark",
    "feedback_mode",
    "review_policy",
    "question_count",
    "max_score",
)
LIVE_ATTEMPT_FIELDS = ("state", "submitted_at", "score", "passed", "current_position")
FROZEN_RESPONSE_FIELDS = (
    "id",
    "attempt_id",
    "question_id",
    "position",
    "question_text",
    "kind",
    "explanation",
    "points",
    "partial_credit",
    "choices",
)
LIVE_RESPONSE_FIELDS = ("selected", "answered_at", "is_locked", "is_correct", "points_awarded")

CACHE_SIZE = 256  # attempts per process: a class sitting an exam together, a few MB


def _fields(model, names):
    return [model._meta.get_field(name) for name in names]


class _FrozenAttempts:
    """The frozen part of recently served attempts, per process (least recently used out).

    Keyed by database and attempt; an attempt's frozen part is the same for its whole
    life, so an entry never needs refreshing (a deleted attempt is simply never found by
    the query that checks it is hers). Tests empty it with ``forget_attempts()``: their
    rolled-back rows may give a primary key to another attempt.
    """

    def __init__(self, size):
        self.size = size
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        with self.lock:
            self.entries[key] = entry
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def clear(self):
        with self.lock:
            self.entries.clear()


_frozen = _FrozenAttempts(CACHE_SIZE)


def forget_attempts():
    """Empty this process's cache of frozen attempts (for tests)."""
    _frozen.clear()


def _frozen_statement():
    return (
        f"SELECT {columns('a', Attempt, FROZEN_ATTEMPT_FIELDS)}, "
        f"{columns('r', Response, FROZEN_RESPONSE_FIELDS)} "
        f"FROM {table(Attempt)} a JOIN {table(Response)} r ON r.attempt_id = a.id "
        "WHERE a.id = %s AND a.learner_id = %s",
        _fields(Attempt, FROZEN_ATTEMPT_FIELDS) + _fields(Response, FROZEN_RESPONSE_FIELDS),
    )


_FROZEN = SqlRead(_frozen_statement)


def _frozen_part(learner_pk, attempt_pk):
    """(attempt's frozen values, {position: response's frozen values}), or None."""
    key = (connection.alias, attempt_pk)
    entry = _frozen.get(key)
    if entry is not None:
        return entry
    rows = _FROZEN.rows([attempt_pk, learner_pk])
    if not rows:
        return None
    split = len(FROZEN_ATTEMPT_FIELDS)
    position = split + FROZEN_RESPONSE_FIELDS.index("position")
    entry = (rows[0][:split], {row[position]: row[split:] for row in rows})
    _frozen.put(key, entry)
    return entry


def _live_statement():
    return (
        f"SELECT {columns('a', Attempt, LIVE_ATTEMPT_FIELDS)}, "
        f"q.{connection.ops.quote_name('title')}, "
        f"{columns('r', Response, ('position', *LIVE_RESPONSE_FIELDS))} "
        f"FROM {table(Attempt)} a JOIN {table(Quiz)} q ON q.id = a.quiz_id "
        f"JOIN {table(Response)} r ON r.attempt_id = a.id "
        "WHERE a.id = %s AND a.learner_id = %s ORDER BY r.position",
        [
            *_fields(Attempt, LIVE_ATTEMPT_FIELDS),
            None,
            Response._meta.get_field("position"),
            None,  # "selected": decoded for the question shown only
            *_fields(Response, LIVE_RESPONSE_FIELDS[1:]),
        ],
    )


_LIVE = SqlRead(_live_statement)
_TITLE = len(LIVE_ATTEMPT_FIELDS)
_POSITION = _TITLE + 1
_SELECTED = _POSITION + 1
_CHOICES = FROZEN_RESPONSE_FIELDS.index("choices")
_SELECTED_FIELD = Response._meta.get_field("selected")


def _is_answered(selected_json):
    """Whether a ``Response.selected`` as the database returns it (JSON text, or a list
    where the driver decodes JSON itself) holds a choice."""
    if isinstance(selected_json, str):
        return bool(selected_json.strip("[] \n"))
    return bool(selected_json)


@dataclass(frozen=True)
class AttemptPage:
    """What the question page and the answer save need, read in one go."""

    attempt: Attempt  # with ``quiz_title``
    response: Response | None  # the question at the position asked for, if there is one
    answered: list  # [(position, answered)] for every question, in order


def attempt_page(learner_pk, attempt_pk, position):
    """Her attempt, its question at ``position`` and which questions are answered.

    None when the attempt is not hers (or does not exist). One query when this process
    has served the attempt before, two the first time.
    """
    rows = _LIVE.rows([attempt_pk, learner_pk])
    frozen = _frozen_part(learner_pk, attempt_pk) if rows else None
    if frozen is None:
        return None
    frozen_attempt, frozen_responses = frozen
    first = rows[0]
    attempt = instance(
        Attempt, FROZEN_ATTEMPT_FIELDS + LIVE_ATTEMPT_FIELDS, (*frozen_attempt, *first[:_TITLE])
    )
    attempt.quiz_title = first[_TITLE]
    response = None
    shown = next((row for row in rows if row[_POSITION] == position), None)
    if shown is not None and position in frozen_responses:
        values = list(frozen_responses[position])
        # Copies: the cached choices are shared by the requests this process serves.
        values[_CHOICES] = [dict(choice) for choice in values[_CHOICES]]
        live = list(shown[_SELECTED:])
        live[0] = _SELECTED_FIELD.from_db_value(live[0], None, connection)
        response = instance(
            Response, FROZEN_RESPONSE_FIELDS + LIVE_RESPONSE_FIELDS, (*values, *live)
        )
    # Answered: a JSON list that is not empty, read without decoding each one.
    answered = [(row[_POSITION], _is_answered(row[_SELECTED])) for row in rows]
    return AttemptPage(attempt=attempt, response=response, answered=answered)


def attempt_of(learner_pk, attempt_pk):
    """Her attempt with its quiz's title as ``quiz_title``, or None (someone else's: None)."""
    sql = (
        f"SELECT a.*, q.title AS quiz_title FROM {table(Attempt)} a "
        f"JOIN {table(Quiz)} q ON q.id = a.quiz_id "
        "WHERE a.id = %s AND a.learner_id = %s"
    )
    return next(iter(Attempt.objects.raw(sql, [attempt_pk, learner_pk])), None)
