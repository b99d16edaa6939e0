"""Indicators in the browser: who may enter values, the upload with its preview, and the manager's own pages."""

from datetime import date
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from core.models import StagedUpload
from objectives.models import Indicator, IndicatorValue
from tests.factories import IndicatorFactory, IndicatorValueFactory, ObjectiveFactory
from tests.import_pages import confirm

pytestmark = pytest.mark.django_db

HEADER = "plan,objective,indicator,unit,period_end,value,target\n"


@pytest.fixture
def indicator(lead_agency):
    objective = ObjectiveFactory(aim__plan__title="2025/26", ref="1.1")
    return IndicatorFactory(plan=objective.plan, name="Re-referrals", owner=lead_agency, objectives=[objective])


def _enter(client, indicator, **data):
    values = {"period_end": "2025-06-30", "period": "quarter", "value": "17.5", "target": "", "version": "", **data}
    return client.post(reverse("objectives:indicator_value_create", args=[indicator.pk]), values)


@pytest.mark.parametrize("persona", ["manager_client", "contributor_client"])
def test_the_manager_and_the_owning_agencys_contributor_enter_values(request, persona, indicator):
    response = _enter(request.getfixturevalue(persona), indicator)

    assert response.status_code == HTTPStatus.FOUND
    value = IndicatorValue.objects.get()
    assert (value.value, value.period_text, value.entered_by.username) == (
        Decimal("17.5"),
        "quarter to June 2025",
        "manager" if persona == "manager_client" else "contributor",
    )


@pytest.mark.parametrize("persona", ["other_contributor_client", "reader_client"])
def test_another_agency_and_a_reader_cannot_enter_values(request, persona, indicator):
    client = request.getfixturevalue(persona)
    stored = IndicatorValueFactory(indicator=indicator)

    responses = [
        _enter(client, indicator),
        client.get(reverse("objectives:indicator_value_update", args=[stored.pk])),
    ]

    assert [response.status_code for response in responses] == [HTTPStatus.NOT_FOUND] * 2
    assert IndicatorValue.objects.count() == 1


def test_a_reader_sees_the_indicator_without_the_ways_to_change_it(reader_client, indicator):
    IndicatorValueFactory(indicator=indicator, value=24)

    response = reader_client.get(indicator.get_absolute_url())

    assertContains(response, "<h1>Re-referrals</h1>", html=True)
    assertContains(response, "24 (quarter to June 2025)")
    assertNotContains(response, "Enter a value")
    assertNotContains(response, "Edit the indicator")


def test_a_second_value_for_the_same_period_is_refused_not_merged(manager_client, indicator):
    IndicatorValueFactory(indicator=indicator, period_end=date(2025, 6, 30), value=24)

    response = _enter(manager_client, indicator)

    assertContains(response, "A value for quarter to June 2025 is held already; edit that one instead.")
    assert IndicatorValue.objects.get().value == 24


def test_a_stale_edit_of_a_value_is_refused(manager_client, indicator):
    stored = IndicatorValueFactory(indicator=indicator, value=24)
    url = reverse("objectives:indicator_value_update", args=[stored.pk])
    data = {"period_end": "2025-06-30", "period": "quarter", "value": "20", "target": "", "version": "1"}
    manager_client.post(url, data)

    response = manager_client.post(url, {**data, "value": "30"})

    assertContains(response, "after you opened it, so your changes were not saved")
    stored.refresh_from_db()
    assert (stored.value, stored.version) == (20, 2)


def test_the_manager_adds_an_indicator_with_thresholds_on_the_plans_scale(manager_client, indicator):
    url = reverse("objectives:indicator_create", args=[indicator.plan_id])
    data = {
        "name": "Early help assessments",
        "objectives": [indicator.objectives.get().pk],
        "unit": "number",
        "better": "higher",
        "threshold_green": "450",
        "threshold_amber": "400",
        "version": "",
    }

    response = manager_client.post(url, data)

    created = Indicator.objects.get(name="Early help assessments")
    assert response.url == created.get_absolute_url()
    assert created.thresholds == {"green": "450", "amber": "400"}


def _upload(client, text, name="indicators.csv"):
    file = SimpleUploadedFile(name, text.encode())
    return client.post(reverse("objectives:indicator_import"), {"file": file})


def test_the_upload_previews_a_changed_value_then_imports_on_confirmation(manager_client, indicator):
    IndicatorValueFactory(indicator=indicator, period_end=date(2025, 6, 30), value=24)
    response = _upload(manager_client, HEADER + "2025/26,1.1,Re-referrals,number,2025-06-30,22,\n")
    preview = manager_client.get(response.url)

    assertContains(preview, "Row 2: Re-referrals, quarter to June 2025: 24 → 22")
    assert IndicatorValue.objects.get().value == 24

    confirmed = confirm(manager_client, response.url)

    assert confirmed.url == reverse("objectives:indicator_list", args=[indicator.plan_id])
    assert IndicatorValue.objects.get().value == 22


def test_a_bad_file_is_previewed_with_its_row_and_column_and_cannot_be_confirmed(manager_client, indicator):
    response = _upload(manager_client, HEADER + "2025/26,1.1,Re-referrals,number,2025-06-30,lots,\n")
    preview = manager_client.get(response.url)

    assertContains(preview, "1 problem: nothing can be imported")
    assertContains(preview, "“lots” is not a number")
    assertNotContains(preview, "Import into the indicators")
    manager_client.post(response.url)
    assert not IndicatorValue.objects.exists()


def test_a_word_file_is_refused_on_the_upload_page(manager_client):
    response = _upload(manager_client, "not a spreadsheet", name="indicators.docx")

    assert response.status_code == HTTPStatus.OK
    assert not StagedUpload.objects.exists()


@pytest.mark.parametrize("count", [1, 8])
def test_the_plan_list_of_indicators_takes_the_same_queries_however_many(
    manager_client, indicator, count, django_assert_num_queries
):
    for number in range(count):
        other = IndicatorFactory(plan=indicator.plan)
        IndicatorValueFactory(indicator=other, value=number)

    # session, user, permissions (own and groups'), the plan with its scale, the scale's levels, the indicators,
    # all their values
    with django_assert_num_queries(7):
        response = manager_client.get(reverse("objectives:indicator_list", args=[indicator.plan_id]))

    assertContains(response, "Re-referrals")
