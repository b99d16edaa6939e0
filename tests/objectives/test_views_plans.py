from datetime import date
from http import HTTPStatus

import pytest
from django.urls import reverse

from objectives.models import Aim, BusinessPlan, Objective, ProgressRound, ProgressUpdate
from tests.factories import (
    ActionFactory,
    AgencyFactory,
    AimFactory,
    BusinessPlanFactory,
    ObjectiveFactory,
    ProgressRoundFactory,
    ProgressUpdateFactory,
)
from tests.objectives.plan_data import plan_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    return BusinessPlanFactory(title="2025/26", starts_on=date(2025, 4, 1), ends_on=date(2026, 3, 31))


@pytest.fixture
def aim(plan):
    return AimFactory(plan=plan, number=1, title="Partners' work keeps children safe")


@pytest.fixture
def objective(aim):
    return ObjectiveFactory(aim=aim, ref="1.1", title="Show how partners' work improves children's lives")


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("plan_list", {}),
        ("plan_create", {}),
        ("plan_detail", {"pk": 1}),
        ("plan_update", {"pk": 1}),
        ("aim_create", {"plan_pk": 1}),
        ("aim_update", {"pk": 1}),
        ("objective_create", {"aim_pk": 1}),
        ("objective_update", {"pk": 1}),
        ("round_create", {"plan_pk": 1}),
        ("round_update", {"pk": 1}),
    ],
)
def test_plan_pages_send_anonymous_visitors_to_sign_in(client, name, kwargs):
    response = client.get(reverse(f"objectives:{name}", kwargs=kwargs))

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("login"))


# Plan list


def test_plan_list_shows_each_plan_with_its_actions_and_latest_round(manager_client, objective):
    ActionFactory.create_batch(3, objective=objective)
    ProgressRoundFactory(plan=objective.plan, as_of=date(2025, 9, 30))
    latest = ProgressRoundFactory(plan=objective.plan, as_of=date(2025, 12, 31))

    response = manager_client.get(reverse("objectives:plan_list"))

    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert content.count("<h1") == 1
    assert "Business plans</h1>" in content
    assert "New business plan" in content
    assert objective.plan.get_absolute_url() in content
    assert ">2025/26</a>" in content
    assert '<td class="text-end">3</td>' in content
    assert f'href="{reverse("objectives:report", args=[objective.plan.pk, latest.pk])}"' in content
    assert "Progress report December 2025" in content


def test_plan_list_queries_do_not_grow_with_plans(manager_client, django_assert_num_queries):
    for plan in BusinessPlanFactory.create_batch(6):
        ProgressRoundFactory(plan=plan)
        ActionFactory.create_batch(2, objective__aim__plan=plan)

    # session, user, the user's and their groups' permissions, count of plans,
    # one page of plans with action counts, their rounds
    with django_assert_num_queries(6):
        response = manager_client.get(reverse("objectives:plan_list"))

    assert response.status_code == HTTPStatus.OK
    assert response.content.decode().count("Progress report December 2025") == 6


# Plan create and edit


def test_creating_a_plan_saves_it_and_opens_its_page(manager_client):
    response = manager_client.post(reverse("objectives:plan_create"), plan_form_data())

    plan = BusinessPlan.objects.get()
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == plan.get_absolute_url()
    assert (plan.title, plan.starts_on, plan.ends_on) == ("2026/27", date(2026, 4, 1), date(2027, 3, 31))


def test_creating_a_plan_that_ends_before_it_starts_says_so_and_saves_nothing(manager_client):
    response = manager_client.post(reverse("objectives:plan_create"), plan_form_data(ends_on="2025-03-31"))

    assert response.status_code == HTTPStatus.OK
    assert "The end date must be after the start date." in response.content.decode()
    assert not BusinessPlan.objects.exists()


def test_new_plan_page_has_a_heading_title_and_date_pickers(manager_client):
    response = manager_client.get(reverse("objectives:plan_create"))

    content = response.content.decode()
    assert "<title>New business plan –" in content
    assert content.count("<h1") == 1
    assert content.count('type="date"') == 2
    assert 'aria-label="Breadcrumb"' in content


