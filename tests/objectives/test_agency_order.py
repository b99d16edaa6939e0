"""Agencies listed by the name pages show (the short name, else the full name) are sorted by that name."""

import re
from datetime import date

import pytest
from django.urls import reverse

from objectives.models import Agency
from objectives.paper.build import build_paper
from tests.factories import ActionFactory, AgencyFactory, ObjectiveFactory, ProgressRoundFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agencies():
    """By full name youth justice comes first; by the names shown it comes last."""
    return [
        AgencyFactory(name="Avon Youth Offending Service", short_name="Youth justice"),
        AgencyFactory(name="Northshire County Council", short_name="children's services"),
        AgencyFactory(name="Barnardo's", short_name=""),
    ]


SHOWN_ORDER = ["Barnardo's", "children's services", "Youth justice"]


def test_agencies_sort_by_the_name_shown(agencies):
    assert [str(agency) for agency in Agency.objects.all()] == SHOWN_ORDER


def test_the_action_lists_agency_filter_offers_agencies_in_the_order_shown(manager_client, agencies):
    content = manager_client.get(reverse("objectives:action_list")).content.decode()

    options = content.split('name="lead_agency"')[1].split("</select>")[0]
    assert re.findall(r'<option value="\d+"[^>]*>([^<]+)</option>', options) == [
        "Barnardo&#x27;s",
        "children&#x27;s services",
        "Youth justice",
    ]


def test_my_actions_lists_lead_agencies_in_the_order_shown(contributor_client, lead_agency, agencies):
    objective = ObjectiveFactory()
    ProgressRoundFactory(plan=objective.plan, as_of=date(2026, 3, 31))
    ActionFactory(objective=objective, lead_agencies=[lead_agency, *agencies])

    content = contributor_client.get(reverse("objectives:my_actions")).content.decode()

    # The cell carries its stacked-row label and role too (static/css/stacked.css): match its words, not its tag.
    assert re.search(r"<td[^>]*>Barnardo&#x27;s, children&#x27;s services, Police, Youth justice</td>", content)


def test_the_committee_paper_names_each_actions_lead_agencies_in_the_order_shown(agencies):
    """The paper reads the names of every action's agencies in one query: each action keeps its own, in this order."""
    objective = ObjectiveFactory()
    progress_round = ProgressRoundFactory(plan=objective.plan, as_of=date(2026, 3, 31))
    ActionFactory(objective=objective, ref="1.1.1", lead_agencies=agencies)
    ActionFactory(objective=objective, ref="1.1.2", lead_agencies=[agencies[0]])
    ActionFactory(objective=objective, ref="1.1.3", lead_agencies=[])

    paper = build_paper(progress_round=progress_round, author="")

    # The names stored are the full names (the paper prints those), ordered as every list of agencies is.
    assert [row.lead_agencies for row in paper.rows] == [
        ("Barnardo's", "Northshire County Council", "Avon Youth Offending Service"),
        ("Avon Youth Offending Service",),
        (),
    ]
