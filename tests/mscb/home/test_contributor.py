"""An agency contributor's home page: their agency's actions in the open round, what needs writing first."""

from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from objectives.models import ProgressUpdate
from tests.factories import ActionFactory, AgencyFactory, BusinessPlanFactory, ProgressRoundFactory
from tests.factories import ProgressUpdateFactory as UpdateFactory

State = ProgressUpdate.State


def home(client):
    response = client.get(reverse("home"))
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def edit_link(action, progress_round):
    return f'href="{reverse("objectives:progress_edit", args=[action.pk, progress_round.pk])}">Action {action.ref}</a>'


def test_returned_and_unstarted_actions_come_first_with_the_comment(contributor_client, lead_agency, plan, open_round):
    def led(ref):
        return ActionFactory(objective__aim__plan=plan, ref=ref, lead_agencies=[lead_agency])

    accepted, unstarted, returned, draft = led("1.1.1"), led("1.1.2"), led("1.1.3"), led("1.1.4")
    UpdateFactory(action=accepted, round=open_round, state=State.ACCEPTED)
    UpdateFactory(action=draft, round=open_round, state=State.DRAFT)
    UpdateFactory(action=returned, round=open_round, state=State.RETURNED, return_comment="Please add the figures.")

    html = home(contributor_client)

    assert "Your agency's actions" in html
    positions = [html.index(edit_link(action, open_round)) for action in (returned, unstarted, draft, accepted)]
    assert positions == sorted(positions)
    assert "Please add the figures." in html
    assert ">Not started</span>" in html
    assert f"Deadline for updates: <strong>{open_round.deadline:%-d %B %Y}</strong>" in html
    assert "3 of 4 still to write or submit" in html
    assert f'href="{reverse("objectives:my_actions")}">My actions</a>' in html


def test_a_contributor_sees_only_their_own_agencys_actions(contributor_client, other_agency, plan, open_round):
    theirs = ActionFactory(objective__aim__plan=plan, ref="9.9.9", lead_agencies=[other_agency])

    html = home(contributor_client)

    assert edit_link(theirs, open_round) not in html
    assert "No progress round is open for your agency's actions" in html


def test_a_closed_round_is_not_listed(contributor_client, lead_agency, plan, open_round):
    action = ActionFactory(objective__aim__plan=plan, lead_agencies=[lead_agency])
    open_round.closed_at = timezone.now()
    open_round.save()

    html = home(contributor_client)

    assert edit_link(action, open_round) not in html
    assert "No progress round is open for your agency's actions" in html


@pytest.mark.parametrize("more", [False, True])
def test_the_contributors_home_page_reads_in_the_same_queries_however_much_there_is(
    contributor_client, lead_agency, plan, open_round, more, django_assert_num_queries
):
    ActionFactory(objective__aim__plan=plan, lead_agencies=[lead_agency])
    if more:
        other_plan = BusinessPlanFactory(starts_on=plan.starts_on, ends_on=plan.ends_on)
        other_round = ProgressRoundFactory(plan=other_plan, as_of=open_round.as_of, deadline=open_round.deadline)
        for progress_round in (open_round, other_round):
            for state in State:
                action = ActionFactory(objective__aim__plan=progress_round.plan, lead_agencies=[lead_agency])
                UpdateFactory(action=action, round=progress_round, state=state)
            ActionFactory(objective__aim__plan=progress_round.plan, lead_agencies=[lead_agency, AgencyFactory()])

    # session, user, user and group permissions (panels: a contributor's groups are not read); open rounds, the
    # actions the user's agencies lead wanting updates, their updates; the Section 11 returns to send
    with django_assert_num_queries(7):
        html = home(contributor_client)

    assert "My actions" in html


def test_the_list_escapes_what_people_typed(contributor_client, lead_agency, plan, open_round):
    action = ActionFactory(
        objective__aim__plan=plan, text="Audit <b>referrals</b> & repeats", lead_agencies=[lead_agency]
    )
    UpdateFactory(action=action, round=open_round, state=State.RETURNED, return_comment="Add <figures>\nand dates")

    html = home(contributor_client)

    assert "Audit &lt;b&gt;referrals&lt;/b&gt; &amp; repeats" in html
    assert "Add &lt;figures&gt;<br>and dates" in html
