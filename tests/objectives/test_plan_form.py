"""The plan's form: shape, rating scale, level names, the committee table's columns and its progress heading."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from core.models import RatingScale
from objectives.models import BusinessPlan, ProgressUpdate
from objectives.plan_forms import PlanForm
from tests.factories import AimFactory, BusinessPlanFactory, ProgressUpdateFactory
from tests.objectives.plan_data import plan_form_data

pytestmark = pytest.mark.django_db


def scale(name: str) -> RatingScale:
    return RatingScale.objects.get(name=name)


@pytest.mark.parametrize(
    ("shape", "names"),
    [
        ("tree", ("Aim", "Objective", "Action")),
        ("two-level", ("Priority", "Objective", "Action")),
        ("list", ("Aim", "Objective", "Recommendation")),
    ],
)
def test_a_new_plan_left_with_the_default_names_takes_its_shapes(shape, names):
    form = PlanForm(data=plan_form_data(shape=shape))

    assert form.is_valid(), form.errors
    plan = form.save()

    assert (plan.aim_name, plan.objective_name, plan.action_name) == names


def test_names_the_board_typed_are_kept_whatever_the_shape():
    form = PlanForm(data=plan_form_data(shape="two-level", aim_name="Theme", action_name="Specific action"))

    assert form.is_valid(), form.errors
    plan = form.save()

    assert (plan.aim_name, plan.action_name) == ("Theme", "Specific action")


def test_blank_level_names_take_the_shapes_defaults():
    form = PlanForm(data=plan_form_data(shape="list", aim_name="", objective_name="", action_name=""))

    assert form.is_valid(), form.errors
    assert form.save().action_name == "Recommendation"


def test_an_empty_plan_may_change_its_shape_and_its_default_names_follow():
    plan = BusinessPlanFactory()

    form = PlanForm(data=plan_form_data(title=plan.title, shape="two-level"), instance=plan)

    assert form.is_valid(), form.errors
    form.save()
    plan.refresh_from_db()
    assert (plan.shape, plan.aim_name) == ("two-level", "Priority")


def test_changing_the_shape_of_a_plan_with_aims_says_why_and_saves_nothing(manager_client):
    plan = AimFactory(plan__title="2025/26").plan

    response = manager_client.post(
        reverse("objectives:plan_update", args=[plan.pk]), plan_form_data(title="2025/26", shape="list")
    )

    assert response.status_code == HTTPStatus.OK
    assert "This plan already has aims, so its shape cannot change" in response.content.decode()
    plan.refresh_from_db()
    assert (plan.shape, plan.action_name) == ("tree", "Action")


def test_a_two_level_plan_with_priorities_does_not_ask_for_a_middle_level():
    plan = AimFactory(plan__shape="two-level", plan__aim_name="Priority").plan

    fields = PlanForm(instance=plan).fields

    assert ("aim_name" in fields, "objective_name" in fields, "action_name" in fields) == (True, False, True)


def test_a_list_plan_with_recommendations_asks_only_for_the_actions_name():
    plan = AimFactory(plan__shape="list", plan__action_name="Recommendation").plan

    fields = PlanForm(instance=plan).fields

    assert ("aim_name" in fields, "objective_name" in fields, "action_name" in fields) == (False, False, True)


def test_the_same_name_for_two_levels_is_refused_on_a_field():
    form = PlanForm(data=plan_form_data(aim_name="Priority", objective_name="priority"))

    assert not form.is_valid()
    assert form.errors["aim_name"] == ["Each level needs its own name, such as Priority and Action."]


def test_the_rating_scale_is_chosen_on_a_new_plan():
    form = PlanForm(data=plan_form_data(rating_scale=scale("four-point").pk))

    assert form.is_valid(), form.errors
    assert form.save().rating_scale == scale("four-point")


def test_the_rating_scale_may_change_while_nothing_is_rated():
    update = ProgressUpdateFactory(rag="")
    plan = update.round.plan

    form = PlanForm(data=plan_form_data(title=plan.title, rating_scale=scale("brag").pk), instance=plan)

    assert not form.fields["rating_scale"].disabled
    assert form.is_valid(), form.errors
    assert form.save().rating_scale == scale("brag")


def test_once_progress_is_rated_the_scale_is_changed_only_on_its_own_page():
    update = ProgressUpdateFactory(rag=ProgressUpdate.Rag.RED)
    plan = update.round.plan

    form = PlanForm(data=plan_form_data(title=plan.title, rating_scale=scale("none").pk), instance=plan)

    assert form.fields["rating_scale"].disabled
    assert "Change rating scale" in form.fields["rating_scale"].help_text
    assert form.is_valid(), form.errors
    assert form.save().rating_scale == scale("rag")


def test_report_columns_are_stored_in_print_order():
    form = PlanForm(data=plan_form_data(report_columns=["rating", "action", "success_measure", "ref"]))

    assert form.is_valid(), form.errors
    assert form.save().report_columns == ["ref", "action", "success_measure", "rating"]


def test_the_committee_table_keeps_its_action_column():
    form = PlanForm(data=plan_form_data(report_columns=["ref", "progress"]))

    assert not form.is_valid()
    assert form.errors["report_columns"] == ["The committee table needs its Action column."]


def test_the_progress_heading_explains_its_placeholders_in_words(manager_client):
    response = manager_client.get(reverse("objectives:plan_create"))

    content = response.content.decode()
    assert "Write &lt;Month YYYY&gt; where the round&#x27;s month goes in full" in content
    assert "Progress report December 2025" in content
    assert "Columns of the committee table" in content


def test_the_board_manager_sets_columns_and_heading_on_the_plans_page(manager_client):
    plan = BusinessPlanFactory(title="2025/26")

    response = manager_client.post(
        reverse("objectives:plan_update", args=[plan.pk]),
        plan_form_data(
            title="2025/26",
            report_columns=["ref", "action", "success_measure", "progress"],
            progress_heading="Progress presented to Committee <Mon YYYY>",
        ),
    )

    assert response.status_code == HTTPStatus.FOUND
    plan = BusinessPlan.objects.get(pk=plan.pk)
    assert plan.report_columns == ["ref", "action", "success_measure", "progress"]
    assert plan.progress_heading == "Progress presented to Committee <Mon YYYY>"
