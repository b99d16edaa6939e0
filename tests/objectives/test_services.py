from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from objectives import roles
from objectives.forms import ActionForm
from objectives.models import Action, ProgressRound, ProgressUpdate
from objectives.services import actions, conflicts, progress
from tests.factories import ActionFactory, ProgressRoundFactory, ProgressUpdateFactory, UserFactory

pytestmark = pytest.mark.django_db

State = ProgressUpdate.State


@pytest.fixture
def december(led_action):
    return ProgressRoundFactory(plan=led_action.plan, as_of=date(2025, 12, 31))


def text(rag="green", progress="Audit finished.", impact="Repeat referrals down to 17%."):
    return {"rag": rag, "progress": progress, "impact": impact}


def save(action, progress_round, author, expected_version=None, **fields):
    return progress.save_progress(
        action=action, progress_round=progress_round, author=author, expected_version=expected_version,
        **{**text(), **fields},
    )  # fmt: skip


def submit(action, progress_round, author, expected_version=None, **fields):
    return progress.submit_progress(
        action=action, progress_round=progress_round, author=author, expected_version=expected_version,
        **{**text(), **fields},
    )  # fmt: skip


def accept(update, manager, **fields):
    return progress.accept_progress(update=update, manager=manager, expected_version=update.version, **text(**fields))


def update_in(state, action, progress_round, **fields):
    return ProgressUpdateFactory(action=action, round=progress_round, state=state, **fields)


# Saving a draft


def test_saving_progress_creates_a_draft_by_its_author(led_action, december, contributor):
    update = save(led_action, december, contributor, progress="Audit started.", impact="None yet.")

    update.refresh_from_db()
    assert (update.action, update.round, update.author, update.state) == (led_action, december, contributor, "draft")
    assert (update.rag, update.progress, update.impact) == ("green", "Audit started.", "None yet.")
    assert update.version == 1


def test_saving_again_changes_the_same_update_and_raises_its_version(led_action, december, contributor):
    first = save(led_action, december, contributor, rag="amber", progress="Started.")

    second = save(led_action, december, contributor, expected_version=1, progress="Nearly there.")

    assert second.pk == first.pk
    assert ProgressUpdate.objects.get().progress == "Nearly there."
    assert ProgressUpdate.objects.get().version == 2


def test_rewriting_someone_elses_progress_keeps_them_as_author(led_action, december, contributor, board_manager):
    update = update_in(State.DRAFT, led_action, december, author=contributor)

    save(led_action, december, board_manager, expected_version=update.version, progress="Tidied by the manager.")

    update.refresh_from_db()
    assert update.author == contributor


@pytest.mark.parametrize("state", [State.SUBMITTED, State.ACCEPTED])
def test_a_contributor_cannot_change_an_update_that_left_their_hands(led_action, december, contributor, state):
    update = update_in(state, led_action, december, progress="As sent.")

    with pytest.raises(ValidationError, match="can no longer be changed"):
        save(led_action, december, contributor, expected_version=update.version, progress="Sneaky change.")

    update.refresh_from_db()
    assert (update.progress, update.state, update.version) == ("As sent.", state, 1)


@pytest.mark.parametrize("state", [State.DRAFT, State.SUBMITTED, State.RETURNED, State.ACCEPTED])
def test_the_board_manager_may_change_an_update_at_any_state(led_action, december, board_manager, state):
    update = update_in(state, led_action, december)

    save(led_action, december, board_manager, expected_version=update.version, progress="Corrected.")

    update.refresh_from_db()
    assert (update.progress, update.state) == ("Corrected.", state)


def test_a_contributor_may_change_a_returned_update_and_it_stays_returned(led_action, december, contributor):
    update = update_in(State.RETURNED, led_action, december, return_comment="Add figures.")

    save(led_action, december, contributor, expected_version=update.version, progress="With figures: 17%.")

    update.refresh_from_db()
    assert (update.progress, update.state, update.return_comment) == ("With figures: 17%.", "returned", "Add figures.")


# Submitting


