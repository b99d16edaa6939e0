from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from ..models import ProgressRound
from ..report import build_progress_report, page_margin_css


class ReportView(TemplateView):
    template_name = "objectives/report.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The round must belong to the plan in the address, so a stray link cannot mix two plans.
        progress_round = get_object_or_404(
            ProgressRound.objects.select_related("plan"), pk=self.kwargs["pk"], plan_id=self.kwargs["plan_pk"]
        )
        report = build_progress_report(plan=progress_round.plan, progress_round=progress_round)
        context.update(report=report, page_css=page_margin_css(report))
        return context


# Placeholders until the workflow and committee-paper work lands.


def report_pdf(request, *args, **kwargs):
    raise Http404


def report_docx(request, *args, **kwargs):
    raise Http404
