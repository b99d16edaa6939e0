"""The register page: every source's recommendations in one table, its filters, its files, who may read it, and
its query count whatever the number of recommendations and sources."""

import csv
import io
from datetime import date
from http import HTTPStatus

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from assurance.services.recommendations import add_recommendation_action
from core.models.decisions import Decision
from reviews import services as review_services
from tests.factories import AssuranceRecommendationFactory, BusinessPlanFactory, UserFactory
from tests.reviews.factories import RecommendationFactory

pytestmark = pytest.mark.django_db

REGISTER = reverse("assurance:register")
# Session, user, permissions (2), the filter's agencies, and three per provider: recommendations, agencies, actions.
QUERIES = 10


@pytest.fixture
def plan():
    return BusinessPlanFactory(title="Register plan")


@pytest.fixture
def entries(lead_agency, other_agency, plan):
    """An Ofsted recommendation not accepted, a peer review's accepted with an action, a case review's awaiting."""
    not_accepted = AssuranceRecommendationFactory(
        source__title="Ofsted inspection, March 2026",
        number=1,
        text="Review the front door.",
        agencies=[lead_agency],
        decision=Decision.NOT_ACCEPTED,
        decision_reasons="The front door was reviewed in 2025.",
        decided_by="The board",
        decision_meeting="Board, 12 March 2026",
        decided_on=date(2026, 3, 12),
    )
    accepted = AssuranceRecommendationFactory(
        source__title="Peer review 2026",
        source__kind="peer",
        source__code="PR26",
        number=4,
        text="Train on neglect.",
        agencies=[other_agency],
        decision=Decision.ACCEPTED,
        decided_on=date(2026, 3, 12),
    )
    add_recommendation_action(accepted, plan=plan, text="Run neglect training.", lead_agencies=[other_agency])
    awaiting = RecommendationFactory(review__name="Child S", number=2, text="Share chronologies.")
    return not_accepted, accepted, awaiting


def numbers(response) -> list[str]:
    return [entry.text for entry in response.context["entries"]]


def test_the_register_shows_every_source_with_decisions_and_actions(reader_client, entries):
    response = reader_client.get(REGISTER)

    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    for text in ("Ofsted inspection, March 2026", "Peer review 2026", "Child S", "Case review", "Not accepted"):
        assert text in page
    assert "The front door was reviewed in 2025." in page
    assert "The board, Board, 12 March 2026, 12 March 2026" in page
    assert "PR26-4.1" in page
    assert "In progress" in page
    assert "Awaiting decision" in page
    assert "Not for action" in page
    assert "Record decision" not in page  # readers record no decisions


def test_the_manager_has_a_link_to_record_each_decision(manager_client, entries):
    page = manager_client.get(REGISTER).content.decode()

    assert page.count("Record decision<") == 3


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"kind": "peer"}, ["Train on neglect."]),
        ({"kind": "case_review"}, ["Share chronologies."]),
        ({"decision": "not_accepted"}, ["Review the front door."]),
        ({"decision": "awaiting"}, ["Share chronologies."]),
        ({"status": "in_progress"}, ["Train on neglect."]),
        ({"decision": "accepted", "kind": "ofsted"}, []),
    ],
)
def test_filters(reader_client, entries, filters, expected):
    assert numbers(reader_client.get(REGISTER, filters)) == expected


def test_filter_by_agency(reader_client, entries, lead_agency):
    assert numbers(reader_client.get(REGISTER, {"agency": lead_agency.pk})) == ["Review the front door."]


def test_a_bad_filter_is_named_and_filters_nothing(reader_client, entries):
    response = reader_client.get(REGISTER, {"decision": "maybe"})

    assert response.status_code == HTTPStatus.OK
    assert "Select a valid choice" in response.content.decode()
    assert len(response.context["entries"]) == 3


def test_no_match_says_so(reader_client, entries):
    response = reader_client.get(REGISTER, {"decision": "partly_accepted"})

    assert "No recommendations match these filters." in response.content.decode()


def test_the_csv_export_is_the_filtered_list(reader_client, entries):
    url = reverse("assurance:register_export", args=["csv"])

    response = reader_client.get(url, {"decision": "not_accepted"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:5] == ["Source", "Source kind", "Report date", "Number", "Recommendation"]
    assert len(rows) == 2
    assert rows[1][6:11] == [
        "Not accepted",
        "The front door was reviewed in 2025.",
        "The board",
        "Board, 12 March 2026",
        "2026-03-12",
    ]


def test_the_xlsx_export_lists_actions(reader_client, entries):
    url = reverse("assurance:register_export", args=["xlsx"])

    response = reader_client.get(url, {"kind": "peer"})

    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 2
    assert rows[1][0] == "Peer review 2026"
    assert rows[1][-1] == "PR26-4.1 (Open)"
    assert rows[1][-2] == "In progress"


def test_an_unknown_file_format_is_not_found(reader_client):
    assert reader_client.get(reverse("assurance:register_export", args=["pdf"])).status_code == HTTPStatus.NOT_FOUND


def test_a_user_without_a_role_may_not_read_the_register(client, entries):
    client.force_login(UserFactory(username="no-role"))

    assert client.get(REGISTER).status_code == HTTPStatus.FORBIDDEN


def _more(plan, lead_agency, count):
    for _ in range(count):
        recommendation = AssuranceRecommendationFactory(agencies=[lead_agency])
        add_recommendation_action(recommendation, plan=plan, text="Act.", lead_agencies=[lead_agency])
        review_recommendation = RecommendationFactory(agencies=[lead_agency])
        review_services.add_recommendation_action(review_recommendation, plan=plan, text="Act.", lead_agencies=[])


def test_the_register_page_reads_in_the_same_queries_however_many_entries(
    reader_client, django_assert_num_queries, plan, lead_agency
):
    _more(plan, lead_agency, 1)
    reader_client.get(REGISTER)  # the session and permissions are cached after the first page
    with django_assert_num_queries(QUERIES):
        assert len(reader_client.get(REGISTER).context["entries"]) == 2

    _more(plan, lead_agency, 4)
    with django_assert_num_queries(QUERIES):
        assert len(reader_client.get(REGISTER).context["entries"]) == 10
