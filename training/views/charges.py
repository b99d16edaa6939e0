"""The non-attendance charges report: what each agency owes for places booked and not used in a period."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.utils import timezone
from django.views.generic import TemplateView

from core.forms import PeriodForm
from core.responses import csv_response

from ..models import Registration
from ..selectors import charges_by_agency
from ..tables import money
from .courses import training_crumbs


class ChargesView(PermissionRequiredMixin, TemplateView):
    permission_required = "training.view_registration"
    template_name = "training/charges.html"

    def get(self, request, *args, **kwargs):
        form, period = PeriodForm.for_report(request.GET, today=timezone.localdate(), start="date_from", end="date_to")
        if period is None:
            return self.render_to_response(self.get_context_data(form=form, rows=None))
        date_from, date_to = period
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
