"""The committee paper in each plan's shape, names, columns and rating scale: the page, the PDF and the Word file."""

import re
from datetime import date

import pytest
from django.urls import reverse

from core.models import RatingScale
from objectives.models import ProgressUpdate, implicit_aim
from tests.factories import (
    ActionFactory,
    AgencyFactory,
    AimFactory,
    BusinessPlanFactory,
    ObjectiveFactory,
    ProgressRoundFactory,
    ProgressUpdateFactory,
)
from tests.objectives.paper_reading import (
    after,
    in_order,
    paper_page,
    paper_pdf_text,
    paper_word,
    plan_tables,
    without_glance,
)

pytestmark = pytest.mark.django_db

ALL_COLUMNS = ["ref", "action", "lead", "target", "success_measure", "progress", "rating"]
FOUR_POINT_LABELS = [
    "1 Achieved (fully)",
    "2 On track but not yet due for completion",
    "3 Slipped",
    "4 Not achieved",
]


def _scale(name: str) -> RatingScale:
    return RatingScale.objects.get(name=name)


@pytest.fixture
def two_level():
    """Priorities 1a and 1b, each with actions 10, 2 and 1 (typed in that order), every column chosen."""
    plan = BusinessPlanFactory(
        title="Business plan 2012/13",
        shape="two-level",
        aim_name="Priority",
        report_columns=ALL_COLUMNS,
        progress_heading="Progress presented to Committee <Mon YYYY>",
    )
    progress_round = ProgressRoundFactory(plan=plan, as_of=date(2025, 12, 31))
    first = AimFactory(plan=plan, number="1b", title="Neglect")
    second = AimFactory(plan=plan, number="1a", title="Early Help and Prevention", strategic_lead="Chair of LSCB")
    for aim in (first, second):
        objective = aim.implicit_objective()
        for ref in ("10", "2", "1"):
            action = ActionFactory(
                objective=objective,
                ref=ref,
                text=f"Action {aim.number}/{ref}",
                timescale="Training programme to run across financial year 2012/13",
                success_measure=f"Measured {aim.number}/{ref}",
            )
            ProgressUpdateFactory(action=action, round=progress_round, progress=f"Progress {aim.number}/{ref}")
    slipped = objective.actions.get(ref="2")
    slipped.target_on, slipped.target_is_month = date(2026, 3, 31), True
    slipped.revise_target(date(2026, 4, 30), is_month=True)
    slipped.revise_target(date(2026, 6, 30), is_month=True)
    slipped.save()
    return progress_round


@pytest.fixture
def flat_list():
    """Recommendations 1 to 5 on the council's four-point scale; number 4 reported without a rating."""
    plan = BusinessPlanFactory(
        title="Scrutiny review", shape="list", action_name="Recommendation", rating_scale=_scale("four-point")
    )
    progress_round = ProgressRoundFactory(plan=plan, as_of=date(2025, 12, 31))
    objective = implicit_aim(plan).implicit_objective()
    ratings = {"1": "1", "2": "3", "3": "2", "4": "", "5": "4"}
    for ref in ("5", "4", "3", "2", "1"):
        action = ActionFactory(
            objective=objective,
            ref=ref,
            text=f"Recommendation text {ref}",
            responsibility="Chair / DCS",
            timescale="To be confirmed in Children and Social Work Act",
            success_measure=f"Presented to Committee {ref}",
        )
        ProgressUpdateFactory(action=action, round=progress_round, rag=ratings[ref], progress=f"Progress {ref}")
    return progress_round


@pytest.fixture
def tree():
    """A tree plan on RAG whose board gave no ratings, with actions 1.1.1, 1.1.2 and 1.1.10."""
    plan = BusinessPlanFactory(title="2025/26")
    progress_round = ProgressRoundFactory(plan=plan, as_of=date(2025, 12, 31))
    objective = ObjectiveFactory(aim=AimFactory(plan=plan, number="1", title="Keep children safe"), ref="1.1")
    for number in (10, 2, 1):
        action = ActionFactory(objective=objective, ref=f"1.1.{number}", text=f"Tree action {number}")
        ProgressUpdateFactory(action=action, round=progress_round, rag="", progress=f"Tree progress {number}")
    return progress_round


