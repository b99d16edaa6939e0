"""The budget in the admin (the site admin's; board managers keep it on the budget pages): both models listed,
opened and with their history."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from tests.budget.factories import PartnerContributionFactory, SpendLineFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("model", "factory"), [("partnercontribution", PartnerContributionFactory), ("spendline", SpendLineFactory)]
)
def test_each_model_has_its_list_change_and_history_pages(admin_client, model, factory):
    row = factory()

    for page, args in (("changelist", []), ("change", [row.pk]), ("history", [row.pk])):
        response = admin_client.get(reverse(f"admin:budget_{model}_{page}", args=args))
        assert response.status_code == HTTPStatus.OK, page
