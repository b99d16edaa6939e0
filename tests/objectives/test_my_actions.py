import re
from datetime import date, timedelta
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from objectives.models import Action, ProgressUpdate
from tests.factories import (
    ActionFactory,
    AgencyFactory,
    ObjectiveFactory,
    ProgressRoundFactory,
    ProgressUpdateFactory,
)

pytestmark = pytest.mark.django_db

State = ProgressUpdate.State
MY_ACTIONS = reverse("objectives:my_actions")


@pytest.fixture
def objective():
    return ObjectiveFactory(ref="1.1", aim__number=1, aim__plan__title="2025/26")


@pytest.fixture
def march(objective):
    return ProgressRoundFactory(plan=objective.plan, as_of=date(2026, 3, 31), deadline=date(2026, 3, 13))


def action(objective, ref, *agencies, **fields):
    return ActionFactory(objective=objective, ref=ref, lead_agencies=list(agencies), **fields)


def update(action, progress_round, state, **fields):
    return ProgressUpdateFactory(action=action, round=progress_round, state=state, **fields)


def page(client):
    response = client.get(MY_ACTIONS)
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def rows(content):
    """(ref, state) for each action row on the page."""
    return re.findall(r'<th scope="row"[^>]*>([\d.]+)</th>.*?class="badge[^"]*">(\w+)</span>', content, re.S)


def test_my_actions_lists_the_actions_my_agencies_lead_in_natural_order(
    contributor_client, objective, march, lead_agency
):
    for ref in ["1.1.10", "1.1.2", "1.1.9"]:
        action(objective, ref, lead_agency)

    content = page(contributor_client)

    assert [ref for ref, _ in rows(content)] == ["1.1.2", "1.1.9", "1.1.10"]
    assert "<h1>My actions</h1>" in content


def test_my_actions_never_shows_another_agencys_actions(
    contributor_client, objective, march, lead_agency, other_agency
):
    action(objective, "1.1.1", lead_agency, text="Police audit")
    action(objective, "1.1.2", other_agency, text="Health visiting review")

    content = page(contributor_client)

    assert "Police audit" in content
    assert "Health visiting review" not in content
    assert [ref for ref, _ in rows(content)] == ["1.1.1"]


def test_my_actions_shows_each_actions_state_in_words(contributor_client, objective, march, lead_agency):
    action(objective, "1.1.1", lead_agency)
    for number, state in enumerate(State.values, start=2):
        update(action(objective, f"1.1.{number}", lead_agency), march, state)

    content = page(contributor_client)

    assert rows(content) == [
        ("1.1.1", "Missing"),
        ("1.1.2", "Draft"),
        ("1.1.3", "Submitted"),
        ("1.1.4", "Returned"),
        ("1.1.5", "Accepted"),
    ]


def test_my_actions_shows_the_managers_comment_on_a_returned_update(contributor_client, objective, march, lead_agency):
    update(action(objective, "1.1.1", lead_agency), march, State.RETURNED, return_comment="Please add the figures.")

    content = page(contributor_client)

    assert "Comment from the board manager:</strong> Please add the figures." in content


def test_my_actions_links_each_action_to_writing_its_update(contributor_client, objective, march, lead_agency):
    waiting = action(objective, "1.1.1", lead_agency)

    content = page(contributor_client)

    url = reverse("objectives:progress_edit", args=[waiting.pk, march.pk])
    assert re.search(rf'href="{url}">\s*Write update<span class="visually-hidden"> for action 1.1.1</span>', content)


def test_my_actions_shows_the_round_and_its_deadline(contributor_client, objective, march, lead_agency):
    action(objective, "1.1.1", lead_agency)

    content = page(contributor_client)

    assert "Progress report March 2026, business plan 2025/26" in content
    assert "Deadline for updates: <strong>13 March 2026</strong>" in content
    assert reverse("objectives:round_detail", args=[march.pk]) in content


def test_my_actions_says_when_the_deadline_has_passed(contributor_client, objective, lead_agency):
    yesterday = timezone.localdate() - timedelta(days=1)
    ProgressRoundFactory(plan=objective.plan, as_of=yesterday + timedelta(days=14), deadline=yesterday)
    action(objective, "1.1.1", lead_agency)

    content = page(contributor_client)

    assert '<strong class="overdue">Passed</strong>' in content


def test_my_actions_counts_the_states_at_the_top(contributor_client, objective, march, lead_agency):
    action(objective, "1.1.1", lead_agency)
    action(objective, "1.1.2", lead_agency)
    update(action(objective, "1.1.3", lead_agency), march, State.SUBMITTED)

    content = page(contributor_client)

    counts = re.search(r'aria-labelledby="counts">(.*?)</section>', content, re.S).group(1)
    assert re.search(r">Missing</span> <strong>2</strong>", counts)
    assert re.search(r">Submitted</span> <strong>1</strong>", counts)
    assert re.search(r">Accepted</span> <strong>0</strong>", counts)


def test_my_actions_uses_each_plans_latest_open_round(contributor_client, objective, lead_agency):
    ProgressRoundFactory(plan=objective.plan, as_of=date(2025, 12, 31))
    latest_open = ProgressRoundFactory(plan=objective.plan, as_of=date(2026, 3, 31))
    ProgressRoundFactory(plan=objective.plan, as_of=date(2026, 6, 30), closed_at=timezone.now())
    waiting = action(objective, "1.1.1", lead_agency)

    content = page(contributor_client)

    assert "Progress report March 2026" in content
    assert "Progress report December 2025" not in content
    assert "Progress report June 2026" not in content
    assert reverse("objectives:progress_edit", args=[waiting.pk, latest_open.pk]) in content


