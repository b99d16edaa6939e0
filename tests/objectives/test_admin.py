"""Every model's admin pages open for a superuser: list, search, filters and add form."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from objectives.models import ReminderLog
from tests.factories import ProgressUpdateFactory, UserFactory

pytestmark = pytest.mark.django_db

MODELS = ["agency", "businessplan", "aim", "objective", "action", "progressround", "progressupdate", "reminderlog"]


@pytest.fixture
def some_data():
    update = ProgressUpdateFactory(progress="Audit done")
    ReminderLog.objects.create(user=UserFactory(), round=update.round, reason=ReminderLog.Reason.BEFORE_DEADLINE)
    return update


@pytest.mark.parametrize("model", MODELS)
def test_admin_list_with_search_opens(admin_client, some_data, model):
    response = admin_client.get(reverse(f"admin:objectives_{model}_changelist"), {"q": "a"})

    assert response.status_code == HTTPStatus.OK


@pytest.mark.parametrize("model", MODELS)
def test_admin_add_form_opens(admin_client, model):
    response = admin_client.get(reverse(f"admin:objectives_{model}_add"))

    assert response.status_code == HTTPStatus.OK


def test_admin_action_page_shows_its_progress_inline(admin_client, some_data):
    response = admin_client.get(reverse("admin:objectives_action_change", args=[some_data.action.pk]))

    assert "Audit done" in response.content.decode()
