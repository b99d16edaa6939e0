"""Uptake figures against the hand-counted year in uptake_samples, the uptake page and its CSV downloads."""

import csv
from datetime import date, datetime
from http import HTTPStatus
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from tests.factories import AgencyFactory, UserFactory
from tests.training.factories import RegistrationFactory, TrainingSessionFactory
from tests.training.uptake_samples import ATTENDED, DNA, YEAR, hand_counted_world
from training import selectors as uptake
from training.models import Registration

FIGURES = ("sessions_run", "places", "booked", "attended", "did_not_attend", "cancelled", "waiting")
AGENCY_FIGURES = ("booked", "attended", "did_not_attend", "cancelled", "waiting", "staff_count")
URL = reverse("training:uptake")


def _figures(row, names=FIGURES):
    return tuple(getattr(row, name) for name in names)


@pytest.fixture
def world(lead_agency):
    # Agency X is the contributor's own agency, so scoping can be checked against the same counts.
    return hand_counted_world(agency_x=lead_agency)


@pytest.fixture
def year():
    return uptake.Period(*YEAR)


def test_course_uptake_counts_every_status_within_the_period(world, year):
    rows = uptake.course_uptake(year, Registration.objects.all())

    assert [(row.label, *_figures(row)) for row in rows] == [
        ("Child exploitation", 1, 15, 3, 2, 1, 1, 0),
        ("Neglect: recognising and responding", 2, 30, 7, 4, 2, 1, 1),
    ]
    assert [row.dna_rate_text for row in rows] == ["33%", "33%"]


def test_session_uptake_lists_each_session_in_the_period_in_date_order(world, year):
    rows = uptake.session_uptake(year, Registration.objects.all())

    assert [(session, _figures(row)) for session, row in rows] == [
        (world.sessions["A1"], (1, 20, 5, 3, 1, 1, 0)),
        (world.sessions["A2"], (1, 10, 2, 1, 1, 0, 1)),
        (world.sessions["B1"], (1, 15, 3, 2, 1, 1, 0)),
    ]


def test_agency_uptake_counts_each_agency_with_its_workforce_where_recorded(world, year):
    rows = uptake.agency_uptake(year, Registration.objects.all())

    assert [(row.label, *_figures(row, AGENCY_FIGURES)) for row in rows] == [
        ("Fenbridge Police", 4, 3, 1, 1, 0, 200),
        ("Yewtree Health", 3, 2, 1, 0, 1, None),
        ("Zenith Schools", 3, 1, 1, 1, 0, None),
    ]
    assert [row.per_100_staff_text for row in rows] == ["1.5", "not recorded", "not recorded"]
    assert [row.dna_rate_text for row in rows] == ["25%", "33%", "50%"]


def test_overall_uptake_totals_the_period_and_counts_people_once(world, year):
    total, summary = uptake.overall_uptake(year, Registration.objects.all())

    assert _figures(total) == (3, 45, 10, 6, 3, 2, 1)
    assert (summary.practitioners, summary.agencies) == (4, 3)
    assert summary.sentence == (
        "From 1 April 2025 to 31 March 2026, 4 practitioners from 3 agencies attended multi-agency training."
    )


def test_a_shorter_period_leaves_out_sessions_starting_outside_it(world):
    period = uptake.Period(date(2025, 3, 1), date(2025, 5, 31))

    total, summary = uptake.overall_uptake(period, Registration.objects.all())

    # A0 (31 March 2025) and A1 (10 May 2025): e9, e1, e2, e3 attended.
    assert _figures(total) == (2, 32, 6, 4, 1, 1, 0)
    assert (summary.practitioners, summary.agencies) == (4, 2)


def test_summary_sentence_speaks_of_one_practitioner_and_of_nobody():
    one = uptake.Summary(date(2025, 3, 1), date(2025, 3, 31), practitioners=1, agencies=1)
    nobody = uptake.Summary(date(2025, 3, 1), date(2025, 3, 31), practitioners=0, agencies=0)

    assert (
        one.sentence
        == "From 1 March 2025 to 31 March 2025, 1 practitioner from 1 agency attended multi-agency training."
    )
    assert nobody.sentence == "From 1 March 2025 to 31 March 2025, nobody attended multi-agency training."


