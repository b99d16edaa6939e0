"""Publishing a round's committee report: the paper frozen as data and files, the board's record."""

from django.db import transaction
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django_tasks import task

from core.formats import display_name
from core.models import FilesStatus
from core.publishing import make_files, queue_files

from ..models import ProgressRound, PublishedReport
from ..paper.build import build_paper
from ..paper.files import FILE_FORMATS
from ..paper.snapshot import from_snapshot, to_snapshot


@transaction.atomic
def publish_report(*, progress_round: ProgressRound, published_by) -> PublishedReport:
    """Freeze the round's report: its snapshot and HTML now, and its PDF and Word files, made from that snapshot,
    by the task worker (the publication is "being prepared" until they are)."""
    # Two managers publishing at once queue here, so the second compares with the first.
    progress_round = (
        ProgressRound.objects.select_for_update(of=("self",)).select_related("plan").get(pk=progress_round.pk)
    )
    paper = build_paper(progress_round=progress_round, author=display_name(published_by))
    snapshot = to_snapshot(paper)
    report = PublishedReport(
        plan=progress_round.plan,
        round=progress_round,
        title=publication_title(paper.title, earlier=progress_round.published_reports.count()),
        published_by=published_by,
        snapshot=snapshot,
        # The files come from the snapshot, not the live paper, so the stored data re-renders the same paper.
        html=FILE_FORMATS["html"].render(from_snapshot(snapshot)).decode("utf-8"),
        files_status=FilesStatus.PREPARING,
    )
    report.full_clean()
    report.save()
    queue_files(report, make_published_files)
    return report


@task()
def make_published_files(published_id: int) -> None:
    """The PDF and Word files of a publication, made by the worker from its snapshot (seconds for a long paper)."""
    make_files(PublishedReport, published_id, _render_files)


def _render_files(published: PublishedReport) -> tuple[bytes, bytes]:
    frozen = from_snapshot(published.snapshot)
    return FILE_FORMATS["pdf"].render(frozen), FILE_FORMATS["docx"].render(frozen)


def publication_title(title: str, *, earlier: int) -> str:
    """The paper's title; a round published again is numbered and dated, so the list never shows two alike."""
    if not earlier:
        return title
    return f"{title} (publication {earlier + 1}, {format_date(timezone.localdate(), 'j F Y')})"
