"""assurance.services.audits: audits, questions, cases, grades, completing, recommendations and their actions."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from assurance.models import AuditGrading, CaseAudit, RecommendationSource, SourcedRecommendationAction
from assurance.services import audits as services
from assurance.services import recommendations
from core.conflicts import ConflictError
from tests.factories import (
    AgencyFactory,
    AuditCaseFactory,
    AuditQuestionFactory,
    BusinessPlanFactory,
    CaseAuditFactory,
    RatingLevelFactory,
    case_audit_scale,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def audit(lead_agency, other_agency):
    return CaseAuditFactory(theme="Neglect", held_on=date(2026, 1, 15), agencies=[lead_agency, other_agency])


def entry(case, question, grade="good", comment="", version=None):
    return services.GradeEntry(case=case, question=question, grade=grade, comment=comment, expected_version=version)


def test_the_built_in_scale_runs_outstanding_to_inadequate():
    labels = [level.label for level in case_audit_scale().as_scale().levels]

    assert labels == ["Outstanding", "Good", "Requires improvement", "Inadequate"]


def test_saving_a_stale_audit_is_refused(audit, lead_agency):
    audit.theme = "Changed"

    with pytest.raises(ConflictError):
        services.save_audit(audit=audit, agencies=[lead_agency], expected_version=audit.version + 1)


def test_saving_an_audit_takes_the_next_version(audit, lead_agency):
    saved = services.save_audit(audit=audit, agencies=[lead_agency], expected_version=audit.version)

    assert saved.version == 2
    assert list(saved.agencies.all()) == [lead_agency]


def test_an_agency_that_graded_cannot_leave_the_audit(audit, lead_agency, other_agency, contributor):
    case, question = AuditCaseFactory(audit=audit), AuditQuestionFactory(audit=audit)
    services.save_gradings(audit=audit, agency=lead_agency, user=contributor, entries=[entry(case, question)])

    with pytest.raises(ValidationError, match="Fenbridge Police already graded cases"):
        services.save_audit(audit=audit, agencies=[other_agency], expected_version=audit.version)


def test_the_scale_cannot_change_once_graded(audit, lead_agency, other_agency, contributor):
    case, question = AuditCaseFactory(audit=audit), AuditQuestionFactory(audit=audit)
    services.save_gradings(audit=audit, agency=lead_agency, user=contributor, entries=[entry(case, question)])
    audit.scale = RatingLevelFactory().scale

    with pytest.raises(ValidationError, match="cannot change"):
        services.save_audit(audit=audit, agencies=[lead_agency, other_agency], expected_version=audit.version)


def test_questions_are_numbered_in_turn(audit):
    services.add_question(audit=audit, text="First")

    second = services.add_question(audit=audit, text="Second")

    assert second.number == 2


def test_cases_are_added_by_code(audit):
    cases = services.add_cases(audit=audit, codes=["A1", "HB-07"])

    assert [case.code for case in cases] == ["A1", "HB-07"]


def test_a_case_already_in_the_audit_adds_nothing(audit):
    AuditCaseFactory(audit=audit, code="A1")

    with pytest.raises(ValidationError, match="Case A1 is already in this audit."):
        services.add_cases(audit=audit, codes=["A2", "A1"])

    assert audit.cases.count() == 1


def test_a_bad_case_code_names_the_rule(audit):
    with pytest.raises(ValidationError, match="up to 12 capital letters"):
        services.add_cases(audit=audit, codes=["JO BLOGGS"])


def test_a_contributor_grades_their_agency(audit, lead_agency, contributor):
    case, question = AuditCaseFactory(audit=audit), AuditQuestionFactory(audit=audit)

    [grading] = services.save_gradings(
        audit=audit, agency=lead_agency, user=contributor, entries=[entry(case, question, comment="Seen weekly")]
    )

    assert (grading.grade, grading.comment, grading.graded_by, grading.version) == (
        "good",
        "Seen weekly",
        contributor,
        1,
    )


def test_blank_cells_make_no_grading(audit, lead_agency, contributor):
    case, question = AuditCaseFactory(audit=audit), AuditQuestionFactory(audit=audit)

    services.save_gradings(audit=audit, agency=lead_agency, user=contributor, entries=[entry(case, question, grade="")])

    assert not AuditGrading.objects.exists()


def test_a_contributor_cannot_grade_for_another_agency(audit, other_agency, contributor):
    case, question = AuditCaseFactory(audit=audit), AuditQuestionFactory(audit=audit)

    with pytest.raises(ValidationError, match="You cannot grade for Fenbridge Community Health"):
        services.save_gradings(audit=audit, agency=other_agency, user=contributor, entries=[entry(case, question)])


def test_an_agency_outside_the_audit_cannot_grade(audit, board_manager):
    case, question = AuditCaseFactory(audit=audit), AuditQuestionFactory(audit=audit)

    with pytest.raises(ValidationError, match="is not taking part"):
        services.save_gradings(audit=audit, agency=AgencyFactory(), user=board_manager, entries=[entry(case, question)])


def test_a_stale_grade_refuses_the_whole_save(audit, lead_agency, contributor, board_manager):
    case, question = AuditCaseFactory(audit=audit), AuditQuestionFactory(audit=audit)
    other_case = AuditCaseFactory(audit=audit)
    services.save_gradings(audit=audit, agency=lead_agency, user=board_manager, entries=[entry(case, question)])

    with pytest.raises(ConflictError, match="Case A"):
        services.save_gradings(
            audit=audit,
            agency=lead_agency,
            user=contributor,
            entries=[entry(other_case, question), entry(case, question, grade="inadequate", version=None)],
        )

    assert list(AuditGrading.objects.values_list("grade", flat=True)) == ["good"]


def test_a_grade_saved_with_its_version_changes(audit, lead_agency, contributor):
    case, question = AuditCaseFactory(audit=audit), AuditQuestionFactory(audit=audit)
    services.save_gradings(audit=audit, agency=lead_agency, user=contributor, entries=[entry(case, question)])

    [grading] = services.save_gradings(
        audit=audit, agency=lead_agency, user=contributor, entries=[entry(case, question, "inadequate", version=1)]
    )

    assert (grading.grade, grading.version) == ("inadequate", 2)


def test_a_completed_audit_takes_no_grades(audit, lead_agency, contributor):
    case, question = AuditCaseFactory(audit=audit), AuditQuestionFactory(audit=audit)
    services.complete_audit(
        audit=audit, findings="Found", learning="", completed_on=date(2026, 2, 1), expected_version=audit.version
    )

    with pytest.raises(ValidationError, match="completed"):
        services.save_gradings(audit=audit, agency=lead_agency, user=contributor, entries=[entry(case, question)])


def test_completing_records_findings_and_status(audit):
    services.complete_audit(
        audit=audit, findings="Found", learning="Learned", completed_on=date(2026, 2, 1), expected_version=1
    )

    audit.refresh_from_db()
    assert (audit.status, audit.findings, audit.completed_on) == (CaseAudit.Status.COMPLETED, "Found", date(2026, 2, 1))


def test_an_audit_cannot_be_completed_before_it_was_held(audit):
    with pytest.raises(ValidationError, match="before the day it was held"):
        services.complete_audit(
            audit=audit, findings="Found", learning="", completed_on=date(2025, 12, 1), expected_version=1
        )


def test_the_first_recommendation_makes_the_audits_source(audit, lead_agency):
    recommendation = services.add_audit_recommendation(audit=audit, text="Share sooner.", agencies=[lead_agency])

    source = recommendation.source
    assert (source.kind, source.case_audit, source.plan, source.code, source.title) == (
        RecommendationSource.Kind.CASE_AUDIT,
        audit,
        audit.plan,
        "CA1",
        "Multi-agency case audit: Neglect, January 2026",
    )
    assert (recommendation.number, list(recommendation.agencies.all())) == (1, [lead_agency])


def test_later_recommendations_share_the_source(audit):
    first = services.add_audit_recommendation(audit=audit, text="One.", agencies=[])

    second = services.add_audit_recommendation(audit=audit, text="Two.", agencies=[])

    assert (second.source, second.number) == (first.source, 2)


def test_each_audit_gets_its_own_code_and_title(audit):
    services.add_audit_recommendation(audit=audit, text="One.", agencies=[])
    twin = CaseAuditFactory(theme="Neglect", held_on=date(2026, 1, 20))

    source = services.add_audit_recommendation(audit=twin, text="One.", agencies=[]).source

    assert (source.code, source.title) == ("CA2", "Multi-agency case audit: Neglect, January 2026 (CA2)")


def test_an_action_of_a_recommendation_is_a_plan_action(audit, lead_agency):
    recommendation = services.add_audit_recommendation(audit=audit, text="One.", agencies=[])
    plan = BusinessPlanFactory()

    action = recommendations.add_recommendation_action(
        recommendation, plan=plan, text="Train staff", lead_agencies=[lead_agency]
    )

    assert (action.ref, action.plan, action.objective) == ("CA1-1.1", plan, None)
    assert SourcedRecommendationAction.objects.get(action=action).recommendation == recommendation
