"""What the progress page and its save ask the database: the same few queries however many rounds the action has had."""

from datetime import date

import pytest
from django.urls import reverse

from objectives.models import ProgressUpdate
from tests.factories import ActionFactory, ProgressRoundFactory, ProgressUpdateFactory

pytestmark = pytest.mark.django_db

State = ProgressUpdate.State


@pytest.fixture
def action(lead_agency):
    return ActionFactory(ref="1.1.1", lead_agencies=[lead_agency])


def with_earlier_rounds(action, count: int):
    """`count` accepted rounds before the open one, and the agency's draft in the open one."""
    for year in range(2000, 2000 + count):
        earlier = ProgressRoundFactory(plan=action.plan, as_of=date(year, 12, 31))
        ProgressUpdateFactory(action=action, round=earlier, state=State.ACCEPTED, rag="green")
    open_round = ProgressRoundFactory(plan=action.plan, as_of=date(2025, 12, 31))
    ProgressUpdateFactory(action=action, round=open_round, state=State.DRAFT, rag="red", progress="Started.")
    return open_round


@pytest.mark.parametrize("rounds", [2, 12])
def test_saving_a_draft_again_asks_the_same_queries_however_many_rounds(
    contributor_client, action, rounds, django_assert_num_queries
):
    open_round = with_earlier_rounds(action, rounds)
    url = reverse("objectives:progress_edit", args=[action.pk, open_round.pk])
    data = {"rag": "amber", "progress": "Moving again.", "impact": "", "version": "1", "intent": "save"}

    # session, user, the user's and the groups' permissions (two); the action and its plan's levels, the round, the
    # update; then the transaction (a savepoint in a test), the closed-round check, the locked update, the save's
    # savepoint, the update, its history row and the two releases. Nothing fetched twice, nothing per round, and not
    # the action's lead agencies, which only the page shows.
    with django_assert_num_queries(15):
        response = contributor_client.post(url, data)

    assert response.status_code == 302
    assert ProgressUpdate.objects.get(round=open_round).progress == "Moving again."


@pytest.mark.parametrize("rounds", [2, 12])
def test_the_progress_page_asks_the_same_queries_however_many_rounds(
    contributor_client, action, rounds, django_assert_num_queries
):
    open_round = with_earlier_rounds(action, rounds)
    url = reverse("objectives:progress_edit", args=[action.pk, open_round.pk])

    # session, user, the user's and the groups' permissions (two); the action and its plan's levels, the round, the
    # update, the last round's accepted one, and the action's lead agencies as the page shows them
    with django_assert_num_queries(9):
        response = contributor_client.get(url)

    assert response.status_code == 200
    assert "Started." in response.content.decode()
