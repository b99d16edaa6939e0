"""The demo's assurance: a Section 11 cycle under way, a completed case audit and an inspection's recommendations."""

from assurance import paper as assurance_paper
from assurance.models import (
    AssuranceRecommendation,
    AuditCase,
    AuditGrading,
    CaseAudit,
    RecommendationSource,
    Section11Cycle,
    Section11Return,
    SourcedRecommendationAction,
    Standard,
    StandardAssessment,
)
from core.models.decisions import Decision
from objectives.identifiers import find_identifiers
from objectives.models import Action, BusinessPlan, ProgressRound, ProgressUpdate

from .demo_loaded import MAIN_PLAN, load_demo, row_counts


def test_the_demo_opens_a_section11_cycle_for_five_agencies_on_the_demo_plan(demo_output):
    cycle = Section11Cycle.objects.get(code="S11")

    assert cycle.plan.title == MAIN_PLAN
    assert cycle.agencies.count() == 5
    assert cycle.standards.count() == Standard.objects.filter(is_active=True).count() > 0
    assert cycle.published_on is None


def test_the_demo_leaves_polices_return_for_its_officer_to_fill_in(demo_output):
    police = Section11Return.objects.get(agency__short_name="Police")

    assert police.status == Section11Return.Status.DRAFT
    assert police.submitted_on is None
    assert not police.assessments.exclude(rating="").exists()
    assert Section11Return.objects.editable_by(police.agency.members.get()).get() == police


def test_the_demo_has_the_other_returns_submitted_and_some_moderated(demo_output):
    statuses = sorted(Section11Return.objects.exclude(agency__short_name="Police").values_list("status", flat=True))

    assert statuses == ["moderated", "moderated", "submitted", "submitted"]
    assert not Section11Return.objects.exclude(status="draft").filter(submitted_on=None).exists()
    moderated = StandardAssessment.objects.filter(section11_return__status="moderated")
    assert moderated.exclude(agreed_rating="").count() == moderated.count() > 0
    assert moderated.exclude(challenge="").exists()


def test_the_demo_completes_a_case_audit_of_four_coded_cases_with_gradings_and_findings(demo_output):
    audit = CaseAudit.objects.get()

    assert audit.status == CaseAudit.Status.COMPLETED
    assert audit.completed_on > audit.held_on
    assert audit.findings
    assert audit.learning
    assert list(AuditCase.objects.filter(audit=audit).values_list("code", flat=True)) == ["A1", "A2", "A3", "A4"]
    assert audit.questions.count() == 3
    assert AuditGrading.objects.filter(case__audit=audit).count() == 24
    assert audit.recommendation_source.recommendations.get().action_links.count() == 1


def test_the_demo_inspection_has_accepted_partly_and_not_accepted_recommendations(demo_output):
    source = RecommendationSource.objects.get(kind=RecommendationSource.Kind.JTAI)
    recommendations = list(source.recommendations.order_by("number"))

    assert [recommendation.decision for recommendation in recommendations] == [
        Decision.ACCEPTED,
        Decision.ACCEPTED,
        Decision.PARTLY_ACCEPTED,
        Decision.NOT_ACCEPTED,
    ]
    assert [recommendation.action_links.count() for recommendation in recommendations] == [2, 1, 1, 0]
    assert all(recommendation.decision_reasons for recommendation in recommendations[2:])
    for recommendation in recommendations:
        recommendation.full_clean()


def test_the_demo_makes_recommendation_actions_in_the_plan_with_leads_and_future_targets(demo_output):
    actions = Action.objects.filter(assurance_recommendation_link__isnull=False)

    assert sorted(actions.values_list("ref", flat=True)) == ["CA1-1.1", "JT1-1.1", "JT1-1.2", "JT1-2.1", "JT1-3.1"]
    assert set(actions.values_list("plan__title", flat=True)) == {MAIN_PLAN}
    assert not actions.filter(objective__isnull=False).exists()
    assert not actions.filter(lead_agencies=None).exists()
    assert SourcedRecommendationAction.objects.count() == 5


def test_the_inspections_actions_report_progress_in_the_rounds_reported_to_the_committee(demo_output):
    actions = Action.objects.filter(assurance_recommendation_link__recommendation__source__code="JT1")

    for action in actions:
        reported = action.progress_updates.filter(round__closed_at__isnull=False)
        assert reported.count() == 2
        assert not reported.exclude(state=ProgressUpdate.State.ACCEPTED).exists()


def test_the_demo_assurance_holds_no_identifiers(demo_output):
    texts = [
        *CaseAudit.objects.values_list("theme", "findings", "learning"),
        *StandardAssessment.objects.values_list("evidence", "improvement_actions", "challenge"),
        *AssuranceRecommendation.objects.values_list("text", "decision_reasons"),
        *RecommendationSource.objects.values_list("title", "summary"),
        *Action.objects.filter(assurance_recommendation_link__isnull=False).values_list("text"),
    ]

    assert texts
    assert [text for row in texts for text in row if find_identifiers(text)] == []
    for case in AuditCase.objects.all():
        case.full_clean()


def test_the_latest_round_of_the_demo_plan_has_an_assurance_section(demo_output):
    plan = BusinessPlan.objects.get(title=MAIN_PLAN)
    latest = ProgressRound.objects.filter(plan=plan).order_by("-as_of").first()

    section = assurance_paper.build(plan=plan, progress_round=latest)

    assert section.data["section11"]["title"] == Section11Cycle.objects.get().title
    assert [audit["theme"] for audit in section.data["audits"]] == ["Neglect in children under five"]


def test_running_load_demo_again_creates_no_assurance_record(demo_output):
    before = row_counts()

    load_demo()

    assert row_counts() == before
