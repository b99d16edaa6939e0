"""The non-attendance charges report: what each agency owes for places booked and not used in a period."""

from datetime import date

from django.db.models import Count, Sum
from django.utils import timezone
from django.views.generic import TemplateView

from core.formats import financial_year
from objectives.views.plans import RoleRequiredMixin

from ..csv_export import csv_response
from ..forms import PeriodForm
from ..models import Registration
from .courses import money, training_crumbs


def charges_by_agency(registrations, date_from: date, date_to: date) -> list[dict]:
    """Per agency: how many did not attend sessions in the period, and the sum of those courses' charges."""
    # __date compares in UK time, so a session at 00:30 on 1 April counts in April.
    missed = registrations.filter(
        status=Registration.Status.DID_NOT_ATTEND,
        session__starts_at__date__gte=date_from,
        session__starts_at__date__lte=date_to,
    )
    return list(
        missed.values("agency__name")
        .annotate(did_not_attend=Count("pk"), charge=Sum("session__course__non_attendance_charge"))
        .order_by("agency__name")
    )


class ChargesView(RoleRequiredMixin, TemplateView):
    permission_required = "training.view_registration"
    template_name = "training/charges.html"

    def get(self, request, *args, **kwargs):
        date_from, date_to = financial_year(timezone.localdate())
        asked = "date_from" in request.GET or "date_to" in request.GET
        form = PeriodForm(request.GET if asked else None, initial={"date_from": date_from, "date_to": date_to})
        if form.is_bound and form.is_valid():
            date_from, date_to = form.cleaned_data["date_from"], form.cleaned_data["date_to"]
        elif form.is_bound:
            # A bad period shows the form's message and no figures rather than figures for another period.
            return self.render_to_response(self.get_context_data(form=form, rows=None))
        rows = charges_by_agency(Registration.objects.visible_to(request.user), date_from, date_to)
        if request.GET.get("format") == "csv":
            return csv_response(
                f"non-attendance-charges-{date_from}-to-{date_to}.csv",
                ["Agency", "Did not attend", "Charge (£)"],
                [
                    *([row["agency__name"], row["did_not_attend"], f"{row['charge']:.2f}"] for row in rows),
                    ["Total", sum(row["did_not_attend"] for row in rows), f"{sum(row['charge'] for row in rows):.2f}"],
                ],
            )
        context = self.get_context_data(
            form=form,
            rows=[{**row, "charge_shown": money(row["charge"])} for row in rows],
            total_did_not_attend=sum(row["did_not_attend"] for row in rows),
            total_charge=money(sum((row["charge"] for row in rows), 0)),
            date_from=date_from,
            date_to=date_to,
        )
        return self.render_to_response(context)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = training_crumbs()
        return context
