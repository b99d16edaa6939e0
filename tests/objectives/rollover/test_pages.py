"""The rollover page: its defaults, errors and permissions, and the new action's link to its history."""

from datetime import date
from http import HTTPStatus

import pytest
from django.urls import reverse

from objectives.models import BusinessPlan
from objectives.rollover_forms import next_year_initial, next_year_title
from objectives.services.rollover import roll_over_plan
from reviews import services as review_services
from tests.factories import ActionFactory, BusinessPlanFactory, ProgressRoundFactory, ProgressUpdateFactory
from tests.reviews.factories import RecommendationFactory

from .conftest import next_year

pytestmark = pytest.mark.django_db


def rollover_url(plan):
    return reverse("objectives:plan_rollover", args=[plan.pk])


def form_data(source, **changes):
    data = {
        "title": "2026/27",
        "starts_on": "2026-04-01",
        "ends_on": "2027-03-31",
        "actions": [source.slipped.pk, source.open_two.pk],
    }
    return data | changes


@pytest.mark.parametrize(
    ("title", "following"),
    [("2025/26", "2026/27"), ("2099/00", "2100/01"), ("CSE plan 2025/2026", "CSE plan 2026/2027"), ("Plan", "")],
)
def test_the_next_title_moves_each_year_on(title, following):
    assert next_year_title(title) == following


def test_a_financial_year_plan_is_followed_by_the_next_financial_year():
    plan = BusinessPlanFactory.build(title="2025/26", starts_on=date(2025, 4, 1), ends_on=date(2026, 3, 31))

    assert next_year_initial(plan) == {"title": "2026/27", "starts_on": date(2026, 4, 1), "ends_on": date(2027, 3, 31)}


def test_another_plan_is_followed_by_the_next_twelve_months():
    plan = BusinessPlanFactory.build(title="Plan", starts_on=date(2025, 1, 1), ends_on=date(2025, 12, 31))

    assert next_year_initial(plan) == {"title": "", "starts_on": date(2026, 1, 1), "ends_on": date(2026, 12, 31)}


def test_the_form_offers_next_year_with_every_open_action_ticked(manager_client, source):
    content = manager_client.get(rollover_url(source.plan)).content.decode()

    assert 'value="2026/27"' in content
    assert 'value="2026-04-01"' in content
    assert 'value="2027-03-31"' in content
    assert f'value="{source.slipped.pk}" id="carry-{source.slipped.pk}" checked' in content
    assert f'value="{source.open_two.pk}" id="carry-{source.open_two.pk}" checked' in content
    assert f'id="carry-{source.completed.pk}"' not in content
    assert f'id="carry-{source.hidden.pk}"' not in content
    assert "Aim 1: Children are safe; Objective 1.2: Children are heard" in content


def test_the_plan_page_offers_the_rollover_to_the_manager_only(client, board_manager, reader, source):
    link = f'href="{rollover_url(source.plan)}"'
    client.force_login(board_manager)
    for_manager = client.get(source.plan.get_absolute_url()).content.decode()
    client.force_login(reader)

    for_reader = client.get(source.plan.get_absolute_url()).content.decode()

    assert link in for_manager
    assert link not in for_reader


@pytest.mark.parametrize("client_name", ["reader_client", "contributor_client", "training_admin_client"])
def test_only_the_manager_may_roll_a_plan_over(request, source, client_name):
    client = request.getfixturevalue(client_name)

    response = client.post(rollover_url(source.plan), form_data(source))

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not BusinessPlan.objects.filter(title="2026/27").exists()


def test_submitting_starts_the_plan_with_the_ticked_actions(manager_client, source):
    response = manager_client.post(
        rollover_url(source.plan), form_data(source, actions=[source.open_two.pk]), follow=True
    )

    plan = BusinessPlan.objects.get(title="2026/27")
    assert response.redirect_chain[-1][0] == plan.get_absolute_url()
    assert list(plan.actions.values_list("ref", flat=True)) == ["1.2.2"]
    assert "Business plan 2026/27 started from 2025/26, with 1 action carried over." in response.content.decode()


