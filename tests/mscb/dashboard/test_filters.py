"""The filters: plan, round and lead agency, their defaults, and what a wrong choice gets (a message, never a 500)."""

from datetime import date
from http import HTTPStatus

import pytest

from tests.factories import BusinessPlanFactory, ProgressRoundFactory

from .conftest import lines_of


def test_with_no_choice_the_page_shows_the_latest_starting_plan_with_rounds_at_its_latest_round(
    reader_client, world, dashboard_url
):
    # A later plan with no round yet is not the current one for the dashboard.
    BusinessPlanFactory(title="2026/27", starts_on=date(2026, 4, 1), ends_on=date(2027, 3, 31))
    older = BusinessPlanFactory(title="2024/25", starts_on=date(2024, 4, 1), ends_on=date(2025, 3, 31))
    ProgressRoundFactory(plan=older, as_of=date(2025, 3, 31), deadline=None)

    choice = reader_client.get(dashboard_url).context["dashboard"].choice

    assert (choice.plan, choice.progress_round, choice.agency) == (world.plan, world.december, None)


def test_choosing_an_agency_narrows_every_table_to_its_actions(reader_client, world, dashboard_url, lead_agency):
    response = reader_client.get(dashboard_url, {"agency": lead_agency.pk})

    dashboard = response.context["dashboard"]
    assert dashboard.action_count == 2
    assert lines_of(dashboard.agency_lines) == [
        ("Fenbridge Police", 2, (1, 0, 1, 0, 0, 0)),
        ("Total", 2, (1, 0, 1, 0, 0, 0)),
    ]
    # Aims and objectives without the agency's actions are left out.
    assert [line.name for line in dashboard.rating_lines] == [
        "Aim 1: Keep children safe",
        "Objective 1.1: Audit",
        "Total",
    ]
    assert [flagged.action for flagged in dashboard.flagged] == [world.worse]
    assert "2 actions led by Fenbridge Police" in " ".join(response.content.decode().split())


def test_choosing_a_round_alone_brings_its_plan(reader_client, world, dashboard_url):
    other = BusinessPlanFactory(title="2026/27", starts_on=date(2026, 4, 1), ends_on=date(2027, 3, 31))
    ProgressRoundFactory(plan=other, as_of=date(2026, 6, 30), deadline=None)

    choice = reader_client.get(dashboard_url, {"round": world.september.pk}).context["dashboard"].choice

    assert (choice.plan, choice.progress_round) == (world.plan, world.september)


def test_a_round_of_another_plan_is_refused_with_a_message(reader_client, world, dashboard_url):
    other = BusinessPlanFactory(title="2026/27", starts_on=date(2026, 4, 1), ends_on=date(2027, 3, 31))
    stray = ProgressRoundFactory(plan=other, as_of=date(2026, 6, 30), deadline=None)

    response = reader_client.get(dashboard_url, {"plan": world.plan.pk, "round": stray.pk})

    assert response.status_code == HTTPStatus.OK
    assert "dashboard" not in response.context
    assert response.context["form"].errors["round"] == [
        "Progress report June 2026 is a round of business plan 2026/27, not 2025/26: choose one of 2025/26's rounds, "
        "or “Latest round”."
    ]
    assert "no figures are shown until they are valid" in response.content.decode()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("plan", "abc", "Choose a business plan from the list: “abc” is not one of them."),
        ("plan", "999999", "Choose a business plan from the list: “999999” is not one of them."),
        ("round", "-1", "Choose a progress round from the list: “-1” is not one of them."),
        ("agency", "1e9", "Choose a lead agency from the list: “1e9” is not one of them."),
    ],
)
def test_a_number_that_is_no_choice_gets_a_message_not_an_error_page(
    reader_client, world, dashboard_url, field, value, message
):
    response = reader_client.get(dashboard_url, {field: value})

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors[field] == [message]
    assert response.content.decode().count(message) >= 1


def test_without_any_round_the_page_says_there_is_nothing_to_show(reader_client, dashboard_url):
    BusinessPlanFactory()

    response = reader_client.get(dashboard_url)

    assert response.status_code == HTTPStatus.OK
    assert "No business plan has a progress round yet" in response.content.decode()