def test_submitting_saves_the_text_and_records_who_and_when(led_action, december, contributor):
    update = submit(led_action, december, contributor, progress="Audit done.")

    update.refresh_from_db()
    assert (update.state, update.progress, update.submitted_by) == ("submitted", "Audit done.", contributor)
    assert update.submitted_at is not None
    assert update.history.count() == 1


def test_submitting_a_draft_moves_it_on(led_action, december, contributor):
    draft = update_in(State.DRAFT, led_action, december)

    submit(led_action, december, contributor, expected_version=draft.version)

    draft.refresh_from_db()
    assert (draft.state, draft.version) == ("submitted", 2)


def test_submitting_without_progress_text_is_refused(led_action, december, contributor):
    with pytest.raises(ValidationError) as refusal:
        submit(led_action, december, contributor, progress="   ")

    assert refusal.value.message_dict == {"progress": ["Write the progress before submitting it to the board manager."]}
    assert not ProgressUpdate.objects.exists()


def test_resubmitting_a_returned_update_sends_it_back_to_the_manager(led_action, december, contributor):
    returned = update_in(State.RETURNED, led_action, december, return_comment="Add figures.")

    submit(led_action, december, contributor, expected_version=returned.version, progress="Now with figures.")

    returned.refresh_from_db()
    assert (returned.state, returned.progress, returned.submitted_by) == ("submitted", "Now with figures.", contributor)


@pytest.mark.parametrize("state", [State.SUBMITTED, State.ACCEPTED])
def test_an_update_cannot_be_submitted_twice(led_action, december, board_manager, state):
    update = update_in(state, led_action, december)

    with pytest.raises(ValidationError, match=f"already {state}"):
        submit(led_action, december, board_manager, expected_version=update.version)


# Returning


def test_returning_keeps_the_agency_text_and_adds_the_comment(led_action, december, board_manager):
    update = update_in(State.SUBMITTED, led_action, december, progress="Agency words.")

    progress.return_progress(
        update=update, manager=board_manager, comment="  Please add figures.  ", expected_version=update.version
    )

    update.refresh_from_db()
    assert (update.state, update.progress, update.return_comment) == (
        "returned",
        "Agency words.",
        "Please add figures.",
    )


def test_returning_needs_a_comment(led_action, december, board_manager):
    update = update_in(State.SUBMITTED, led_action, december)

    with pytest.raises(ValidationError) as refusal:
        progress.return_progress(update=update, manager=board_manager, comment=" ", expected_version=update.version)

    assert "return_comment" in refusal.value.message_dict
    update.refresh_from_db()
    assert update.state == State.SUBMITTED


@pytest.mark.parametrize("state", [State.DRAFT, State.RETURNED, State.ACCEPTED])
def test_only_a_submitted_update_can_be_returned(led_action, december, board_manager, state):
    update = update_in(state, led_action, december)

    with pytest.raises(ValidationError, match="Only a submitted update can be returned"):
        progress.return_progress(update=update, manager=board_manager, comment="No.", expected_version=update.version)


# Accepting


def test_accepting_saves_the_managers_edits_and_who_accepted(led_action, december, board_manager):
    update = update_in(State.SUBMITTED, led_action, december, progress="Agency words.", rag="green")

    accept(update, board_manager, rag="amber", progress="Manager's words.")

    update.refresh_from_db()
    assert (update.state, update.rag, update.progress) == ("accepted", "amber", "Manager's words.")
    assert (update.accepted_by, update.accepted_at is not None) == (board_manager, True)


def test_accepting_keeps_the_agency_words_in_the_history(led_action, december, board_manager):
    update = update_in(State.SUBMITTED, led_action, december, progress="Agency words.")

    accept(update, board_manager, progress="Manager's words.")

    assert [record.progress for record in update.history.order_by("history_date")] == [
        "Agency words.",
        "Manager's words.",
    ]


@pytest.mark.parametrize(
    ("state", "reason"),
    [
        (State.DRAFT, "a draft the agency has not submitted yet"),
        (State.RETURNED, "returned to the agency and has not been resubmitted"),
        (State.ACCEPTED, "already accepted"),
    ],
)
def test_only_a_submitted_update_or_the_managers_own_draft_can_be_accepted(
    led_action, december, board_manager, contributor, state, reason
):
    update = update_in(state, led_action, december, author=contributor)

    with pytest.raises(ValidationError, match=reason):
        accept(update, board_manager)

    update.refresh_from_db()
    assert update.state == state


