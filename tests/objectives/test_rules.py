"""One rule, one place: what is hidden, who may do what with an update, who is who, and a round's dates."""

from datetime import date
from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from objectives import roles
from objectives.forms import RoundForm
from objectives.models import Action, Aim, BusinessPlan, Objective, ProgressRound, ProgressUpdate
from objectives.services import progress, workflow
from tests.factories import (
    ActionFactory,
    AimFactory,
    BusinessPlanFactory,
    ObjectiveFactory,
    ProgressRoundFactory,
    ProgressUpdateFactory,
    UserFactory,
)
from tests.objectives.import_files import import_errors, plan_row, write_csv

pytestmark = pytest.mark.django_db

State = ProgressUpdate.State


@pytest.fixture
def action(led_action):
    return led_action


@pytest.fixture
def december(led_action):
    # Open, within the plan's year, and the only round, so the action page's timeline has one entry.
    return ProgressRoundFactory(plan=led_action.plan, as_of=date(2025, 12, 31))


def hide(item):
    item.is_deleted = True
    item.save(update_fields=["is_deleted"])


# Not hidden: the row and everything above it


def test_not_hidden_means_the_row_and_everything_above_it(action):
    review_action = ActionFactory(objective=None, plan=action.plan, ref="CS-1.1")
    hide(action.objective.aim)

    assert not Aim.objects.not_hidden().exists()
    assert not Objective.objects.not_hidden().exists()
    # A review's action has no objective, so nothing above it can hide it.
    assert list(Action.objects.not_hidden()) == [review_action]
    action.refresh_from_db()
    assert action.is_hidden
    assert not review_action.is_hidden


def test_the_plan_list_does_not_count_an_action_whose_objective_is_deleted(manager_client, action):
    ActionFactory(objective=action.objective)
    shown = ActionFactory(objective=ObjectiveFactory(aim=action.objective.aim))
    hide(action.objective)

    response = manager_client.get(reverse("objectives:plan_list"))

    counts = [row.record.action_count for row in response.context["table"].rows]
    plan_page = manager_client.get(action.plan.get_absolute_url())
    assert counts == [1] == [sum(plan_page.context["rag_counts"].values())]
    assert shown.text in plan_page.content.decode()


def test_the_plan_list_counts_the_actions_the_plan_page_shows_not_review_or_cdop_actions(manager_client, action):
    ActionFactory(objective=None, plan=action.plan, ref="CS-1.1")

    response = manager_client.get(reverse("objectives:plan_list"))

    counts = [row.record.action_count for row in response.context["table"].rows]
    plan_page = manager_client.get(action.plan.get_absolute_url())
    assert counts == [1] == [sum(plan_page.context["rag_counts"].values())]


@pytest.mark.parametrize("hidden", ["objective", "aim"])
def test_the_review_queue_neither_counts_nor_opens_an_update_under_a_deleted_parent(
    manager_client, action, december, hidden
):
    gone = ProgressUpdateFactory(action=action, round=december, state=State.SUBMITTED)
    # Under another aim, so hiding the first aim leaves these two showing.
    elsewhere = ObjectiveFactory(aim=AimFactory(plan=action.plan))
    waiting = ProgressUpdateFactory(action=ActionFactory(objective=elsewhere), round=december, state=State.SUBMITTED)
    ProgressUpdateFactory(action=ActionFactory(objective=elsewhere), round=december, state=State.SUBMITTED)
    hide(action.objective if hidden == "objective" else action.objective.aim)

    opened = manager_client.get(reverse("objectives:progress_review", args=[gone.pk]))
    queue = manager_client.get(reverse("objectives:progress_review", args=[waiting.pk]))

    assert opened.status_code == HTTPStatus.NOT_FOUND
    # The one other submitted update waits; the hidden one is neither counted nor offered next.
    assert queue.context["waiting"] == 1


# The workflow: the page offers what the service allows


def attempt(write, **kwargs) -> str:
    """ "" if the service allows the write, else its refusal."""
    try:
        write(**kwargs)
    except ValidationError as error:
        return " ".join(error.messages)
    return ""


@pytest.mark.parametrize("state", list(State))
def test_the_progress_page_and_the_service_agree_on_what_a_contributor_may_change(
    contributor_client, contributor, action, december, state
):
    update = ProgressUpdateFactory(action=action, round=december, state=state, progress="As sent.")
    page = contributor_client.get(reverse("objectives:progress_edit", args=[action.pk, december.pk]))

    refusal = attempt(
        progress.save_progress,
        action=action,
        progress_round=december,
        author=contributor,
        rag="green",
        progress="Changed.",
        impact="",
        expected_version=update.version,
    )

    assert page.context["read_only_reason"] == refusal
    assert bool(page.context["buttons"]) == (not refusal) == workflow.may_edit(contributor, update)


@pytest.mark.parametrize("state", list(State))
def test_the_review_page_and_the_service_agree_on_what_may_be_returned(
    manager_client, board_manager, action, december, state
):
    update = ProgressUpdateFactory(action=action, round=december, state=state, progress="As sent.")
    page = manager_client.get(reverse("objectives:progress_review", args=[update.pk]))

    refusal = attempt(
        progress.return_progress, update=update, manager=board_manager, comment="Add figures.", expected_version=1
    )

    assert (page.context["read_only_reason"] == "") == (refusal == "") == workflow.may_review(board_manager, update)


@pytest.mark.parametrize("state", list(State))
def test_the_action_page_offers_editing_exactly_when_the_service_allows_it(
    contributor_client, contributor, action, december, state
):
    update = ProgressUpdateFactory(action=action, round=december, state=state)
    page = contributor_client.get(action.get_absolute_url())

    [entry] = page.context["timeline"]
    assert entry.can_edit == workflow.may_edit(contributor, update) == (state in workflow.OPEN_TO_CONTRIBUTORS)


# Role questions


def test_role_questions(board_manager, contributor, reader):
    admin = UserFactory(is_superuser=True)

    assert [roles.is_board_manager(user) for user in (board_manager, contributor, reader, admin)] == [
        True,
        False,
        False,
        True,
    ]
    assert [roles.is_agency_scoped(user) for user in (board_manager, contributor, reader, admin)] == [
        False,
        True,
        False,
        False,
    ]


# A round's dates: one rule for the form and the import


def test_a_round_outside_its_plan_is_refused_by_the_model_as_by_the_form():
    plan = BusinessPlanFactory(starts_on=date(2025, 4, 1), ends_on=date(2026, 3, 31))
    progress_round = ProgressRound(plan=plan, as_of=date(2031, 6, 30))
    form = RoundForm(data={"as_of": "2031-06-30", "deadline": ""}, instance=ProgressRound(plan=plan))

    with pytest.raises(ValidationError) as raised:
        progress_round.full_clean()

    message = "The as-of date must fall within the plan, from 1 April 2025 to 31 March 2026."
    assert raised.value.message_dict["as_of"] == [message] == form.errors["as_of"]


def test_import_refuses_a_round_dated_outside_the_plan_and_writes_nothing(tmp_path):
    BusinessPlanFactory(title="2025/26", starts_on=date(2025, 4, 1), ends_on=date(2026, 3, 31))
    path = write_csv(tmp_path / "plan.csv", [plan_row(progress_date="30 June 2031", progress="Done")])

    errors = import_errors(path)

    assert (
        "Row 2, progress_date: The as-of date must fall within the plan, from 1 April 2025 to 31 March 2026." in errors
    )
    assert not ProgressRound.objects.exists()
    assert not ProgressUpdate.objects.exists()
    assert not Action.objects.exists()
    assert BusinessPlan.objects.count() == 1
