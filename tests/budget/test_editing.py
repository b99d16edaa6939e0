"""The board manager's editing: add, edit and delete, plain messages for bad input, stale saves refused."""

from decimal import Decimal
from http import HTTPStatus

import pytest
from django.urls import reverse

from budget.models import PartnerContribution, SpendLine
from tests.budget.factories import PartnerContributionFactory, SpendLineFactory
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db


def contribution_post(**overrides) -> dict:
    return {"agreed": "£12,500.00", "paid": "6250", "in_kind": "", "in_kind_value": "", "note": "", **overrides}


def spend_post(**overrides) -> dict:
    return {"heading": "Case reviews", "budgeted": "35000", "spent": "0", "position": "1", "note": "", **overrides}


def test_the_add_form_offers_only_agencies_not_yet_on_the_years_list(manager_client, plan):
    PartnerContributionFactory(plan=plan, agency=AgencyFactory(name="Already in", short_name="Already in"))
    AgencyFactory(name="Not yet", short_name="Not yet")
    AgencyFactory(name="Closed down", short_name="Closed down", is_active=False)

    form = manager_client.get(reverse("budget:contribution_create", args=[plan.pk])).context["form"]

    offered = {label for _, label in form.fields["agency"].widget.choices}
    assert "Not yet" in offered
    assert "Already in" not in offered
    assert "Closed down" not in offered


def test_a_manager_adds_a_contribution_typed_as_a_spreadsheet_shows_it(manager_client, plan):
    agency = AgencyFactory(short_name="Police")

    response = manager_client.post(
        reverse("budget:contribution_create", args=[plan.pk]), contribution_post(agency=agency.pk)
    )

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == reverse("budget:plan_budget", args=[plan.pk])
    saved = PartnerContribution.objects.get()
    assert (saved.plan, saved.agency, saved.agreed, saved.paid) == (plan, agency, Decimal("12500"), Decimal("6250"))


def test_a_duplicate_agency_sent_anyway_is_refused_by_name(manager_client, plan):
    # Two tabs: the agency was added in the other after this form was loaded.
    existing = PartnerContributionFactory(plan=plan, agency=AgencyFactory(short_name="Police"))

    response = manager_client.post(
        reverse("budget:contribution_create", args=[plan.pk]), contribution_post(agency=existing.agency.pk)
    )

    assert response.status_code == HTTPStatus.OK
    assert "Police already has a contribution for 2025/26: edit that one instead." in response.content.decode()
    assert PartnerContribution.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("agreed", "-5", "Enter the amount agreed as £0.00 or more: an amount cannot be negative."),
        ("paid", "lots", "Enter the amount paid so far in pounds and pence, such as 6250.00."),
        ("agreed", "10.555", "Enter the amount agreed to the penny: no more than 2 figures after the point."),
        ("in_kind_value", "-1", "Enter the estimated value in kind as £0.00 or more: an amount cannot be negative."),
    ],
)
def test_bad_amounts_get_plain_messages(manager_client, plan, field, typed, message):
    agency = AgencyFactory()

    response = manager_client.post(
        reverse("budget:contribution_create", args=[plan.pk]), contribution_post(agency=agency.pk, **{field: typed})
    )

    assert response.status_code == HTTPStatus.OK
    assert message in response.content.decode()
    assert not PartnerContribution.objects.exists()


def test_paying_more_than_agreed_is_saved_with_a_warning(manager_client, plan):
    contribution = PartnerContributionFactory(plan=plan, agency=AgencyFactory(short_name="ICB"))
    url = reverse("budget:contribution_update", args=[contribution.pk])

    response = manager_client.post(url, contribution_post(agreed="1000", paid="1500", version="1"), follow=True)

    assert "ICB has paid £500.00 more than it agreed." in response.content.decode()
    contribution.refresh_from_db()
    assert contribution.paid == Decimal("1500")


