"""The committee report of a plan and round: the page, its PDF and Word files, and its at-a-glance page."""

from django.contrib.auth.decorators import permission_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from django.views.generic import TemplateView

from core.generated_views import Download, serve

from ..models import ProgressRound
from ..paper.build import author_for, build_paper, rounds_for_paper
from ..paper.files import FILE_FORMATS, file_name
from ..paper.generated import build_paper_file, current_paper_files
from ..paper.html import paper_context
from ..paper.stored_page import paper_page


def report_round(plan_pk: int, pk: int) -> ProgressRound:
    # The round must belong to the plan in the address, so a stray link cannot mix two plans.
    return get_object_or_404(rounds_for_paper(), pk=pk, plan_id=plan_pk)


class ReportView(PermissionRequiredMixin, TemplateView):
    """The paper as a page: kept as HTML while nothing it shows changes (objectives.paper.stored_page)."""

    permission_required = "objectives.view_progressround"
    template_name = "objectives/report.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        progress_round = report_round(self.kwargs["plan_pk"], self.kwargs["pk"])
        page = paper_page(progress_round, author=author_for(self.request.user))
        context.update(page=page, progress_round=progress_round)
        return context


class GlanceView(PermissionRequiredMixin, TemplateView):
    """The paper's at-a-glance summary and exceptions as a printable page of their own, for whoever may read it."""

    permission_required = "objectives.view_progressround"
    template_name = "objectives/glance.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        progress_round = report_round(self.kwargs["plan_pk"], self.kwargs["pk"])
        paper = build_paper(progress_round=progress_round, author=author_for(self.request.user))
        context.update(paper_context(paper), progress_round=progress_round)
        return context


# If one format cannot be made, the page offers the others (the report page itself is the HTML version).
_LABELS = {"pdf": "PDF", "docx": "Word file"}


def _download(request, plan_pk: int, pk: int, file_format: str):
    progress_round = report_round(plan_pk, pk)
    chosen = FILE_FORMATS[file_format]
    generated = current_paper_files(progress_round, [file_format], author=author_for(request.user))[file_format]
    download = Download(
        label=_LABELS[file_format],
        name=file_name(plan_title=progress_round.plan.title, as_of=progress_round.as_of, extension=chosen.extension),
        content_type=chosen.content_type,
        task=build_paper_file,
        alternatives=[
            *(
                (f"{label} version", reverse(f"objectives:report_{other}", args=[plan_pk, pk]))
                for other, label in _LABELS.items()
                if other != file_format
            ),
            ("The report as a web page", reverse("objectives:report", args=[plan_pk, pk])),
        ],
    )
    return serve(request, generated, download)


@permission_required("objectives.view_progressround", raise_exception=True)
@require_http_methods(["GET", "HEAD", "POST"])
def report_pdf(request, plan_pk: int, pk: int):
    return _download(request, plan_pk, pk, "pdf")


@permission_required("objectives.view_progressround", raise_exception=True)
@require_http_methods(["GET", "HEAD", "POST"])
def report_docx(request, plan_pk: int, pk: int):
    return _download(request, plan_pk, pk, "docx")