def test_the_manager_may_accept_their_own_draft(led_action, december, board_manager):
    draft = update_in(State.DRAFT, led_action, december, author=board_manager)

    accept(draft, board_manager)

    draft.refresh_from_db()
    assert draft.state == State.ACCEPTED


def test_save_and_accept_writes_and_accepts_in_one_change(led_action, december, board_manager):
    update = progress.save_and_accept_progress(
        action=led_action, progress_round=december, manager=board_manager, expected_version=None, **text()
    )

    update.refresh_from_db()
    assert (update.state, update.author, update.accepted_by) == ("accepted", board_manager, board_manager)
    assert update.history.count() == 1


def test_save_and_accept_refuses_an_agency_draft(led_action, december, board_manager, contributor):
    draft = update_in(State.DRAFT, led_action, december, author=contributor)

    with pytest.raises(ValidationError, match="has not submitted yet"):
        progress.save_and_accept_progress(
            action=led_action, progress_round=december, manager=board_manager, expected_version=1, **text()
        )

    draft.refresh_from_db()
    assert draft.state == State.DRAFT


def test_accepting_complete_marks_the_action_completed_today(led_action, december, board_manager):
    update = update_in(State.SUBMITTED, led_action, december)

    accept(update, board_manager, rag="complete")

    led_action.refresh_from_db()
    assert (led_action.status, led_action.completed_on) == (Action.Status.COMPLETED, timezone.localdate())


def test_accepting_complete_keeps_the_date_an_action_was_already_completed(board_manager):
    action = ActionFactory(status=Action.Status.COMPLETED, completed_on=date(2025, 9, 1))
    update = ProgressUpdateFactory(action=action, state=State.SUBMITTED)

    accept(update, board_manager, rag="complete")

    action.refresh_from_db()
    assert action.completed_on == date(2025, 9, 1)


def test_completing_an_action_by_acceptance_refuses_an_action_form_opened_before(led_action, december, board_manager):
    form = ActionForm(
        data={"ref": led_action.ref, "text": "Stale edit", "status": "open", "target": "", "version": "1"},
        instance=Action.objects.get(pk=led_action.pk),
    )
    accept(update_in(State.SUBMITTED, led_action, december), board_manager, rag="complete")
    assert form.is_valid(), form.errors

    with pytest.raises(conflicts.ConflictError):
        actions.save_action(form=form, expected_version=form.cleaned_data["version"])

    led_action.refresh_from_db()
    assert (led_action.status, led_action.version) == (Action.Status.COMPLETED, 2)


@pytest.mark.parametrize("rag", ["not_started", "red", "amber", "green"])
def test_accepting_other_rags_leaves_the_action_open(led_action, december, board_manager, rag):
    update = update_in(State.SUBMITTED, led_action, december)

    accept(update, board_manager, rag=rag)

    led_action.refresh_from_db()
    assert led_action.status == Action.Status.OPEN


def test_submitting_complete_does_not_complete_the_action_until_accepted(led_action, december, contributor):
    submit(led_action, december, contributor, rag="complete")

    led_action.refresh_from_db()
    assert led_action.status == Action.Status.OPEN


# Refusals that apply to every write


@pytest.fixture
def closed_round(led_action):
    return ProgressRoundFactory(plan=led_action.plan, as_of=date(2025, 12, 31), closed_at=timezone.now())


@pytest.mark.parametrize(
    "write",
    [
        lambda action, round_, user: save(action, round_, user, expected_version=1),
        lambda action, round_, user: submit(action, round_, user, expected_version=1),
        lambda action, round_, user: progress.save_and_accept_progress(
            action=action, progress_round=round_, manager=user, expected_version=1, **text()
        ),
        lambda action, round_, user: accept(action.progress_updates.get(), user),
        lambda action, round_, user: progress.return_progress(
            update=action.progress_updates.get(), manager=user, comment="No.", expected_version=1
        ),
    ],
    ids=["save", "submit", "save_and_accept", "accept", "return"],
)
def test_every_write_refuses_a_closed_round(led_action, closed_round, board_manager, write):
    update_in(State.SUBMITTED, led_action, closed_round, progress="As the committee saw it.")

    with pytest.raises(ValidationError, match="Progress report December 2025 is closed: "):
        write(led_action, closed_round, board_manager)

    assert ProgressUpdate.objects.get().progress == "As the committee saw it."


