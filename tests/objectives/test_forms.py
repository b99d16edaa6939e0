from datetime import date

import pytest
from django.core.exceptions import ValidationError

from core.forms import add_service_error, form_after_conflict
from objectives.forms import (
    ActionForm,
    AimForm,
    ObjectiveForm,
    ProgressForm,
    ReviewForm,
    RoundForm,
)
from objectives.models import Action, Aim, Objective, ProgressRound, ProgressUpdate
from objectives.plan_forms import PlanForm
from objectives.services import actions as action_services
from tests.factories import (
    ActionFactory,
    AgencyFactory,
    AimFactory,
    BusinessPlanFactory,
    ObjectiveFactory,
    ProgressRoundFactory,
    ProgressUpdateFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def objective():
    return ObjectiveFactory(ref="1.1", aim__number=1)


def action_form(objective, instance=None, **data):
    fields = {"ref": "1.1.1", "text": "Audit referrals.", "status": "open", "target": "", **data}
    return ActionForm(data=fields, instance=instance or Action(objective=objective))


@pytest.mark.parametrize(
    ("typed", "target_on", "is_month"),
    [
        ("2026-03-31", date(2026, 3, 31), False),
        ("2026-03", date(2026, 3, 31), True),
        ("March 2026", date(2026, 3, 31), True),
        ("  28 February 2026 ", date(2026, 2, 28), False),
    ],
)
def test_action_form_reads_the_target_as_boards_write_it(objective, typed, target_on, is_month):
    form = action_form(objective, target=typed)

    assert form.is_valid(), form.errors
    action = action_services.add_action(form=form)

    assert (action.target_on, action.target_is_month) == (target_on, is_month)


def test_action_form_clears_a_blanked_target(objective):
    action = ActionFactory(objective=objective, ref="1.1.1", target_on=date(2026, 3, 31), target_is_month=True)

    form = action_form(objective, instance=action, target="", version="1")

    assert form.is_valid(), form.errors
    saved = action_services.save_action(form=form, expected_version=form.cleaned_data["version"])
    assert (saved.target_on, saved.target_is_month) == (None, False)


def test_action_form_names_a_target_it_cannot_read(objective):
    form = action_form(objective, target="soon")

    assert not form.is_valid()
    assert "'soon' is not a date: write 2026-03-31, 2026-03 or March 2026." in form.errors["target"]


def test_action_form_shows_a_month_target_as_a_month(objective):
    action = ActionFactory(objective=objective, target_on=date(2026, 3, 31), target_is_month=True)

    form = ActionForm(instance=action)

    assert form["target"].value() == "March 2026"


def test_action_form_offers_active_agencies_and_keeps_inactive_ones_already_leading(objective):
    active = AgencyFactory(name="Police")
    retired = AgencyFactory(name="Primary Care Trust", is_active=False)
    AgencyFactory(name="Old Connexions", is_active=False)
    action = ActionFactory(objective=objective, lead_agencies=[retired])

    new_choices = set(ActionForm(instance=Action(objective=objective)).fields["lead_agencies"].queryset)
    edit_choices = set(ActionForm(instance=action).fields["lead_agencies"].queryset)

    assert new_choices == {active}
    assert edit_choices == {active, retired}


def test_action_form_names_a_duplicate_ref(objective):
    ActionFactory(objective=objective, ref="1.1.1")

    form = action_form(objective, ref="1.1.1")

    assert not form.is_valid()
    assert form.errors["ref"] == ["Action 1.1.1 already exists under objective 1.1."]


def test_action_form_dates_completion_when_status_becomes_completed(objective):
    action = ActionFactory(objective=objective, ref="1.1.1")

    form = action_form(objective, instance=action, status="completed")

    assert form.is_valid(), form.errors
    assert form.save().completed_on is not None


def test_aim_form_names_a_duplicate_number():
    aim = AimFactory(number=1)

    form = AimForm(data={"number": "1", "title": "Again"}, instance=Aim(plan=aim.plan))

    assert not form.is_valid()
    assert form.errors["number"] == ["Aim 1 already exists in this plan."]


def test_aim_form_refuses_renumbering_an_aim_with_objectives(objective):
    form = AimForm(data={"number": "4", "title": "Renumbered"}, instance=objective.aim)

    assert not form.is_valid()
    assert "its number cannot change" in form.errors["number"][0]


def test_aim_form_refuses_a_number_with_a_space():
    form = AimForm(data={"number": "1 a", "title": "Spaced"}, instance=Aim(plan=BusinessPlanFactory()))

    assert not form.is_valid()
    assert "no spaces" in form.errors["number"][0]


@pytest.mark.parametrize("number", ["1a", "P1", "12"])
def test_aim_form_takes_the_number_the_board_types(number):
    form = AimForm(data={"number": number, "title": "Early help"}, instance=Aim(plan=BusinessPlanFactory()))

    assert form.is_valid(), form.errors
    assert form.save().number == number


def test_aim_form_names_a_duplicate_in_the_plans_words():
    aim = AimFactory(number="1a", plan__aim_name="Priority", plan__shape="two-level")

    form = AimForm(data={"number": "1a", "title": "Again"}, instance=Aim(plan=aim.plan))

    assert not form.is_valid()
    assert form.errors["number"] == ["Priority 1a already exists in this plan."]


def test_objective_form_takes_a_ref_that_does_not_start_with_its_aims_number():
    aim = AimFactory(number=2)

    form = ObjectiveForm(data={"ref": "3.1", "title": "Numbered by the board"}, instance=Objective(aim=aim))

    assert form.is_valid(), form.errors


def test_objective_form_names_a_duplicate_under_its_aim():
    objective = ObjectiveFactory(ref="2.1", aim__number=2)

    form = ObjectiveForm(data={"ref": "2.1", "title": "Again"}, instance=Objective(aim=objective.aim))

    assert not form.is_valid()
    assert form.errors["ref"] == ["Objective 2.1 already exists under aim 2."]


def test_objective_form_refuses_a_new_ref_for_an_objective_with_actions(objective):
    ActionFactory(objective=objective)

    form = ObjectiveForm(data={"ref": "1.2", "title": objective.title}, instance=objective)

    assert not form.is_valid()
    assert form.errors["ref"] == ["Objective 1.1 has actions, so its reference cannot change."]


def test_plan_form_refuses_an_end_before_the_start():
    form = PlanForm(data={"title": "2026/27", "starts_on": "2026-04-01", "ends_on": "2026-03-31"})

    assert not form.is_valid()
    assert form.errors["ends_on"] == ["The end date must be after the start date."]


def test_plan_form_uses_the_browsers_date_picker():
    html = str(PlanForm()["starts_on"])

    assert 'type="date"' in html


@pytest.fixture
def plan():
    return BusinessPlanFactory(title="2025/26", starts_on=date(2025, 4, 1), ends_on=date(2026, 3, 31))


def round_form(plan, instance=None, **data):
    return RoundForm(
        data={"as_of": "2025-12-31", "deadline": "2025-12-12", **data}, instance=instance or ProgressRound(plan=plan)
    )


def test_round_form_accepts_a_round_within_the_plan(plan):
    form = round_form(plan)

    assert form.is_valid(), form.errors


def test_round_form_names_a_second_round_on_the_same_date(plan):
    ProgressRoundFactory(plan=plan, as_of=date(2025, 12, 31))

    form = round_form(plan)

    assert not form.is_valid()
    assert form.errors["as_of"] == ["This plan already has a round as of 31 December 2025."]


def test_round_form_lets_a_round_keep_its_own_date(plan):
    progress_round = ProgressRoundFactory(plan=plan, as_of=date(2025, 12, 31))

    form = round_form(plan, instance=progress_round, deadline="2026-01-09")

    assert form.is_valid(), form.errors


def test_round_form_refuses_an_as_of_date_outside_the_plan(plan):
    form = round_form(plan, as_of="2026-06-30")

    assert not form.is_valid()
    assert form.errors["as_of"] == ["The as-of date must fall within the plan, from 1 April 2025 to 31 March 2026."]


def test_round_form_accepts_a_deadline_a_few_weeks_after_the_as_of_date(plan):
    form = round_form(plan, as_of="2026-03-31", deadline="2026-04-17")

    assert form.is_valid(), form.errors


def test_round_form_refuses_a_deadline_long_after_the_as_of_date(plan):
    form = round_form(plan, deadline="2026-12-12")

    assert not form.is_valid()
    assert form.errors["deadline"] == [
        "The deadline cannot be more than two months after the as-of date (31 December 2025)."
    ]


def test_round_form_refuses_a_deadline_before_the_plan_starts(plan):
    form = round_form(plan, deadline="2024-12-12")

    assert not form.is_valid()
    assert form.errors["deadline"] == ["The deadline cannot be before the plan starts on 1 April 2025."]


# Progress, review and the version every edit form carries


def test_progress_form_carries_the_version_it_was_loaded_with():
    update = ProgressUpdateFactory(version=4)

    form = ProgressForm(instance=update)

    assert form["version"].value() == 4
    assert form.fields["version"].widget.input_type == "hidden"


def test_progress_form_for_a_new_update_has_no_version():
    form = ProgressForm()

    assert form["version"].value() is None


@pytest.mark.parametrize(("posted", "expected"), [("3", 3), ("", None), ("three", 0), ("-2", 0)])
def test_a_garbled_version_reads_as_one_no_row_can_have(posted, expected):
    form = ProgressForm(data={"rag": "green", "progress": "", "impact": "", "version": posted})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["version"] == expected


def test_progress_form_lists_only_the_text_a_person_writes():
    assert list(ProgressForm().fields) == ["rag", "progress", "impact", "version"]


def test_review_form_starts_with_an_empty_comment_each_time():
    update = ProgressUpdateFactory(state=ProgressUpdate.State.SUBMITTED, return_comment="Last time's comment.")

    form = ReviewForm(instance=update)

    assert list(form.fields) == ["rag", "progress", "impact", "return_comment", "version"]
    assert form["return_comment"].value() == ""
    assert form.fields["return_comment"].label == "Comment for the agency"


def test_action_form_carries_the_version_of_an_existing_action(objective):
    action = ActionFactory(objective=objective, version=5)

    assert ActionForm(instance=action)["version"].value() == 5
    assert ActionForm(instance=Action(objective=objective))["version"].value() is None


def test_a_service_error_naming_a_field_goes_beside_it():
    form = ProgressForm(data={"rag": "green", "progress": "", "impact": "", "version": ""})
    form.is_valid()

    add_service_error(form, ValidationError({"progress": "Write the progress first."}))

    assert form.errors["progress"] == ["Write the progress first."]


def test_a_service_error_naming_a_field_the_form_lacks_goes_above_it():
    form = ProgressForm(data={"rag": "green", "progress": "", "impact": "", "version": ""})
    form.is_valid()

    add_service_error(form, ValidationError({"round": "This round belongs to another plan."}))

    assert form.non_field_errors() == ["This round belongs to another plan."]


def test_after_a_conflict_the_form_keeps_the_persons_text_with_the_saved_version():
    saved = ProgressUpdateFactory(progress="Theirs.", version=3)
    loaded = ProgressUpdate.objects.get(pk=saved.pk)
    stale = ProgressForm(data={"rag": "red", "progress": "Mine.", "impact": "", "version": "2"}, instance=loaded)
    stale.is_valid()

    merged = form_after_conflict(stale, saved)

    assert (merged["progress"].value(), merged["version"].value()) == ("Mine.", 3)
    assert saved.progress == "Theirs."