def test_nothing_ticked_is_refused_on_the_form(manager_client, source):
    response = manager_client.post(rollover_url(source.plan), form_data(source, actions=[]))

    assert response.status_code == HTTPStatus.OK
    assert "Choose at least one action to carry over." in response.content.decode()
    assert f'id="carry-{source.slipped.pk}" checked' not in response.content.decode()
    assert not BusinessPlan.objects.filter(title="2026/27").exists()


def test_a_title_taken_is_refused_on_the_form(manager_client, source):
    response = manager_client.post(rollover_url(source.plan), form_data(source, title="2025/26"))

    assert "There is already a business plan “2025/26”; choose another title." in response.content.decode()
    # What the manager unticked or kept stays as they left it.
    assert f'id="carry-{source.slipped.pk}" checked' in response.content.decode()


def test_an_end_before_the_start_is_refused_on_the_form(manager_client, source):
    response = manager_client.post(rollover_url(source.plan), form_data(source, ends_on="2026-01-01"))

    assert "The end date must be after the start date." in response.content.decode()


def test_the_carried_action_links_to_its_origin_and_shows_its_earlier_progress(manager_client, source, board_manager):
    plan = roll_over_plan(**next_year(source.plan), by=board_manager)
    carried = plan.actions.get(ref="1.1.1")

    content = manager_client.get(carried.get_absolute_url()).content.decode()

    origin = source.slipped.get_absolute_url()
    assert f'Carried over from <a href="{origin}">2025/26, 1.1.1</a>' in content
    assert "Progress in earlier plans" in content
    assert "Half the audits done" in content
    assert "slipped twice" in content


def _chain(source, board_manager, length: int):
    """Roll the plan over `length` times, with two rounds of progress in every plan; the last carried 1.1.1."""
    plan = source.plan
    for year in range(2026, 2026 + length):
        ProgressRoundFactory(plan=plan, as_of=date(year - 1, 9, 30))
        new = roll_over_plan(
            **next_year(
                plan, title=f"{year}/{(year + 1) % 100}", starts_on=date(year, 4, 1), ends_on=date(year + 1, 3, 31)
            ),
            by=board_manager,
        )
        if plan != source.plan:
            ProgressUpdateFactory(
                action=plan.actions.get(ref="1.1.1"), round__plan=plan, round__as_of=date(year - 1, 12, 31)
            )
        plan = new
    return plan.actions.get(ref="1.1.1")


@pytest.mark.parametrize("length", [1, 4])
def test_the_history_is_read_in_constant_queries(
    manager_client, source, board_manager, django_assert_num_queries, length
):
    carried = _chain(source, board_manager, length)
    url = carried.get_absolute_url()

    # session, user, the user's permissions (1), the action with its objective, aim, plan, scale and origin, its
    # lead agencies, its scale's levels, its plan's rounds, its updates, its change history (the action's, its
    # lead agencies', its updates'), then the chain by its first action, the chain's plans' rating levels, their
    # accepted updates and their rounds: the same however long the chain and however many rounds
    with django_assert_num_queries(15):
        response = manager_client.get(url)

    assert response.status_code == HTTPStatus.OK
    assert response.content.decode().count('class="h5 mt-3"') == length


@pytest.mark.parametrize("extra", [0, 5])
def test_the_form_is_drawn_in_constant_queries(manager_client, source, django_assert_num_queries, extra):
    for number in range(extra):
        ActionFactory(objective=source.open_two.objective, ref=f"1.2.{number + 10}")

    # session, user, the user's permissions (1), the plan, its open actions with their objectives and aims
    with django_assert_num_queries(5):
        response = manager_client.get(rollover_url(source.plan))

    assert response.content.decode().count('name="actions"') == 2 + extra


def test_review_and_cdop_actions_come_last_under_their_own_heading(manager_client, source):
    old = review_services.add_recommendation_action(
        RecommendationFactory(), plan=source.plan, text="Train every GP practice", lead_agencies=[]
    )

    content = manager_client.get(rollover_url(source.plan)).content.decode()

    assert content.index(f'id="carry-{source.open_two.pk}"') < content.index("From case reviews and the CDOP")
    assert content.index("From case reviews and the CDOP") < content.index(f'id="carry-{old.pk}"')
