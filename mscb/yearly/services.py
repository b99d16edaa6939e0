"""Writing the yearly report: generating its figures, saving a section's narrative, publishing it.

Regenerating replaces the figures only; the narratives are separate rows keyed by section and never touched, so
a manager may refresh the figures late in the year without losing a word they wrote.
"""

import json

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from core.models import FilesStatus
from core.publishing import make_files, queue_files
from objectives.models import BusinessPlan
from objectives.services.conflicts import take_next_version

from ..models import PublishedYearlyReport, YearlyNarrative, YearlyReport
from .files import render_docx, render_standalone_html
from .registry import section_for, sections
from .rendering import lay_out_pdf, pdf_data
from .year import load_plan


def default_title(plan: BusinessPlan) -> str:
    return f"Annual report {plan.title}"


def report_for(plan: BusinessPlan) -> YearlyReport:
    """The plan's yearly report, made (with no figures yet) the first time anything is written to it."""
    report, _ = YearlyReport.objects.get_or_create(plan=plan, defaults={"title": default_title(plan)})
    return report


@transaction.atomic
def generate_yearly_report(*, plan: BusinessPlan, by) -> YearlyReport:
    """Gather every section's figures from the product's data now; the narratives stay as they are."""
    report = report_for(plan)
    report = YearlyReport.objects.select_for_update().get(pk=report.pk)
    year_plan = load_plan(plan.pk)
    report.figures = {section.key: section.build(year_plan) for section in sections()}
    report.generated_at = timezone.now()
    report.generated_by = by
    report.version += 1
    report.save()
    return report


@transaction.atomic
def save_narrative(
    *, report: YearlyReport, section: str, text: str, by, expected_version: int | None
) -> YearlyNarrative:
    """Save a section's narrative, unless someone saved it after the writer loaded it (then ConflictError)."""
    if section_for(section) is None:
        raise ValidationError(f"The yearly report has no section {section!r}.")
    narrative = YearlyNarrative.objects.select_for_update().filter(report=report, section=section).first()
    subject = f"the narrative of “{section_for(section).title}”"
    if narrative is not None:
        take_next_version(narrative, expected_version=expected_version, subject=lambda saved: subject)
    else:
        narrative = YearlyNarrative(report=report, section=section)
    narrative.text = text.strip()
    narrative.updated_by = by
    narrative.full_clean()
    narrative.save()
    return narrative


@transaction.atomic
def publish_yearly_report(*, report: YearlyReport, by) -> PublishedYearlyReport:
    """Freeze the report's HTML, Word file and the PDF's data (JSON) as they stand now; the task worker lays out the
    PDF and records both files' SHA-256 sums (the publication is "being prepared" until it has)."""
    if report.generated_at is None:
        raise ValidationError("Generate the report's figures before publishing it.")
    publication = PublishedYearlyReport(
        report=report,
        title=report.title,
        published_by=by,
        html=render_standalone_html(report),
        pdf_source=json.dumps(pdf_data(report)),
        # Word is made in a moment from the report as it stands; only the PDF's layout waits for the worker.
        docx=render_docx(report),
        files_status=FilesStatus.PREPARING,
    )
    publication.save()
    queue_files(publication, make_published_files)
    return publication


class FrozenForAnotherEngine(ValueError):
    """A publication frozen before the PDF moved to Typst, whose source is HTML."""


@task()
def make_published_files(publication_id: int) -> None:
    """The PDF of a publication, laid out by the worker from the data frozen when it was published."""
    make_files(
        PublishedYearlyReport,
        publication_id,
        lambda publication: (lay_out_pdf(frozen_pdf_data(publication)), bytes(publication.docx)),
    )


def frozen_pdf_data(publication: PublishedYearlyReport) -> dict:
    """The PDF's data as published. A publication frozen as HTML for WeasyPrint (only one still being prepared, or
    failed, when the PDF moved to Typst) is not rebuilt from the report as it stands now, which may have changed
    since: its files fail with a message that says to publish again, so a PDF never differs from what was published."""
    if not publication.pdf_source.lstrip().startswith("{"):
        raise FrozenForAnotherEngine(
            "It was published before the PDF engine changed, so its PDF cannot be laid out; publish the report again."
        )
    return json.loads(publication.pdf_source)
