"""The feedback pages: readers read a plan's feedback; board managers add, edit and delete it, stale saves refused."""

from datetime import date
from http import HTTPStatus

import pytest
from django.urls import reverse

from mscb.models.yearly import FamilyFeedback
from tests.factories import BusinessPlanFactory, ProgressRoundFactory

pytestmark = pytest.mark.django_db

LIST = reverse("feedback:list")


def feedback(plan, **fields) -> FamilyFeedback:
    defaults = {"received_on": date(2025, 10, 1), "source": "Youth council", "summary": "Posters were for children."}
    return FamilyFeedback.objects.create(plan=plan, **{**defaults, **fields})


def form_data(**fields) -> dict:
    return {
        "round": "",
        "received_on": "2025-10-14",
        "source": "Parents' survey",
        "summary": "Letters used words parents did not understand.",
        "response": "Letters rewritten with parents.",
        "version": "",
        **fields,
    }


@pytest.fixture
def plan():
    return BusinessPlanFactory(title="The year under test")


def test_a_reader_sees_the_chosen_plans_feedback_and_no_controls(reader_client, plan):
    feedback(plan, source="Youth council session")
    last_year = BusinessPlanFactory(title="Plan 2024/25", starts_on=date(2024, 4, 1), ends_on=date(2025, 3, 31))
    feedback(last_year, source="Last year's survey")

    page = reader_client.get(LIST, {"plan": plan.pk}).content.decode()

    assert "Youth council session" in page
    assert "Last year&#x27;s survey" not in page
    assert "Add feedback" not in page
    assert reverse("feedback:create", args=[plan.pk]) not in page


def test_the_list_shows_the_newest_plan_without_a_choice_and_survives_a_garbled_one(reader_client, plan):
    feedback(plan, source="Youth council session")

    plain = reader_client.get(LIST)
    garbled = reader_client.get(LIST, {"plan": "nonsense"})

    assert plain.context["plan"] == plan
    assert "Youth council session" in plain.content.decode()
    assert garbled.status_code == HTTPStatus.OK
    assert garbled.context["form"].errors


def test_the_list_asks_the_same_queries_however_many_items(reader_client, django_assert_num_queries, plan):
    rounds = [ProgressRoundFactory(plan=plan, as_of=date(2025, month, 30)) for month in (6, 9)]
    feedback(plan, round=rounds[0])
    # Session, user and their permissions (1), the plan chosen, the items with their rounds, the plan choices and
    # the navigation's plans.
    with django_assert_num_queries(7):
        reader_client.get(LIST, {"plan": plan.pk})
    for progress_round in [*rounds, None, None]:
        feedback(plan, round=progress_round)
    with django_assert_num_queries(7):
        response = reader_client.get(LIST, {"plan": plan.pk})

    assert len(response.context["items"]) == 5


def test_the_manager_adds_feedback_to_a_round_of_the_plan(manager_client, plan):
    december = ProgressRoundFactory(plan=plan)

    response = manager_client.post(reverse("feedback:create", args=[plan.pk]), form_data(round=december.pk))

    saved = FamilyFeedback.objects.get()
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == f"{LIST}?plan={plan.pk}"
    assert (saved.plan, saved.round, saved.version) == (plan, december, 1)


def test_only_the_plans_rounds_can_be_chosen(manager_client, plan):
    other_round = ProgressRoundFactory(plan=BusinessPlanFactory())
    own_round = ProgressRoundFactory(plan=plan)

    page = manager_client.get(reverse("feedback:create", args=[plan.pk]))
    refused = manager_client.post(reverse("feedback:create", args=[plan.pk]), form_data(round=other_round.pk))

    assert list(page.context["form"].fields["round"].queryset) == [own_round]
    assert "round" in refused.context["form"].errors
    assert not FamilyFeedback.objects.exists()


def test_an_nhs_number_is_warned_about_but_saved(manager_client, plan):
    summary = "A parent gave her son's NHS number 943 476 5919 and said nobody rang back."

    response = manager_client.post(reverse("feedback:create", args=[plan.pk]), form_data(summary=summary), follow=True)

    assert FamilyFeedback.objects.get().summary == summary
    warnings = [str(message) for message in response.context["messages"] if message.level_tag == "warning"]
    assert any("NHS number" in warning for warning in warnings)


def test_the_manager_edits_feedback_and_its_version_moves_on(manager_client, plan):
    item = feedback(plan)

    manager_client.post(reverse("feedback:update", args=[item.pk]), form_data(response="Posters redone.", version=1))

    item.refresh_from_db()
    assert (item.response, item.version) == ("Posters redone.", 2)


def test_a_stale_save_is_refused_and_keeps_both_texts(manager_client, plan):
    item = feedback(plan, response="First answer.")
    url = reverse("feedback:update", args=[item.pk])
    manager_client.post(url, form_data(response="Someone else's answer.", version=1))

    response = manager_client.post(url, form_data(response="My answer.", version=1))

    item.refresh_from_db()
    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert item.response == "Someone else's answer."
    assert "My answer." in page
    assert "Someone else&#x27;s answer." in page


def test_the_manager_deletes_feedback_after_being_asked(manager_client, plan):
    item = feedback(plan, source="Youth council session")
    url = reverse("feedback:delete", args=[item.pk])

    asked = manager_client.get(url)
    deleted = manager_client.post(url)

    assert "Youth council session" in asked.content.decode()
    assert deleted.url == f"{LIST}?plan={plan.pk}"
    assert not FamilyFeedback.objects.exists()


@pytest.mark.parametrize("name", ["feedback:update", "feedback:delete"])
def test_missing_feedback_is_not_found(manager_client, name):
    assert manager_client.get(reverse(name, args=[999])).status_code == HTTPStatus.NOT_FOUND


def test_a_missing_plan_has_no_add_page(manager_client):
    assert manager_client.get(reverse("feedback:create", args=[999])).status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("client_name", ["reader_client", "contributor_client"])
def test_people_who_read_may_not_write(request, client_name, plan):
    client = request.getfixturevalue(client_name)
    item = feedback(plan)

    statuses = [
        client.post(reverse("feedback:create", args=[plan.pk]), form_data()).status_code,
        client.post(reverse("feedback:update", args=[item.pk]), form_data(version=1)).status_code,
        client.post(reverse("feedback:delete", args=[item.pk])).status_code,
    ]

    assert statuses == [HTTPStatus.FORBIDDEN] * 3
    assert FamilyFeedback.objects.get().version == 1
