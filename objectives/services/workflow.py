"""The progress workflow's rules: who may edit, submit, accept or return an update, and why not.

draft → submitted → accepted, or submitted → returned → submitted again. The services enforce these
rules and the pages draw their buttons and notes from them, so a page never offers what a service refuses.
"""

from django.contrib.auth.models import AbstractBaseUser

from ..models import ProgressUpdate
from ..roles import is_board_manager

State = ProgressUpdate.State

# A contributor may keep editing until the update goes to the board manager; the manager may edit at any state.
OPEN_TO_CONTRIBUTORS = frozenset({State.DRAFT, State.RETURNED})


def is_open_to_contributors(update: ProgressUpdate | None) -> bool:
    """No update yet, a draft or a returned update: still the agency's to write."""
    return update is None or update.state in OPEN_TO_CONTRIBUTORS


def may_edit(user: AbstractBaseUser, update: ProgressUpdate | None) -> bool:
    """Whether this person may change the update's text (the round being open, and the action theirs)."""
    return is_open_to_contributors(update) or is_board_manager(user)


def may_submit(user: AbstractBaseUser) -> bool:
    """Contributors submit to the board manager; the manager accepts instead."""
    return not is_board_manager(user)


def may_review(user: AbstractBaseUser, update: ProgressUpdate | None) -> bool:
    """The board manager reviews (accepts or returns) a submitted update."""
    return update is not None and update.state == State.SUBMITTED and is_board_manager(user)


def edit_refusal(update: ProgressUpdate) -> str:
    """Why a contributor can no longer change this update."""
    if update.state == State.SUBMITTED:
        return (
            "This update has been submitted to the board manager, so it can no longer be changed here. "
            "The board manager will accept it or return it to your agency with a comment."
        )
    return "The board manager has accepted this update, so it can no longer be changed."


def submission_refusal(update: ProgressUpdate) -> str:
    """Why this update cannot be submitted, or "" when it can."""
    if update.state in OPEN_TO_CONTRIBUTORS:
        return ""
    return f"This update is already {update.get_state_display().lower()}."


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


def return_refusal(update: ProgressUpdate) -> str:
    """Why this update cannot be returned to its agency, or "" when it can."""
    if update.state == State.SUBMITTED:
        return ""
    return f"Only a submitted update can be returned; this one is {update.get_state_display().lower()}."


def review_note(update: ProgressUpdate) -> str:
    """What the review page says instead of offering Accept and Return, or "" when it offers them."""
    notes = {
        State.SUBMITTED: "",
        State.DRAFT: "This update is a draft: the agency has not submitted it yet.",
        State.RETURNED: "This update was returned to the agency and has not been resubmitted yet.",
        State.ACCEPTED: "This update has been accepted.",
    }
    return notes[update.state]
