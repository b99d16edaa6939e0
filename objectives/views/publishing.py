"""Publishing a round's report, and the published reports: the board's record of what it sent."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST
from django.views.generic import DetailView, ListView

from core.formats import display_name
from core.generated_views import prepare_files_again
from core.responses import attachment
from core.views import TablePageMixin

from ..models import PublishedReport
from ..paper.build import build_paper
from ..paper.changes import previous_publication
from ..paper.files import FILE_FORMATS, file_name
from ..paper.html import paper_fragment
from ..paper.layout import badge_css
from ..paper.snapshot import from_snapshot
from ..services import publishing
from ..tables import PublishedReportTable
from .plans import plan_crumbs
from .report import report_round

# The stored files are large; pages that only list or describe publications leave them in the database.
_FILES = ("snapshot", "html", "pdf", "docx")


@permission_required("objectives.review_progressupdate", raise_exception=True)
@require_http_methods(["GET", "POST"])
def publish_report(request, plan_pk: int, pk: int):
    progress_round = report_round(plan_pk, pk)
    if request.method == "POST":
        published = publishing.publish_report(progress_round=progress_round, published_by=request.user)
        messages.success(request, f"Published {published.title}. It will not change when the plan does.")
        return redirect(published)
    paper = build_paper(progress_round=progress_round, author=display_name(request.user))
    context = {
        "paper": paper,
        "progress_round": progress_round,
        "changed_rows": [row for row in paper.rows if row.changes],
        "rows_with_progress": sum(row.has_update and not row.earlier_round for row in paper.rows),
        "previous": previous_publication(progress_round),
        "breadcrumbs": [*plan_crumbs(progress_round.plan), (progress_round.label, progress_round.get_absolute_url())],
    }
    return render(request, "objectives/publish_confirm.html", context)


class PublishedReportListView(PermissionRequiredMixin, TablePageMixin, ListView):
    permission_required = "objectives.view_progressround"
    template_name = "objectives/published_list.html"
    table_class = PublishedReportTable

    def get_queryset(self):
        return (
            PublishedReport.objects.defer(*_FILES)
            .select_related("plan", "round", "published_by")
            .order_by("-published_at", "-pk")
        )


class PublishedReportDetailView(PermissionRequiredMixin, DetailView):
    permission_required = "objectives.view_progressround"
    template_name = "objectives/published_detail.html"
    context_object_name = "published"

    def get_queryset(self):
        # Who made it public, for the public pages' controls (templates/public/_marking.html).
        return PublishedReport.objects.defer("pdf", "docx").select_related(
            "plan", "round", "published_by", "made_public_by"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The paper exactly as it was stored when it was published, in its rating colours as they were then.
        context["paper_html"] = paper_fragment(self.object.html)
        context["badge_css"] = badge_css(from_snapshot(self.object.snapshot))
        return context


@permission_required("objectives.view_progressround", raise_exception=True)
def published_file(request, pk: int, file_format: str):
    chosen = FILE_FORMATS.get(file_format)
    if chosen is None:
        raise Http404(f"Published reports come as {', '.join(FILE_FORMATS)}, not {file_format}.")
    published = get_object_or_404(
        PublishedReport.objects.select_related("plan", "round").only(
            "plan__title", "round__as_of", "files_status", file_format
        ),
        pk=pk,
    )
    if file_format != "html" and not published.files_ready:
        raise Http404("This publication's PDF and Word files are not made yet: its page says how they stand.")
    stored = getattr(published, file_format)
    content = stored.encode("utf-8") if isinstance(stored, str) else bytes(stored)
    name = file_name(plan_title=published.plan.title, as_of=published.round.as_of, extension=chosen.extension)
    return attachment(content, name=name, content_type=chosen.content_type)


@permission_required("objectives.review_progressupdate", raise_exception=True)
@require_POST
def published_prepare_again(request, pk: int):
    return prepare_files_again(request, PublishedReport, pk, publishing.make_published_files)