# A plan of two levels: priorities and their actions


def test_two_level_page_prints_each_priority_in_its_name_with_its_actions_straight_under_it(manager_client, two_level):
    html = without_glance(paper_page(manager_client, two_level))

    assert '<h2 id="report-aim-1a">Priority 1a: Early Help and Prevention</h2>' in html
    assert "Strategic lead: Chair of LSCB" in html
    assert in_order(html, ["Priority 1a:", "Priority 1b:"])
    assert in_order(html, [">Action 1a/1<", ">Action 1a/2<", ">Action 1a/10<", "Priority 1b"])
    assert '<td class="report-ref">1</td>' in html
    assert "report-objective-row" not in html
    assert "Obj " not in html


def test_two_level_page_shows_every_chosen_column_with_the_plans_heading(manager_client, two_level):
    html = without_glance(paper_page(manager_client, two_level))

    headings = re.findall(r'<th scope="col">(.*?)</th>', html)
    assert headings[:7] == [
        "Ref",
        "Action",
        "Responsibility or lead",
        "Target",
        "Success measure",
        "Progress presented to Committee Dec 2025",
        "Rating",
    ]
    assert '<td class="report-success-measure"><div class="progress-text"><p>Measured 1a/2</p></div></td>' in html
    assert "Success measure:" not in html
    assert (
        '<td class="report-target">June 2026 (originally March 2026; slipped twice) – '
        "Training programme to run across financial year 2012/13</td>"
    ) in html
    assert '<td class="report-lead"><p>None named</p></td>' in html


def test_two_level_pdf_has_the_priorities_refs_heading_and_slipped_target(manager_client, two_level, tmp_path):
    text = paper_pdf_text(manager_client, two_level, tmp_path)

    assert in_order(text, ["Priority 1a: Early Help and Prevention", "Strategic lead: Chair of LSCB"])
    plan_table = after(text, "Strategic lead: Chair of LSCB")
    assert in_order(plan_table, ["Action 1a/1", "Action 1a/2", "Action 1a/10", "Priority 1b: Neglect"])
    assert "Progress presented to Committee Dec 2025" in text
    assert "(originally March 2026; slipped twice)" in text
    assert "Obj " not in text


def test_two_level_word_file_has_the_priorities_columns_and_refs(manager_client, two_level):
    paragraphs, tables = paper_word(manager_client, two_level)

    assert in_order("\n".join(paragraphs), ["Priority 1a: Early Help and Prevention", "Strategic lead: Chair of LSCB"])
    first = plan_tables(tables)[0]
    assert first[0] == [
        "Ref",
        "Action",
        "Responsibility or lead",
        "Target",
        "Success measure",
        "Progress presented to Committee Dec 2025",
        "Rating",
    ]
    assert [row[0] for row in first[1:]] == ["1", "2", "10"]
    assert first[2][3] == (
        "June 2026 (originally March 2026; slipped twice) – Training programme to run across financial year 2012/13"
    )
    assert first[2][4] == "Measured 1a/2"
    assert first[2][2] == "None named"


# A flat list of recommendations on the four-point scale


def test_list_page_prints_one_table_of_recommendations_on_the_four_point_scale(manager_client, flat_list):
    html = without_glance(paper_page(manager_client, flat_list))

    assert "<h2" not in html
    assert html.count('<table class="report-table') == 1
    assert '<th scope="col">Recommendation</th>' in html
    assert in_order(html, [f">Recommendation text {ref}<" for ref in ("1", "2", "3", "4", "5")])
    assert '<p class="report-label">Rating key</p>' in html
    assert in_order(html, FOUR_POINT_LABELS)
    assert '<td class="report-rating"><span class="rag rag-four-point--3">3 Slipped</span></td>' in html
    # Recommendation 4 was reported without a rating: its rating cell is empty.
    assert html.count('<td class="report-rating"></td>') == 1
    assert "Not started" not in html


