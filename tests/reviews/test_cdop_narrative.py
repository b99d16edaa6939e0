"""A CDOP year with only the panel's narrative, or only some figures: unknown is not zero, on the pages and paper."""

from datetime import date
from html import unescape
from http import HTTPStatus

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from objectives.models import BusinessPlan
from objectives.paper.build import build_paper
from objectives.paper.files import FILE_FORMATS
from objectives.paper.snapshot import from_snapshot, to_snapshot
from reviews.models import CdopCategory, CdopFigure, CdopYear
from reviews.paper import cdop as cdop_paper
from reviews.paper import word as cdop_word
from tests import board_2012
from tests.factories import ProgressRoundFactory
from tests.objectives.paper_reading import paper_page, paper_pdf_text, paper_word, paper_word_text
from tests.page_text import text_of
from tests.reviews.factories import CdopYearFactory

# The 2012/13 plan and its December 2012 round, as fixtures of this module.
plan, december = board_2012.plan, board_2012.december

pytestmark = pytest.mark.django_db

NARRATIVE = (
    "The panel met six times and reviewed every death within six months of it being notified.\n\n"
    "- Learning about co-sleeping changed the health visitors' new birth visit.\n"
    "- Emergency departments now tell the panel's manager of a death the next working day."
)


@pytest.fixture
def narrative_year():
    """2011/12 as the committee saw it: the panel's narrative and main messages, no figures at all."""
    return CdopYearFactory(
        title="2011/12",
        ends_on=date(2012, 3, 31),
        deaths_reviewed=None,
        with_modifiable_factors=None,
        summary="Reviews were timely.",
        narrative=NARRATIVE,
    )


def blank_form(**changes) -> dict:
    data = {"title": "2011/12", "ends_on": "2012-03-31", "deaths_reviewed": "", "with_modifiable_factors": ""}
    data |= {"summary": "", "narrative": NARRATIVE, "version": ""}
    data |= {f"category_{category.pk}": "" for category in CdopCategory.objects.all()}
    return data | changes


# Saving


def test_a_year_with_only_the_narrative_saves_with_no_figures(manager_client):
    response = manager_client.post(reverse("reviews:cdop_create"), blank_form())

    year = CdopYear.objects.get()
    assert response.status_code == HTTPStatus.FOUND
    assert (year.deaths_reviewed, year.with_modifiable_factors, year.narrative) == (None, None, NARRATIVE)
    assert not CdopFigure.objects.exists()


def test_a_zero_typed_is_kept_as_zero_and_a_blank_as_not_recorded(manager_client):
    manager_client.post(reverse("reviews:cdop_create"), blank_form(deaths_reviewed="0"))

    year = CdopYear.objects.get()
    assert (year.deaths_reviewed, year.with_modifiable_factors) == (0, None)


def test_clearing_a_category_on_edit_removes_its_figure_and_the_history_says_so(manager_client, narrative_year):
    first = CdopCategory.objects.order_by("position").first()
    CdopFigure.objects.create(year=narrative_year, category=first, deaths=3)

    response = manager_client.post(
        reverse("reviews:cdop_update", args=[narrative_year.pk]), blank_form(version=narrative_year.version)
    )

    assert response.status_code == HTTPStatus.FOUND
    assert not CdopFigure.objects.exists()
    assert CdopFigure.history.filter(category_id=first.pk).latest("history_date").history_type == "-"


def test_categories_are_not_limited_by_deaths_reviewed_not_recorded(manager_client):
    first = CdopCategory.objects.order_by("position").first()

    manager_client.post(reverse("reviews:cdop_create"), blank_form(**{f"category_{first.pk}": "4"}))

    assert CdopFigure.objects.get(category=first).deaths == 4


def test_modifiable_factors_without_deaths_reviewed_are_valid_in_clean_and_the_database():
    year = CdopYear(title="2011/12", ends_on=date(2012, 3, 31), deaths_reviewed=None, with_modifiable_factors=5)

    year.full_clean()
    year.save()

    assert CdopYear.objects.get().with_modifiable_factors == 5


