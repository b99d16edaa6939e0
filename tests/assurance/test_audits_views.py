"""The case-audit pages: who may open them, what they save, and the messages for bad input."""

from datetime import date
from http import HTTPStatus

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from assurance.models import AuditGrading, CaseAudit, SourcedRecommendationAction
from assurance.services import audits as services
from tests.factories import AuditCaseFactory, AuditQuestionFactory, BusinessPlanFactory, CaseAuditFactory

pytestmark = pytest.mark.django_db

NHS_NUMBER = "943 476 5919"  # passes the modulus 11 check


@pytest.fixture
def audit(lead_agency, other_agency):
    audit = CaseAuditFactory(theme="Neglect", held_on=date(2026, 1, 15), agencies=[lead_agency, other_agency])
    AuditCaseFactory(audit=audit, code="A1")
    AuditQuestionFactory(audit=audit, number=1, text="Was the child seen?")
    AuditQuestionFactory(audit=audit, number=2, text="Was the child heard?")
    return audit


def grading_url(audit, agency):
    return reverse("assurance:audit_grading", args=[audit.pk, agency.pk])


def grading_data(audit, grade="good", comment="", version=""):
    data = {}
    for case in audit.cases.all():
        for question in audit.questions.all():
            name = f"{case.pk}_{question.pk}"
            data |= {f"grade_{name}": grade, f"comment_{name}": comment, f"version_{name}": version}
    return data


def test_the_manager_adds_an_audit(manager_client, lead_agency):
    plan = BusinessPlanFactory()
    scale = CaseAuditFactory.build().scale

    response = manager_client.post(
        reverse("assurance:audit_create"),
        {
            "theme": "Neglect",
            "held_on": "2026-01-15",
            "plan": plan.pk,
            "scale": scale.pk,
            "agencies": [lead_agency.pk],
            "status": "planned",
        },
    )

    audit = CaseAudit.objects.get()
    assert response.url == audit.get_absolute_url()
    assert list(audit.agencies.all()) == [lead_agency]


def test_a_stale_edit_of_an_audit_is_refused(manager_client, audit, lead_agency):
    data = {
        "theme": "Changed",
        "held_on": "2026-01-15",
        "plan": audit.plan_id,
        "scale": audit.scale_id,
        "agencies": [lead_agency.pk],
        "status": "grading",
        "version": audit.version + 1,
    }

    response = manager_client.post(reverse("assurance:audit_update", args=[audit.pk]), data)

    assert "after you opened it, so your changes were not saved" in response.content.decode()
    audit.refresh_from_db()
    assert audit.theme == "Neglect"


def test_a_bad_case_code_names_the_rule(manager_client, audit):
    response = manager_client.post(reverse("assurance:audit_cases_create", args=[audit.pk]), {"codes": "A2, Jo Smith"})

    assert "“JO SMITH” is not a case code. A case code is up to 12 capital letters" in response.content.decode()
    assert audit.cases.count() == 1


def test_case_codes_are_added_one_a_line_or_by_commas(manager_client, audit):
    manager_client.post(reverse("assurance:audit_cases_create", args=[audit.pk]), {"codes": "a2, B3\nHB-07"})

    assert list(audit.cases.values_list("code", flat=True)) == ["A1", "A2", "B3", "HB-07"]


def test_a_repeated_case_code_is_named(manager_client, audit):
    response = manager_client.post(reverse("assurance:audit_cases_create", args=[audit.pk]), {"codes": "A1"})

    assert "Case A1 is already in this audit." in response.content.decode()


def test_the_manager_adds_a_question(manager_client, audit):
    manager_client.post(reverse("assurance:audit_question_create", args=[audit.pk]), {"text": "Was there a plan?"})

    assert audit.questions.get(number=3).text == "Was there a plan?"


def test_the_grading_page_labels_each_cell(contributor_client, audit, lead_agency):
    response = contributor_client.get(grading_url(audit, lead_agency))

    page = response.content.decode()
    assert "Case A1, question 2: grade" in page
    assert "Case A1, question 2: comment" in page
    assert "Requires improvement" in page


def test_a_contributor_grades_their_agency(contributor_client, audit, lead_agency, contributor):
    response = contributor_client.post(grading_url(audit, lead_agency), grading_data(audit, comment="Seen weekly"))

    assert response.url == audit.get_absolute_url()
    assert AuditGrading.objects.filter(agency=lead_agency, grade="good", graded_by=contributor).count() == 2


def test_a_contributor_cannot_open_another_agencys_grading(contributor_client, audit, other_agency):
    assert contributor_client.get(grading_url(audit, other_agency)).status_code == HTTPStatus.NOT_FOUND


def test_a_contributor_cannot_grade_for_another_agency(contributor_client, audit, other_agency):
    response = contributor_client.post(grading_url(audit, other_agency), grading_data(audit))

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert not AuditGrading.objects.exists()


def test_a_reader_cannot_grade(reader_client, audit, lead_agency):
    assert reader_client.post(grading_url(audit, lead_agency), grading_data(audit)).status_code == HTTPStatus.FORBIDDEN


