"""Confirming an import applies only the changes its preview showed: if the plan (or the indicators) changed since,
nothing is written and the new preview is shown."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pytest_django.asserts import assertContains

from core.models import StagedUpload
from objectives.models import Action, IndicatorValue
from tests.factories import IndicatorFactory, IndicatorValueFactory, ObjectiveFactory
from tests.import_pages import confirm
from tests.objectives.import_files import plan_row, write_csv

pytestmark = pytest.mark.django_db

CHANGED = "The plan changed since you checked this file: here is the new preview. Nothing has been imported yet."


def _staged(client, tmp_path, text: str) -> str:
    """Upload a one-action plan file for a new plan 2026/27 and return its preview page's address."""
    content = write_csv(tmp_path / f"{len(text)}.csv", [plan_row(action_text=text)]).read_bytes()
    file = SimpleUploadedFile("plan.csv", content)
    response = client.post(reverse("objectives:import_upload"), {"file": file, "plan": "", "new_title": "2026/27"})
    return response.url


def test_an_old_preview_applies_nothing_once_the_plan_has_changed(manager_client, tmp_path):
    first = _staged(manager_client, tmp_path, "Extend the audit programme")
    shown = manager_client.get(first).context["preview"].fingerprint
    # Meanwhile a second file creates the plan with another text for the same action.
    confirm(manager_client, _staged(manager_client, tmp_path, "Audit every referral"))

    response = manager_client.post(first, {"fingerprint": shown})

    assertContains(response, CHANGED)
    assertContains(response, "To update")
    assert list(Action.objects.values_list("text", flat=True)) == ["Audit every referral"]
    assert StagedUpload.objects.get(applied_at__isnull=True).token in first


def test_the_new_preview_can_then_be_confirmed(manager_client, tmp_path):
    first = _staged(manager_client, tmp_path, "Extend the audit programme")
    shown = manager_client.get(first).context["preview"].fingerprint
    confirm(manager_client, _staged(manager_client, tmp_path, "Audit every referral"))
    new = manager_client.post(first, {"fingerprint": shown}).context["preview"].fingerprint

    response = manager_client.post(first, {"fingerprint": new})

    assert response.status_code == 302
    assert list(Action.objects.values_list("text", flat=True)) == ["Extend the audit programme"]


def test_a_confirmation_without_the_previews_fingerprint_applies_nothing(manager_client, tmp_path):
    preview_url = _staged(manager_client, tmp_path, "Extend the audit programme")

    response = manager_client.post(preview_url)

    assertContains(response, CHANGED)
    assertContains(response, "Import into")
    assert not Action.objects.exists()


def test_an_indicator_value_changed_since_the_preview_is_not_overwritten(manager_client, lead_agency):
    objective = ObjectiveFactory(aim__plan__title="2025/26", ref="1.1")
    indicator = IndicatorFactory(plan=objective.plan, name="Re-referrals", owner=lead_agency, objectives=[objective])
    value = IndicatorValueFactory(indicator=indicator, period_end=date(2025, 6, 30), value=24)
    text = "plan,objective,indicator,unit,period_end,value,target\n2025/26,1.1,Re-referrals,number,2025-06-30,22,\n"
    file = SimpleUploadedFile("indicators.csv", text.encode())
    preview_url = manager_client.post(reverse("objectives:indicator_import"), {"file": file}).url
    shown = manager_client.get(preview_url).context["preview"].fingerprint
    IndicatorValue.objects.filter(pk=value.pk).update(value=23)

    response = manager_client.post(preview_url, {"fingerprint": shown})

    assertContains(response, "The indicators changed since you checked this file: here is the new preview.")
    assertContains(response, "23 → 22")
    assert IndicatorValue.objects.get().value == 23
