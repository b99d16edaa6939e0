"""Reads for the covering report pages."""

from ..models import CommitteeHeading, CoveringReport, ProgressRound


def previous_covering_report(progress_round: ProgressRound) -> CoveringReport | None:
    """The covering report of the same plan's latest earlier round that has one, with its sections."""
    earlier = CoveringReport.objects.filter(round__plan=progress_round.plan_id, round__as_of__lt=progress_round.as_of)
    return earlier.select_related("round").prefetch_related("sections").order_by("-round__as_of").first()


def current_headings() -> list[str]:
    return list(CommitteeHeading.objects.values_list("heading", flat=True))