def test_list_page_prints_the_success_measure_under_the_recommendation_without_its_column(manager_client, flat_list):
    html = paper_page(manager_client, flat_list)

    assert "<span>Success measure: Presented to Committee 3</span>" in html
    assert '<th scope="col">Success measure</th>' not in html
    assert '<td class="report-lead"><p>Chair / DCS</p></td>' in html
    assert '<td class="report-target">To be confirmed in Children and Social Work Act</td>' in html


def test_list_page_gets_the_scales_colours_in_its_own_style(manager_client, flat_list):
    response = manager_client.get(reverse("objectives:report", args=[flat_list.plan_id, flat_list.pk]))

    assert ".rag.rag-four-point--1 { background: #1D70B8; color: #FFFFFF; }" in response.content.decode()


def test_list_pdf_has_the_recommendations_in_order_and_the_four_point_key(manager_client, flat_list, tmp_path):
    text = paper_pdf_text(manager_client, flat_list, tmp_path)

    assert in_order(text, ["Rating key", *FOUR_POINT_LABELS])
    plan_table = after(text, "Responsibility or lead Target")
    assert in_order(plan_table, [f"Recommendation text {ref}" for ref in ("1", "2", "3", "4", "5")])
    assert "Success measure: Presented to Committee 1" in text
    assert "Aim 1" not in text
    assert "Not started" not in text


def test_list_word_file_has_one_table_and_the_four_point_key(manager_client, flat_list):
    paragraphs, tables = paper_word(manager_client, flat_list)

    assert in_order("\n".join(paragraphs), ["Rating key", *FOUR_POINT_LABELS])
    assert not any(text.startswith("Aim ") for text in paragraphs)
    (table,) = plan_tables(tables)
    assert table[0][:2] == ["Ref", "Recommendation"]
    assert [row[0] for row in table[1:]] == ["1", "2", "3", "4", "5"]
    assert [row[-1].strip() for row in table[1:]] == [
        FOUR_POINT_LABELS[0],
        FOUR_POINT_LABELS[2],
        FOUR_POINT_LABELS[1],
        "",
        FOUR_POINT_LABELS[3],
    ]
    assert "Success measure: Presented to Committee 1" in table[1][1]


# A tree plan, with blank ratings, on no scale, and with chosen columns


def test_tree_page_prints_aims_and_objectives_and_nothing_for_a_blank_rating(manager_client, tree):
    html = paper_page(manager_client, tree)

    assert '<h2 id="report-aim-1">Aim 1: Keep children safe</h2>' in html
    assert '<td id="report-objective-1.1-ref">Obj 1.1</td>' in html
    assert in_order(html, [">1.1.1<", ">1.1.2<", ">1.1.10<"])
    assert html.count('<td class="report-rating"></td>') == 3
    # No row has a badge, so there is no key either: "Not started" is printed nowhere.
    assert "Not started" not in html
    assert "RAG key" not in html


def test_tree_pdf_and_word_print_no_rating_where_none_was_given(manager_client, tree, tmp_path):
    text = paper_pdf_text(manager_client, tree, tmp_path)
    paragraphs, tables = paper_word(manager_client, tree)

    assert in_order(text, ["Aim 1: Keep children safe", "Obj 1.1", "Tree action 1", "Tree action 2", "Tree action 10"])
    assert "Not started" not in text
    assert "RAG key" not in paragraphs
    table = plan_tables(tables)[0]
    assert [row[0] for row in table[2:]] == ["1.1.1", "1.1.2", "1.1.10"]
    assert [row[-1] for row in table[2:]] == ["", "", ""]


