"""The covering report's forms: one box per heading of the board's template, and the template's own list."""

import pytest

from objectives.covering_forms import CommitteeHeadingsForm, CoveringReportForm
from objectives.models import CommitteeHeading, CoveringReport
from tests.factories import CoveringReportFactory, CoveringSectionFactory, ProgressRoundFactory

pytestmark = pytest.mark.django_db

USUAL_HEADINGS = [
    "Recommendations",
    "Budget and policy framework",
    "Background",
    "Risk management",
    "Consultation",
    "Implications for looked-after children",
    "Financial implications",
    "Legal implications",
    "Lead officer contact",
    "Background papers",
]


def _section_labels(form) -> list[str]:
    return [str(form.fields[name].label) for name in form.section_headings]


def test_the_template_starts_with_the_usual_council_headings():
    assert list(CommitteeHeading.objects.values_list("heading", flat=True)) == USUAL_HEADINGS


def test_the_form_has_one_numbered_box_per_template_heading():
    form = CoveringReportForm(instance=CoveringReport(round=ProgressRoundFactory()))

    assert _section_labels(form) == [f"{number}. {heading}" for number, heading in enumerate(USUAL_HEADINGS, 1)]


def test_a_new_report_is_titled_from_its_plan_and_month():
    progress_round = ProgressRoundFactory(plan__title="2025/26")

    assert CoveringReport.default_title(progress_round) == "Business plan 2025/26: progress report December 2025"


def test_text_under_a_heading_the_template_dropped_keeps_a_box_of_its_own():
    report = CoveringReportFactory()
    CoveringSectionFactory(report=report, heading="Background", text="Written under Background.")
    CoveringSectionFactory(report=report, heading="Equalities", text="Written before the template changed.")

    form = CoveringReportForm(instance=report)

    boxes = {str(form.fields[name].label): form.initial[name] for name in form.section_headings}
    assert boxes["3. Background"] == "Written under Background."
    assert boxes["Equalities (no longer a heading of the template)"] == "Written before the template changed."


def test_only_boxes_written_in_become_sections():
    progress_round = ProgressRoundFactory()
    data = {"committee": "Scrutiny", "title": "A title", "section_" + str(_heading_pk("Background")): "  Some text "}

    form = CoveringReportForm(data=data, instance=CoveringReport(round=progress_round))

    assert form.is_valid(), form.errors
    assert form.sections() == [("Background", "Some text")]


def test_the_title_and_committee_are_needed():
    form = CoveringReportForm(data={}, instance=CoveringReport(round=ProgressRoundFactory()))

    assert not form.is_valid()
    assert set(form.errors) == {"committee", "title"}


def _heading_pk(heading: str) -> int:
    return CommitteeHeading.objects.get(heading=heading).pk


def test_the_headings_are_read_one_a_line_without_blank_lines_or_typed_numbers():
    form = CommitteeHeadingsForm(data={"headings": "1. Recommendations\n\n  Background  \n2) Next steps\n"})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["headings"] == ["Recommendations", "Background", "Next steps"]


def test_a_heading_listed_twice_is_refused_by_name():
    form = CommitteeHeadingsForm(data={"headings": "Background\nRisks\nbackground"})

    assert not form.is_valid()
    assert form.errors["headings"] == ["“background” is listed twice: each heading must be different."]


def test_an_empty_list_of_headings_is_refused():
    form = CommitteeHeadingsForm(data={"headings": " \n\n "})

    assert not form.is_valid()
    assert form.errors["headings"] == ["Write at least one heading."]


def test_a_heading_too_long_to_store_is_refused():
    form = CommitteeHeadingsForm(data={"headings": "x" * 201})

    assert not form.is_valid()
    assert "is longer than 200 characters" in form.errors["headings"][0]
