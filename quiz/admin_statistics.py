"""The quiz's statistics page in the admin: the item analysis of ``quiz.statistics``, with its
table of questions, the choices' shares and a chart of facility against discrimination.

The view reads the request and renders; the figures are ``quiz_statistics``'s. What is
here is presentation only: which attempts and which order the page asks for (a bad value
falls back to the default), and where each question's point sits on the chart.
"""

from dataclasses import dataclass, replace

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from .models import Quiz
from .scoping import visible_anonymous_attempts, visible_learners
from .statistics import (
    DUBIOUS_EFFICIENCY,
    FIRST,
    NEARLY_ALWAYS_RIGHT,
    NEARLY_ALWAYS_WRONG,
    WHICH_ATTEMPTS,
    quiz_statistics,
)

# The question table's orders: GET value -> the figure it sorts on (lowest first, undefined
# figures last); "position" is the quiz's own order.
ORDERS = {
    "position": None,
    "facility": "facility",
    "discrimination": "discrimination_index",
    "efficiency": "discriminative_efficiency",
}


@dataclass(frozen=True)
class ChartPoint:
    label: str
    facility: float
    discrimination: float
    x: float
    y: float


@dataclass(frozen=True)
class Chart:
    """Facility index (0 to 100 %) across, discrimination index (-100 to 100 %) up."""

    points: list
    width: int = 560
    height: int = 320
    left: int = 56
    right: int = 16
    top: int = 16
    bottom: int = 48

    @property
    def plot_width(self):
        return self.width - self.left - self.right

    @property
    def plot_height(self):
        return self.height - self.top - self.bottom

    def x(self, facility):
        return round(self.left + facility / 100 * self.plot_width, 1)

    def y(self, discrimination):
        clipped = max(-100.0, min(100.0, discrimination))
        return round(self.top + (100 - clipped) / 200 * self.plot_height, 1)

    @property
    def x_ticks(self):
        return [{"value": value, "at": self.x(value)} for value in (0, 25, 50, 75, 100)]

    @property
    def y_ticks(self):
        return [{"value": value, "at": self.y(value)} for value in (-100, -50, 0, 50, 100)]

    @property
    def bounds(self):
        """Where the facility flags begin, as vertical lines."""
        return [self.x(NEARLY_ALWAYS_WRONG), self.x(NEARLY_ALWAYS_RIGHT)]

    @property
    def bottom_edge(self):
        return self.top + self.plot_height

    @property
    def right_edge(self):
        return self.left + self.plot_width


def chart_of(questions):
    """The chart's points: the questions with both a facility and a discrimination index."""
    chart = Chart(points=[])
    points = [
        ChartPoint(
            label=str(item.question.number),
            facility=item.facility,
            discrimination=item.discrimination_index,
            x=chart.x(item.facility),
            y=chart.y(item.discrimination_index),
        )
        for item in questions
        if item.facility is not None and item.discrimination_index is not None
    ]
    return replace(chart, points=points)


def ordered(questions, order):
    key = ORDERS[order]
    if key is None:
        return questions
    return sorted(questions, key=lambda item: (getattr(item, key) is None, getattr(item, key) or 0))


def statistics_view(model_admin, request, pk):
    """Item analysis of one quiz, over the learners the user may see; needs the permission
    to view quizzes."""
    quiz = get_object_or_404(Quiz, pk=pk)
    if not model_admin.has_view_permission(request, quiz):
        raise PermissionDenied
    attempts = request.GET.get("attempts")
    if attempts not in WHICH_ATTEMPTS:
        attempts = FIRST
    order = request.GET.get("order")
    if order not in ORDERS:
        order = "position"
    # Staff other than superusers read the attempts of the learners they may see only
    # (``quiz.scoping``, the project's rule, as on the attempts' list), and the anonymous
    # attempts of those of them who deleted their accounts.
    learners = anonymous = None
    if not request.user.is_superuser:
        learners = visible_learners(request.user)
        anonymous = visible_anonymous_attempts(request.user)
    figures = quiz_statistics(quiz, attempts=attempts, learners=learners, anonymous=anonymous)
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Statistics of “%(quiz)s”") % {"quiz": quiz},
        "quiz": quiz,
        "figures": figures,
        "questions": ordered(figures.questions, order),
        "flagged": [item for item in figures.questions if item.flags],
        "chart": chart_of(figures.questions),
        "attempts": attempts,
        "order": order,
        "thresholds": {
            "right": NEARLY_ALWAYS_RIGHT,
            "wrong": NEARLY_ALWAYS_WRONG,
            "dubious": DUBIOUS_EFFICIENCY,
        },
        "opts": model_admin.opts,
        "original": quiz,
    }
    return TemplateResponse(request, "admin/quiz/quiz/statistics.html", context)