def test_dna_rate_is_none_when_nobody_was_expected():
    row = uptake.Uptake(label="Empty", booked=0)

    assert (row.dna_rate, row.dna_rate_text) == (None, "none expected")


def test_financial_year_runs_from_april_to_march():
    assert uptake.Period.financial_year(date(2026, 3, 31)) == uptake.Period(date(2025, 4, 1), date(2026, 3, 31))
    assert uptake.Period.financial_year(date(2026, 4, 1)) == uptake.Period(date(2026, 4, 1), date(2027, 3, 31))


def test_contributor_counts_only_their_own_agencys_registrations(world, year, contributor):
    registrations = Registration.objects.visible_to(contributor)

    courses = uptake.course_uptake(year, registrations)
    agencies = uptake.agency_uptake(year, registrations)
    total, summary = uptake.overall_uptake(year, registrations)

    # Agency X only: A1 att e1, att e2, cancelled; A2 att e1; B1 dna.
    assert [(row.label, *_figures(row)) for row in courses] == [
        ("Child exploitation", 1, 15, 1, 0, 1, 0, 0),
        ("Neglect: recognising and responding", 2, 30, 3, 3, 0, 1, 0),
    ]
    assert [row.label for row in agencies] == ["Fenbridge Police"]
    assert (total.booked, summary.practitioners, summary.agencies) == (4, 2, 1)


# The page


def test_uptake_page_defaults_to_the_current_financial_year(reader_client, world):
    response = reader_client.get(URL)

    period = response.context["period"]
    assert response.status_code == HTTPStatus.OK
    assert (period.starts_on.month, period.starts_on.day, period.ends_on.month, period.ends_on.day) == (4, 1, 3, 31)


def test_uptake_page_shows_the_summary_tables_and_charts_for_the_chosen_period(reader_client, world):
    response = reader_client.get(URL, {"starts_on": "2025-04-01", "ends_on": "2026-03-31"})

    html = response.content.decode()
    assert "4 practitioners from 3 agencies attended" in html
    assert html.count("<caption>") == 3
    assert 'scope="row">Zenith Schools</th><td>3</td><td>1</td><td>1</td><td>50%</td>' in html
    assert html.count('role="img"') == 2
    assert 'href="#table-course"' in html
    assert 'id="table-course"' in html


def test_uptake_page_labels_its_date_inputs(reader_client, world):
    html = reader_client.get(URL).content.decode()

    assert '<label class="form-label" for="id_starts_on">From</label>' in html
    assert '<label class="form-label" for="id_ends_on">To</label>' in html


def test_uptake_page_shows_a_period_typed_the_uk_way_back_as_iso_dates(reader_client, world):
    html = reader_client.get(URL, {"starts_on": "01/04/2025", "ends_on": "31/03/2026"}).content.decode()

    # A date input accepts only YYYY-MM-DD: shown as typed, the boxes would look empty and "Show" would fail.
    assert 'name="starts_on" value="2025-04-01"' in html
    assert 'name="ends_on" value="2026-03-31"' in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"starts_on": "31/02/2025", "ends_on": "2026-03-31"}, "Enter a valid date."),
        ({"starts_on": "2026-04-01", "ends_on": "2025-04-01"}, "The end of the period must be on or after its start."),
        ({"starts_on": "", "ends_on": "2026-03-31"}, "This field is required."),
    ],
)
def test_bad_dates_get_a_clear_message_not_an_error(reader_client, world, query, message):
    response = reader_client.get(URL, query)

    assert response.status_code == HTTPStatus.OK
    assert message in response.content.decode()
    assert "summary" not in response.context


def test_bad_dates_on_a_csv_link_show_the_page_with_the_message(reader_client, world):
    response = reader_client.get(
        URL, {"starts_on": "soon", "ends_on": "2026-03-31", "format": "csv", "table": "course"}
    )

    assert response.status_code == HTTPStatus.OK
    assert "Enter a valid date." in response.content.decode()


def test_uptake_page_is_forbidden_without_a_role(client, world):
    client.force_login(UserFactory(username="no.role"))

    assert client.get(URL).status_code == HTTPStatus.FORBIDDEN


def test_contributor_sees_only_their_agency_on_the_page(contributor_client, world):
    response = contributor_client.get(URL, {"starts_on": "2025-04-01", "ends_on": "2026-03-31"})

    assert [row.label for row in response.context["agencies"]] == ["Fenbridge Police"]
    assert "Yewtree Health" not in response.content.decode()