def test_a_plan_on_no_scale_prints_no_rating_column_and_no_key(manager_client, tree, tmp_path):
    plan = tree.plan
    plan.rating_scale = _scale("none")
    plan.save()

    html = paper_page(manager_client, tree)
    text = paper_pdf_text(manager_client, tree, tmp_path)
    paragraphs, tables = paper_word(manager_client, tree)

    for shown in (html, text, "\n".join(paragraphs)):
        assert "key" not in shown.lower()
    assert "report-rating" not in html
    assert '<th scope="col">Rating</th>' not in html
    assert "Rating" not in plan_tables(tables)[0][1]


def test_only_the_chosen_columns_are_printed(manager_client, tree):
    plan = tree.plan
    plan.report_columns = ["ref", "action", "progress"]
    plan.save()

    html = without_glance(paper_page(manager_client, tree))
    paragraphs, tables = paper_word(manager_client, tree)

    assert re.findall(r'<th scope="col">(.*?)</th>', html) == ["Ref", "Action", "Progress report December 2025"]
    assert plan_tables(tables)[0][1] == ["Ref", "Action", "Progress report December 2025"]
    assert "Lead: none named" in html


def test_the_lead_column_names_the_responsibility_agencies_and_lead_officer(manager_client, tree):
    action = tree.plan.actions.get(ref="1.1.1")
    action.responsibility = "Training Sub-Group"
    action.lead_officer = "Sam Okafor"
    action.save()
    # No short names, so listed by name as agencies are; the factory's short names would put "AG10" before "AG9".
    kent_police, nhs_kent = (
        AgencyFactory(name="Kent Police", short_name=""),
        AgencyFactory(name="NHS Kent", short_name=""),
    )
    action.lead_agencies.set([kent_police, nhs_kent])

    html = paper_page(manager_client, tree)

    assert (
        '<td class="report-lead"><p>Training Sub-Group</p><p>Kent Police, NHS Kent</p>'
        "<p>Lead officer: Sam Okafor</p></td>"
    ) in html


def test_an_action_with_no_update_shows_no_update_in_words(manager_client, tree):
    ProgressUpdate.objects.filter(action__ref="1.1.2").delete()

    html = paper_page(manager_client, tree)

    assert '<td class="report-rating"><span class="rag rag-none">No update</span></td>' in html


@pytest.mark.parametrize("count", [3, 12])
def test_a_list_plans_report_page_takes_the_same_queries_whatever_its_length(
    manager_client, count, django_assert_num_queries
):
    plan = BusinessPlanFactory(shape="list", action_name="Recommendation", rating_scale=_scale("four-point"))
    progress_round = ProgressRoundFactory(plan=plan, as_of=date(2025, 12, 31))
    objective = implicit_aim(plan).implicit_objective()
    for number in range(1, count + 1):
        action = ActionFactory(objective=objective, ref=str(number), lead_agencies=[AgencyFactory()])
        ProgressUpdateFactory(action=action, round=progress_round, rag=str(number % 4 + 1))

    # As a tree plan's page: session, user, permissions (own and groups'), the round with its plan and scale, the
    # scale's levels, aims, objectives, actions, lead agencies, updates, the latest publication, the open case
    # reviews, the CDOP years, the round's chosen training start, the training courses and the recorded training
    # figures; the implicit levels cost what a tree's levels cost
    # and one for the round's covering report (none here), and one for the plan's indicators with their values
    # and five for the Assurance section: the previous round's date, the Section 11 cycle, the case
    # audits, and the register's case review and other recommendations (none, so nothing more of theirs)
    # and two for the budget section: the plan's partner contributions with their agencies, and its
    # spend lines (none here, so the section is left out)
    with django_assert_num_queries(25):
        response = manager_client.get(reverse("objectives:report", args=[plan.pk, progress_round.pk]))

    assert response.content.decode().count('<td class="report-ref">') == count
