"""Saving a round's covering report with its sections, and the board's template of headings."""

import hashlib
import json

from django.core.exceptions import ValidationError
from django.db import transaction

from ..covering_forms import CoveringReportForm
from ..models import CommitteeHeading, CoveringReport, CoveringSection
from .conflicts import conflict_error, take_next_version

SUBJECT = "the covering report"


@transaction.atomic
def save_covering_report(*, form: CoveringReportForm, expected_version: int | None) -> CoveringReport:
    """Save a valid covering report form and its sections, unless someone saved the report after it was loaded."""
    report = form.instance
    if report.pk:
        take_next_version(report, expected_version=expected_version, subject=lambda saved: SUBJECT)
    else:
        # Two people starting the round's first covering report at once: the second is told, not overwritten.
        existing = CoveringReport.objects.select_for_update().filter(round=report.round_id).first()
        if existing is not None:
            raise conflict_error(existing, SUBJECT)
    report = form.save()
    _replace_sections(report, form.sections())
    return report


def _replace_sections(report: CoveringReport, sections: list[tuple[str, str]]) -> None:
    """Make the report's sections these (heading, text), in order; each change is saved, so it has history."""
    existing = {section.heading: section for section in report.sections.all()}
    for position, (heading, text) in enumerate(sections, start=1):
        section = existing.pop(heading, None) or CoveringSection(report=report, heading=heading)
        if section.pk and (section.position, section.text) == (position, text):
            continue
        section.position, section.text = position, text
        section.full_clean()
        section.save()
    for section in existing.values():
        section.delete()


@transaction.atomic
def set_committee_headings(*, headings: list[str], loaded: str) -> None:
    """Make the template's headings these, in order, unless they changed since the page showed them (`loaded` is
    their fingerprint then).

    A heading that stays keeps its row, so its history reads as a move rather than a delete and a new one.
    """
    existing = {row.heading: row for row in CommitteeHeading.objects.select_for_update()}
    current = list(existing)
    if headings_fingerprint(current) != loaded:
        now = "; ".join(current) or "no headings"
        raise ValidationError(
            f"Someone changed the headings after you opened this page, so your list was not saved. The template "
            f"now reads: {now}. Your list is still in the box: merge the two, then save again.",
            code="conflict",
        )
    for heading in [row for name, row in existing.items() if name not in headings]:
        heading.delete()
    for position, text in enumerate(headings, start=1):
        row = existing.get(text) or CommitteeHeading(heading=text)
        if row.pk and row.position == position:
            continue
        row.position = position
        row.full_clean()
        row.save()


def headings_text(headings: list[str]) -> str:
    """The headings as the page's box shows them: one a line."""
    return "\n".join(headings)


def headings_fingerprint(headings: list[str]) -> str:
    """The list in a form a page can carry and send back unchanged (a browser sends line breaks as CR LF)."""
    return hashlib.sha256(json.dumps(headings).encode()).hexdigest()
