"""Match checked rows to what the plan already has, and note each object to create or update, writing nothing.

Every plan is stored as aim → objective → action. A two-level plan's actions sit under their aim's implicit
objective, and a list plan's under the implicit aim's; those implicit levels are found or noted here (marked
`implicit`, so no preview or message shows them) and saved through `implicit_aim()` and `aim.implicit_objective()`.
"""

from datetime import date

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils import timezone

from core.formats import month_year
from objectives.dates import format_target
from objectives.models import Action, Agency, Aim, BusinessPlan, Objective, ProgressRound, ProgressUpdate

from .agencies import AgencyIndex
from .cells import quoted
from .changes import Change, PlanChanges, RowError, action_name
from .columns import ACTION_COLUMNS

# implicit_aim(plan) numbers a list plan's one aim "1".
IMPLICIT_AIM_NUMBER = "1"
# The column a model's validation message belongs to; None is where errors about the whole object go.
_MESSAGE_COLUMNS = {
    BusinessPlan: {None: "plan"},
    Agency: {None: "lead_agency"},
    Aim: {None: "aim", "title": "aim_title", "strategic_lead": "strategic_lead"},
    Objective: {None: "objective", "title": "objective_title"},
    Action: {
        None: "action",
        "text": "action_text",
        "target_on": "target_date",
        "responsibility": "responsibility",
        "lead_officer": "lead_officer",
        "timescale": "timescale",
        "success_measure": "success_measure",
    },
    ProgressRound: {None: "progress_date"},
    ProgressUpdate: {None: "progress", "impact": "impact", "rag": "rating"},
}
# The action's cells that every row of one action (a row per round) must agree on, where given.
_ACTION_CELLS = ACTION_COLUMNS[1:]

ActionKey = tuple[str, str, str]