# CSV downloads


def _csv(response) -> list[list[str]]:
    return list(csv.reader(StringIO(response.content.decode("utf-8-sig"))))


def test_course_csv_has_the_same_figures_as_the_table(reader_client, world):
    response = reader_client.get(
        URL, {"starts_on": "2025-04-01", "ends_on": "2026-03-31", "format": "csv", "table": "course"}
    )

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="training uptake by course 2025-04-01 to 2026-03-31.csv"'
    )
    assert _csv(response) == [
        ["Course", "Sessions run", "Places offered", "Booked", "Attended", "Did not attend", "Did-not-attend rate (%)",
         "Cancelled", "Waiting list"],
        ["Child exploitation", "1", "15", "3", "2", "1", "33.3", "1", "0"],
        ["Neglect: recognising and responding", "2", "30", "7", "4", "2", "33.3", "1", "1"],
    ]  # fmt: skip


def test_agency_csv_includes_the_workforce_and_uptake_against_it(reader_client, world):
    response = reader_client.get(
        URL, {"starts_on": "2025-04-01", "ends_on": "2026-03-31", "format": "csv", "table": "agency"}
    )

    rows = _csv(response)
    assert rows[0][-2:] == ["Staff who should train", "Attended per 100 staff"]
    assert rows[1] == ["Fenbridge Police", "4", "3", "1", "25.0", "1", "0", "200", "1.5"]
    assert rows[2] == ["Yewtree Health", "3", "2", "1", "33.3", "0", "1", "", ""]


def test_session_csv_lists_each_session(reader_client, world):
    response = reader_client.get(
        URL, {"starts_on": "2025-04-01", "ends_on": "2026-03-31", "format": "csv", "table": "session"}
    )

    rows = _csv(response)
    assert [row[:5] for row in rows[1:]] == [
        ["Neglect: recognising and responding", "2025-05-10 10:00", "Fenbridge Civic Centre, Room 2", "20", "5"],
        ["Neglect: recognising and responding", "2025-11-03 10:00", "Fenbridge Civic Centre, Room 2", "10", "2"],
        ["Child exploitation", "2026-03-31 18:00", "Fenbridge Civic Centre, Room 2", "15", "3"],
    ]


def test_csv_for_an_unknown_table_says_which_tables_there_are(reader_client, world):
    response = reader_client.get(URL, {"format": "csv", "table": "people"})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "table=course, table=agency or table=session" in response.content.decode()


def test_csv_neutralises_a_formula_in_an_agency_name(reader_client, year):
    agency = AgencyFactory(name="=HYPERLINK(1)")
    RegistrationFactory(session=TrainingSessionFactory(starts_at=_in_year()), agency=agency)

    response = reader_client.get(
        URL, {"starts_on": "2025-04-01", "ends_on": "2026-03-31", "format": "csv", "table": "agency"}
    )

    assert _csv(response)[1][0] == "'=HYPERLINK(1)"


def test_contributor_csv_has_only_their_agency(contributor_client, world):
    response = contributor_client.get(
        URL, {"starts_on": "2025-04-01", "ends_on": "2026-03-31", "format": "csv", "table": "agency"}
    )

    assert [row[0] for row in _csv(response)[1:]] == ["Fenbridge Police"]


# Queries


def _in_year():
    return datetime(2025, 6, 2, 10, tzinfo=ZoneInfo("Europe/London"))


@pytest.mark.parametrize("count", [5, 30])
def test_uptake_page_queries_do_not_grow_with_registrations(reader_client, count, django_assert_num_queries):
    agencies = AgencyFactory.create_batch(3)
    sessions = [TrainingSessionFactory(starts_at=_in_year(), places=40) for _ in range(3)]
    for index in range(count):
        RegistrationFactory(session=sessions[index % 3], agency=agencies[index % 3], status=(ATTENDED, DNA)[index % 2])

    # session, user, the user's own and their groups' permissions; per course: sessions, registrations;
    # per agency; overall: sessions, registrations; per session: sessions, registrations
    with django_assert_num_queries(10):
        response = reader_client.get(URL, {"starts_on": "2025-04-01", "ends_on": "2026-03-31"})

    assert response.status_code == HTTPStatus.OK
    assert sum(row.booked for row in response.context["courses"]) == count