def test_editing_a_plan_saves_the_change(manager_client, plan):
    response = manager_client.post(
        reverse("objectives:plan_update", args=[plan.pk]),
        plan_form_data(title="2025 to 2026", starts_on="2025-04-01", ends_on="2026-03-31"),
    )

    plan.refresh_from_db()
    assert response.status_code == HTTPStatus.FOUND
    assert plan.title == "2025 to 2026"


def test_editing_a_plan_to_a_title_in_use_says_so(manager_client, plan):
    BusinessPlanFactory(title="2024/25")

    response = manager_client.post(
        reverse("objectives:plan_update", args=[plan.pk]),
        plan_form_data(title="2024/25", starts_on="2025-04-01", ends_on="2026-03-31"),
    )

    plan.refresh_from_db()
    assert "A business plan with this title already exists." in response.content.decode()
    assert "Edit Business plan 2025/26</h1>" in response.content.decode()
    assert plan.title == "2025/26"


# Plan page


def test_plan_page_shows_the_plan_tree_with_anchors(manager_client, objective):
    action = ActionFactory(
        objective=objective,
        ref="1.1.1",
        text="Extend the quality assurance framework to early help",
        lead_agencies=[AgencyFactory(short_name="Police")],
        target_on=date(2026, 3, 31),
        target_is_month=True,
    )
    ProgressUpdateFactory(action=action, rag=ProgressUpdate.Rag.AMBER)

    response = manager_client.get(objective.plan.get_absolute_url())

    content = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "<h1>Business plan 2025/26</h1>" in content
    assert "1 April 2025 to 31 March 2026" in content
    assert '<h2 id="aim-1">Aim 1: Partners&#x27; work keeps children safe</h2>' in content
    assert 'id="objective-1.1"' in content
    assert f'<a href="{action.get_absolute_url()}">Extend the quality assurance framework to early help</a>' in content
    assert 'data-label="Lead agencies">Police</td>' in content
    assert "March 2026" in content
    assert '<span class="rag rag-amber">Amber</span>' in content


def test_plan_page_counts_actions_by_latest_rag_in_words_and_numbers(manager_client, objective):
    progress_round = ProgressRoundFactory(plan=objective.plan)
    ProgressUpdateFactory.create_batch(2, action__objective=objective, round=progress_round, rag=ProgressUpdate.Rag.RED)
    ActionFactory(objective=objective)

    response = manager_client.get(objective.plan.get_absolute_url())

    content = response.content.decode()
    assert '<span class="rag rag-red">Red</span> <span class="rag-count">2</span>' in content
    assert '<span class="rag rag-none">No update</span> <span class="rag-count">1</span>' in content
    assert '<span class="rag rag-green">Green</span> <span class="rag-count">0</span>' in content


def test_plan_page_rates_each_action_by_its_latest_accepted_update(manager_client, objective):
    june = ProgressRoundFactory(plan=objective.plan, as_of=date(2025, 6, 30))
    december = ProgressRoundFactory(plan=objective.plan, as_of=date(2025, 12, 31))
    action = ActionFactory(objective=objective)
    ProgressUpdateFactory(action=action, round=june, rag=ProgressUpdate.Rag.RED)
    ProgressUpdateFactory(action=action, round=december, rag=ProgressUpdate.Rag.GREEN, state=ProgressUpdate.State.DRAFT)
    rated_later = ActionFactory(objective=objective)
    ProgressUpdateFactory(action=rated_later, round=june, rag=ProgressUpdate.Rag.RED)
    ProgressUpdateFactory(action=rated_later, round=december, rag=ProgressUpdate.Rag.AMBER)

    content = manager_client.get(objective.plan.get_absolute_url()).content.decode()

    assert '<span class="rag rag-red">Red</span> <span class="rag-count">1</span>' in content
    assert '<span class="rag rag-amber">Amber</span> <span class="rag-count">1</span>' in content
    assert '<span class="rag rag-green">Green</span> <span class="rag-count">0</span>' in content


