"""Writes that enforce the progress workflow: draft → submitted → accepted, or returned and resubmitted.

Every write refuses a closed round and a stale form: each form carries the `version` it was loaded
with, and a save whose version no longer matches the row raises ConflictError instead of overwriting.
"""

from collections.abc import Callable
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.forms import ModelForm
from django.utils import timezone
from django.utils.formats import date_format

from core.formats import display_name, long_date

from .models import Action, ProgressRound, ProgressUpdate

State = ProgressUpdate.State

# A contributor may keep editing until the update goes to the board manager; the manager may edit at any state.
_OPEN_TO_CONTRIBUTORS = {State.DRAFT, State.RETURNED}


class ConflictError(ValidationError):
    """Someone else saved the row after this form was loaded; `saved` is the row as they left it."""

    def __init__(self, message: str, *, saved: models.Model, saved_by: str, saved_at: datetime):
        super().__init__(message, code="conflict")
        self.saved, self.saved_by, self.saved_at = saved, saved_by, saved_at


def is_board_manager(user: AbstractBaseUser) -> bool:
    """The board manager (and the site admin) may accept, return and edit progress at any state."""
    return user.has_perm("objectives.review_progressupdate")


def acceptance_problem(update: ProgressUpdate) -> str:
    """Why the board manager cannot accept this update yet, or "" when they can."""
    if update.state == State.SUBMITTED:
        return ""
    if update.state == State.DRAFT and update.author is not None and is_board_manager(update.author):
        return ""
    reasons = {
        State.DRAFT: "it is a draft the agency has not submitted yet",
        State.RETURNED: "it was returned to the agency and has not been resubmitted",
        State.ACCEPTED: "it is already accepted",
    }
    return f"This update cannot be accepted: {reasons[update.state]}."


@transaction.atomic
def save_progress(
    *,
    action: Action,
    progress_round: ProgressRound,
    author: AbstractBaseUser,
    rag: str,
    progress: str,
    impact: str,
    expected_version: int | None,
) -> ProgressUpdate:
    """Write or rewrite an action's progress for a round without changing its state."""
    update = _open_for_writing(action, progress_round, author, expected_version)
    update.rag, update.progress, update.impact = rag, progress, impact
    return _store(update)


@transaction.atomic
def submit_progress(
    *,
    action: Action,
    progress_round: ProgressRound,
    author: AbstractBaseUser,
    rag: str,
    progress: str,
    impact: str,
    expected_version: int | None,
) -> ProgressUpdate:
    """Save the agency's progress and send it to the board manager: draft or returned → submitted."""
    update = _open_for_writing(action, progress_round, author, expected_version)
    if update.state not in _OPEN_TO_CONTRIBUTORS:
        raise ValidationError(f"This update is already {update.get_state_display().lower()}.", code="state")
    if not progress.strip():
        raise ValidationError({"progress": "Write the progress before submitting it to the board manager."})
    update.rag, update.progress, update.impact = rag, progress, impact
    update.state = State.SUBMITTED
    update.submitted_by, update.submitted_at = author, timezone.now()
    return _store(update)


@transaction.atomic
def return_progress(
    *, update: ProgressUpdate, manager: AbstractBaseUser, comment: str, expected_version: int | None
) -> ProgressUpdate:
    """Send a submitted update back to its agency with the board manager's comment: submitted → returned."""
    update = _locked_existing(update, expected_version)
    if update.state != State.SUBMITTED:
        raise ValidationError(
            f"Only a submitted update can be returned; this one is {update.get_state_display().lower()}.",
            code="state",
        )
    if not comment.strip():
        raise ValidationError({"return_comment": "Say what the agency needs to change before you return it."})
    # The agency's text goes back unchanged: the manager's words are in the comment, not in theirs.
    update.state, update.return_comment = State.RETURNED, comment.strip()
    return _store(update)


@transaction.atomic
def accept_progress(
    *,
    update: ProgressUpdate,
    manager: AbstractBaseUser,
    rag: str,
    progress: str,
    impact: str,
    expected_version: int | None,
) -> ProgressUpdate:
    """Accept a submitted update (or the manager's own draft) with the manager's edits, for the report."""
    update = _locked_existing(update, expected_version)
    _refuse_unless_acceptable(update)
    return _accept(update, manager, rag, progress, impact)


@transaction.atomic
def save_and_accept_progress(
    *,
    action: Action,
    progress_round: ProgressRound,
    manager: AbstractBaseUser,
    rag: str,
    progress: str,
    impact: str,
    expected_version: int | None,
) -> ProgressUpdate:
    """The board manager writes an action's progress and accepts it in one step."""
    update = _open_for_writing(action, progress_round, manager, expected_version)
    if update.pk is not None:
        _refuse_unless_acceptable(update)
    return _accept(update, manager, rag, progress, impact)