class PlanBuilder:
    """Matches rows to what the plan already has, and notes each object to create or update."""

    def __init__(self, plan: BusinessPlan, places: dict[int, str]):
        self.plan = plan
        self.places = places
        self.result = PlanChanges(plan=plan)
        # Objects may be unsaved (no pk to hash), so their changes are found by identity.
        self.changes: dict[int, Change] = {}
        self.action_rows: dict[tuple[ActionKey, date | None], int] = {}
        self.first_values: dict[tuple, tuple[object, str, int]] = {}
        self._load()
        if plan.pk is None:
            self._change(plan, None)

    def _load(self):
        self.agencies = AgencyIndex(list(Agency.objects.all()))
        self.aims, self.objectives, self.actions, self.rounds, self.updates = {}, {}, {}, {}, {}
        if self.plan.pk is None:
            return
        # Each with the plan itself, so validating a changed one asks nothing about its plan (see _known_parents).
        self.aims = {aim.number: aim for aim in self.plan.aims.all()}
        objectives = self.plan.objectives.select_related("aim")
        self.objectives = {(objective.aim.number, objective.ref): objective for objective in objectives}
        # A case review's or the CDOP's actions have no objective, and no place in a plan file.
        actions = (
            self.plan.actions.filter(objective__isnull=False)
            .select_related("objective__aim")
            .prefetch_related("lead_agencies")
        )
        self.actions = {_key_of(action): action for action in actions}
        self.rounds = {progress_round.as_of: progress_round for progress_round in self.plan.rounds.all()}
        actions_by_id = {action.pk: action for action in self.actions.values()}
        rounds_by_id = {progress_round.pk: progress_round for progress_round in self.rounds.values()}
        for update in ProgressUpdate.objects.filter(action__plan=self.plan, action__objective__isnull=False):
            # Share the loaded parents, so clean() on a changed update needs no query.
            update.action, update.round = actions_by_id[update.action_id], rounds_by_id[update.round_id]
            self.updates[_key_of(update.action), update.round.as_of] = update

    def add(self, row, errors: list[RowError]):
        self.result.errors += errors
        errors_before = len(self.result.errors)
        key = self._key(row)
        if row.action is not None:
            self._one_row_per_round(row, key)
        if self.plan.has_aims and row.aim is not None:
            aim_label = f"{self.plan.aim_name} {row.aim}"
            self._same(row.number, "aim_title", ("aim", row.aim), row.aim_title, f"calls {aim_label}")
            self._same(row.number, "strategic_lead", ("lead", row.aim), row.strategic_lead, f"gives {aim_label}")
        if self.plan.has_objectives and row.objective is not None:
            label = f"calls {self.plan.objective_name} {row.objective}"
            self._same(row.number, "objective_title", ("objective", key[:2]), row.objective_title, label)
        if errors or len(self.result.errors) > errors_before:
            return
        aim = self._aim(row, key[0])
        objective = self._objective(row, aim, key[:2])
        action = self._action(row, objective, key)
        if row.progress_date and (row.progress or row.impact or row.rating):
            self._progress(row, action, key)

    def finish(self) -> PlanChanges:
        """Validate every new or changed object as the models do, and return the result."""
        for change in self.changes.values():
            try:
                # Each field's rules and the model's clean(), with no query of its own: uniqueness is checked
                # in memory, as every object is found by its unique key among all the plan has, loaded at once
                # (_load) and grown as rows add to it, so a clash is already a row's error ("is already on row 2").
                # The check constraints repeat rules clean() enforces (a plan's dates; completed_on cleared),
                # and the database refuses anything saved meanwhile.
                change.instance.full_clean(
                    exclude=_known_parents(change.instance), validate_unique=False, validate_constraints=False
                )
            except ValidationError as error:
                columns = _MESSAGE_COLUMNS[type(change.instance)]
                for name, messages in error.message_dict.items():
                    column = columns.get(None if name == NON_FIELD_ERRORS else name, columns[None])
                    self.result.errors += [RowError(change.row, column, message) for message in messages]
        # Stable, so a row's problems stay in the order found: its cells left to right, then the models' rules.
        self.result.errors.sort(key=lambda error: error.row)
        self.result.changes = list(self.changes.values())
        return self.result

    def _key(self, row) -> ActionKey:
        """Where the row's action sits: (aim, objective, action) as stored, the implicit levels filled in."""
        aim = row.aim if self.plan.has_aims else IMPLICIT_AIM_NUMBER
        # An implicit objective takes its aim's number as its ref (aim.implicit_objective()).
        objective = row.objective if self.plan.has_objectives else aim
        return aim, objective, row.action

    def _error(self, row_number: int, column: str, message: str):
        self.result.errors.append(RowError(row_number, column, message))

    def _where(self, row_number: int) -> str:
        return self.places.get(row_number, f"row {row_number}")

    def _one_row_per_round(self, row, key: ActionKey):
        """An action may have a row for each round of progress (as an export writes it), all saying the same."""
        as_of = row.progress_date[0] if row.progress_date else None
        name = action_name(self.plan, *key)
        first = self.action_rows.setdefault((key, as_of), row.number)
        if first != row.number:
            if as_of is None:
                message = f"{name} is already on {self._where(first)}."
            else:
                message = f"{name} already has progress for {month_year(as_of)} on {self._where(first)}."
            self._error(row.number, "action", message)
        for column in _ACTION_CELLS:
            self._same(row.number, column, (column, key), getattr(row, column), f"gives {name}")

    def _same(self, row_number: int, column: str, key: tuple, value, gives: str):
        """A cell may be left empty on later rows of the same thing, but where it is given it must agree."""
        if value is None or value in ("", []):
            return
        comparable = sorted(name.casefold() for name in value) if isinstance(value, list) else value
        first_value, first_text, first_row = self.first_values.setdefault(key, (comparable, _shown(value), row_number))
        if first_value != comparable:
            self._error(
                row_number,
                column,
                f"differs from {self._where(first_row)}, which {gives} {first_text}; leave it empty or write the same.",
            )

    def _change(self, instance: models.Model, row_number: int | None, *, implicit: bool = False) -> Change:
        if id(instance) not in self.changes:
            self.changes[id(instance)] = Change(instance, row_number, created=instance.pk is None, implicit=implicit)
        return self.changes[id(instance)]

    def _set(self, instance: models.Model, row_number: int, **values):
        """Give the instance the row's values; an empty cell keeps what is stored."""
        for name, value in values.items():
            if value is None or value == "" or getattr(instance, name) == value:
                continue
            setattr(instance, name, value)
            self._changed(instance, row_number, name)

    def _changed(self, instance: models.Model, row_number: int, *names: str):
        change = self._change(instance, row_number)
        if not change.created:
            change.fields += [name for name in names if name not in change.fields]

    def _aim(self, row, number: str) -> Aim:
        if number not in self.aims:
            if self.plan.has_aims:
                self.aims[number] = Aim(plan=self.plan, number=number)
                self._change(self.aims[number], row.number)
            else:
                self.aims[number] = Aim(plan=self.plan, number=number, title=self.plan.title)
                self._change(self.aims[number], row.number, implicit=True)
        aim = self.aims[number]
        if self.plan.has_aims:
            self._set(aim, row.number, title=row.aim_title, strategic_lead=row.strategic_lead)
        return aim

    def _objective(self, row, aim: Aim, key: tuple[str, str]) -> Objective:
        if key not in self.objectives:
            if self.plan.has_objectives:
                self.objectives[key] = Objective(plan=self.plan, aim=aim, ref=key[1])
                self._change(self.objectives[key], row.number)
            else:
                # Titled as implicit_objective() titles it; never shown.
                self.objectives[key] = Objective(plan=self.plan, aim=aim, ref=key[1], title=aim.title or row.aim_title)
                self._change(self.objectives[key], row.number, implicit=True)
        objective = self.objectives[key]
        if self.plan.has_objectives:
            self._set(objective, row.number, title=row.objective_title)
        return objective

    def _action(self, row, objective: Objective, key: ActionKey) -> Action:
        action = self.actions.get(key)
        if action is None:
            action = self.actions[key] = Action(plan=self.plan, objective=objective, ref=key[2])
            self._change(action, row.number)
        self._set(
            action,
            row.number,
            text=row.action_text,
            responsibility=row.responsibility,
            lead_officer=row.lead_officer,
            timescale=row.timescale,
            success_measure=row.success_measure,
        )
        self._target(row, action)
        self._lead_agencies(row, action)
        return action

    def _target(self, row, action: Action):
        """A changed target goes through revise_target(), the one rule for slippage.

        The file's original target and slip count are history: taken only for an action the import creates.
        """
        if row.target_date is not None and row.target_date != (action.target_on, action.target_is_month):
            before = (action.original_target_on, action.times_slipped)
            action.revise_target(row.target_date[0], is_month=row.target_date[1])
            self._changed(action, row.number, "target_on", "target_is_month")
            if (action.original_target_on, action.times_slipped) != before:
                self._changed(action, row.number, "original_target_on", "times_slipped")
        if action.pk is None and row.original_target_date is not None:
            action.original_target_on, action.original_target_is_month = row.original_target_date
            action.times_slipped = row.times_slipped or 1
            self._change(action, row.number)

    def _lead_agencies(self, row, action: Action):
        agencies = [self._agency(row.number, name) for name in row.lead_agency]
        if agencies and None not in agencies:
            stored = {agency.pk for agency in action.lead_agencies.all()} if action.pk else set()
            # A new agency has no pk yet, so it never matches a stored one.
            if {agency.pk for agency in agencies} != stored:
                change = self._change(action, row.number)
                change.related["lead_agencies"] = agencies
                self._changed(action, row.number, "lead_agencies")

    def _agency(self, row_number: int, name: str) -> Agency | None:
        """The agency with this name or short name, ignoring case, or else a new one."""
        agency, problem = self.agencies.find(name)
        if agency is not None:
            return agency
        if problem:
            self._error(row_number, "lead_agency", problem)
            return None
        agency = Agency(name=name)
        self.agencies.add(agency)
        self._change(agency, row_number)
        return agency

    def _progress(self, row, action: Action, key: ActionKey):
        as_of, _month_only = row.progress_date
        if as_of not in self.rounds:
            # A round the import makes records progress already reported: one whose date has passed is made
            # closed, so no stale round, open with no deadline, leads every agency's My actions. (One outside the
            # plan's dates is refused by ProgressRound.clean() in finish().) The manager can reopen it.
            closed_at = timezone.now() if as_of < timezone.localdate() else None
            self.rounds[as_of] = ProgressRound(plan=self.plan, as_of=as_of, closed_at=closed_at)
            self._change(self.rounds[as_of], row.number)
        update = self.updates.get((key, as_of))
        if update is None:
            update = ProgressUpdate(action=action, round=self.rounds[as_of])
            self.updates[key, as_of] = update
            self._change(update, row.number)
        # An imported update is the board's reported progress, so it is accepted as it stands.
        state = ProgressUpdate.State.ACCEPTED
        self._set(update, row.number, progress=row.progress, impact=row.impact, rag=row.rating, state=state)
        change = self.changes.get(id(update))
        if change and not change.created and update.author_id is not None:
            # The import wrote this text, not the officer who wrote the earlier version.
            update.author = None
            change.fields.append("author")


def _key_of(action: Action) -> ActionKey:
    return action.objective.aim.number, action.objective.ref, action.ref


def _shown(value) -> str:
    if isinstance(value, list):
        return quoted("; ".join(value))
    if isinstance(value, tuple):
        return quoted(format_target(*value))
    return quoted(value)


def _known_parents(instance: models.Model) -> list[str]:
    """Foreign keys to objects the import holds: unsaved ones get their ids when applied, and loaded ones were read
    from the database moments ago, so asking it again whether each exists (a query an object) tells nothing new."""
    return [
        relation.name
        for relation in instance._meta.concrete_fields
        if relation.many_to_one and relation.is_cached(instance)
    ]
