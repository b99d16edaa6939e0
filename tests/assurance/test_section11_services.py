"""assurance.services.section11: a cycle's returns from opening to the published grid and agreed actions."""

from importlib import import_module

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from assurance.models import ImprovementAction, Section11Return, Standard, StandardAssessment
from assurance.services import section11 as services
from core import contrast
from core.conflicts import ConflictError
from core.models import RatingScale
from tests.assurance.section11_world import default_standards, fill_in, moderate, open_test_cycle, submitted
from tests.factories import BusinessPlanFactory, Section11CycleFactory, StandardFactory

pytestmark = pytest.mark.django_db


def test_the_default_framework_has_working_togethers_eleven_arrangements():
    standards = default_standards()

    assert [standard.number for standard in standards] == list(range(1, 12))
    assert standards[1].title == "Senior leadership"
    assert standards[-1].title == "Allegations against staff"


def test_the_built_in_scale_reads_in_words_passes_the_contrast_check_and_ranks_met_highest():
    scale = RatingScale.objects.get(name="section-11")

    levels = list(scale.levels.all())
    for level in levels:
        level.full_clean()
        assert contrast.contrast_ratio(level.fill, level.text_colour) >= contrast.TEXT_MINIMUM
    assert scale.is_built_in
    assert [level.label for level in levels] == ["Fully met", "Partially met", "Not met"]
    assert [level.code for level in sorted(levels, key=lambda level: level.rank)] == ["not_met", "partly_met", "met"]
    assert [level.counts_as_complete for level in levels] == [True, False, False]
    assert [level.is_exception for level in levels] == [False, False, True]


def test_opening_a_cycle_makes_a_return_per_agency_and_an_assessment_per_standard(lead_agency, other_agency):
    standards = StandardFactory.create_batch(3)

    cycle = open_test_cycle(agencies=[lead_agency, other_agency], standards=standards)

    assert cycle.returns.count() == 2
    assert StandardAssessment.objects.filter(section11_return__cycle=cycle).count() == 6
    assert set(cycle.standards.all()) == set(standards)


def test_opening_a_cycle_with_no_agencies_saves_nothing(db):
    cycle = Section11CycleFactory.build()

    with pytest.raises(ValidationError, match="at least one agency"):
        services.open_cycle(cycle=cycle, standards=StandardFactory.create_batch(1), agencies=[])

    assert not type(cycle).objects.exists()


def test_opening_a_cycle_with_a_taken_code_saves_nothing(lead_agency):
    open_test_cycle(agencies=[lead_agency], code="S11")
    again = Section11CycleFactory.build(code="S11", plan=BusinessPlanFactory())

    with pytest.raises(ValidationError):
        services.open_cycle(cycle=again, standards=StandardFactory.create_batch(1), agencies=[lead_agency])

    assert Section11Return.objects.count() == 1


def test_saving_a_return_records_each_standards_answer(lead_agency):
    return_ = open_test_cycle(agencies=[lead_agency]).returns.get()

    fill_in(return_, "not_met")

    assert {a.rating for a in return_.assessments.all()} == {"not_met"}
    assert {a.evidence for a in return_.assessments.all()} == {"Our policy"}
    assert return_.version == 2


def test_a_stale_save_is_refused_and_changes_nothing(lead_agency):
    return_ = open_test_cycle(agencies=[lead_agency]).returns.get()
    stale_version = return_.version
    fill_in(Section11Return.objects.get(pk=return_.pk), "met")
    answers = {a.standard_id: services.AssessmentInput("not_met", "", "") for a in return_.assessments.all()}

    with pytest.raises(ConflictError):
        services.save_return(section11_return=return_, expected_version=stale_version, answers=answers)

    assert {a.rating for a in return_.assessments.all()} == {"met"}


def test_a_rating_not_on_the_cycles_scale_is_refused(lead_agency):
    return_ = open_test_cycle(agencies=[lead_agency]).returns.get()
    answers = {a.standard_id: services.AssessmentInput("green", "", "") for a in return_.assessments.all()}

    with pytest.raises(ValidationError, match="not green"):
        services.save_return(section11_return=return_, expected_version=return_.version, answers=answers)


def test_submitting_names_the_standards_not_rated(lead_agency, contributor):
    standards = [StandardFactory(number=201, title="Safer recruitment"), StandardFactory(number=202)]
    return_ = open_test_cycle(agencies=[lead_agency], standards=standards).returns.get()
    first = return_.assessments.get(standard__number=202)
    answers = {first.standard_id: services.AssessmentInput("met", "", "")}
    services.save_return(section11_return=return_, expected_version=return_.version, answers=answers)

    with pytest.raises(ValidationError, match=r"Not rated yet: standard 201 \(Safer recruitment\)"):
        services.submit_return(section11_return=return_, user=contributor)

    return_.refresh_from_db()
    assert return_.status == Section11Return.Status.DRAFT


