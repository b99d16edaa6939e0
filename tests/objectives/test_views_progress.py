import re
from datetime import date
from http import HTTPStatus

import pytest
from django.urls import reverse

from objectives.models import Action, ProgressUpdate
from tests.factories import ActionFactory, ProgressRoundFactory, ProgressUpdateFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def action():
    return ActionFactory(ref="1.1.1", objective__ref="1.1", objective__aim__number=1, text="Audit repeat referrals")


@pytest.fixture
def december(action):
    return ProgressRoundFactory(plan=action.plan, as_of=date(2025, 12, 31), deadline=date(2025, 12, 12))


def edit_url(action, progress_round):
    return reverse("objectives:progress_edit", args=[action.pk, progress_round.pk])


def test_progress_page_sends_anonymous_visitors_to_sign_in(client, action, december):
    response = client.get(edit_url(action, december))

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("login"))


def test_progress_page_for_a_new_update_says_write(manager_client, action, december):
    response = manager_client.get(edit_url(action, december))

    content = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "<h1>Write progress for Progress report December 2025</h1>" in content
    assert "<title>Write progress for Progress report December 2025 – Action 1.1.1 –" in content
    assert "Audit repeat referrals" in content
    assert "Deadline for updates: 12 December 2025" in content
    assert 'aria-label="Breadcrumb"' in content


def test_progress_page_is_prefilled_with_the_existing_update(manager_client, action, december):
    ProgressUpdateFactory(action=action, round=december, rag="amber", progress="Half done.", impact="Fewer referrals.")

    response = manager_client.get(edit_url(action, december))

    content = response.content.decode()
    assert "<h1>Edit progress for Progress report December 2025</h1>" in content
    assert re.search(r'value="amber"\s+id="id_rag_\d"\s+required checked', content)
    assert "Half done.</textarea>" in content
    assert "Fewer referrals.</textarea>" in content


def test_writing_progress_saves_it_and_returns_to_the_action(manager_client, board_manager, action, december):
    response = manager_client.post(
        edit_url(action, december), {"rag": "green", "progress": "Audit done.", "impact": "Referrals down to 17%."}
    )

    update = ProgressUpdate.objects.get()
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == action.get_absolute_url()
    assert (update.action, update.round, update.author) == (action, december, board_manager)
    assert (update.rag, update.progress, update.impact) == ("green", "Audit done.", "Referrals down to 17%.")


def test_writing_progress_confirms_it_on_the_action_page(manager_client, action, december):
    response = manager_client.post(
        edit_url(action, december), {"rag": "green", "progress": "Audit done.", "impact": ""}, follow=True
    )

    assert "Progress report December 2025: progress for Action 1.1.1 saved." in response.content.decode()


def test_editing_progress_changes_the_same_update(manager_client, action, december):
    ProgressUpdateFactory(action=action, round=december, rag="red", author=UserFactory(username="officer"))

    manager_client.post(edit_url(action, december), {"rag": "amber", "progress": "Moving again.", "impact": ""})

    update = ProgressUpdate.objects.get()
    assert (update.rag, update.progress) == ("amber", "Moving again.")
    assert update.author.username == "officer"


def test_complete_progress_marks_the_action_completed(manager_client, action, december):
    manager_client.post(edit_url(action, december), {"rag": "complete", "progress": "Finished.", "impact": ""})

    action.refresh_from_db()
    assert action.status == Action.Status.COMPLETED


def test_progress_without_a_rag_says_so_and_saves_nothing(manager_client, action, december):
    response = manager_client.post(edit_url(action, december), {"rag": "purple", "progress": "Odd.", "impact": ""})

    assert response.status_code == HTTPStatus.OK
    assert "Select a valid choice. purple is not one of the available choices." in response.content.decode()
    assert not ProgressUpdate.objects.exists()


def test_a_round_of_another_plan_is_not_found(manager_client, action):
    other_round = ProgressRoundFactory()

    response = manager_client.post(edit_url(action, other_round), {"rag": "green", "progress": "", "impact": ""})

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert not ProgressUpdate.objects.exists()


def test_an_unknown_action_is_not_found(manager_client, december):
    response = manager_client.get(reverse("objectives:progress_edit", args=[999, december.pk]))

    assert response.status_code == HTTPStatus.NOT_FOUND