def test_plan_page_links_each_round_to_its_report_and_edit_page(manager_client, plan):
    progress_round = ProgressRoundFactory(plan=plan, as_of=date(2025, 12, 31))

    response = manager_client.get(plan.get_absolute_url())

    content = response.content.decode()
    assert (
        f'href="{reverse("objectives:report", args=[plan.pk, progress_round.pk])}">Progress report December 2025'
        in content
    )
    assert reverse("objectives:round_update", args=[progress_round.pk]) in content
    assert reverse("objectives:round_create", args=[plan.pk]) in content


def test_plan_page_offers_adding_aims_objectives_and_actions(manager_client, objective):
    response = manager_client.get(objective.plan.get_absolute_url())

    content = response.content.decode()
    assert reverse("objectives:aim_create", args=[objective.plan.pk]) in content
    assert reverse("objectives:aim_update", args=[objective.aim.pk]) in content
    assert reverse("objectives:objective_create", args=[objective.aim.pk]) in content
    assert reverse("objectives:objective_update", args=[objective.pk]) in content
    assert reverse("objectives:action_create", args=[objective.pk]) in content


def test_plan_page_lists_actions_in_natural_order(manager_client, objective):
    for ref in ["1.1.10", "1.1.2", "1.1.1"]:
        ActionFactory(objective=objective, ref=ref)

    content = manager_client.get(objective.plan.get_absolute_url()).content.decode()

    positions = [content.index(f'data-label="Ref">{ref}</th>') for ref in ["1.1.1", "1.1.2", "1.1.10"]]
    assert positions == sorted(positions)


