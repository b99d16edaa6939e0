"""Who may open the dashboard, and that its ratings are accepted progress only, for every role, as in the paper."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from objectives.models import ProgressUpdate
from tests.factories import ProgressUpdateFactory, UserFactory

from .conftest import lines_of


@pytest.mark.parametrize(
    "client_name", ["reader_client", "contributor_client", "manager_client", "training_admin_client"]
)
def test_ratings_come_from_accepted_progress_only_whoever_reads(request, world, dashboard_url, client_name):
    # Drafts, submissions and returned updates this round: none of them is what the committee was told.
    for action, state in [
        (world.unchanged, ProgressUpdate.State.SUBMITTED),
        (world.improved, ProgressUpdate.State.DRAFT),
    ]:
        ProgressUpdate.objects.filter(action=action, round=world.december).delete()
        ProgressUpdateFactory(action=action, round=world.december, rag="red", state=state)
    client = request.getfixturevalue(client_name)

    dashboard = client.get(dashboard_url).context["dashboard"]

    # 1.1.1 Red, 1.2.1 Amber, 1.1.2 and 2.1.1 their September Amber and Green carried forward.
    assert lines_of(dashboard.rating_lines)[-1] == ("Total", 4, (1, 2, 1, 0, 0, 0))


def test_deleted_actions_are_left_out(reader_client, world, dashboard_url):
    world.unchanged.is_deleted = True
    world.unchanged.save()

    dashboard = reader_client.get(dashboard_url).context["dashboard"]

    assert dashboard.action_count == 3
    assert "Aim 2: Learn from reviews" in [line.name for line in dashboard.rating_lines]
    assert lines_of(dashboard.rating_lines)[-1] == ("Total", 3, (1, 1, 1, 0, 0, 0))


def test_someone_without_a_role_may_not_open_it(client, world, dashboard_url):
    client.force_login(UserFactory(username="nobody"))

    assert client.get(dashboard_url).status_code == HTTPStatus.FORBIDDEN


def test_the_menu_links_to_it_for_readers(reader_client, world, dashboard_url):
    page = reader_client.get(reverse("objectives:plan_list")).content.decode()

    assert f'href="{dashboard_url}">Dashboard</a>' in page
