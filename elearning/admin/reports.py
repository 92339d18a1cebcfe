"""The progress report page of a course (staff only), and its CSV export."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from ..cohorts import taught_cohorts
from ..models import Cohort, Course
from ..reports import ORDERINGS, STATUSES, csv_lines, display_values, progress_report

ROWS_PER_PAGE = 50


class ReportFilterForm(forms.Form):
    """The report's filters, read from the page's address: anything the form refuses is
    said above the table, and the report shows without that filter."""

    cohort = forms.ModelChoiceField(
        Cohort.objects.none(),  # hers: see __init__
        required=False,
        label=_("Cohort"),
        empty_label=_("Every learner enrolled"),
    )
    status = forms.ChoiceField(
        choices=[("", _("Every learner")), *STATUSES], required=False, label=_("Progress")
    )
    o = forms.ChoiceField(choices=[(key, key) for key in ORDERINGS], required=False)

    def __init__(self, data, *, user):
        super().__init__(data)
        self.fields["cohort"].queryset = taught_cohorts(user)


def report_view(model_admin, request, pk):
    course = get_object_or_404(Course, pk=pk)
    if not model_admin.has_view_permission(request, course):
        raise PermissionDenied
    form = ReportFilterForm(request.GET, user=request.user)
    form.is_valid()
    chosen = {name: value for name, value in form.cleaned_data.items() if name not in form.errors}
    order = chosen.get("o") or "name"
    report = progress_report(
        course,
        request.user,
        cohort=chosen.get("cohort"),
        status=chosen.get("status") or None,
        order=order,
    )
    if request.GET.get("format") == "csv":
        response = StreamingHttpResponse(csv_lines(report), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{course.slug}-progress.csv"'
        return response
    page = Paginator(report.rows, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    kept = request.GET.copy()
    kept.pop("page", None)
    kept.pop("format", None)
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Progress report: %(course)s") % {"course": course},
        "opts": model_admin.model._meta,
        "original": course,
        "form": form,
        "columns": report.columns(),
        "order": order,
        "rows": [(row.pk, display_values(report, row)) for row in page],
        "page": page,
        "query": kept.urlencode(),
        "lesson_count": len(report.lessons),
    }
    return TemplateResponse(request, "admin/elearning/course/report.html", context)
