"""The audit page and an agency's grading page read the same number of queries however many cases, questions
and agencies the audit has."""

from datetime import date
from http import HTTPStatus

import pytest
from django.urls import reverse

from assurance.services import audits as services
from assurance.services import recommendations
from tests.factories import AgencyFactory, AuditCaseFactory, AuditQuestionFactory, BusinessPlanFactory, CaseAuditFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def audit(lead_agency, other_agency):
    return CaseAuditFactory(held_on=date(2026, 1, 15), agencies=[lead_agency, other_agency])


def grow(audit, board_manager, *, size: int):
    """Add cases, questions, another agency, grades for each, and a recommendation with an action."""
    audit.agencies.add(AgencyFactory())
    cases = [AuditCaseFactory(audit=audit) for _ in range(size)]
    questions = [AuditQuestionFactory(audit=audit) for _ in range(size)]
    for agency in audit.agencies.all():
        entries = [
            services.GradeEntry(case, question, "good", "Seen", None) for case in cases for question in questions
        ]
        services.save_gradings(audit=audit, agency=agency, user=board_manager, entries=entries)
    recommendation = services.add_audit_recommendation(audit=audit, text="Share.", agencies=list(audit.agencies.all()))
    recommendations.add_recommendation_action(
        recommendation, plan=BusinessPlanFactory(), text="Train", lead_agencies=list(audit.agencies.all())
    )


def test_audit_page_queries_do_not_grow(manager_client, board_manager, audit, django_assert_num_queries):
    grow(audit, board_manager, size=2)
    url = reverse("assurance:audit_detail", args=[audit.pk])

    # session, user, audit with its plan, scale and source, the scale's levels, agencies, questions, cases,
    # the grades counted, recommendations, their agencies, actions, their lead agencies, their plans' levels,
    # latest accepted progress; the user's own and groups' permissions
    with django_assert_num_queries(15):
        response = manager_client.get(url)
    grow(audit, board_manager, size=3)
    with django_assert_num_queries(15):
        manager_client.get(url)

    assert response.status_code == HTTPStatus.OK


def test_grading_page_queries_do_not_grow(
    contributor_client, board_manager, audit, lead_agency, django_assert_num_queries
):
    grow(audit, board_manager, size=2)
    url = reverse("assurance:audit_grading", args=[audit.pk, lead_agency.pk])

    # session, user, the user's own and groups' permissions, audit with its scale, the agency, cases, questions,
    # the scale's levels, gradings
    with django_assert_num_queries(9):
        response = contributor_client.get(url)
    grow(audit, board_manager, size=3)
    with django_assert_num_queries(9):
        contributor_client.get(url)

    assert response.status_code == HTTPStatus.OK


def test_audit_page_queries_for_a_contributor_do_not_grow(
    contributor_client, board_manager, audit, django_assert_num_queries
):
    grow(audit, board_manager, size=2)
    url = reverse("assurance:audit_detail", args=[audit.pk])

    # as the manager's page, and the contributor's own agencies, to offer their grading pages
    with django_assert_num_queries(16):
        contributor_client.get(url)
    grow(audit, board_manager, size=3)
    with django_assert_num_queries(16):
        response = contributor_client.get(url)

    assert response.status_code == HTTPStatus.OK
