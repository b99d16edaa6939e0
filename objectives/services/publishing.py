"""Publishing a round's committee report: the paper frozen as data and files, the board's record."""

import hashlib

from django.db import transaction
from django.utils import timezone
from django.utils.dateformat import format as format_date

from core.formats import display_name

from ..models import ProgressRound, PublishedReport
from ..paper.build import build_paper
from ..paper.files import FILE_FORMATS
from ..paper.snapshot import from_snapshot, to_snapshot


@transaction.atomic
def publish_report(*, progress_round: ProgressRound, published_by) -> PublishedReport:
    """Freeze the round's report: its snapshot, and the HTML, PDF and Word files made from that snapshot."""
    # Two managers publishing at once queue here, so the second compares with the first.
    progress_round = (
        ProgressRound.objects.select_for_update(of=("self",)).select_related("plan").get(pk=progress_round.pk)
    )
    paper = build_paper(progress_round=progress_round, author=display_name(published_by))
    snapshot = to_snapshot(paper)
    # The files come from the snapshot, not the live paper, so the stored data re-renders the same paper.
    frozen = from_snapshot(snapshot)
    pdf = FILE_FORMATS["pdf"].render(frozen)
    docx = FILE_FORMATS["docx"].render(frozen)
    report = PublishedReport(
        plan=progress_round.plan,
        round=progress_round,
        title=publication_title(paper.title, earlier=progress_round.published_reports.count()),
        published_by=published_by,
        snapshot=snapshot,
        html=FILE_FORMATS["html"].render(frozen).decode("utf-8"),
        pdf=pdf,
        docx=docx,
        pdf_sha256=hashlib.sha256(pdf).hexdigest(),
        docx_sha256=hashlib.sha256(docx).hexdigest(),
    )
    report.full_clean()
    report.save()
    return report


def publication_title(title: str, *, earlier: int) -> str:
    """The paper's title; a round published again is numbered and dated, so the list never shows two alike."""
    if not earlier:
        return title
    return f"{title} (publication {earlier + 1}, {format_date(timezone.localdate(), 'j F Y')})"