def test_my_actions_groups_actions_by_plan(contributor_client, objective, march, lead_agency):
    action(objective, "1.1.1", lead_agency)
    next_year = ObjectiveFactory(
        ref="1.1",
        aim__number=1,
        aim__plan__title="2026/27",
        aim__plan__starts_on=date(2026, 4, 1),
        aim__plan__ends_on=date(2027, 3, 31),
    )
    ProgressRoundFactory(plan=next_year.plan, as_of=date(2026, 9, 30))
    action(next_year, "1.1.1", lead_agency)

    content = page(contributor_client)

    headings = re.findall(r'<h2 id="round-\d+" class="h4">(.*?)</h2>', content)
    assert headings == [
        "Progress report September 2026, business plan 2026/27",
        "Progress report March 2026, business plan 2025/26",
    ]


def test_my_actions_speaks_of_one_open_round_when_there_is_one(contributor_client, objective, march, lead_agency):
    action(objective, "1.1.1", lead_agency)

    content = page(contributor_client)

    assert "where each one stands in the open progress round." in content
    assert '<h2 id="counts" class="h4">Updates by state</h2>' in content


def test_my_actions_speaks_of_several_open_rounds_when_it_adds_them_up(
    contributor_client, objective, march, lead_agency
):
    action(objective, "1.1.1", lead_agency)
    next_year = ObjectiveFactory(aim__plan__starts_on=date(2026, 4, 1), aim__plan__ends_on=date(2027, 3, 31))
    ProgressRoundFactory(plan=next_year.plan, as_of=date(2026, 9, 30))
    action(next_year, "1.1.1", lead_agency)

    content = page(contributor_client)

    assert "where each one stands in the 2 open progress rounds, one for each business plan." in content
    assert "the open progress round" not in content
    assert '<h2 id="counts" class="h4">Updates by state, all 2 rounds together</h2>' in content


def test_my_actions_leaves_out_completed_and_deleted_actions(contributor_client, objective, march, lead_agency):
    action(objective, "1.1.1", lead_agency)
    action(objective, "1.1.2", lead_agency, status=Action.Status.COMPLETED, completed_on=date(2025, 11, 1))
    action(objective, "1.1.3", lead_agency, is_deleted=True)

    content = page(contributor_client)

    assert [ref for ref, _ in rows(content)] == ["1.1.1"]


def test_my_actions_without_an_open_round_says_so(contributor_client, objective, lead_agency):
    ProgressRoundFactory(plan=objective.plan, closed_at=timezone.now())
    action(objective, "1.1.1", lead_agency)

    content = page(contributor_client)

    assert "No progress round is open for your agencies' actions at the moment." in content
    assert rows(content) == []


def test_the_board_manager_sees_every_action_with_a_note(manager_client, objective, march, lead_agency, other_agency):
    action(objective, "1.1.1", lead_agency)
    action(objective, "1.1.2", other_agency)

    content = page(manager_client)

    assert "As the board manager you see every action." in content
    assert [ref for ref, _ in rows(content)] == ["1.1.1", "1.1.2"]


def test_my_actions_is_forbidden_to_readers(reader_client):
    response = reader_client.get(MY_ACTIONS)

    assert response.status_code == HTTPStatus.FORBIDDEN


def test_navigation_offers_my_actions_to_contributors_but_not_readers(client, contributor, reader):
    client.force_login(contributor)
    contributor_content = page(client)
    client.force_login(reader)
    reader_content = client.get(reverse("objectives:plan_list")).content.decode()

    assert f'aria-current="page" href="{MY_ACTIONS}">My actions</a>' in contributor_content
    assert MY_ACTIONS not in reader_content


@pytest.mark.parametrize("count", [5, 40])
def test_my_actions_queries_do_not_grow_with_actions(
    contributor_client, objective, march, lead_agency, other_agency, count, django_assert_num_queries
):
    for number in range(1, count + 1):
        led = action(objective, f"1.1.{number}", lead_agency, other_agency)
        if number % 2:
            update(led, march, State.RETURNED, return_comment="More figures, please.")
        action(objective, f"1.1.{100 + number}", other_agency)

    # session, user, the user's and the groups' permissions (two), the open rounds with their plans,
    # the actions, their lead agencies, the updates
    with django_assert_num_queries(7):
        page(contributor_client)


def test_navigation_offers_the_manager_people_and_deleted_items(manager_client):
    content = page(manager_client)

    assert f'href="{reverse("objectives:person_list")}">People</a>' in content
    assert f'href="{reverse("objectives:deleted_list")}">Deleted items</a>' in content


def test_navigation_hides_people_and_deleted_items_from_contributors(contributor_client):
    content = page(contributor_client)

    assert reverse("objectives:person_list") not in content
    assert reverse("objectives:deleted_list") not in content


def test_my_actions_names_the_lead_agencies_and_escapes_what_people_typed(
    contributor_client, objective, march, lead_agency
):
    partner = AgencyFactory(name="Youth <Justice> & Co", short_name="")
    update(
        action(objective, "1.1.1", lead_agency, partner, text="Audit <b>referrals</b> & repeats"),
        march,
        State.RETURNED,
        return_comment="Add <figures>\nand dates",
    )

    content = page(contributor_client)

    assert f'data-label="Lead agencies">{lead_agency}, Youth &lt;Justice&gt; &amp; Co</td>' in content
    assert "Audit &lt;b&gt;referrals&lt;/b&gt; &amp; repeats</a>" in content
    assert "Add &lt;figures&gt;<br>and dates" in content
