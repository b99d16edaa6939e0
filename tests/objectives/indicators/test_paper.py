"""The committee paper prints each objective's indicators under it, as at the round's as-of date: on the page, in
the PDF and in the Word file."""

import shutil
import subprocess
from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document

from core.models import RatingScale
from objectives.models import Indicator, IndicatorValue
from objectives.paper.build import build_paper
from objectives.paper.pdf import render_pdf
from objectives.paper.snapshot import from_snapshot, to_snapshot
from objectives.paper.word import render_word
from objectives.views.report import report_round
from tests.factories import (
    ActionFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    ObjectiveFactory,
    ProgressRoundFactory,
)

pytestmark = pytest.mark.django_db

TREND = "199 (2010) → 409 (2011) → 413 (to September 2012)"


@pytest.fixture
def objective():
    return ObjectiveFactory(ref="1.1", title="Show how early help improves children's lives")


@pytest.fixture
def progress_round(objective):
    return ProgressRoundFactory(plan=objective.plan, as_of=date(2025, 12, 31))


@pytest.fixture
def early_help(objective):
    indicator = IndicatorFactory(
        plan=objective.plan,
        name="Early help assessments started by partners",
        objectives=[objective],
        target=450,
        thresholds={"green": "450", "amber": "400", "red": "0"},
    )
    for period_end, period, number in (
        (date(2010, 12, 31), IndicatorValue.Period.YEAR, 199),
        (date(2011, 12, 31), IndicatorValue.Period.YEAR, 409),
        (date(2012, 9, 30), IndicatorValue.Period.PART_YEAR, 413),
        # After the round's as-of date: never printed.
        (date(2026, 3, 31), IndicatorValue.Period.QUARTER, 9876),
    ):
        IndicatorValueFactory(indicator=indicator, period_end=period_end, period=period, value=number)
    return indicator


def _paper(progress_round):
    return build_paper(progress_round=report_round(progress_round.plan_id, progress_round.pk), author="")


def test_the_paper_puts_the_indicator_under_its_objective_as_at_the_as_of_date(progress_round, early_help):
    paper = _paper(progress_round)

    (shown,) = paper.aims[0].objectives[0].indicators
    assert shown.name == "Early help assessments started by partners"
    assert shown.latest_words == "413 (to September 2012)"
    assert shown.target == "450"
    assert shown.rating_label == "Amber"
    assert shown.direction == "improving"
    assert shown.trend_words == TREND


def test_a_published_paper_keeps_its_indicators(progress_round, early_help):
    paper = _paper(progress_round)

    assert from_snapshot(to_snapshot(paper)) == paper


def test_an_indicator_of_a_plan_with_no_scale_has_no_rating_column(progress_round, early_help, client, board_manager):
    plan = progress_round.plan
    plan.rating_scale = RatingScale.objects.get(name="none")
    plan.save()
    Indicator.objects.filter(pk=early_help.pk).update(thresholds={})
    client.force_login(board_manager)

    html = client.get(reverse("objectives:report", args=[plan.pk, progress_round.pk])).content.decode()

    assert '<th scope="col">Rating</th>' not in html
    assert TREND in html


def test_the_report_page_shows_the_indicator_and_a_drawn_trend_with_its_values_in_words(
    manager_client, progress_round, early_help
):
    response = manager_client.get(reverse("objectives:report", args=[progress_round.plan_id, progress_round.pk]))

    html = response.content.decode()
    assert "<caption>Indicators for Obj 1.1</caption>" in html
    assert "Early help assessments started by partners" in html
    assert TREND in html
    assert '<svg class="report-sparkline"' in html
    assert "9876" not in html
    assert "style=" not in html.split('<article class="report-paper">')[1]


def test_the_pdf_prints_the_indicator_and_its_trend_up_to_the_as_of_date(progress_round, early_help, tmp_path):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is needed to read the PDF back")
    path = tmp_path / "paper.pdf"
    path.write_bytes(render_pdf(_paper(progress_round)))

    text = " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout.split())

    assert "Early help assessments started by partners" in text
    assert "413 (to September 2012)" in text
    assert "199 (2010)" in text
    assert "9876" not in text


def test_the_word_file_gives_the_trend_in_words(progress_round, early_help):
    document = Document(BytesIO(render_word(_paper(progress_round))))

    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Early help assessments started by partners" in cells
    assert TREND in cells
    assert "Improving" in cells
    assert "Indicators for Obj 1.1" in [paragraph.text for paragraph in document.paragraphs]
    assert not any("9876" in cell for cell in cells)


@pytest.mark.parametrize("count", [1, 6])
def test_the_paper_takes_one_query_for_indicators_however_many(
    objective, progress_round, count, django_assert_num_queries
):
    other = ObjectiveFactory(aim=objective.aim)
    ActionFactory(objective=objective)
    for number in range(count):
        indicator = IndicatorFactory(plan=objective.plan, objectives=[objective, other])
        for month in (3, 6, 9, 12):
            IndicatorValueFactory(indicator=indicator, period_end=date(2025, month, 28), value=number + month)
    progress_round = report_round(progress_round.plan_id, progress_round.pk)

    # aims, objectives, actions, their lead agencies, updates, the indicators with their objectives and values,
    # the previous publication, the open case reviews, the CDOP years, the round's chosen training start, the
    # training courses, the recorded training figures, and the round's covering report (none here)
    # and five for the Assurance section: the previous round's date, the Section 11 cycle, the case
    # audits, and the register's case review and other recommendations (none, so nothing more of theirs)
    # and two for the budget section: the plan's partner contributions with their agencies, and its
    # spend lines (none here, so the section is left out)
    with django_assert_num_queries(20):
        paper = build_paper(progress_round=progress_round, author="")

    assert [len(item.indicators) for item in paper.aims[0].objectives] == [count, count]
    assert all(len(shown.points) == 4 for shown in paper.aims[0].objectives[0].indicators)
