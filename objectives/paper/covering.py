"""The covering report as the paper prints it: plain data, frozen with the rest of the paper when published."""

from dataclasses import dataclass
from datetime import date

from core.formats import long_date

from ..models import CoveringReport, ProgressRound


@dataclass(frozen=True)
class CoveringPaperSection:
    heading: str
    text: str


@dataclass(frozen=True)
class CoveringPaper:
    committee: str
    title: str
    meeting_on: date | None = None
    report_from_name: str = ""
    report_from_role: str = ""
    author: str = ""
    contact: str = ""
    summary: str = ""
    # Only the headings with text, in the template's order.
    sections: tuple[CoveringPaperSection, ...] = ()

    @property
    def report_from(self) -> str:
        """ "Alex Marlowe, Independent Chair", or whichever of the two is given."""
        return ", ".join(part for part in (self.report_from_name, self.report_from_role) if part)

    @property
    def cover_facts(self) -> tuple[tuple[str, str], ...]:
        """What the cover says of the meeting and the report's source, before the paper's own dates."""
        meeting = long_date(self.meeting_on) if self.meeting_on else ""
        facts = (("Meeting date", meeting), ("Report from", self.report_from))
        return tuple((label, value) for label, value in facts if value)

    @property
    def numbered_sections(self) -> tuple[tuple[int, CoveringPaperSection], ...]:
        # Numbered as printed, so leaving a heading out never leaves a gap in the numbers.
        return tuple(enumerate(self.sections, start=1))


def build_covering(progress_round: ProgressRound) -> CoveringPaper | None:
    """The round's covering report for the paper, in two queries (one when there is none)."""
    report = CoveringReport.objects.filter(round=progress_round).prefetch_related("sections").first()
    if report is None:
        return None
    return CoveringPaper(
        committee=report.committee,
        title=report.title,
        meeting_on=report.meeting_on,
        report_from_name=report.report_from_name,
        report_from_role=report.report_from_role,
        author=report.author,
        contact=report.contact,
        summary=report.summary,
        sections=tuple(CoveringPaperSection(heading=row.heading, text=row.text) for row in report.sections.all()),
    )
