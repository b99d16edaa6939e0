"""Training uptake for any period: tables by course, agency and session, their charts and CSV downloads."""

from urllib.parse import urlencode

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import HttpResponseBadRequest
from django.utils import timezone
from django.views.generic import TemplateView

from core.forms import PeriodForm
from core.responses import csv_response

from .. import selectors as uptake
from ..charts import Bar, Series, horizontal_bar_chart
from ..models import Registration
from .courses import training_crumbs

COUNT_HEADER = ["Booked", "Attended", "Did not attend", "Did-not-attend rate (%)", "Cancelled", "Waiting list"]


class UptakeView(PermissionRequiredMixin, TemplateView):
    permission_required = "training.view_registration"
    template_name = "training/uptake.html"

    def get(self, request, *args, **kwargs):
        form, dates = PeriodForm.for_report(request.GET, today=timezone.localdate())
        if dates is None:
            return self.render_to_response(self.get_context_data(form=form))
        period = uptake.Period(*dates)
        registrations = Registration.objects.visible_to(request.user)
        if request.GET.get("format") == "csv":
            return self.csv(period, registrations, request.GET.get("table", ""))
        return self.render_to_response(self.get_context_data(form=form, **self.figures(period, registrations)))

    def get_context_data(self, **kwargs):
        return super().get_context_data(breadcrumbs=training_crumbs(), **kwargs)

    def figures(self, period: uptake.Period, registrations) -> dict:
        courses = uptake.course_uptake(period, registrations)
        agencies = uptake.agency_uptake(period, registrations)
        total, summary = uptake.overall_uptake(period, registrations)
        return {
            "period": period,
            # The CSV links download the period on the page, whether typed or the default.
            "csv_query": urlencode({"starts_on": period.starts_on.isoformat(), "ends_on": period.ends_on.isoformat()}),
            "summary": summary,
            "total": total,
            "courses": courses,
            "agencies": agencies,
            "sessions": uptake.session_uptake(period, registrations),
            "course_chart": horizontal_bar_chart(
                chart_id="chart-course",
                title="Attended and did not attend, by course",
                description="The same figures are in the table “Uptake by course” below the chart.",
                series=[Series("attended", "solid"), Series("did not attend", "hatched")],
                bars=[Bar(row.label, (row.attended, row.did_not_attend)) for row in courses],
            ),
            "agency_chart": horizontal_bar_chart(
                chart_id="chart-agency",
                title="Attended, by agency",
                description="The same figures are in the table “Uptake by agency” below the chart.",
                series=[Series("attended", "solid")],
                bars=[Bar(row.label, (row.attended,)) for row in agencies],
            ),
        }

    def csv(self, period: uptake.Period, registrations, table: str):
        dates = f"{period.starts_on:%Y-%m-%d} to {period.ends_on:%Y-%m-%d}"
        if table == "course":
            header = ["Course", "Sessions run", "Places offered", *COUNT_HEADER]
            rows = [
                [row.label, row.sessions_run, row.places, *_counts(row)]
                for row in uptake.course_uptake(period, registrations)
            ]
        elif table == "agency":
            header = ["Agency", *COUNT_HEADER, "Staff who should train", "Attended per 100 staff"]
            rows = [
                [row.label, *_counts(row), _blank(row.staff_count), _blank(row.attended_per_100_staff, 1)]
                for row in uptake.agency_uptake(period, registrations)
            ]
        elif table == "session":
            header = ["Course", "Starts", "Venue", "Places offered", *COUNT_HEADER]
            rows = [
                [
                    session.course.title,
                    timezone.localtime(session.starts_at).strftime("%Y-%m-%d %H:%M"),
                    "Online" if session.is_online else session.venue,
                    row.places,
                    *_counts(row),
                ]
                for session, row in uptake.session_uptake(period, registrations)
            ]
        else:
            return HttpResponseBadRequest(
                "Choose which table to download: table=course, table=agency or table=session.",
                content_type="text/plain; charset=utf-8",
            )
        return csv_response(f"training uptake by {table} {dates}.csv", header, rows)


def _counts(row: uptake.Uptake) -> list:
    rate = "" if row.dna_rate is None else round(100 * row.dna_rate, 1)
    return [row.booked, row.attended, row.did_not_attend, rate, row.cancelled, row.waiting]


def _blank(value, digits: int | None = None):
    if value is None:
        return ""
    return round(value, digits) if digits is not None else value
