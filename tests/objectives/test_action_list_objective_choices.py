"""The action list's objective filter offers the objectives of the plans it lists, not every plan's."""

from datetime import date
from http import HTTPStatus

import pytest
from django.urls import reverse

from objectives.models import BusinessPlan
from tests.factories import ActionFactory, BusinessPlanFactory, ObjectiveFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("objectives:action_list")


def plan_of_year(year: int) -> BusinessPlan:
    return BusinessPlanFactory(
        title=f"{year}/{year + 1 - 2000}", starts_on=date(year, 4, 1), ends_on=date(year + 1, 3, 31)
    )


def offered(response) -> set[int]:
    return {objective.pk for objective in response.context["filter"].form.fields["objective"].queryset}


@pytest.fixture
def current_plan(settings):
    """The plan running today, whatever today is."""
    today = date.today()
    year = today.year if today.month >= 4 else today.year - 1
    return plan_of_year(year)


def test_the_objectives_offered_are_the_current_plans(manager_client, current_plan):
    mine = ObjectiveFactory(aim__plan=current_plan)
    old = ObjectiveFactory(aim__plan=plan_of_year(2015), title="Reduce missed health visits")

    response = manager_client.get(LIST_URL)

    assert offered(response) == {mine.pk}
    assert old.title not in response.content.decode()


def test_the_current_plans_are_those_running_else_the_latest_to_start():
    earlier, later = plan_of_year(2015), plan_of_year(2016)
    overlapping = BusinessPlanFactory(starts_on=date(2016, 1, 1), ends_on=date(2016, 12, 31))

    assert set(BusinessPlan.objects.current(date(2016, 6, 1))) == {later, overlapping}
    assert set(BusinessPlan.objects.current(date(2015, 6, 1))) == {earlier}
    assert set(BusinessPlan.objects.current(date(2030, 1, 1))) == {later}


def test_choosing_a_plan_offers_its_objectives_only(manager_client, current_plan):
    ObjectiveFactory(aim__plan=current_plan)
    old = ObjectiveFactory(aim__plan=plan_of_year(2015))

    response = manager_client.get(LIST_URL, {"plan": old.plan.pk})

    assert offered(response) == {old.pk}


def test_an_objective_of_an_older_plan_named_in_a_link_still_filters(manager_client, current_plan):
    old = ObjectiveFactory(aim__plan=plan_of_year(2015), ref="1.1")
    ActionFactory(objective=old, ref="1.1.1")
    ActionFactory(objective=ObjectiveFactory(aim__plan=current_plan, ref="1.1"), ref="1.1.2")

    response = manager_client.get(LIST_URL, {"objective": old.pk})

    assert response.status_code == HTTPStatus.OK
    assert [row.ref for row in response.context["table"].page.object_list.data] == ["1.1.1"]


@pytest.mark.parametrize("value", ["999999", "-1", "0", "x" * 50])
def test_an_unknown_objective_is_explained_not_an_error(manager_client, current_plan, value):
    ActionFactory(objective=ObjectiveFactory(aim__plan=current_plan))

    response = manager_client.get(LIST_URL, {"objective": value, "plan": value})

    assert response.status_code == HTTPStatus.OK
    assert "Select a valid choice" in response.content.decode()


@pytest.mark.parametrize("older_plans", [2, 12])
def test_the_filter_does_not_grow_with_older_plans(
    manager_client, current_plan, older_plans, django_assert_num_queries
):
    ObjectiveFactory.create_batch(3, aim__plan=current_plan)
    for year in range(2000, 2000 + older_plans):
        ObjectiveFactory.create_batch(3, aim__plan=plan_of_year(year))

    # session, user, the user's and their groups' permissions, the plans' rating scales and their levels, count,
    # the choices of the plan, objective (the current plan's, chosen in a subquery) and lead agency filters
    with django_assert_num_queries(9):
        response = manager_client.get(LIST_URL)

    assert len(offered(response)) == 3
