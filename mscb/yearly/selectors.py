"""Reading the yearly report: each plan's report state, and a report's sections with their figures and narrative."""

from dataclasses import dataclass

from django.db.models import Count

from objectives.models import BusinessPlan

from ..models import PublishedYearlyReport, YearlyNarrative, YearlyReport
from .registry import YearlySection, sections

# The stored files are large; pages that list or describe publications leave them in the database.
PUBLISHED_FILES = ("html", "pdf", "docx")


@dataclass(frozen=True)
class ReportSection:
    """One section as the report shows it: what the registry says of it, its figures as generated, its narrative."""

    section: YearlySection
    figures: dict
    narrative: YearlyNarrative | None

    @property
    def narrative_text(self) -> str:
        return self.narrative.text if self.narrative else ""

    @property
    def anchor(self) -> str:
        return f"section-{self.section.key}"


def report_sections(report: YearlyReport | None) -> list[ReportSection]:
    """Every section in the registry's order, with its figures and narrative: 1 query for the narratives."""
    figures = report.figures if report else {}
    narratives = {one.section: one for one in report.narratives.all()} if report and report.pk else {}
    return [ReportSection(one, figures.get(one.key) or {}, narratives.get(one.key)) for one in sections()]


def plans_with_reports() -> list[BusinessPlan]:
    """Every plan, latest first, with its yearly report (if any) and how many times it was published: 1 query."""
    return list(
        BusinessPlan.objects.select_related("yearly_report", "yearly_report__generated_by")
        .annotate(publication_count=Count("yearly_report__publications"))
        .order_by("-starts_on", "title")
    )


def publications_of(report: YearlyReport | None) -> list[PublishedYearlyReport]:
    if report is None:
        return []
    return list(
        report.publications.defer(*PUBLISHED_FILES, "pdf_source")
        .select_related("published_by")
        .order_by("-published_at")
    )