def test_an_unknown_grade_is_named(contributor_client, audit, lead_agency):
    response = contributor_client.post(grading_url(audit, lead_agency), grading_data(audit, grade="brilliant"))

    assert "Case A1, question 1: choose one of the grades listed." in response.content.decode()


def test_a_stale_grading_save_is_refused_and_can_be_saved_again(contributor_client, audit, lead_agency, board_manager):
    case, question = audit.cases.get(), audit.questions.get(number=1)
    services.save_gradings(
        audit=audit,
        agency=lead_agency,
        user=board_manager,
        entries=[services.GradeEntry(case, question, "good", "", None)],
    )

    refused = contributor_client.post(grading_url(audit, lead_agency), grading_data(audit, grade="inadequate"))
    again = contributor_client.post(grading_url(audit, lead_agency), refused.context["form"].data)

    assert "after you opened it" in refused.content.decode()
    assert again.status_code == HTTPStatus.FOUND
    assert set(AuditGrading.objects.values_list("grade", flat=True)) == {"inadequate"}


def test_an_identifier_in_a_comment_is_warned_about(contributor_client, audit, lead_agency):
    response = contributor_client.post(
        grading_url(audit, lead_agency), grading_data(audit, comment=f"NHS {NHS_NUMBER}"), follow=True
    )

    warnings = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("looks like an NHS number" in warning for warning in warnings)


def test_the_audit_page_shows_grades_in_words(reader_client, audit, lead_agency, contributor):
    case, question = audit.cases.get(), audit.questions.get(number=1)
    services.save_gradings(
        audit=audit,
        agency=lead_agency,
        user=contributor,
        entries=[services.GradeEntry(case, question, "good", "", None)],
    )

    page = reader_client.get(audit.get_absolute_url()).content.decode()

    assert '<span class="rag rag-case-audit--good">Good</span> 1' in page
    assert "Grade " not in page  # readers see no way to grade


def test_a_contributor_sees_only_their_agencys_grading_link(contributor_client, audit, lead_agency, other_agency):
    page = contributor_client.get(audit.get_absolute_url()).content.decode()

    assert grading_url(audit, lead_agency) in page
    assert grading_url(audit, other_agency) not in page


def test_completing_an_audit(manager_client, audit):
    response = manager_client.post(
        reverse("assurance:audit_complete", args=[audit.pk]),
        {"findings": "Found", "learning": "Learned", "completed_on": "2026-02-01", "version": audit.version},
    )

    audit.refresh_from_db()
    assert response.url == audit.get_absolute_url()
    assert audit.status == CaseAudit.Status.COMPLETED


def test_completing_needs_findings(manager_client, audit):
    response = manager_client.post(
        reverse("assurance:audit_complete", args=[audit.pk]),
        {"findings": "", "completed_on": "2026-02-01", "version": audit.version},
    )

    assert "Write what the audit found." in response.content.decode()


def test_adding_a_recommendation_and_its_action(manager_client, audit, lead_agency):
    manager_client.post(
        reverse("assurance:audit_recommendation_create", args=[audit.pk]),
        {"text": "Share sooner.", "agencies": [lead_agency.pk]},
    )
    recommendation = audit.recommendation_source.recommendations.get()

    response = manager_client.post(
        reverse("assurance:audit_recommendation_action_create", args=[recommendation.pk]),
        {"plan": audit.plan_id, "text": "Train staff", "lead_agencies": [lead_agency.pk], "target": "March 2026"},
    )

    link = SourcedRecommendationAction.objects.get()
    assert response.url == audit.get_absolute_url() + "#recommendation-1"
    assert link.action.ref == "CA1-1.1"
    assert "CA1-1.1" in manager_client.get(audit.get_absolute_url()).content.decode()


def test_a_contributor_cannot_add_a_recommendation(contributor_client, audit):
    response = contributor_client.post(
        reverse("assurance:audit_recommendation_create", args=[audit.pk]), {"text": "Share sooner."}
    )

    assert response.status_code == HTTPStatus.FORBIDDEN


def test_the_edit_form_cannot_complete_an_audit(manager_client, audit, lead_agency):
    data = {
        "theme": "Neglect",
        "held_on": "2026-01-15",
        "plan": audit.plan_id,
        "scale": audit.scale_id,
        "agencies": [lead_agency.pk],
        "status": "completed",
        "version": audit.version,
    }

    response = manager_client.post(reverse("assurance:audit_update", args=[audit.pk]), data)

    assert "Select a valid choice" in response.content.decode()
    audit.refresh_from_db()
    assert audit.status == CaseAudit.Status.PLANNED


def test_a_completed_audits_grading_page_has_no_save(contributor_client, audit, lead_agency):
    services.complete_audit(
        audit=audit, findings="Found", learning="", completed_on=date(2026, 2, 1), expected_version=audit.version
    )

    page = contributor_client.get(grading_url(audit, lead_agency)).content.decode()

    assert "its grades can no longer change" in page
    assert "Save grades" not in page
