"""Hiding and the deleted items name each item in its plan's own words."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from objectives.services import deletion
from tests.factories import ActionFactory, AimFactory, BusinessPlanFactory, ObjectiveFactory

pytestmark = pytest.mark.django_db


def test_hiding_a_priority_says_which_actions_go_with_it_and_no_objective(manager_client):
    priority = AimFactory(number="1a", plan=BusinessPlanFactory(shape="two-level", aim_name="Priority"))
    ActionFactory.create_batch(2, objective=priority.implicit_objective())

    response = manager_client.get(reverse("objectives:aim_delete", args=[priority.pk]))

    content = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "<h1>Delete priority 1a?</h1>" in content
    assert "Its 2 actions will be deleted with it" in content


@pytest.mark.parametrize("hidden", [2, 6])
def test_deleted_items_under_hidden_aims_are_named_without_more_queries(
    manager_client, board_manager, django_assert_num_queries, hidden
):
    plan = BusinessPlanFactory(aim_name="Theme", objective_name="Outcome")
    for number in range(hidden):
        aim = AimFactory(plan=plan, number=str(number + 1))
        deletion.delete_objective(objective=ObjectiveFactory(aim=aim, ref=f"{number + 1}.1"), by=board_manager)
        deletion.delete_aim(aim=aim, by=board_manager)

    # session, manager, manager's own and group permissions, hidden aims, objectives and actions
    # (none), and the history of the hidden aims and objectives: naming them in the plan's words asks nothing
    with django_assert_num_queries(8):
        response = manager_client.get(reverse("objectives:deleted_list"))

    content = response.content.decode()
    assert "Outcome 1.1" in content
    assert "theme 1" in content
