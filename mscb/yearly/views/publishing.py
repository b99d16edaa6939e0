"""Publishing the yearly report, and its publications: the files frozen as they were published."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from core.generated_views import prepare_files_again
from core.responses import attachment
from objectives.paper.html import paper_fragment

from ...models import PublishedYearlyReport
from .. import services
from ..files import FORMATS, file_name
from ..selectors import PUBLISHED_FILES
from .drafts import list_crumbs, plan_report


@permission_required("mscb.add_publishedyearlyreport", raise_exception=True)
@require_http_methods(["GET", "POST"])
def report_publish(request, plan_pk: int):
    plan, report = plan_report(plan_pk)
    if report is None or report.generated_at is None:
        messages.warning(request, "Generate the report's figures before publishing it.")
        return redirect("yearly:report_detail", plan.pk)
    if request.method == "POST":
        report.plan = plan
        try:
            publication = services.publish_yearly_report(report=report, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("yearly:report_detail", plan.pk)
        messages.success(request, f"Published {publication.title}. It will not change when the plan does.")
        return redirect(publication)
    context = {"plan": plan, "report": report, "breadcrumbs": list_crumbs()}
    return render(request, "yearly/publish_confirm.html", context)


@permission_required("mscb.view_publishedyearlyreport", raise_exception=True)
def published_detail(request, pk: int):
    publication = get_object_or_404(
        PublishedYearlyReport.objects.defer("pdf", "docx", "pdf_source").select_related("report__plan", "published_by"),
        pk=pk,
    )
    context = {
        "publication": publication,
        # The report exactly as it was stored when it was published.
        "report_html": paper_fragment(publication.html),
        "breadcrumbs": list_crumbs(),
    }
    return render(request, "yearly/published_detail.html", context)


@permission_required("mscb.view_publishedyearlyreport", raise_exception=True)
def published_file(request, pk: int, file_format: str):
    chosen = FORMATS.get(file_format)
    if chosen is None or file_format not in PUBLISHED_FILES:
        raise Http404(f"Published yearly reports come as {', '.join(FORMATS)}, not {file_format}.")
    publication = get_object_or_404(PublishedYearlyReport.objects.only("title", "files_status", file_format), pk=pk)
    if file_format != "html" and not publication.files_ready:
        raise Http404("This publication's PDF and Word files are not made yet: its page says how they stand.")
    stored = getattr(publication, file_format)
    content = stored.encode("utf-8") if isinstance(stored, str) else bytes(stored)
    return attachment(content, name=file_name(publication.title, chosen.extension), content_type=chosen.content_type)


@permission_required("mscb.add_publishedyearlyreport", raise_exception=True)
@require_POST
def published_prepare_again(request, pk: int):
    return prepare_files_again(request, PublishedYearlyReport, pk, services.make_published_files)
