"""The committee report of a plan and round: the page, its PDF and Word files, and its at-a-glance page."""

from django.contrib.auth.decorators import permission_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from core.responses import attachment

from ..models import ProgressRound
from ..paper.build import author_for, build_paper
from ..paper.files import FILE_FORMATS, file_name, render_file
from ..paper.html import paper_context


def report_round(plan_pk: int, pk: int) -> ProgressRound:
    # The round must belong to the plan in the address, so a stray link cannot mix two plans. The plan comes with
    # its rating scale, which the paper reads for every row.
    rounds = ProgressRound.objects.select_related("plan__rating_scale").prefetch_related("plan__rating_scale__levels")
    return get_object_or_404(rounds, pk=pk, plan_id=plan_pk)


class ReportView(PermissionRequiredMixin, TemplateView):
    permission_required = "objectives.view_progressround"
    template_name = "objectives/report.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        progress_round = report_round(self.kwargs["plan_pk"], self.kwargs["pk"])
        paper = build_paper(progress_round=progress_round, author=author_for(self.request.user))
        context.update(paper_context(paper), progress_round=progress_round)
        return context


class GlanceView(ReportView):
    """The paper's at-a-glance summary and exceptions as a printable page of their own, for whoever may read it."""

    template_name = "objectives/glance.html"


def _download(request, plan_pk: int, pk: int, file_format: str):
    progress_round = report_round(plan_pk, pk)
    paper = build_paper(progress_round=progress_round, author=author_for(request.user))
    chosen = FILE_FORMATS[file_format]
    name = file_name(plan_title=paper.plan_title, as_of=paper.as_of, extension=chosen.extension)
    return attachment(render_file(paper, file_format), name=name, content_type=chosen.content_type)


@permission_required("objectives.view_progressround", raise_exception=True)
def report_pdf(request, plan_pk: int, pk: int):
    return _download(request, plan_pk, pk, "pdf")


@permission_required("objectives.view_progressround", raise_exception=True)
def report_docx(request, plan_pk: int, pk: int):
    return _download(request, plan_pk, pk, "docx")
