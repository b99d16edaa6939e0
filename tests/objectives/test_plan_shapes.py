"""Two-level and list plans on their pages: their own level names, and never an implicit level."""

from datetime import date
from http import HTTPStatus

import pytest
from django.urls import reverse

from core.models import RatingScale
from objectives.models import Action, Aim, Objective, implicit_aim
from tests.factories import (
    ActionFactory,
    AgencyFactory,
    AimFactory,
    BusinessPlanFactory,
    ObjectiveFactory,
    ProgressRoundFactory,
    ProgressUpdateFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_level_plan():
    return BusinessPlanFactory(title="2012/13", shape="two-level", aim_name="Priority")


@pytest.fixture
def priority(two_level_plan):
    return AimFactory(
        plan=two_level_plan, number="1a", title="Early help and prevention", strategic_lead="Director of Public Health"
    )


@pytest.fixture
def list_plan():
    return BusinessPlanFactory(title="Scrutiny review", shape="list", action_name="Recommendation")


def action_data(**changes) -> dict:
    return {"ref": "1", "text": "Publish the threshold document.", "status": "open", "target": "", **changes}


# Two-level plans


def test_a_two_level_plan_shows_its_priorities_and_their_actions_without_objectives(manager_client, priority):
    ActionFactory(objective=priority.implicit_objective(), ref="1a.1", text="Train every practitioner.")

    response = manager_client.get(priority.plan.get_absolute_url())

    content = response.content.decode()
    assert "Priority 1a: Early help and prevention</h2>" in content
    assert "Strategic lead: Director of Public Health" in content
    assert "Train every practitioner." in content
    assert "Objective" not in content
    assert reverse("objectives:aim_action_create", args=[priority.pk]) in content
    assert reverse("objectives:objective_create", args=[priority.pk]) not in content
    assert ">Add priority</a>" in content
    assert "Aim" not in content


def test_adding_an_action_under_a_priority_stores_it_in_the_implicit_objective(manager_client, priority):
    response = manager_client.post(reverse("objectives:aim_action_create", args=[priority.pk]), action_data(ref="1a.1"))

    action = Action.objects.get()
    assert response.status_code == HTTPStatus.FOUND
    assert action.objective == priority.implicit_objective()
    assert (action.plan, action.ref) == (priority.plan, "1a.1")


def test_the_new_action_page_under_a_priority_is_in_the_plans_words(manager_client, priority):
    response = manager_client.get(reverse("objectives:aim_action_create", args=[priority.pk]))

    content = response.content.decode()
    assert "<h1>New action under priority 1a</h1>" in content
    assert response.context["form"]["ref"].value() == "1a.1"
    assert not Objective.objects.exists()


def test_a_duplicate_under_a_priority_is_named_in_the_plans_words(manager_client, priority):
    ActionFactory(objective=priority.implicit_objective(), ref="3")

    response = manager_client.post(reverse("objectives:aim_action_create", args=[priority.pk]), action_data(ref="3"))

    assert "Action 3 already exists under priority 1a." in response.content.decode()
    assert Action.objects.count() == 1


def test_editing_a_priority_is_headed_in_the_plans_words(manager_client, priority):
    response = manager_client.get(reverse("objectives:aim_update", args=[priority.pk]))

    assert "<h1>Edit priority 1a</h1>" in response.content.decode()
    assert response.context["form"]["strategic_lead"].value() == "Director of Public Health"


def test_a_priority_gets_a_strategic_lead(manager_client, two_level_plan):
    manager_client.post(
        reverse("objectives:aim_create", args=[two_level_plan.pk]),
        {"number": "P1", "title": "Neglect", "strategic_lead": "Chair"},
    )

    assert Aim.objects.values_list("number", "strategic_lead").get() == ("P1", "Chair")


@pytest.mark.parametrize(("numbers", "suggested"), [([], "1"), (["1a", "1b"], "2"), (["P1"], "")])
def test_the_next_priority_number_follows_the_highest_leading_number(
    manager_client, two_level_plan, numbers, suggested
):
    for number in numbers:
        AimFactory(plan=two_level_plan, number=number)

    response = manager_client.get(reverse("objectives:aim_create", args=[two_level_plan.pk]))

    assert response.context["form"]["number"].value() == suggested


def test_a_two_level_plan_has_no_objective_pages(manager_client, priority):
    objective = priority.implicit_objective()

    responses = [
        manager_client.get(reverse("objectives:objective_create", args=[priority.pk])),
        manager_client.get(reverse("objectives:objective_update", args=[objective.pk])),
        manager_client.get(reverse("objectives:action_create", args=[objective.pk])),
        manager_client.get(reverse("objectives:objective_delete", args=[objective.pk])),
    ]

    assert {response.status_code for response in responses} == {HTTPStatus.NOT_FOUND}


@pytest.mark.parametrize("actions", [4, 24])
def test_two_level_plan_page_queries_do_not_grow_with_actions(
    manager_client, two_level_plan, actions, django_assert_num_queries
):
    agency = AgencyFactory()
    progress_round = ProgressRoundFactory(plan=two_level_plan)
    for number in ("1a", "1b"):
        objective = AimFactory(plan=two_level_plan, number=number).implicit_objective()
        for _ in range(actions // 2):
            action = ActionFactory(objective=objective, lead_agencies=[agency])
            ProgressUpdateFactory(action=action, round=progress_round)

    # session, user, the user's and their groups' permissions, plan with its rating scale, the scale's levels,
    # rounds, aims, objectives, actions, their lead agencies, their latest ratings (the counts are the actions')
    with django_assert_num_queries(11):
        response = manager_client.get(two_level_plan.get_absolute_url())

    assert response.content.decode().count('<th scope="row"') == actions + 1


@pytest.mark.parametrize("rows", [4, 30])
def test_action_list_queries_do_not_grow_with_a_two_level_plans_actions(
    manager_client, priority, rows, django_assert_num_queries
):
    ActionFactory.create_batch(rows, objective=priority.implicit_objective(), lead_agencies=[AgencyFactory()])

    # session, user, the user's and their groups' permissions, count, one page of actions with plan,
    # objective, aim, latest rating and the plan's scale, their lead agencies, the choices of three filters, and
    # the scales and levels the rating filter offers (which the rows' badges use too)
    with django_assert_num_queries(11):
        response = manager_client.get(reverse("objectives:action_list"))

    assert response.content.decode().count(">Priority 1a</a>") == min(rows, 25)


# List plans


def test_adding_a_recommendation_puts_it_in_the_implicit_levels(manager_client, list_plan):
    response = manager_client.post(
        reverse("objectives:plan_action_create", args=[list_plan.pk]),
        action_data(ref="5", responsibility="Chair / DCS"),
    )

    action = Action.objects.get()
    assert response.status_code == HTTPStatus.FOUND
    assert action.objective == implicit_aim(list_plan).implicit_objective()
    assert (action.ref, action.responsibility) == ("5", "Chair / DCS")


def test_a_list_plans_page_shows_its_recommendations_and_no_aim_or_objective(manager_client, list_plan):
    objective = implicit_aim(list_plan).implicit_objective()
    for ref in ["10", "2", "1"]:
        ActionFactory(objective=objective, ref=ref, text=f"Recommendation text {ref}")

    response = manager_client.get(list_plan.get_absolute_url())

    content = response.content.decode()
    assert "Recommendations</h2>" in content
    assert f'href="{reverse("objectives:plan_action_create", args=[list_plan.pk])}">Add recommendation</a>' in content
    assert content.index("text 1<") < content.index("text 2<") < content.index("text 10<")
    assert "Aim" not in content
    assert "Objective" not in content
    assert reverse("objectives:aim_create", args=[list_plan.pk]) not in content


def test_the_new_recommendation_page_suggests_the_next_number(manager_client, list_plan):
    ActionFactory(objective=implicit_aim(list_plan).implicit_objective(), ref="4")

    response = manager_client.get(reverse("objectives:plan_action_create", args=[list_plan.pk]))

    content = response.content.decode()
    assert "<h1>New recommendation in Business plan Scrutiny review</h1>" in content
    assert ">Add recommendation</button>" in content
    assert response.context["form"]["ref"].value() == "5"


def test_a_refused_recommendation_leaves_no_implicit_levels_behind(manager_client, list_plan):
    response = manager_client.post(
        reverse("objectives:plan_action_create", args=[list_plan.pk]), action_data(target="soon")
    )

    assert response.status_code == HTTPStatus.OK
    assert not Aim.objects.exists()
    assert not Objective.objects.exists()


def test_a_list_plan_has_no_aim_pages(manager_client, list_plan):
    aim = implicit_aim(list_plan)

    responses = [
        manager_client.get(reverse("objectives:aim_create", args=[list_plan.pk])),
        manager_client.get(reverse("objectives:aim_update", args=[aim.pk])),
        manager_client.get(reverse("objectives:aim_delete", args=[aim.pk])),
        manager_client.get(reverse("objectives:aim_action_create", args=[aim.pk])),
    ]

    assert {response.status_code for response in responses} == {HTTPStatus.NOT_FOUND}


def test_a_tree_plan_adds_actions_only_under_objectives(manager_client):
    aim = AimFactory()

    responses = [
        manager_client.get(reverse("objectives:aim_action_create", args=[aim.pk])),
        manager_client.get(reverse("objectives:plan_action_create", args=[aim.plan.pk])),
    ]

    assert {response.status_code for response in responses} == {HTTPStatus.NOT_FOUND}


def test_the_action_list_names_the_parent_in_each_plans_words(manager_client, priority, list_plan):
    ActionFactory(objective=priority.implicit_objective(), ref="1a.1")
    ActionFactory(objective=implicit_aim(list_plan).implicit_objective(), ref="3")
    tree_action = ActionFactory(objective=ObjectiveFactory(ref="2.1", aim__number="2"), ref="2.1.1")

    content = manager_client.get(reverse("objectives:action_list")).content.decode()

    assert f'href="{priority.get_absolute_url()}">Priority 1a</a>' in content
    assert f'href="{tree_action.objective.get_absolute_url()}">Objective 2.1</a>' in content
    assert ">Aim 1</a>" not in content
    assert ">Objective 1" not in content


# Owners, timescales and slippage on the action's page


def test_an_action_revised_twice_shows_its_original_target_and_slippage(manager_client, list_plan):
    action = ActionFactory(
        objective=implicit_aim(list_plan).implicit_objective(),
        ref="2",
        target_on=date(2099, 3, 31),
        target_is_month=True,
    )
    url = reverse("objectives:action_update", args=[action.pk])
    for version, target in [(1, "April 2099"), (2, "June 2099")]:
        manager_client.post(url, action_data(ref="2", target=target, version=version, timescale="By summer"))

    response = manager_client.get(action.get_absolute_url())

    content = response.content.decode()
    assert "<h1>Recommendation 2</h1>" in content
    assert "<dd>June 2099 (originally March 2099), slipped twice</dd>" in content
    assert "<dt>Timescale</dt><dd>By summer</dd>" in content
    action.refresh_from_db()
    assert (action.original_target_on, action.times_slipped) == (date(2099, 3, 31), 2)


def test_the_history_tells_new_fields_and_month_targets_in_words(manager_client, priority):
    action = ActionFactory(objective=priority.implicit_objective(), ref="1a.1")
    manager_client.post(
        reverse("objectives:action_update", args=[action.pk]),
        action_data(
            ref="1a.1",
            target="2026-03",
            version=1,
            responsibility="Training Sub-Group",
            lead_officer="Sam Okafor",
            success_measure="Fewer repeat referrals.",
        ),
    )

    history = manager_client.get(action.get_absolute_url()).context["history"]

    changes = {change.field: change.new for change in history[0].changes}
    assert history[0].summary == "Action 1a.1 changed"
    assert changes["Target date"] == "March 2026"
    assert changes["Responsibility"] == "Training Sub-Group"
    assert changes["Lead officer"] == "Sam Okafor"
    assert changes["Success measure"] == "Fewer repeat referrals."


def test_my_actions_names_a_list_plans_actions_in_its_words(manager_client, list_plan):
    ActionFactory(objective=implicit_aim(list_plan).implicit_objective(), ref="1")
    ProgressRoundFactory(plan=list_plan)

    content = manager_client.get(reverse("objectives:my_actions")).content.decode()

    assert "Recommendations wanting an update" in content
    assert '<th scope="col" role="columnheader">Recommendation</th>' in content


def test_a_list_plan_on_the_four_point_scale_counts_and_shows_its_own_ratings(manager_client):
    plan = BusinessPlanFactory(
        shape="list", action_name="Recommendation", rating_scale=RatingScale.objects.get(name="four-point")
    )
    progress_round = ProgressRoundFactory(plan=plan)
    objective = implicit_aim(plan).implicit_objective()
    for ref, rating in (("1", "1"), ("2", "3"), ("3", "")):
        ProgressUpdateFactory(action=ActionFactory(objective=objective, ref=ref), round=progress_round, rag=rating)

    response = manager_client.get(reverse("objectives:plan_detail", args=[plan.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert '<span class="rag rag-four-point--1">1 Achieved (fully)</span> <span class="rag-count">1</span>' in html
    assert "Not started" not in html
    # The recommendation rated blank shows no badge in the table: two rows' badges and the counts' five.
    assert html.count('class="rag rag-four-point--') == 2 + 4
