"""The progress report of a course: for each learner a member of staff may see, the
lessons she has done, her best grade on each checkpoint quiz and on the final quiz, the
date she completed the course and her certificate's code.

One query for the rows, whatever their number: every figure is an annotation on the
learners (a subquery per lesson and per quiz, and a course has a handful of each), so the
page and the CSV export run a constant number of queries. The CSV streams its rows from
the database in chunks: 10,000 learners are never in memory at once.

A best grade is the attempt with the highest share of its maximum, shown as the site shows
every percentage (``quiz.percentages.whole_percent``).
"""

import csv
from dataclasses import dataclass

from django.db.models import (
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
)
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from quiz.models import Attempt, AttemptState
from quiz.percentages import whole_percent

from .cohorts import visible_learners
from .models import Certificate, Enrolment, Lesson, LessonProgress, done_count

NOT_STARTED, IN_PROGRESS, COMPLETED, FAILED_FINAL = (
    "not_started",
    "in_progress",
    "completed",
    "failed_final",
)
STATUSES = [
    (NOT_STARTED, _("Not started")),
    (IN_PROGRESS, _("In progress")),
    (COMPLETED, _("Completed")),
    (FAILED_FINAL, _("Failed the final quiz")),
]

# How the rows may be sorted: a key of the page's GET parameter -> the ORM ordering.
ORDERINGS = {
    "name": ["last_name", "first_name", "email"],
    "-name": ["-last_name", "-first_name", "-email"],
    "done": ["done", "last_name", "first_name"],
    "-done": ["-done", "last_name", "first_name"],
    "completed": [F("completed_at").asc(nulls_last=True), "last_name"],
    "-completed": [F("completed_at").desc(nulls_last=True), "last_name"],
}


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    short: str = ""  # what a narrow header shows, the label said to screen readers


@dataclass(frozen=True)
class Report:
    """What the report shows of a course: its lessons and checkpoint quizzes, in reading
    order, and the learners' rows (a queryset of annotated users)."""

    course: object
    lessons: list
    checkpoints: list  # the lessons that have a checkpoint quiz
    rows: object

    def columns(self):
        """The columns of the page and of the CSV, in their order."""
        return [
            Column("name", _("Learner")),
            Column("email", _("E-mail address")),
            *(
                Column(f"lesson_{lesson.pk}", lesson.title, _("L%(n)s") % {"n": n})
                for n, lesson in enumerate(self.lessons, start=1)
            ),
            Column("done", _("Lessons done")),
            *(
                Column(
                    f"checkpoint_{lesson.pk}",
                    _("Checkpoint (%%): %(lesson)s") % {"lesson": lesson},
                    _("Quiz L%(n)s") % {"n": self.lessons.index(lesson) + 1},
                )
                for lesson in self.checkpoints
            ),
            Column("final", _("Final quiz (%)")),
            Column("completed", _("Completed on")),
            Column("certificate", _("Certificate")),
        ]

    def values(self, row):
        """The row's values in the columns' order: numbers as numbers (a lesson done is 1,
        a grade a whole percentage), None where there is nothing to say."""
        return [
            row.get_full_name() or row.email,
            row.email,
            *(int(getattr(row, f"lesson_{lesson.pk}")) for lesson in self.lessons),
            row.done,
            *(
                _percent(row, f"checkpoint_{lesson.checkpoint_quiz_id}")
                for lesson in self.checkpoints
            ),
            _percent(row, f"final_{self.course.final_quiz_id}")
            if self.course.final_quiz_id
            else None,
            row.completed_at.date() if row.completed_at else None,
            row.certificate_code,
        ]


