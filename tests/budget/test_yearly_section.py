"""The yearly report's budget section: its figures are budget_for's totals, as JSON-ready strings, and its Word."""

import json
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from docx import Document

from budget.selectors import budget_for
from mscb.yearly.registry import section_for
from tests.budget.factories import PartnerContributionFactory, SpendLineFactory
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def recorded(plan):
    PartnerContributionFactory(
        plan=plan, agency=AgencyFactory(short_name="ICB"), agreed=Decimal("72000"), paid=Decimal("54000.25")
    )
    PartnerContributionFactory(
        plan=plan,
        agency=AgencyFactory(short_name="Police"),
        agreed=Decimal("100"),
        paid=Decimal("150"),
        in_kind_value=Decimal("99.99"),
    )
    SpendLineFactory(plan=plan, heading="Independent chair", budgeted=Decimal("28000"), spent=Decimal("21000"))
    SpendLineFactory(plan=plan, heading="Case reviews", budgeted=Decimal("35000"), spent=Decimal("41250.10"))


def test_the_figures_are_budget_fors_totals_as_strings(plan, recorded):
    budget = budget_for(plan)

    figures = section_for("budget").build(plan)

    totals = figures["totals"]
    assert Decimal(totals["pooled"]) == budget.pooled == Decimal("72100")
    assert Decimal(totals["paid"]) == budget.paid
    assert Decimal(totals["outstanding"]) == budget.outstanding == Decimal("17999.75")
    assert Decimal(totals["in_kind_value"]) == budget.in_kind_value
    assert Decimal(totals["budgeted"]) == budget.budgeted
    assert Decimal(totals["spent"]) == budget.spent
    assert Decimal(totals["balance"]) == budget.balance == Decimal("-8099.85")
    assert figures["contributions"][1]["overpaid"] == "50.00"
    # JSON-ready: stored in YearlyReport.figures as it is.
    assert json.loads(json.dumps(figures)) == figures


def test_the_figures_take_two_queries(plan, recorded, django_assert_num_queries):
    with django_assert_num_queries(2):
        section_for("budget").build(plan)


def test_the_template_draws_the_stored_figures_with_h3_subheadings(plan, recorded):
    section = section_for("budget")
    figures = json.loads(json.dumps(section.build(plan)))

    html = render_to_string(section.template_name, {"figures": figures, "section": section, "narrative": ""})

    assert "<h3>Contributions by agency</h3>" in html
    assert "<h2" not in html
    assert "£54,000.25" in html
    assert "-£8,099.85" in html


def test_the_word_tables_follow_the_figures(plan, recorded):
    document = Document()
    section = section_for("budget")

    section.write_word(document, section.build(plan))

    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    assert ["ICB", "£72,000.00", "£54,000.25", "£17,999.75", "", ""] in rows
    assert ["Total", "£63,000.00", "£62,250.10", "£749.90"] in rows
    assert ["Case reviews", "£35,000.00", "£41,250.10", "-£6,250.10"] in rows
    headings = [paragraph.text for paragraph in document.paragraphs if paragraph.style.name == "Heading 3"]
    assert headings == ["Contributions by agency", "Spend by heading"]
