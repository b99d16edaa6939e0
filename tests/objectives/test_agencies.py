"""The board manager's agency pages: the list, adding, editing and deactivating an agency."""

from http import HTTPStatus

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from objectives.forms import ActionForm
from objectives.models import Agency
from tests.factories import ActionFactory, AgencyFactory, UserFactory

pytestmark = pytest.mark.django_db


def agency_data(**changes):
    # The version an edit page loads a new agency at (a new agency's form ignores it).
    data = {"name": "Kent Police", "short_name": "Police", "is_statutory_partner": "on", "is_active": "on"}
    return {**data, "version": "1", **changes}


def row_of(response, name):
    """The list's row for an agency, as text with single spaces."""
    table = response.context["table"]
    row = next(row for row in table.rows if row.record.name == name)
    return [str(cell) for cell in row]


def test_the_list_shows_each_agency_in_words_with_its_counts(manager_client):
    police = AgencyFactory(name="Kent Police", short_name="Police", is_statutory_partner=True)
    ActionFactory.create_batch(2, lead_agencies=[police])
    ActionFactory(lead_agencies=[police], is_deleted=True)
    UserFactory.create_batch(3, agencies=[police])
    AgencyFactory(name="Fenbridge Youth Service", short_name="", is_active=False)

    response = manager_client.get(reverse("objectives:agency_list"))

    assert response.status_code == HTTPStatus.OK
    # Deleted actions are not counted as led.
    assert row_of(response, "Kent Police")[:6] == ["Kent Police", "Police", "Statutory partner", "Active", "2", "3"]
    assert row_of(response, "Fenbridge Youth Service")[:6] == [
        "Fenbridge Youth Service",
        "—",
        "No",
        "Inactive",
        "0",
        "0",
    ]
    assert reverse("objectives:agency_update", args=[police.pk]) in row_of(response, "Kent Police")[6]
    assert reverse("objectives:agency_merge", args=[police.pk]) in row_of(response, "Kent Police")[6]


def test_the_list_is_sorted_by_name(manager_client):
    for name in ("Probation", "Children's Services", "Kent Police"):
        AgencyFactory(name=name)

    response = manager_client.get(reverse("objectives:agency_list"))

    names = [row.record.name for row in response.context["table"].rows]
    assert names == ["Children's Services", "Kent Police", "Probation"]


@pytest.mark.parametrize("agency_count", [2, 6])
def test_the_list_queries_do_not_grow_with_agencies(manager_client, django_assert_num_queries, agency_count):
    for agency in AgencyFactory.create_batch(agency_count):
        ActionFactory.create_batch(2, lead_agencies=[agency])
        UserFactory(agencies=[agency])

    # session, user, the user's permissions (groups, then own), row count, one page of agencies with both counts
    with django_assert_num_queries(5):
        response = manager_client.get(reverse("objectives:agency_list"))

    assert len(response.context["table"].page.object_list) == agency_count


def test_readers_and_contributors_may_not_open_the_list(reader_client, contributor):
    response = reader_client.get(reverse("objectives:agency_list"))

    assert response.status_code == HTTPStatus.FORBIDDEN


def test_the_nav_links_to_agencies_for_the_board_manager(manager_client):
    response = manager_client.get(reverse("objectives:plan_list"))

    assert f'href="{reverse("objectives:agency_list")}"' in response.content.decode()


def test_the_nav_has_no_agencies_link_for_readers(reader_client):
    response = reader_client.get(reverse("objectives:plan_list"))

    assert f'href="{reverse("objectives:agency_list")}"' not in response.content.decode()


def test_the_board_manager_adds_an_agency(manager_client):
    response = manager_client.post(reverse("objectives:agency_create"), agency_data(name="  Kent   Police "))

    assert response.status_code == HTTPStatus.FOUND
    agency = Agency.objects.get()
    assert (agency.name, agency.short_name, agency.is_statutory_partner, agency.is_active) == (
        "Kent Police",
        "Police",
        True,
        True,
    )
    assert [str(message) for message in get_messages(response.wsgi_request)] == ["Kent Police added."]


def test_a_duplicate_name_is_refused_in_words_whatever_its_case(manager_client):
    AgencyFactory(name="Kent Police")

    response = manager_client.post(reverse("objectives:agency_create"), agency_data(name="kent police"))

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["name"] == [
        "There is already an agency called “Kent Police”. Choose another name, "
        "or merge the two agencies from the agencies list."
    ]
    assert Agency.objects.count() == 1


def test_the_board_manager_renames_an_agency_and_sets_its_details(manager_client):
    agency = AgencyFactory(name="Police", short_name="", is_statutory_partner=False)

    response = manager_client.post(
        reverse("objectives:agency_update", args=[agency.pk]), agency_data(name="Kent Police", short_name="KP")
    )

    assert response.status_code == HTTPStatus.FOUND
    agency.refresh_from_db()
    assert (agency.name, agency.short_name, agency.is_statutory_partner) == ("Kent Police", "KP", True)
    assert agency.history.first().name == "Kent Police"


def test_renaming_to_another_agencys_name_is_refused(manager_client):
    AgencyFactory(name="Kent Police")
    agency = AgencyFactory(name="Police")

    response = manager_client.post(reverse("objectives:agency_update", args=[agency.pk]), agency_data())

    assert "There is already an agency called “Kent Police”" in response.context["form"].errors["name"][0]
    agency.refresh_from_db()
    assert agency.name == "Police"


def test_keeping_an_agencys_own_name_is_not_a_duplicate(manager_client):
    agency = AgencyFactory(name="Kent Police")

    response = manager_client.post(reverse("objectives:agency_update", args=[agency.pk]), agency_data(short_name="K"))

    assert response.status_code == HTTPStatus.FOUND


def test_a_deactivated_agency_keeps_what_it_led_and_is_no_longer_offered_as_a_lead(manager_client):
    agency = AgencyFactory(name="Kent Police")
    action = ActionFactory(lead_agencies=[agency])

    response = manager_client.post(reverse("objectives:agency_update", args=[agency.pk]), agency_data(is_active=""))

    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        "Kent Police saved. It is no longer offered as a lead agency; the actions it led keep it."
    ]
    assert list(action.lead_agencies.all()) == [agency]
    assert agency not in ActionForm().fields["lead_agencies"].queryset


def test_the_edit_page_links_to_merging(manager_client):
    agency = AgencyFactory(name="Police")

    response = manager_client.get(reverse("objectives:agency_update", args=[agency.pk]))

    assert reverse("objectives:agency_merge", args=[agency.pk]) in response.content.decode()