def test_editing_keeps_the_agency(manager_client, plan):
    contribution = PartnerContributionFactory(plan=plan)
    url = reverse("budget:contribution_update", args=[contribution.pk])

    assert "agency" not in manager_client.get(url).context["form"].fields
    manager_client.post(url, contribution_post(agency=AgencyFactory().pk, version="1"))

    changed = PartnerContribution.objects.get()
    assert changed.agency == contribution.agency
    assert (changed.agreed, changed.version) == (Decimal("12500"), 2)


def test_a_stale_edit_is_refused_and_shows_what_was_saved(manager_client, plan):
    contribution = PartnerContributionFactory(plan=plan, paid=Decimal("7000"))
    contribution.version = 2
    contribution.save()

    response = manager_client.post(
        reverse("budget:contribution_update", args=[contribution.pk]), contribution_post(paid="1", version="1")
    )

    assert response.status_code == HTTPStatus.OK
    assert "your changes were not saved" in response.content.decode()
    assert "£7,000.00" in response.content.decode()
    assert PartnerContribution.objects.get().paid == Decimal("7000")


def test_deleting_a_contribution_asks_first_then_deletes_on_post(manager_client, plan):
    contribution = PartnerContributionFactory(plan=plan)
    url = reverse("budget:contribution_delete", args=[contribution.pk])

    assert "Delete this contribution?" in manager_client.get(url).content.decode()
    assert PartnerContribution.objects.exists()
    response = manager_client.post(url)

    assert response.url == reverse("budget:plan_budget", args=[plan.pk])
    assert not PartnerContribution.objects.exists()


def test_the_edit_page_links_to_delete(manager_client, plan):
    line = SpendLineFactory(plan=plan)

    content = manager_client.get(reverse("budget:spend_line_update", args=[line.pk])).content.decode()

    assert reverse("budget:spend_line_delete", args=[line.pk]) in content


def test_a_manager_adds_a_spend_line(manager_client, plan):
    response = manager_client.post(reverse("budget:spend_line_create", args=[plan.pk]), spend_post())

    assert response.status_code == HTTPStatus.FOUND
    line = SpendLine.objects.get()
    assert (line.plan, line.heading, line.budgeted) == (plan, "Case reviews", Decimal("35000"))


def test_a_duplicate_heading_is_refused_by_name(manager_client, plan):
    SpendLineFactory(plan=plan, heading="Case reviews")

    response = manager_client.post(reverse("budget:spend_line_create", args=[plan.pk]), spend_post())

    assert response.status_code == HTTPStatus.OK
    assert "2025/26 already has a spend heading called “Case reviews”" in response.content.decode()
    assert SpendLine.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"spent": "-0.01"}, "Enter the amount spent as £0.00 or more: an amount cannot be negative."),
        ({"heading": ""}, "Enter the heading, such as Case reviews."),
        ({"budgeted": "twelve"}, "Enter the amount budgeted in pounds and pence, such as 25000.00."),
    ],
)
def test_bad_spend_input_gets_plain_messages(manager_client, plan, overrides, message):
    response = manager_client.post(reverse("budget:spend_line_create", args=[plan.pk]), spend_post(**overrides))

    assert response.status_code == HTTPStatus.OK
    assert message in response.content.decode()
    assert not SpendLine.objects.exists()


def test_a_stale_spend_edit_is_refused(manager_client, plan):
    line = SpendLineFactory(plan=plan, heading="Case reviews")
    line.version = 3
    line.save()

    response = manager_client.post(reverse("budget:spend_line_update", args=[line.pk]), spend_post(version="2"))

    assert "your changes were not saved" in response.content.decode()
    assert SpendLine.objects.get().version == 3


def test_deleting_a_spend_line_on_post(manager_client, plan):
    line = SpendLineFactory(plan=plan)

    response = manager_client.post(reverse("budget:spend_line_delete", args=[line.pk]))

    assert response.status_code == HTTPStatus.FOUND
    assert not SpendLine.objects.exists()


@pytest.mark.parametrize("name", ["budget:contribution_create", "budget:spend_line_create"])
def test_a_reader_may_not_add(reader_client, plan, name):
    assert reader_client.get(reverse(name, args=[plan.pk])).status_code == HTTPStatus.FORBIDDEN