def test_a_submitted_return_cannot_be_changed_until_sent_back(lead_agency, contributor):
    return_ = submitted(open_test_cycle(agencies=[lead_agency]).returns.get(), contributor)
    assert return_.submitted_by == contributor

    with pytest.raises(ValidationError, match="no longer be changed"):
        fill_in(return_, "met")

    services.send_back_return(section11_return=return_)
    fill_in(return_, "met")
    assert {a.rating for a in return_.assessments.all()} == {"met"}


def test_moderating_records_the_challenge_agreed_rating_and_who(lead_agency, contributor, board_manager):
    return_ = submitted(open_test_cycle(agencies=[lead_agency]).returns.get(), contributor)

    moderate(return_, board_manager, "not_met")

    assessment = return_.assessments.first()
    assert (assessment.challenge, assessment.agreed_rating) == ("How do you know?", "not_met")
    assert assessment.moderated_by == board_manager
    assert assessment.moderated_on is not None
    assert return_.status == Section11Return.Status.MODERATED


def test_a_draft_cannot_be_moderated(lead_agency, board_manager):
    return_ = open_test_cycle(agencies=[lead_agency]).returns.get()

    with pytest.raises(ValidationError, match="not submitted yet"):
        moderate(return_, board_manager)


def test_moderation_needs_an_agreed_rating_for_every_standard(lead_agency, contributor, board_manager):
    return_ = submitted(open_test_cycle(agencies=[lead_agency]).returns.get(), contributor)
    one = return_.assessments.first()

    with pytest.raises(ValidationError, match="Agree a rating for every standard"):
        services.moderate_return(
            section11_return=return_,
            user=board_manager,
            expected_version=return_.version,
            answers={one.standard_id: services.ModerationInput("", "met")},
        )


def test_publishing_with_returns_not_moderated_needs_the_managers_confirmation(
    lead_agency, other_agency, contributor, board_manager
):
    cycle = open_test_cycle(agencies=[lead_agency, other_agency])
    moderate(submitted(cycle.returns.get(agency=lead_agency), contributor), board_manager)

    with pytest.raises(ValidationError, match=f"Not moderated yet: {other_agency}"):
        services.publish_cycle(cycle=cycle, user=board_manager)
    services.publish_cycle(cycle=cycle, user=board_manager, confirm_unmoderated=True)

    assert cycle.is_published
    assert cycle.published_by == board_manager


def test_publishing_with_every_return_moderated_needs_no_confirmation(lead_agency, contributor, board_manager):
    cycle = open_test_cycle(agencies=[lead_agency])
    moderate(submitted(cycle.returns.get(), contributor), board_manager)

    services.publish_cycle(cycle=cycle, user=board_manager)

    assert cycle.is_published
    with pytest.raises(ValidationError, match="already published"):
        services.publish_cycle(cycle=cycle, user=board_manager)


def test_a_published_return_cannot_be_sent_back(lead_agency, contributor, board_manager):
    cycle = open_test_cycle(agencies=[lead_agency])
    return_ = moderate(submitted(cycle.returns.get(), contributor), board_manager)
    services.publish_cycle(cycle=cycle, user=board_manager)

    with pytest.raises(ValidationError, match="published"):
        services.send_back_return(section11_return=Section11Return.objects.get(pk=return_.pk))


def test_an_improvement_action_is_a_plan_action_led_by_the_agency(lead_agency, contributor, board_manager):
    standard = StandardFactory(number=205)
    cycle = open_test_cycle(agencies=[lead_agency], standards=[standard], code="S11")
    return_ = moderate(submitted(cycle.returns.get(), contributor), board_manager)
    assessment = return_.assessments.get()

    first = services.agree_improvement_action(assessment=assessment, text="Audit the training records")
    second = services.agree_improvement_action(assessment=assessment, text="Refresh the policy")

    assert (first.ref, second.ref) == ("S11-205.1", "S11-205.2")
    assert first.plan == cycle.plan
    assert first.objective is None
    assert list(first.lead_agencies.all()) == [lead_agency]
    assert ImprovementAction.objects.filter(assessment=assessment).count() == 2


def test_no_improvement_action_before_the_return_is_submitted(lead_agency):
    assessment = open_test_cycle(agencies=[lead_agency]).returns.get().assessments.first()

    with pytest.raises(ValidationError, match="once the agency has submitted"):
        services.agree_improvement_action(assessment=assessment, text="Anything")

    assert not ImprovementAction.objects.exists()


def test_the_migration_reversed_removes_the_framework_it_added_and_only_that(db):
    migration = import_module("assurance.migrations.0002_default_section11_standards")
    own = StandardFactory(number=150)

    migration.remove_framework(apps, None)

    assert list(Standard.objects.all()) == [own]
    assert not RatingScale.objects.filter(name="section-11").exists()
    migration.add_framework(apps, None)
    assert Standard.objects.count() == 12
    assert RatingScale.objects.get(name="section-11").levels.count() == 3
