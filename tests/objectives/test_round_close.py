"""Closing a round: a secondary button on the round's page, a confirmation saying what is missing, then the POST."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from objectives.models import ProgressUpdate
from tests.factories import ActionFactory, ProgressUpdateFactory

pytestmark = pytest.mark.django_db

State = ProgressUpdate.State


def action(objective, ref, agency):
    return ActionFactory(objective=objective, ref=ref, lead_agencies=[agency])


def update(action, progress_round, state):
    return ProgressUpdateFactory(action=action, round=progress_round, state=state)


def page(client, progress_round):
    response = client.get(reverse("objectives:round_detail", args=[progress_round.pk]))
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def test_close_round_first_asks_to_confirm_and_counts_actions_without_accepted_progress(
    manager_client, objective, march, lead_agency
):
    action(objective, "1.1.1", lead_agency)
    update(action(objective, "1.1.2", lead_agency), march, State.SUBMITTED)
    update(action(objective, "1.1.3", lead_agency), march, State.ACCEPTED)

    response = manager_client.get(reverse("objectives:round_close", args=[march.pk]))

    march.refresh_from_db()
    content = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert not march.is_closed
    assert "<h1>Close Progress report March 2026?</h1>" in content
    assert "2 of 3 actions have no accepted update in this round." in content
    assert '<button type="submit" class="btn btn-primary">Close round</button>' in content


def test_close_round_confirmation_says_when_every_action_has_accepted_progress(
    manager_client, objective, march, lead_agency
):
    update(action(objective, "1.1.1", lead_agency), march, State.ACCEPTED)

    content = manager_client.get(reverse("objectives:round_close", args=[march.pk])).content.decode()

    assert "Every action in this round has an accepted update." in content


def test_the_round_page_links_to_the_confirmation_with_a_secondary_button(manager_client, march):
    content = page(manager_client, march)

    close_url = reverse("objectives:round_close", args=[march.pk])
    assert f'<a class="btn btn-outline-secondary" href="{close_url}"' in content
    assert f'action="{close_url}"' not in content


@pytest.mark.parametrize("persona", ["contributor_client", "reader_client"])
def test_only_the_board_manager_sees_the_close_confirmation(request, persona, march):
    response = request.getfixturevalue(persona).get(reverse("objectives:round_close", args=[march.pk]))

    assert response.status_code == HTTPStatus.FORBIDDEN