def test_the_database_still_refuses_more_modifiable_than_reviewed_when_both_are_known():
    year = CdopYearFactory.build(deaths_reviewed=2, with_modifiable_factors=3)

    with pytest.raises(IntegrityError), transaction.atomic():
        year.save()


# The year's pages


def test_detail_says_not_recorded_rather_than_zero(reader_client, narrative_year):
    content = text_of(reader_client.get(narrative_year.get_absolute_url()))

    assert "<dt>Deaths reviewed</dt><dd>Not recorded</dd>" in content
    assert "<dt>Reviews finding modifiable factors</dt><dd>Not recorded</dd>" in content
    assert "<p>Deaths by category: not recorded.</p>" in content
    assert "<caption>Deaths reviewed by category</caption>" not in content
    assert "Learning about co-sleeping changed the health visitors' new birth visit." in content


def test_detail_shows_a_zero_as_zero(reader_client):
    year = CdopYearFactory(deaths_reviewed=0, with_modifiable_factors=0)

    content = text_of(reader_client.get(year.get_absolute_url()))

    assert "<dt>Deaths reviewed</dt><dd>0</dd>" in content
    assert "<dt>Reviews finding modifiable factors</dt><dd>0</dd>" in content


def test_list_says_not_recorded_for_a_narrative_only_year(reader_client, narrative_year):
    content = text_of(reader_client.get(reverse("reviews:cdop_list")))

    assert content.count("Not recorded") == 2


# The paper's section


def test_paper_data_holds_none_for_figures_not_recorded_and_no_categories(december, narrative_year):
    year = cdop_paper.build_cdop(plan=december.plan, progress_round=december).data["year"]

    assert (year["deaths_reviewed"], year["with_modifiable_factors"], year["modifiable_share"]) == (None, None, "")
    assert year["categories"] == []
    assert year["narrative"] == NARRATIVE


def test_a_category_not_counted_in_a_year_that_counts_others_is_none_not_zero(december, narrative_year):
    first, second, *_ = CdopCategory.objects.filter(is_active=True).order_by("position", "name")
    CdopFigure.objects.create(year=narrative_year, category=first, deaths=0)

    categories = cdop_paper.build_cdop(plan=december.plan, progress_round=december).data["year"]["categories"]

    assert categories[:2] == [{"name": first.name, "deaths": 0}, {"name": second.name, "deaths": None}]
    assert cdop_word.category_rows({"categories": categories})[:2] == [[first.name, "0"], [second.name, "Not recorded"]]


def test_the_page_says_not_recorded_for_a_category_the_year_did_not_count(manager_client, december, narrative_year):
    first, second, *_ = CdopCategory.objects.filter(is_active=True).order_by("position", "name")
    CdopFigure.objects.create(year=narrative_year, category=first, deaths=0)

    html = " ".join(paper_page(manager_client, december).split())

    assert "<h3>Figures for 2011/12</h3>" in html
    assert f'<th scope="row">{first.name}</th> <td>0</td>' in html
    assert f'<th scope="row">{second.name}</th> <td>Not recorded</td>' in html
    assert "(year ending 31 March 2012)" not in html


def test_the_share_needs_both_figures(december):
    CdopYearFactory(title="2011/12", ends_on=date(2012, 3, 31), deaths_reviewed=None, with_modifiable_factors=4)

    year = cdop_paper.build_cdop(plan=december.plan, progress_round=december).data["year"]

    assert year["modifiable_share"] == ""
    assert cdop_word.figure_rows(year) == [["With modifiable factors", "4"]]


def test_narrative_only_year_prints_on_the_page_without_figures(manager_client, december, narrative_year):
    html = paper_page(manager_client, december)
    cdop = html[html.index('id="report-section-cdop"') :]

    assert "<h3>The panel's report for 2011/12</h3>" in cdop
    assert "Figures for" not in cdop
    assert "Deaths reviewed" not in cdop
    assert "<li>Learning about co-sleeping changed the health visitors' new birth visit.</li>" in unescape(cdop)
    assert "Reviews were timely." in cdop