def progress_report(course, user, *, cohort=None, status=None, order="name"):
    """The course's report for a member of staff ``user``: the learners she may see who
    are enrolled in the course, or, with a ``cohort``, every learner of that cohort (those
    who have not started included)."""
    lessons = list(Lesson.objects.filter(course=course).in_reading_order())
    checkpoints = [lesson for lesson in lessons if lesson.checkpoint_quiz_id]
    learners = visible_learners(user)
    if cohort is not None:
        learners = learners.filter(cohorts=cohort)
    else:
        learners = learners.filter(enrolments__course=course)
    enrolment = Enrolment.objects.filter(learner=OuterRef("pk"), course=course)
    rows = learners.annotate(
        done=done_count(course.pk, OuterRef("pk")),
        completed_at=Subquery(enrolment.values("completed_at")[:1]),
        passed_final_at=Subquery(enrolment.values("final_quiz_passed_at")[:1]),
        certificate_code=Subquery(
            Certificate.objects.valid()
            .filter(learner=OuterRef("pk"), course=course)
            .values("code")[:1]
        ),
        **{
            f"lesson_{lesson.pk}": Exists(
                LessonProgress.objects.filter(learner=OuterRef("pk"), lesson=lesson)
            )
            for lesson in lessons
        },
    )
    quizzes = [
        (f"checkpoint_{lesson.checkpoint_quiz_id}", lesson.checkpoint_quiz_id)
        for lesson in checkpoints
    ]
    if course.final_quiz_id:
        quizzes.append((f"final_{course.final_quiz_id}", course.final_quiz_id))
    for name, quiz_id in quizzes:
        best = _best_attempts(quiz_id)
        rows = rows.annotate(
            **{
                f"{name}_score": Subquery(best.values("score")[:1]),
                f"{name}_max": Subquery(best.values("max_score")[:1]),
                f"{name}_pass_mark": Subquery(best.values("pass_mark")[:1]),
            }
        )
    if course.final_quiz_id:
        rows = rows.annotate(
            took_final=Exists(
                Attempt.objects.filter(
                    learner=OuterRef("pk"),
                    quiz_id=course.final_quiz_id,
                    state=AttemptState.SUBMITTED,
                )
            )
        )
    rows = _filtered(rows, status, course)
    rows = rows.order_by(*ORDERINGS.get(order, ORDERINGS["name"]), "pk")
    return Report(course, lessons, checkpoints, rows)


def _best_attempts(quiz_id):
    """Her submitted attempts at the quiz, the best share of its maximum first."""
    share = ExpressionWrapper(F("score") * 1000000 / F("max_score"), output_field=DecimalField())
    return (
        Attempt.objects.filter(
            learner=OuterRef("pk"), quiz_id=quiz_id, state=AttemptState.SUBMITTED
        )
        .annotate(share=share)
        .order_by("-share", "submitted_at")
    )


def _filtered(rows, status, course):
    started = Q(done__gt=0) | Q(**{f"final_{course.final_quiz_id}_score__isnull": False})
    if status == NOT_STARTED:
        return rows.exclude(started)
    if status == IN_PROGRESS:
        return rows.filter(started, completed_at__isnull=True)
    if status == COMPLETED:
        return rows.filter(completed_at__isnull=False)
    if status == FAILED_FINAL and course.final_quiz_id:
        return rows.filter(took_final=True, passed_final_at__isnull=True)
    if status == FAILED_FINAL:
        return rows.none()
    return rows


def _percent(row, name):
    score = getattr(row, f"{name}_score")
    if score is None:
        return None
    return whole_percent(
        score, getattr(row, f"{name}_max"), short_of=getattr(row, f"{name}_pass_mark")
    )


class _Echo:
    """A file-like object whose write() gives the line back: csv.writer into a stream."""

    def write(self, value):
        return value


def csv_lines(report):
    """The report as CSV lines, for a StreamingHttpResponse: UTF-8 with a byte order mark
    (so a spreadsheet reads the accents), the page's columns, numbers as numbers, dates in
    ISO form; separated by semicolons in French, where the comma is the decimal mark."""
    delimiter = ";" if translation.get_language() == "fr" else ","
    writer = csv.writer(_Echo(), delimiter=delimiter)
    yield "\ufeff" + writer.writerow([str(column.label) for column in report.columns()])
    for row in report.rows.iterator(chunk_size=500):
        yield writer.writerow(
            ["" if value is None else _cell(value) for value in report.values(row)]
        )


def _cell(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def display_values(report, row):
    """The row's cells as the page shows them: (kind, value), the kind telling how (a lesson
    done, a percentage, a date, text)."""
    cells = []
    for column, value in zip(report.columns(), report.values(row), strict=True):
        if column.key.startswith("lesson_"):
            kind = "lesson"
        elif column.key.startswith("checkpoint_") or column.key == "final":
            kind = "percent"
        elif column.key == "completed":
            kind = "date"
        else:
            kind = "text"
        cells.append((kind, value))
    return cells