def test_a_round_closed_after_the_page_loaded_is_still_refused(led_action, december, contributor):
    loaded = ProgressRound.objects.get(pk=december.pk)
    december.closed_at = timezone.now()
    december.save()

    with pytest.raises(ValidationError, match="is closed"):
        save(led_action, loaded, contributor)


def test_a_round_of_another_plan_is_refused_and_nothing_is_saved(board_manager):
    action = ActionFactory()

    with pytest.raises(ValidationError, match="another plan"):
        progress.save_and_accept_progress(
            action=action, progress_round=ProgressRoundFactory(), manager=board_manager, expected_version=None,
            **text(rag="complete"),
        )  # fmt: skip

    action.refresh_from_db()
    assert not ProgressUpdate.objects.exists()
    assert action.status == Action.Status.OPEN


def test_an_unknown_rag_is_refused(led_action, december, contributor):
    with pytest.raises(ValidationError, match="rag"):
        save(led_action, december, contributor, rag="purple")


# Stale saves


def test_a_stale_version_is_refused_with_the_update_as_saved(led_action, december, contributor):
    update = update_in(State.DRAFT, led_action, december, progress="Theirs.")
    save(led_action, december, UserFactory(roles=[roles.AGENCY_CONTRIBUTORS]), expected_version=1, progress="Newer.")

    with pytest.raises(conflicts.ConflictError) as conflict:
        save(led_action, december, contributor, expected_version=1, progress="Mine.")

    assert conflict.value.saved.pk == update.pk
    assert conflict.value.saved.progress == "Newer."
    assert "after you opened it, so your changes were not saved" in conflict.value.message
    assert ProgressUpdate.objects.get().progress == "Newer."


def test_an_update_written_since_the_empty_form_loaded_is_a_conflict(led_action, december, contributor):
    update_in(State.DRAFT, led_action, december, progress="Written first.")

    with pytest.raises(conflicts.ConflictError) as conflict:
        save(led_action, december, contributor, expected_version=None, progress="Mine.")

    assert conflict.value.saved.progress == "Written first."


def test_a_conflict_is_a_validation_error_a_form_can_show(led_action, december, board_manager):
    update = update_in(State.SUBMITTED, led_action, december)

    with pytest.raises(ValidationError):
        progress.accept_progress(update=update, manager=board_manager, expected_version=7, **text())


# Actions


def test_saving_an_action_form_raises_its_version(board_manager):
    action = ActionFactory(ref="1.1.1", objective__ref="1.1", objective__aim__number=1)
    form = ActionForm(
        data={"ref": "1.1.1", "text": "New words", "status": "open", "target": "", "version": "1"}, instance=action
    )
    assert form.is_valid(), form.errors

    actions.save_action(form=form, expected_version=form.cleaned_data["version"])

    action.refresh_from_db()
    assert (action.text, action.version) == ("New words", 2)


def test_saving_a_stale_action_form_is_refused_and_changes_nothing():
    action = ActionFactory(ref="1.1.1", objective__ref="1.1", objective__aim__number=1, text="Theirs")
    theirs = Action.objects.get(pk=action.pk)
    theirs.version = 2
    theirs.save()
    form = ActionForm(
        data={"ref": "1.1.1", "text": "Mine", "status": "open", "target": "", "version": "1"}, instance=action
    )
    assert form.is_valid(), form.errors

    with pytest.raises(conflicts.ConflictError) as conflict:
        actions.save_action(form=form, expected_version=form.cleaned_data["version"])

    assert conflict.value.saved.text == "Theirs"
    action.refresh_from_db()
    assert (action.text, action.version) == ("Theirs", 2)
