import csv
import io
import re
from datetime import datetime, timedelta
from decimal import Decimal
from http import HTTPStatus
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from core.formats import financial_year
from tests.factories import AgencyFactory
from tests.training.factories import CourseFactory, RegistrationFactory, TrainingSessionFactory
from training.models import Registration

LONDON = ZoneInfo("Europe/London")
DNA = Registration.Status.DID_NOT_ATTEND


def session_on(course, day: datetime):
    starts = day.replace(tzinfo=LONDON)
    return TrainingSessionFactory(course=course, starts_at=starts, ends_at=starts + timedelta(hours=2))


@pytest.fixture
def charged(lead_agency, other_agency):
    """Police: 3 DNAs at £50 and 1 at £75 = £225 (and one attended); Health: 1 DNA at £75; one outside the period."""
    fifty = CourseFactory(non_attendance_charge=Decimal("50.00"))
    seventy_five = CourseFactory(non_attendance_charge=Decimal("75.00"))
    first = session_on(fifty, datetime(2025, 4, 1, 0, 30))  # the first half-hour of the period, UK time
    second = session_on(seventy_five, datetime(2026, 3, 31, 23, 30))  # its last half-hour
    outside = session_on(fifty, datetime(2026, 4, 1, 9, 0))
    RegistrationFactory.create_batch(3, session=first, agency=lead_agency, status=DNA)
    RegistrationFactory(session=first, agency=lead_agency, status=Registration.Status.ATTENDED)
    RegistrationFactory(session=second, agency=lead_agency, status=DNA)
    RegistrationFactory(session=second, agency=other_agency, status=DNA)
    RegistrationFactory(session=outside, agency=lead_agency, status=DNA)


PERIOD = {"date_from": "2025-04-01", "date_to": "2026-03-31"}


def test_charges_per_agency_are_the_sum_of_each_missed_course_charge(manager_client, charged):
    response = manager_client.get(reverse("training:charges"), PERIOD)

    rows = {row["agency__name"]: (row["did_not_attend"], row["charge"]) for row in response.context["rows"]}
    assert rows == {"Fenbridge Police": (4, Decimal("225.00")), "Fenbridge Community Health": (1, Decimal("75.00"))}
    assert response.context["total_charge"] == "£300.00"


def test_charges_period_ends_are_inclusive_in_uk_time(manager_client, charged):
    response = manager_client.get(reverse("training:charges"), {"date_from": "2026-03-31", "date_to": "2026-04-01"})

    rows = {row["agency__name"]: row["did_not_attend"] for row in response.context["rows"]}
    assert rows == {"Fenbridge Police": 2, "Fenbridge Community Health": 1}


def test_charges_csv(manager_client, charged):
    response = manager_client.get(reverse("training:charges"), {**PERIOD, "format": "csv"})

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [
        ["Agency", "Did not attend", "Charge (£)"],
        ["Fenbridge Community Health", "1", "75.00"],
        ["Fenbridge Police", "4", "225.00"],
        ["Total", "5", "300.00"],
    ]


def test_contributor_sees_only_their_own_agency_charges(contributor_client, charged):
    response = contributor_client.get(reverse("training:charges"), PERIOD)

    assert [row["agency__name"] for row in response.context["rows"]] == ["Fenbridge Police"]


def test_reader_sees_every_agency_charges(reader_client, charged):
    response = reader_client.get(reverse("training:charges"), PERIOD)

    assert len(response.context["rows"]) == 2


def test_training_admin_sees_charges(training_admin_client):
    response = training_admin_client.get(reverse("training:charges"))

    assert response.status_code == HTTPStatus.OK


def test_a_period_ending_before_it_starts_is_refused(manager_client):
    response = manager_client.get(reverse("training:charges"), {"date_from": "2026-03-01", "date_to": "2026-02-01"})

    assert response.status_code == HTTPStatus.OK
    assert "The end of the period must be on or after its start." in response.content.decode()


def test_a_bad_date_gets_a_message_not_an_error(manager_client):
    response = manager_client.get(reverse("training:charges"), {"date_from": "soon", "date_to": "2026-02-01"})

    assert response.status_code == HTTPStatus.OK
    assert "Enter a valid date." in response.content.decode()


@pytest.mark.parametrize(
    ("today", "period"),
    [
        (datetime(2026, 3, 31), ("2025-04-01", "2026-03-31")),
        (datetime(2026, 4, 1), ("2026-04-01", "2027-03-31")),
    ],
)
def test_the_default_period_is_the_financial_year(today, period):
    start, end = financial_year(today.date())

    assert (start.isoformat(), end.isoformat()) == period


def test_charges_ignore_agencies_with_no_one_missing(manager_client):
    RegistrationFactory(agency=AgencyFactory(), status=Registration.Status.ATTENDED)

    response = manager_client.get(reverse("training:charges"))

    assert response.context["rows"] == []


def date_boxes(html: str) -> dict[str, str]:
    """The page's date inputs, by name, with the value each shows."""
    return dict(re.findall(r'<input type="date" name="(\w+)" value="([^"]*)"', html))


def test_charges_page_fills_its_date_boxes_with_dates_a_date_input_accepts(manager_client):
    start, end = financial_year(timezone.localdate())

    response = manager_client.get(reverse("training:charges"))

    assert date_boxes(response.content.decode()) == {"date_from": start.isoformat(), "date_to": end.isoformat()}


def test_a_period_typed_the_uk_way_is_shown_back_as_iso_dates(manager_client, charged):
    response = manager_client.get(reverse("training:charges"), {"date_from": "01/04/2025", "date_to": "31/03/2026"})

    assert date_boxes(response.content.decode()) == PERIOD
    assert response.context["total_charge"] == "£300.00"


@pytest.mark.parametrize("query", [{}, {"date_from": "01/04/2025", "date_to": "31/03/2026"}])
def test_submitting_the_pages_own_form_shows_the_charges(manager_client, charged, query):
    page = manager_client.get(reverse("training:charges"), query).content.decode()

    response = manager_client.get(reverse("training:charges"), date_boxes(page))

    assert response.context["form"].errors == {}
    assert response.context["rows"] is not None
    assert '<h2 class="h4 mb-0">' in response.content.decode()
