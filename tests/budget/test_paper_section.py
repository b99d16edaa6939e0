"""The paper's "Partner contributions and spend": there when something is recorded, on the page and in Word."""

from decimal import Decimal

import pytest
from django.utils import timezone

from budget import paper as paper_section
from core.formats import long_date
from objectives.paper.build import build_paper
from objectives.paper.snapshot import from_snapshot, to_snapshot
from objectives.views.report import report_round
from tests.budget.factories import PartnerContributionFactory, SpendLineFactory
from tests.factories import AgencyFactory, BusinessPlanFactory
from tests.objectives.paper_reading import in_order, paper_page, paper_pdf_text, paper_word_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def recorded(plan):
    PartnerContributionFactory(
        plan=plan,
        agency=AgencyFactory(short_name="Schools"),
        agreed=Decimal("0"),
        paid=Decimal("0"),
        in_kind="A training room.",
        in_kind_value=Decimal("3200"),
    )
    PartnerContributionFactory(
        plan=plan, agency=AgencyFactory(short_name="Police"), agreed=Decimal("41500"), paid=Decimal("20000")
    )
    SpendLineFactory(plan=plan, heading="Case reviews", budgeted=Decimal("35000"), spent=Decimal("41250"))


def test_the_section_is_left_out_when_nothing_is_recorded(plan, december, django_assert_num_queries):
    SpendLineFactory(plan=BusinessPlanFactory())

    with django_assert_num_queries(2):
        assert paper_section.build(plan=plan, progress_round=december) is None


def test_a_spend_line_alone_brings_the_section(plan, december):
    SpendLineFactory(plan=plan)

    assert paper_section.build(plan=plan, progress_round=december).title == "Partner contributions and spend"


def test_the_section_holds_the_totals_and_rows_as_json_ready_figures(plan, december, recorded):
    section = paper_section.build(plan=plan, progress_round=december)

    assert section.kind == "budget"
    assert section.data["recorded_on"] == long_date(timezone.localdate())
    assert section.data["totals"]["pooled"] == "41500.00"
    assert section.data["totals"]["balance"] == "-21250.00"
    assert [row["agency"] for row in section.data["contributions"]] == ["Police", "Schools"]
    # Stored and read back unchanged, as a publication keeps it.
    paper = build_paper(progress_round=report_round(plan.pk, december.pk), author="")
    assert from_snapshot(to_snapshot(paper)).sections[-1] == section


@pytest.mark.parametrize("lines", [1, 5])
def test_the_section_takes_two_queries_however_many_rows(plan, december, lines, django_assert_num_queries):
    for _ in range(lines):
        PartnerContributionFactory(plan=plan)
        SpendLineFactory(plan=plan)

    with django_assert_num_queries(2):
        paper_section.build(plan=plan, progress_round=december)


def test_the_paper_page_shows_the_section_last(reader_client, december, recorded):
    html = paper_page(reader_client, december)

    assert 'id="report-section-budget"' in html
    assert in_order(html, ["Partner contributions and spend", "Figures as recorded on", "£41,500.00", "£3,200.00"])
    assert "-£6,250.00" in html
    # The paper's last section.
    assert html.rindex("<section") < html.index('id="report-section-budget"')


def test_the_word_file_has_the_heading_totals_and_both_tables(reader_client, december, recorded):
    text = paper_word_text(reader_client, december)

    assert in_order(
        text,
        [
            "Partner contributions and spend",
            "Pooled budget (agreed by the partners): £41,500.00",
            "Balance (paid in less spent): -£21,250.00",
            "Contributions by agency",
            "Agency | Agreed | Paid so far | Outstanding | Given in kind | Estimated value in kind",
            "Police | £41,500.00 | £20,000.00 | £21,500.00 |  | ",
            "Schools | £0.00 | £0.00 | £0.00 | A training room. | £3,200.00",
            "Total | £41,500.00 | £20,000.00 | £21,500.00 |  | £3,200.00",
            "Spend by heading",
            "Case reviews | £35,000.00 | £41,250.00 | -£6,250.00",
            "Total | £35,000.00 | £41,250.00 | -£6,250.00",
        ],
    )


def test_the_pdf_has_the_heading_totals_and_both_tables_last(reader_client, december, recorded, tmp_path):
    text = paper_pdf_text(reader_client, december, tmp_path)

    assert in_order(
        text,
        [
            "Partner contributions and spend",
            "Figures as recorded on",
            "Pooled budget (agreed by the partners): £41,500.00",
            "Balance (paid in less spent): -£21,250.00",
            "Contributions by agency",
            "Police",
            "£41,500.00",
            "Schools",
            "A training room.",
            "£3,200.00",
            "Spend by heading",
            "Case reviews",
            "-£6,250.00",
        ],
    )


def test_the_word_file_leaves_the_section_out_when_nothing_is_recorded(reader_client, december):
    assert "Partner contributions and spend" not in paper_word_text(reader_client, december)