@pytest.mark.parametrize("actions", [5, 30])
def test_plan_page_queries_do_not_grow_with_actions(manager_client, plan, actions, django_assert_num_queries):
    agency = AgencyFactory()
    progress_round = ProgressRoundFactory(plan=plan)
    for number, count in [(1, actions // 2), (2, actions - actions // 2)]:
        aim = AimFactory(plan=plan, number=number)
        objective = ObjectiveFactory(aim=aim, ref=f"{number}.1")
        for _ in range(count):
            action = ActionFactory(objective=objective, lead_agencies=[agency])
            ProgressUpdateFactory(action=action, round=progress_round)

    # session, user, the user's and their groups' permissions, plan with its rating scale, the scale's levels,
    # rounds, aims, objectives, actions, their lead agencies, their latest ratings (the counts are the actions')
    with django_assert_num_queries(11):
        response = manager_client.get(plan.get_absolute_url())

    assert response.status_code == HTTPStatus.OK
    assert response.content.decode().count('<th scope="row"') == actions + 1


def test_an_unknown_plan_is_not_found(manager_client):
    response = manager_client.get(reverse("objectives:plan_detail", args=[999]))

    assert response.status_code == HTTPStatus.NOT_FOUND


# Aims


def test_adding_an_aim_puts_it_in_the_plan(manager_client, plan):
    response = manager_client.post(
        reverse("objectives:aim_create", args=[plan.pk]), {"number": "2", "title": "Children know who to tell"}
    )

    aim = Aim.objects.get()
    assert (aim.plan, aim.number, aim.title) == (plan, "2", "Children know who to tell")
    assert response.url == plan.get_absolute_url() + "#aim-2"


def test_new_aim_form_suggests_the_next_number(manager_client, aim):
    response = manager_client.get(reverse("objectives:aim_create", args=[aim.plan.pk]))

    assert response.context["form"]["number"].value() == "2"


def test_adding_an_aim_with_a_number_in_use_says_so_and_saves_nothing(manager_client, aim):
    response = manager_client.post(
        reverse("objectives:aim_create", args=[aim.plan.pk]), {"number": "1", "title": "Duplicate"}
    )

    assert response.status_code == HTTPStatus.OK
    assert "Aim 1 already exists in this plan." in response.content.decode()
    assert Aim.objects.count() == 1


def test_adding_an_aim_to_an_unknown_plan_is_not_found(manager_client):
    response = manager_client.post(reverse("objectives:aim_create", args=[999]), {"number": "1", "title": "Lost"})

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_editing_an_aim_saves_its_title(manager_client, aim):
    response = manager_client.post(
        reverse("objectives:aim_update", args=[aim.pk]), {"number": "1", "title": "Children are safer", "version": "1"}
    )

    aim.refresh_from_db()
    assert response.status_code == HTTPStatus.FOUND
    assert aim.title == "Children are safer"


def test_renumbering_an_aim_with_objectives_says_why_not(manager_client, objective):
    response = manager_client.post(
        reverse("objectives:aim_update", args=[objective.aim.pk]), {"number": "3", "title": "Moved"}
    )

    objective.aim.refresh_from_db()
    assert "Aim 1 has objectives numbered from it, so its number cannot change." in response.content.decode()
    assert objective.aim.number == "1"


# Objectives


def test_adding_an_objective_sets_its_aim_and_plan(manager_client, aim):
    response = manager_client.post(
        reverse("objectives:objective_create", args=[aim.pk]), {"ref": "1.1", "title": "Fewer repeat referrals"}
    )

    objective = Objective.objects.get()
    assert (objective.aim, objective.plan, objective.ref) == (aim, aim.plan, "1.1")
    assert response.url == aim.plan.get_absolute_url() + "#objective-1.1"


def test_new_objective_form_suggests_the_next_ref(manager_client, objective):
    response = manager_client.get(reverse("objectives:objective_create", args=[objective.aim.pk]))

    assert response.context["form"]["ref"].value() == "1.2"


def test_adding_an_objective_with_a_ref_in_use_says_so_and_saves_nothing(manager_client, objective):
    response = manager_client.post(
        reverse("objectives:objective_create", args=[objective.aim.pk]), {"ref": "1.1", "title": "Again"}
    )

    assert "Objective 1.1 already exists under aim 1." in response.content.decode()
    assert Objective.objects.count() == 1


def test_editing_an_objective_saves_its_title(manager_client, objective):
    response = manager_client.post(
        reverse("objectives:objective_update", args=[objective.pk]),
        {"ref": "1.1", "title": "Clearer title", "version": "1"},
    )

    objective.refresh_from_db()
    assert response.status_code == HTTPStatus.FOUND
    assert objective.title == "Clearer title"


# Rounds


def test_opening_a_round_adds_it_to_the_plan(manager_client, plan):
    response = manager_client.post(
        reverse("objectives:round_create", args=[plan.pk]), {"as_of": "2025-12-31", "deadline": "2025-12-12"}
    )

    progress_round = ProgressRound.objects.get()
    assert (progress_round.plan, progress_round.as_of, progress_round.deadline) == (
        plan,
        date(2025, 12, 31),
        date(2025, 12, 12),
    )
    assert response.url == plan.get_absolute_url() + "#rounds"


def test_opening_a_second_round_on_the_same_date_says_so_and_saves_nothing(manager_client, plan):
    ProgressRoundFactory(plan=plan, as_of=date(2025, 12, 31))

    response = manager_client.post(
        reverse("objectives:round_create", args=[plan.pk]), {"as_of": "2025-12-31", "deadline": ""}
    )

    assert "This plan already has a round as of 31 December 2025." in response.content.decode()
    assert ProgressRound.objects.count() == 1


def test_editing_a_round_saves_its_deadline(manager_client, plan):
    progress_round = ProgressRoundFactory(plan=plan, as_of=date(2025, 12, 31), deadline=None)

    response = manager_client.post(
        reverse("objectives:round_update", args=[progress_round.pk]),
        {"as_of": "2025-12-31", "deadline": "2026-01-09", "version": "1"},
    )

    progress_round.refresh_from_db()
    assert response.status_code == HTTPStatus.FOUND
    assert progress_round.deadline == date(2026, 1, 9)


def test_a_garbled_date_is_refused_with_a_message(manager_client, plan):
    response = manager_client.post(
        reverse("objectives:round_create", args=[plan.pk]), {"as_of": "31st of Decembre", "deadline": ""}
    )

    assert response.status_code == HTTPStatus.OK
    assert "Enter a valid date." in response.content.decode()
    assert not ProgressRound.objects.exists()
