"""Where every action and agency stands in a progress round (closing and reopening are services.rounds).

An action wants an update in a round when it belongs to the round's plan, is not deleted, and is
still open, or already has an update in that round. Actions completed or withdrawn in an earlier
round are not chased again.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q, QuerySet
from django.utils import timezone

from ..models import Action, Agency, ProgressRound, ProgressUpdate
from ..services.workflow import OPEN_TO_CONTRIBUTORS
from .report import lead_agency_lists

MISSING = "missing"
# An action's state in a round, in the order the pages count them: "missing" means no update at all.
STATES: list[tuple[str, str]] = [(MISSING, "Missing"), *ProgressUpdate.State.choices]
STATE_LABELS = dict(STATES)
# These still lack a submitted or accepted update: they are what reminders chase and what makes an agency late.
OUTSTANDING = {MISSING, *OPEN_TO_CONTRIBUTORS}


def latest_open_rounds() -> list[ProgressRound]:
    """The latest open round of each plan, newest plan first."""
    rounds = ProgressRound.objects.filter(closed_at__isnull=True).select_related("plan")
    latest: dict[int, ProgressRound] = {}
    for progress_round in rounds.order_by("-plan__starts_on", "plan_id", "-as_of"):
        latest.setdefault(progress_round.plan_id, progress_round)
    return list(latest.values())


def actions_wanting_updates(actions: QuerySet, rounds: list[ProgressRound]) -> QuerySet:
    """Of these actions, those that want an update in these rounds (at most one round per plan)."""
    reported = ProgressUpdate.objects.filter(round__in=rounds).values("action_id")
    return actions.not_hidden().filter(
        Q(status=Action.Status.OPEN) | Q(pk__in=reported), plan_id__in=[r.plan_id for r in rounds]
    )


@dataclass
class ActionState:
    """One action in one round: its update there, if any, and so its state."""

    action: Action
    progress_round: ProgressRound
    update: ProgressUpdate | None

    @property
    def state(self) -> str:
        return self.update.state if self.update else MISSING

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def is_outstanding(self) -> bool:
        return self.state in OUTSTANDING


@dataclass
class StateCount:
    state: str
    label: str
    number: int


def count_states(rows: list[ActionState]) -> list[StateCount]:
    """How many of these rows are in each state, every state listed."""
    numbers = dict.fromkeys(STATE_LABELS, 0)
    for row in rows:
        numbers[row.state] += 1
    return [StateCount(state, label, numbers[state]) for state, label in STATES]


def action_states(actions: QuerySet, rounds: list[ProgressRound]) -> list[ActionState]:
    """Every action of these wanting an update in these rounds, in ref order, with its update: three queries."""
    if not rounds:
        return []
    wanted = list(actions_wanting_updates(actions, rounds).in_ref_order().prefetch_related("lead_agencies"))
    # The texts stay in the database: states, queues and reminders never show them.
    updates = ProgressUpdate.objects.filter(round__in=rounds, action_id__in=[action.pk for action in wanted])
    # Unordered: each action has one update in these rounds, and the default ordering joins three tables.
    updates = updates.defer("progress", "impact").select_related("submitted_by").order_by()
    return _paired(wanted, updates, rounds)


# What a list of an agency's actions shows (the home page, My actions): the action's ref and text, and its update's
# state and the board manager's comment. An officer's agency leads a hundred actions or more, and reading whole
# rows, their lead agencies and their updates' writers was most of those pages' time.
_LISTED_ACTION = ("ref", "text", "plan_id", "sort_key")
_LISTED_UPDATE = ("action_id", "round_id", "state", "return_comment")


def listed_action_states(actions: QuerySet, rounds: list[ProgressRound], *, leads: bool = False) -> list[ActionState]:
    """action_states() with only what a list of actions shows: two queries; with `leads`, each action's
    `lead_agency_list` too (the agencies' names, in their order), in a third.

    Nothing else of an action or its update is read: ask action_states() for whole rows.
    """
    if not rounds:
        return []
    wanted = list(actions_wanting_updates(actions, rounds).in_ref_order().only(*_LISTED_ACTION))
    ids = [action.pk for action in wanted]
    updates = ProgressUpdate.objects.filter(round__in=rounds, action_id__in=ids).only(*_LISTED_UPDATE).order_by()
    if leads:
        lists = lead_agency_lists(ids)
        for action in wanted:
            action.lead_agency_list = lists[action.pk]
    return _paired(wanted, updates, rounds)


def _paired(actions: list[Action], updates: QuerySet, rounds: list[ProgressRound]) -> list[ActionState]:
    """Each action with its round (its plan's) and its update there, if any."""
    round_of_plan = {progress_round.plan_id: progress_round for progress_round in rounds}
    by_action = {update.action_id: update for update in updates}
    rows = []
    for action in actions:
        update = by_action.get(action.pk)
        if update is not None:
            update.action = action
        rows.append(ActionState(action, round_of_plan[action.plan_id], update))
    return rows


@dataclass
class AgencyState:
    """One lead agency in one round: how many of its actions stand in each state, and whether it is late."""

    agency: Agency
    rows: list[ActionState] = field(default_factory=list)
    is_late: bool = False

    @property
    def counts(self) -> list[StateCount]:
        return count_states(self.rows)

    @property
    def outstanding(self) -> int:
        return sum(row.is_outstanding for row in self.rows)


@dataclass
class RoundStatus:
    """Where a round stands: every action, every lead agency, the counts and the updates waiting for review."""

    progress_round: ProgressRound
    rows: list[ActionState]
    agencies: list[AgencyState]
    is_past_deadline: bool

    @property
    def counts(self) -> list[StateCount]:
        return count_states(self.rows)

    @property
    def without_accepted(self) -> int:
        """How many actions have no accepted update: what closing the round would leave without progress."""
        return sum(row.state != ProgressUpdate.State.ACCEPTED for row in self.rows)

    @property
    def late_agencies(self) -> list[AgencyState]:
        return [agency for agency in self.agencies if agency.is_late]

    @property
    def review_queue(self) -> list[ProgressUpdate]:
        """Submitted updates, the longest-waiting first."""
        submitted = [row.update for row in self.rows if row.state == ProgressUpdate.State.SUBMITTED]
        return sorted(submitted, key=lambda update: (update.submitted_at or update.updated_at, update.pk))


def is_past_deadline(progress_round: ProgressRound, today: date) -> bool:
    return progress_round.deadline is not None and progress_round.deadline < today


def round_status(
    progress_round: ProgressRound,
    *,
    actions: QuerySet,
    agency_ids: set[int] | None = None,
    today: date | None = None,
) -> RoundStatus:
    """The round's state for these actions, by action and by lead agency (only agency_ids, if given)."""
    today = today or timezone.localdate()
    rows = action_states(actions, [progress_round])
    past_deadline = is_past_deadline(progress_round, today)
    by_agency: dict[int, AgencyState] = {}
    for row in rows:
        for agency in row.action.lead_agencies.all():
            if agency_ids is None or agency.pk in agency_ids:
                by_agency.setdefault(agency.pk, AgencyState(agency)).rows.append(row)
    # By the name people use (the short name), as the lead agencies column shows them.
    agencies = sorted(by_agency.values(), key=lambda agency_state: str(agency_state.agency).lower())
    for agency_state in agencies:
        agency_state.is_late = past_deadline and agency_state.outstanding > 0
    return RoundStatus(progress_round, rows, agencies, past_deadline)