@transaction.atomic
def save_action(*, form: ModelForm, expected_version: int | None) -> Action:
    """Save a valid action form unless someone saved the action after the form was loaded."""
    take_next_version(form.instance, expected_version=expected_version, subject=lambda saved: f"action {saved.ref}")
    return form.save()


# The steps the services share.


def _open_for_writing(
    action: Action, progress_round: ProgressRound, author: AbstractBaseUser, expected_version: int | None
) -> ProgressUpdate:
    """The locked update this person may write for the action and round, or a new draft by them."""
    _refuse_closed(progress_round)
    # Ordered by pk alone: the default ordering joins the round, and PostgreSQL locks only what it must.
    update = (
        ProgressUpdate.objects.select_for_update(of=("self",))
        .filter(action=action, round=progress_round)
        .order_by("pk")
        .first()
    )
    if update is None:
        return ProgressUpdate(action=action, round=progress_round, author=author, state=State.DRAFT)
    _check_version(update, expected_version)
    if update.state not in _OPEN_TO_CONTRIBUTORS and not is_board_manager(author):
        raise ValidationError(_closed_to_contributors(update), code="state")
    return update


def _locked_existing(update: ProgressUpdate, expected_version: int | None) -> ProgressUpdate:
    _refuse_closed(update.round)
    locked = ProgressUpdate.objects.select_for_update(of=("self",)).filter(pk=update.pk).order_by("pk").get()
    _check_version(locked, expected_version)
    return locked


def _refuse_closed(progress_round: ProgressRound) -> None:
    # Read afresh: the round may have been closed since the page that called us loaded it.
    closed = ProgressRound.objects.filter(pk=progress_round.pk, closed_at__isnull=False).exists()
    if closed:
        raise ValidationError(progress_round.closed_notice, code="closed")


def _check_version(update: ProgressUpdate, expected_version: int | None) -> None:
    if update.version != expected_version:
        raise conflict_error(update, "this progress update")


def _refuse_unless_acceptable(update: ProgressUpdate) -> None:
    problem = acceptance_problem(update)
    if problem:
        raise ValidationError(problem, code="state")


def _accept(update: ProgressUpdate, manager, rag: str, progress: str, impact: str) -> ProgressUpdate:
    update.rag, update.progress, update.impact = rag, progress, impact
    update.state = State.ACCEPTED
    update.accepted_by, update.accepted_at = manager, timezone.now()
    return _store(update)


def _store(update: ProgressUpdate) -> ProgressUpdate:
    """Validate and save, raising the version; a second first update for the action and round is a conflict."""
    is_new = update.pk is None
    if not is_new:
        update.version += 1
    # The one-update-per-round rule is left to the database, so two first updates at once read as a conflict.
    update.full_clean(validate_constraints=not is_new)
    try:
        with transaction.atomic():
            update.save()
    except IntegrityError:
        if not is_new:
            raise
        saved = ProgressUpdate.objects.get(action_id=update.action_id, round_id=update.round_id)
        raise conflict_error(saved, "this progress update") from None
    if update.state == State.ACCEPTED and update.rag == ProgressUpdate.Rag.COMPLETE:
        _complete(update.action)
    return update


def _complete(action: Action) -> None:
    # Locked and versioned like an edit, so an action form opened before this cannot reopen it unseen.
    locked = Action.objects.select_for_update(of=("self",)).filter(pk=action.pk).order_by("pk").get()
    if locked.status != Action.Status.COMPLETED:
        locked.mark_completed()
        locked.version += 1
        locked.save(update_fields=["status", "completed_on", "version"])


def _closed_to_contributors(update: ProgressUpdate) -> str:
    if update.state == State.SUBMITTED:
        return (
            "This update has been submitted to the board manager, so it can no longer be changed here. "
            "The board manager can return it to you."
        )
    return "This update has been accepted by the board manager, so it can no longer be changed."


def take_next_version(instance: models.Model, *, expected_version: int | None, subject: Callable) -> None:
    """Lock the stored row and give `instance` the next version, unless it was saved since `expected_version`.

    Then a ConflictError names who saved `subject(saved row)` and when. Call it inside the save's transaction.
    """
    saved = type(instance)._default_manager.select_for_update(of=("self",)).filter(pk=instance.pk).order_by("pk").get()
    if saved.version != expected_version:
        raise conflict_error(saved, subject(saved))
    instance.version = saved.version + 1


def conflict_error(saved: models.Model, subject: str) -> ConflictError:
    last = saved.history.order_by("-history_date", "-history_id").select_related("history_user").first()
    user = last.history_user if last else None
    who = display_name(user, missing="Someone else")
    when = last.history_date if last else timezone.now()
    local = timezone.localtime(when)
    return ConflictError(
        f"{who} saved {subject} at {date_format(local, 'H:i')} on {long_date(local)}, "
        "after you opened it, so your changes were not saved.",
        saved=saved,
        saved_by=who,
        saved_at=when,
    )
