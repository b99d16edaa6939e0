"""Deleting a plan or a round for good: only with no progress, only by the board manager, after a confirm page."""

from datetime import date
from http import HTTPStatus

import pytest
from django.urls import reverse

from objectives.models import Action, BusinessPlan, ProgressRound
from objectives.services.rollover import roll_over_plan
from reviews import services as review_services
from tests.factories import ActionFactory, ProgressRoundFactory, ProgressUpdateFactory
from tests.reviews.factories import RecommendationFactory

from .conftest import next_year

pytestmark = pytest.mark.django_db


@pytest.fixture
def new_plan(source, board_manager):
    """2026/27, just rolled over, with a round nobody has reported in."""
    plan = roll_over_plan(**next_year(source.plan), by=board_manager)
    ProgressRoundFactory(plan=plan, as_of=date(2026, 9, 30), deadline=None)
    return plan


def delete_url(plan):
    return reverse("objectives:plan_delete", args=[plan.pk])


def round_delete_url(progress_round):
    return reverse("objectives:round_delete", args=[progress_round.pk])


def test_the_confirm_page_says_what_goes_with_the_plan(manager_client, new_plan):
    content = manager_client.get(delete_url(new_plan)).content.decode()

    assert "Its 1 aim, 2 objectives, 2 actions, 1 progress round will be deleted with it." in content
    assert "Delete Business plan 2026/27</button>" in content


def test_deleting_a_plan_with_no_progress_undoes_the_rollover(manager_client, source, new_plan):
    response = manager_client.post(delete_url(new_plan), follow=True)

    assert response.redirect_chain[-1][0] == reverse("objectives:plan_list")
    assert "Business plan 2026/27 deleted." in response.content.decode()
    assert list(BusinessPlan.objects.values_list("title", flat=True)) == ["2025/26"]
    assert source.plan.actions.count() == 4


def test_a_plan_with_progress_is_kept_and_the_page_says_how_many_updates(manager_client, source):
    content = manager_client.get(delete_url(source.plan)).content.decode()
    response = manager_client.post(delete_url(source.plan), follow=True)

    assert "Business plan 2025/26 has 1 progress update: only a plan with no progress can be deleted." in content
    assert "Delete Business plan 2025/26</button>" not in content
    assert "has 1 progress update" in response.content.decode()
    assert BusinessPlan.objects.filter(pk=source.plan.pk).exists()


def test_a_plan_whose_actions_were_carried_on_is_kept(manager_client, source, new_plan):
    source.plan.rounds.all().delete()

    manager_client.post(delete_url(source.plan))

    assert BusinessPlan.objects.filter(pk=source.plan.pk).exists()
    page = manager_client.get(delete_url(source.plan)).content.decode()
    assert "Actions of Business plan 2025/26 were carried over into 2026/27: delete 2026/27 first." in page


def test_a_plan_with_a_reviews_own_actions_is_kept(manager_client, board_manager):
    plan = ActionFactory(objective__aim__plan__title="2024/25").plan
    review_services.add_recommendation_action(RecommendationFactory(), plan=plan, text="Train", lead_agencies=[])

    manager_client.post(delete_url(plan))

    assert BusinessPlan.objects.filter(pk=plan.pk).exists()


def test_carried_review_actions_go_with_the_plan_they_were_carried_into(manager_client, source, board_manager):
    old = review_services.add_recommendation_action(
        RecommendationFactory(), plan=source.plan, text="Train", lead_agencies=[]
    )
    plan = roll_over_plan(**next_year(source.plan), by=board_manager)

    manager_client.post(delete_url(plan))

    assert not BusinessPlan.objects.filter(pk=plan.pk).exists()
    assert list(Action.objects.filter(objective__isnull=True)) == [old]


def test_deleting_a_round_with_no_progress(manager_client, new_plan):
    progress_round = new_plan.rounds.get()

    response = manager_client.post(round_delete_url(progress_round), follow=True)

    assert response.redirect_chain[-1][0] == new_plan.get_absolute_url()
    assert "Progress report September 2026 of 2026/27 deleted." in response.content.decode()
    assert not new_plan.rounds.exists()


def test_a_round_with_progress_is_kept_and_the_page_says_how_many_updates(manager_client, source):
    ProgressUpdateFactory(action=source.open_two, round=source.progress_round, state="draft")

    content = manager_client.get(round_delete_url(source.progress_round)).content.decode()
    manager_client.post(round_delete_url(source.progress_round))

    assert (
        "Progress report December 2025 has 2 progress updates: only a round with no progress can be deleted." in content
    )
    assert ProgressRound.objects.filter(pk=source.progress_round.pk).exists()


@pytest.mark.parametrize("client_name", ["reader_client", "contributor_client", "training_admin_client"])
def test_only_the_manager_may_delete_a_plan_or_round(request, new_plan, client_name):
    client = request.getfixturevalue(client_name)

    plan_response = client.post(delete_url(new_plan))
    round_response = client.post(round_delete_url(new_plan.rounds.get()))

    assert (plan_response.status_code, round_response.status_code) == (HTTPStatus.FORBIDDEN, HTTPStatus.FORBIDDEN)
    assert BusinessPlan.objects.filter(pk=new_plan.pk).exists()
    assert new_plan.rounds.exists()


def test_the_plan_page_offers_deleting_to_the_manager(manager_client, new_plan):
    content = manager_client.get(new_plan.get_absolute_url()).content.decode()

    assert f'href="{delete_url(new_plan)}"' in content
    assert f'href="{round_delete_url(new_plan.rounds.get())}"' in content
