"""Writes that enforce the progress workflow (its rules are in .workflow).

Every write refuses a closed round and a stale form (see .conflicts).
"""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.formats import display_name

from ..models import Action, ProgressRound, ProgressUpdate
from ..notifications import events
from ..paper.ahead import prepare_paper_later
from . import workflow
from .conflicts import conflict_error

State = ProgressUpdate.State
# The references a stored update never changes once written (see _store).
_UNCHANGED_REFERENCES = ("action", "round", "author")


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
    refusal = workflow.submission_refusal(update)
    if refusal:
        raise ValidationError(refusal, code="state")
    if not progress.strip():
        raise ValidationError({"progress": "Write the progress before submitting it to the board manager."})
    update.rag, update.progress, update.impact = rag, progress, impact
    update.state = State.SUBMITTED
    update.submitted_by, update.submitted_at = author, timezone.now()
    update = _store(update)
    events.update_submitted(update)
    return update


@transaction.atomic
def return_progress(
    *, update: ProgressUpdate, manager: AbstractBaseUser, comment: str, expected_version: int | None
) -> ProgressUpdate:
    """Send a submitted update back to its agency with the board manager's comment: submitted → returned."""
    update = _locked_existing(update, expected_version)
    refusal = workflow.return_refusal(update)
    if refusal:
        raise ValidationError(refusal, code="state")
    if not comment.strip():
        raise ValidationError({"return_comment": "Say what the agency needs to change before you return it."})
    # The agency's text goes back unchanged: the manager's words are in the comment, not in theirs.
    update.state, update.return_comment = State.RETURNED, comment.strip()
    update = _store(update)
    events.update_returned(update, manager=manager)
    return update


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
    # The caller's action and round are these rows: validating the save reads their plan and scale from them.
    update.action, update.round = action, progress_round
    _check_version(update, expected_version)
    if not workflow.may_edit(author, update):
        raise ValidationError(workflow.edit_refusal(update), code="state")
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
    problem = workflow.acceptance_problem(update)
    if problem:
        raise ValidationError(problem, code="state")


def _accept(update: ProgressUpdate, manager, rag: str, progress: str, impact: str) -> ProgressUpdate:
    # What the agency wrote, so its writer hears whether the manager changed it.
    text_changed = (update.progress, update.impact) != (progress, impact)
    rating_changed = update.rag != rag
    update.rag, update.progress, update.impact = rag, progress, impact
    update.state = State.ACCEPTED
    update.accepted_by, update.accepted_at = manager, timezone.now()
    update = _store(update)
    events.update_accepted(update, manager=manager, text_changed=text_changed, rating_changed=rating_changed)
    # The paper now reads differently: its files are made in the background, ready before anyone asks.
    prepare_paper_later(round_pk=update.round_id, author=display_name(manager))
    return update


def _store(update: ProgressUpdate) -> ProgressUpdate:
    """Validate and save, raising the version; a second first update for the action and round is a conflict."""
    is_new = update.pk is None
    if not is_new:
        update.version += 1
    # The one-update-per-round rule is left to the database, so two first updates at once read as a conflict.
    # A stored row is locked and keeps its action, round and author: their existence (the foreign keys) and the
    # one-update-per-round rule already hold, so checking them again would be four queries on every save.
    unchanged_references = () if is_new else _UNCHANGED_REFERENCES
    update.full_clean(exclude=unchanged_references, validate_constraints=not is_new)
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
