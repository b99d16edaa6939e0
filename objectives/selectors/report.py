"""The committee progress report: a plan's aims, objectives and actions with one round's progress.

objectives.paper turns it into the paper the page, the PDF and the Word file show.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from ..models import Action, Agency, Aim, BusinessPlan, Objective, ProgressRound, ProgressUpdate


@dataclass(frozen=True)
class ReportRow:
    action: Action
    # Their names, in the order agencies are listed everywhere (Agency.Meta.ordering).
    lead_agencies: list[str]
    # This round's update, else the latest from an earlier round, else None ("No update").
    update: ProgressUpdate | None
    is_from_earlier_round: bool = False

    @property
    def status_note(self) -> str:
        """The action's status when it is no longer open, such as "Withdrawn"; empty while open."""
        return "" if self.action.status == Action.Status.OPEN else self.action.get_status_display()


@dataclass(frozen=True)
class ReportObjective:
    objective: Objective
    rows: list[ReportRow] = field(default_factory=list)


@dataclass(frozen=True)
class ReportAim:
    aim: Aim
    objectives: list[ReportObjective] = field(default_factory=list)


@dataclass(frozen=True)
class ProgressReport:
    plan: BusinessPlan
    progress_round: ProgressRound
    aims: list[ReportAim]
    generated_on: date
    board_name: str
    committee_name: str

    @property
    def action_count(self) -> int:
        return sum(len(objective.rows) for aim in self.aims for objective in aim.objectives)


def build_progress_report(*, plan: BusinessPlan, progress_round: ProgressRound) -> ProgressReport:
    """Gather a plan's aims, objectives and actions with the progress to show for a round, in five queries."""
    aims = list(Aim.objects.not_hidden().filter(plan=plan).order_by("sort_key"))
    objectives = list(Objective.objects.not_hidden().filter(aim__plan=plan).in_ref_order())
    actions = list(Action.objects.not_hidden().filter(objective__aim__plan=plan).in_ref_order())
    plan_actions = Action.objects.filter(objective__aim__plan=plan)
    leads = lead_agency_names(plan_actions)
    latest_updates = latest_accepted_updates(actions=plan_actions, progress_round=progress_round)

    rows_by_objective: dict[int, list[ReportRow]] = {objective.pk: [] for objective in objectives}
    for action in actions:
        update = latest_updates.get(action.pk)
        rows_by_objective[action.objective_id].append(
            ReportRow(
                action=action,
                lead_agencies=leads.get(action.pk, []),
                update=update,
                is_from_earlier_round=update is not None and update.round_id != progress_round.pk,
            )
        )
    objectives_by_aim: dict[int, list[ReportObjective]] = {aim.pk: [] for aim in aims}
    for objective in objectives:
        objectives_by_aim[objective.aim_id].append(ReportObjective(objective, rows_by_objective[objective.pk]))

    return ProgressReport(
        plan=plan,
        progress_round=progress_round,
        aims=[ReportAim(aim, objectives_by_aim[aim.pk]) for aim in aims],
        generated_on=timezone.localdate(),
        board_name=settings.BOARD_NAME,
        committee_name=settings.COMMITTEE_NAME,
    )


def lead_agency_names(actions) -> dict[int, list[str]]:
    """The names of each of `actions`' lead agencies by action id, in one query of names only: a prefetch made an
    Agency and a related manager for each of 1,000 actions' one or two agencies, more than the query itself cost."""
    links = Action.lead_agencies.through.objects.filter(action__in=actions)
    names: dict[int, list[str]] = {}
    # Ordered by the agency, so by Agency.Meta.ordering, as every list of agencies is.
    for action_id, name in links.order_by("agency").values_list("action_id", "agency__name"):
        names.setdefault(action_id, []).append(name)
    return names


# What an agency's name on a page needs (its str); any other field is read on first use.
_AGENCY_FIELDS = ("id", "name", "short_name")


def lead_agency_lists(actions) -> defaultdict[int, list[Agency]]:
    """Each of `actions`' lead agencies by action id (an empty list for none), in the order agencies are listed
    everywhere, in one query: for pages that show each action's agencies, where a prefetch's bookkeeping cost more
    than the rows. One instance an agency, holding only its names, not one a lead: a plan of 1,000 actions has some
    1,500 leads among a few dozen agencies, and making a model instance a row was a third of the plan page's time."""
    found = defaultdict(list)
    agencies = {}
    rows = Agency.objects.filter(led_actions__in=actions).values_list("led_actions", *_AGENCY_FIELDS)
    for action_id, *fields in rows:
        if fields[0] not in agencies:
            agencies[fields[0]] = Agency.from_db(rows.db, _AGENCY_FIELDS, fields)
        found[action_id].append(agencies[fields[0]])
    return found


# Each update's round is read in the same query but made once per round: select_related made a ProgressRound for
# every one of 1,000 actions' updates, though they share ten rounds at most.
_ROUND_COLUMNS = {f"shared_round_{field.attname}": field.attname for field in ProgressRound._meta.concrete_fields}
# What the papers and the yearly report read of an update: its state, authors and times (read on first touch, a
# query each) are left out, as setting them was a third of the cost of making 1,000 updates.
_PAPER_FIELDS = ("action", "round", "rag", "progress", "impact")


def latest_accepted_updates(*, actions, progress_round: ProgressRound) -> dict[int, ProgressUpdate]:
    """Each of `actions`' accepted update from this round or, failing that, its latest earlier one, in one query.

    `actions` is a queryset of the round's plan. Later rounds never count, and neither do drafts,
    submissions awaiting review or returned updates. Case reviews and CDOP use it for their sections too.
    Each update's `round` is already there, one instance for all the updates of a round, and of the update itself
    what the papers and the yearly report read (see _PAPER_FIELDS).
    """
    updates = (
        ProgressUpdate.objects.accepted()
        .filter(
            action__in=actions,
            round__plan_id=progress_round.plan_id,
            round__as_of__lte=progress_round.as_of,
        )
        .latest_per_action()
        .only(*_PAPER_FIELDS)
        .annotate(**{alias: F(f"round__{attname}") for alias, attname in _ROUND_COLUMNS.items()})
        .order_by()
    )
    rounds: dict[int, ProgressRound] = {}
    found = {}
    for update in updates:
        row = update.__dict__
        values = [row.pop(alias) for alias in _ROUND_COLUMNS]
        shared = rounds.get(update.round_id)
        if shared is None:
            shared = rounds[update.round_id] = ProgressRound.from_db(update._state.db, _ROUND_COLUMNS.values(), values)
        _ROUND.set_cached_value(update, shared)
        found[update.action_id] = update
    return found


_ROUND = ProgressUpdate._meta.get_field("round")
