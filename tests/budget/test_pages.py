"""The budget's reading pages: every year's totals, one year's tables in £1,234.50, edit links for managers only."""

from decimal import Decimal
from http import HTTPStatus

import pytest
from django.urls import reverse

from tests.budget.factories import PartnerContributionFactory, SpendLineFactory
from tests.factories import AgencyFactory, BusinessPlanFactory

pytestmark = pytest.mark.django_db


def budget_url(plan) -> str:
    return reverse("budget:plan_budget", args=[plan.pk])


@pytest.fixture
def recorded(plan):
    PartnerContributionFactory(
        plan=plan,
        agency=AgencyFactory(short_name="Police"),
        agreed=Decimal("41500"),
        paid=Decimal("20750.5"),
        in_kind="Use of the training suite.",
        in_kind_value=Decimal("1200"),
    )
    PartnerContributionFactory(
        plan=plan, agency=AgencyFactory(short_name="ICB"), agreed=Decimal("1000"), paid=Decimal("1500")
    )
    SpendLineFactory(plan=plan, heading="Case reviews", budgeted=Decimal("35000"), spent=Decimal("41250"))
    SpendLineFactory(plan=plan, heading="Independent chair", budgeted=Decimal("28000"), spent=Decimal("21000"))


def test_the_index_lists_each_plan_year_with_its_totals(reader_client, plan, recorded):
    BusinessPlanFactory(title="2024/25")

    content = reader_client.get(reverse("budget:index")).content.decode()

    assert f'href="{budget_url(plan)}">Budget 2025/26</a>' in content
    assert "£42,500.00" in content  # pooled
    assert "£22,250.50" in content  # paid in
    assert "£62,250.00" in content  # spent
    assert "Budget 2024/25" in content


def test_the_year_page_shows_both_tables_totals_and_the_balance(reader_client, plan, recorded):
    content = reader_client.get(budget_url(plan)).content.decode()

    assert "<caption>Partner contributions by agency</caption>" in content
    assert "<caption>Spend by heading</caption>" in content
    assert "£41,500.00" in content
    assert "£20,750.50" in content
    assert "£20,749.50" in content
    assert "Use of the training suite." in content
    assert "£1,200.00" in content
    # Paid more than agreed is allowed, and said.
    assert "(paid £500.00 more than agreed)" in content
    # Overspent: the difference is below nothing.
    assert "-£6,250.00" in content
    # Balance: £22,250.50 paid in less £62,250.00 spent.
    assert "-£39,999.50" in content
    assert 'class="table-scroll" role="region"' in content


def test_a_reader_sees_no_edit_links(reader_client, plan, recorded):
    content = reader_client.get(budget_url(plan)).content.decode()

    assert "Add a partner contribution" not in content
    assert "/edit/" not in content


def test_a_manager_gets_add_and_edit_links(manager_client, plan, recorded):
    content = manager_client.get(budget_url(plan)).content.decode()

    assert reverse("budget:contribution_create", args=[plan.pk]) in content
    assert reverse("budget:spend_line_create", args=[plan.pk]) in content
    assert content.count("/budget/contributions/") == 2
    assert content.count("/budget/spend/") == 2


def test_an_empty_year_says_nothing_is_recorded(reader_client, plan):
    content = reader_client.get(budget_url(plan)).content.decode()

    assert "No partner contributions are recorded." in content
    assert "No spend is recorded." in content


def test_an_unknown_plan_is_404(reader_client, manager_client):
    assert reader_client.get("/budget/plans/999999/").status_code == HTTPStatus.NOT_FOUND
    assert manager_client.get("/budget/plans/999999/contributions/new/").status_code == HTTPStatus.NOT_FOUND
    assert manager_client.get("/budget/plans/999999/spend/new/").status_code == HTTPStatus.NOT_FOUND
    assert manager_client.get("/budget/contributions/999999/edit/").status_code == HTTPStatus.NOT_FOUND
    assert manager_client.post("/budget/spend/999999/delete/").status_code == HTTPStatus.NOT_FOUND


def test_the_nav_links_to_the_budget_for_those_who_may_read_it(reader_client, client):
    assert f'href="{reverse("budget:index")}"' in reader_client.get(reverse("home")).content.decode()


@pytest.mark.parametrize("rows", [1, 6])
def test_the_year_page_takes_the_same_queries_however_many_rows(manager_client, plan, rows, django_assert_num_queries):
    for _ in range(rows):
        PartnerContributionFactory(plan=plan)
        SpendLineFactory(plan=plan)

    # Session, user, the manager's own and group permissions, the plan, the contributions with their agencies,
    # the spend lines.
    with django_assert_num_queries(6):
        response = manager_client.get(budget_url(plan))

    assert response.status_code == HTTPStatus.OK


@pytest.mark.parametrize("plans", [1, 5])
def test_the_index_takes_the_same_queries_however_many_plans(reader_client, plans, django_assert_num_queries):
    for _ in range(plans):
        PartnerContributionFactory(plan=BusinessPlanFactory())

    # Session, user, the reader's own and group permissions, the plans with their totals.
    with django_assert_num_queries(4):
        response = reader_client.get(reverse("budget:index"))

    assert response.status_code == HTTPStatus.OK