def test_narrative_only_year_prints_in_the_word_file(manager_client, december, narrative_year):
    paragraphs, tables = paper_word(manager_client, december)

    assert "The panel's report for 2011/12" in paragraphs
    assert "The panel met six times and reviewed every death within six months of it being notified." in paragraphs
    assert "Emergency departments now tell the panel's manager of a death the next working day." in paragraphs
    assert not [table for table in tables if table[0] in (["Figure", "Number"], ["Category", "Deaths"])]


def test_narrative_only_year_prints_in_the_pdf(manager_client, december, narrative_year, tmp_path):
    text = paper_pdf_text(manager_client, december, tmp_path)

    assert "The panel's report for 2011/12" in text
    assert "Learning about co-sleeping changed the health visitors' new birth visit." in text
    assert "Deaths reviewed" not in text


def test_the_year_printed_is_the_one_over_by_the_rounds_date(manager_client, plan, december, narrative_year):
    CdopYearFactory(title="2012/13", ends_on=date(2013, 3, 31), deaths_reviewed=25, with_modifiable_factors=5)
    march = ProgressRoundFactory(plan=plan, as_of=date(2013, 3, 31), deadline=date(2013, 3, 12))

    in_december = paper_word_text(manager_client, december)
    in_march = paper_word_text(manager_client, march)

    assert "The panel's report for 2011/12" in in_december
    assert "Deaths reviewed | 25" not in in_december
    assert "Figures for 2012/13" in in_march
    assert "Deaths reviewed | 25" in in_march


# Publications from before figures were optional

OLD_YEAR = {
    "title": "2010/11",
    "ends": "31 March 2011",
    "deaths_reviewed": 30,
    "with_modifiable_factors": 9,
    "modifiable_share": "30%",
    "summary": "Unsafe sleeping remains the most common modifiable factor.",
    "categories": [{"name": "Infection", "deaths": 4}, {"name": "Malignancy", "deaths": 0}],
}


def test_a_snapshot_stored_before_figures_were_optional_still_renders(december, narrative_year):
    snapshot = to_snapshot(build_paper(progress_round=december, author=""))
    section = next(section for section in snapshot["sections"] if section["kind"] == "cdop")
    section["data"]["year"] = OLD_YEAR
    paper = from_snapshot(snapshot)

    html = " ".join(FILE_FORMATS["html"].render(paper).decode().split())
    document = FILE_FORMATS["docx"].render(paper)

    assert '<th scope="row">Deaths reviewed</th> <td>30</td>' in html
    assert '<th scope="row">Malignancy</th> <td>0</td>' in html
    assert "The panel's report" not in html
    assert document.startswith(b"PK")
    assert cdop_word.category_rows(OLD_YEAR) == [["Infection", "4"], ["Malignancy", "0"]]
    assert FILE_FORMATS["pdf"].render(paper).startswith(b"%PDF")


# Queries


@pytest.mark.parametrize("count", [1, 3])
def test_cdop_section_of_a_narrative_only_year_takes_five_queries(plan, december, count, django_assert_num_queries):
    for number in range(count):
        CdopYearFactory(title=f"20{10 - number:02d}/{11 - number:02d}", ends_on=date(2011 - number, 3, 31))
    CdopYearFactory(title="2011/12", ends_on=date(2012, 3, 31), deaths_reviewed=None, with_modifiable_factors=None)

    plan = BusinessPlan.objects.with_scale().get(pk=plan.pk)
    # the years, the chosen year's categories with their deaths, the plan's CDOP actions, their lead agencies,
    # their updates
    with django_assert_num_queries(5):
        section = cdop_paper.build_cdop(plan=plan, progress_round=december)

    assert section.data["year"]["categories"] == []
