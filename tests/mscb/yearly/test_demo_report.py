"""The demo year's yearly report: every section in the registry's order, with figures that agree with the
dashboard's own selectors for the same plan and round."""

import pytest
from django.urls import reverse

from mscb.dashboard.figures import build_dashboard
from mscb.dashboard.movement import Movement, movement
from mscb.dashboard.selectors import Choice, dashboard_plans
from mscb.models import YearlyNarrative, YearlyReport
from mscb.yearly.registry import sections
from mscb.yearly.rendering import pdf_data, render_pdf
from mscb.yearly.sections.priorities import MOVEMENT_WORDS
from mscb.yearly.selectors import report_sections
from objectives.models import Action
from tests.mscb.demo_loaded import MAIN_PLAN

from .pdf_reading import saved, structure_of, text_of


@pytest.fixture
def demo_report(demo_output):
    return YearlyReport.objects.select_related("plan").get(plan__title=MAIN_PLAN)


@pytest.fixture
def dashboard(demo_report, reader):
    plan = next(plan for plan in dashboard_plans() if plan.pk == demo_report.plan_id)
    return build_dashboard(reader, Choice(plan, list(plan.rounds.all())[-1]))


def test_the_demo_report_has_every_section_in_order_and_three_narratives(demo_report):
    # PostgreSQL's jsonb keeps no key order: the order is the registry's, which report_sections follows.
    assert set(demo_report.figures) == {section.key for section in sections()}
    assert [entry.section.key for entry in report_sections(demo_report)] == [section.key for section in sections()]
    assert all(entry.figures for entry in report_sections(demo_report)[:4])
    assert set(YearlyNarrative.objects.filter(report=demo_report).values_list("section", flat=True)) == {
        "partners",
        "priorities",
        "little-progress",
    }


def test_the_partners_figures_agree_with_the_dashboard(demo_report, dashboard):
    partners = demo_report.figures["partners"]

    assert partners["action_count"] == dashboard.action_count
    # The dashboard's agency lines count each lead agency's actions, then the total.
    assert {line["name"]: line["led"] for line in partners["agencies"]} == {
        line.name: line.total for line in dashboard.agency_lines if line.kind == "agency"
    }
    assert (
        partners["total"]["completed"]
        == Action.objects.filter(plan=demo_report.plan, objective__isnull=False, status=Action.Status.COMPLETED)
        .not_hidden()
        .count()
    )
    assert [one["label"] for one in partners["rounds"]] == [one.label for one in dashboard.choice.rounds]


def test_the_priorities_ratings_in_the_latest_round_agree_with_the_dashboards_counts(demo_report, dashboard):
    priorities = demo_report.figures["priorities"]
    latest = [
        row["ratings"][-1]
        for aim in priorities["aims"]
        for objective in aim["objectives"]
        for row in objective["actions"]
    ]
    counted = {
        column.label: count for column, count in zip(dashboard.columns, dashboard.rating_lines[-1].counts, strict=True)
    }

    assert {label: latest.count(label) for label in counted} == counted
    assert len(latest) == dashboard.rating_lines[-1].total


def test_the_priorities_movement_is_the_dashboards_rule_from_the_first_round_to_the_last(demo_report, dashboard):
    scale = demo_report.plan.scale
    rounds = dashboard.choice.rounds
    rows = {
        row["ref"]: row["movement"]
        for aim in demo_report.figures["priorities"]["aims"]
        for objective in aim["objectives"]
        for row in objective["actions"]
    }
    labels = {level.label: level.value for level in scale.levels}
    for aim in demo_report.figures["priorities"]["aims"]:
        for objective in aim["objectives"]:
            for row in objective["actions"]:
                first, last = labels.get(row["ratings"][0]), labels.get(row["ratings"][-1])
                assert rows[row["ref"]] == MOVEMENT_WORDS[movement(scale, first, last)]
    assert len(rounds) > 1
    assert set(rows.values()) & {MOVEMENT_WORDS[Movement.IMPROVED], MOVEMENT_WORDS[Movement.WORSE]}


def test_the_demo_report_page_shows_the_sections_and_narratives(demo_report, client, reader):
    client.force_login(reader)

    page = client.get(reverse("yearly:report_detail", args=[demo_report.plan_id])).content.decode()

    for section in sections():
        assert section.title in page
    assert "Every statutory partner led at least one action this year" in page


def test_the_demo_reports_pdf_prints_every_sections_subheadings_and_tables(demo_report, tmp_path):
    data = pdf_data(demo_report)
    blocks = [block for section in data["sections"] for block in section["blocks"]]
    path = saved(render_pdf(demo_report), tmp_path)
    text = text_of(path)
    structure = structure_of(path)

    # The demo has figures in every section, so each kind of block and the sections' own tables are laid out.
    assert {block["kind"] for block in blocks} == {"heading", "paragraph", "bullets", "table"}
    assert all(f'H3 "{block["text"]}" (block)' in structure for block in blocks if block["kind"] == "heading")
    assert all(block["caption"] in text for block in blocks if block["kind"] == "table")
    assert structure.count("Table (block):") == sum(block["kind"] == "table" for block in blocks)
    assert "Every statutory partner led at least one action this year" in text
