"""Section 11 returns on the home pages: an agency's returns still to send, the manager's returns to moderate."""

import pytest
from django.urls import reverse

from assurance.models import Section11Return
from tests.factories import AgencyFactory

from .section11_rows import cycle_asking, return_of

Status = Section11Return.Status


def home(client) -> str:
    return client.get(reverse("home")).content.decode()


def test_a_contributor_sees_their_agencys_unsent_return_with_its_deadline(contributor_client, lead_agency, plan):
    cycle = cycle_asking(plan, [lead_agency], deadline_in_days=-2)
    mine = return_of(cycle, lead_agency)

    html = home(contributor_client)

    assert "Your agency's Section 11 returns" in html
    assert mine.get_absolute_url() in html
    assert f"{cycle}, {lead_agency}" in html
    assert "Passed" in html


def test_a_contributor_does_not_see_sent_returns_other_agencies_or_published_cycles(
    contributor_client, lead_agency, plan
):
    other_agency = AgencyFactory()
    cycle = cycle_asking(plan, [lead_agency, other_agency])
    return_of(cycle, lead_agency, Status.SUBMITTED)
    theirs = return_of(cycle, other_agency)
    published = cycle_asking(plan, [lead_agency], published=True)
    old = return_of(published, lead_agency)

    html = home(contributor_client)

    assert "Your agency's Section 11 returns" not in html
    assert theirs.get_absolute_url() not in html
    assert old.get_absolute_url() not in html


def test_the_manager_sees_submitted_returns_to_moderate_and_not_drafts(manager_client, plan):
    police, health = AgencyFactory(name="Police"), AgencyFactory(name="Health")
    cycle = cycle_asking(plan, [police, health])
    submitted = return_of(cycle, police, Status.SUBMITTED)
    draft = return_of(cycle, health)

    html = home(manager_client)

    assert "Section 11 returns to moderate" in html
    assert submitted.get_absolute_url() in html
    assert draft.get_absolute_url() not in html


def test_the_manager_is_told_when_no_return_waits(manager_client, plan):
    html = home(manager_client)

    assert "No Section 11 return is waiting to be moderated." in html


def test_a_reader_sees_neither_list(reader_client, plan, lead_agency):
    cycle = cycle_asking(plan, [lead_agency])
    return_of(cycle, lead_agency, Status.SUBMITTED)

    html = home(reader_client)

    assert "Section 11" not in html


def add_returns(plan, lead_agency, count):
    """Per cycle, the lead agency's return still to send and another agency's waiting to be moderated."""
    for _ in range(count):
        cycle = cycle_asking(plan, [lead_agency, AgencyFactory()])
        return_of(cycle, lead_agency)
        return_of(cycle, cycle.agencies.exclude(pk=lead_agency.pk).get(), Status.SUBMITTED)


@pytest.mark.parametrize("returns", [1, 4])
def test_the_contributors_returns_read_in_one_query_however_many(
    contributor_client, lead_agency, plan, returns, django_assert_num_queries
):
    add_returns(plan, lead_agency, returns)

    # session, user, user and group permissions (panels: a contributor's groups are not read); open rounds
    # (none); the returns
    with django_assert_num_queries(5):
        html = home(contributor_client)

    assert html.count("not yet submitted, due") == returns


@pytest.mark.parametrize("returns", [1, 4])
def test_the_managers_returns_to_moderate_read_in_one_query_however_many(
    manager_client, lead_agency, plan, returns, django_assert_num_queries
):
    add_returns(plan, lead_agency, returns)

    # session, user, groups, permissions; updates waiting; open rounds; overdue or slipped; open reviews;
    # sessions to mark; staged uploads; returns to moderate
    with django_assert_num_queries(11):
        html = home(manager_client)

    assert html.count(": submitted ") == returns
