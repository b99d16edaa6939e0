"""One register of recommendations, whatever made them: case reviews, inspections, audits, Section 11.

Each app that keeps recommendations registers a provider, a callable `provider(*, user)` returning the
`Entry`s `user` may see (every one when `user` is None: the committee paper, which the board publishes),
read in a fixed number of queries however many there are. mscb registers them in
REGISTER_PROVIDERS order, so no app names another; the register page, its files and the paper read
`entries_for(user)` and never a model.

An entry's status follows from its decision and its actions, the same way on every page:
not accepted → "Not for action"; awaiting a decision → "Awaiting decision"; accepted with no action yet →
"No actions yet"; some action still open → "In progress"; every action completed or withdrawn → "Done".
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db import models

from .models.decisions import Decision


class Status(models.TextChoices):
    AWAITING_DECISION = "awaiting_decision", "Awaiting decision"
    NOT_FOR_ACTION = "not_for_action", "Not for action"
    NO_ACTIONS = "no_actions", "No actions yet"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"


@dataclass(frozen=True)
class EntryAction:
    ref: str
    text: str
    url: str
    is_open: bool
    status_label: str  # the action's own status in words: Open, Completed, Withdrawn


@dataclass(frozen=True)
class Entry:
    kind: str  # the source's kind, such as "case_review" or "ofsted"
    kind_label: str  # in words: "Case review", "Ofsted inspection"
    source: str  # "Child S", "Ofsted inspection of children's services, March 2026"
    source_url: str
    reported_on: date | None  # when the source reported, for ordering
    number: int
    text: str
    url: str
    agencies: tuple[str, ...]  # names as pages show them
    agency_ids: frozenset[int]
    decision: str  # a core.models.Decision value
    decision_reasons: str
    decided_by: str
    decision_meeting: str
    decided_on: date | None
    actions: tuple[EntryAction, ...]
    edit_url: str = ""  # where `user` records the decision, or "" when they may not

    @property
    def decision_label(self) -> str:
        return Decision(self.decision).label

    @property
    def status(self) -> Status:
        if self.decision == Decision.NOT_ACCEPTED:
            return Status.NOT_FOR_ACTION
        if self.decision == Decision.AWAITING:
            return Status.AWAITING_DECISION
        if not self.actions:
            return Status.NO_ACTIONS
        if any(action.is_open for action in self.actions):
            return Status.IN_PROGRESS
        return Status.DONE


def entry_action(action) -> EntryAction:
    """An objectives Action as the register shows it."""
    return EntryAction(
        ref=action.ref,
        text=action.text,
        url=action.get_absolute_url(),
        is_open=action.status == action.Status.OPEN,
        status_label=action.get_status_display(),
    )


def decision_of(recommendation) -> dict:
    """A RecordedDecision's five fields as Entry's keyword arguments, so every provider copies them alike."""
    return {
        "decision": recommendation.decision,
        "decision_reasons": recommendation.decision_reasons,
        "decided_by": recommendation.decided_by,
        "decision_meeting": recommendation.decision_meeting,
        "decided_on": recommendation.decided_on,
    }


Provider = Callable[..., list[Entry]]

_REGISTERED: list[Provider] = []


def register(provider: Provider) -> None:
    """Read `provider` in every register from now on; registering it again changes nothing."""
    if provider not in _REGISTERED:
        _REGISTERED.append(provider)


def unregister(provider: Provider) -> None:
    if provider in _REGISTERED:
        _REGISTERED.remove(provider)


def entries_for(user=None) -> list[Entry]:
    """Every recommendation `user` may see (None: all, for the paper), newest source first, then by number."""
    entries = [entry for provider in _REGISTERED for entry in provider(user=user)]
    entries.sort(key=lambda entry: entry.number)
    entries.sort(key=lambda entry: (entry.reported_on or date.min, entry.source), reverse=True)
    return entries
