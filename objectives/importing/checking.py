"""Check spreadsheet rows against the database and work out the changes, writing nothing."""

from dataclasses import dataclass, field, replace
from datetime import date

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models

from core.formats import month_year
from objectives.dates import format_target
from objectives.models import Action, Agency, Aim, BusinessPlan, Objective, ProgressRound, ProgressUpdate

from .agencies import AgencyIndex
from .cells import (
    quoted,
    read_agency_names,
    read_aim_number,
    read_date,
    read_rag,
    read_ref,
    read_text,
)
from .changes import Change, PlanChanges, RowError
from .columns import COLUMNS, OPTIONAL_COLUMNS, REQUIRED_COLUMNS
from .readers import SheetRow
from .rows import read_cells, read_sheet_header

_READERS = {
    "aim": read_aim_number,
    "aim_title": read_text,
    "objective": read_ref,
    "objective_title": read_text,
    "action": read_ref,
    "action_text": read_text,
    "lead_agency": read_agency_names,
    "target_date": read_date,
    "progress_date": read_date,
    "progress": read_text,
    "rag": read_rag,
    "impact": read_text,
}
assert set(_READERS) == set(COLUMNS), "every column of a plan file has a reader"
_REQUIRED_CELLS = {
    "aim": "its aim number, such as 1",
    "objective": "its objective ref, such as 1.1",
    "action": "its action ref, such as 1.1.1",
}
_COLUMNS_ARE = f"The columns are {', '.join(REQUIRED_COLUMNS)} and (optional) {', '.join(OPTIONAL_COLUMNS)}."
# The column a model's validation message belongs to; None is where errors about the whole object go.
_MESSAGE_COLUMNS = {
    BusinessPlan: {None: "plan"},
    Agency: {None: "lead_agency"},
    Aim: {None: "aim", "title": "aim_title"},
    Objective: {None: "objective", "title": "objective_title"},
    Action: {None: "action", "text": "action_text", "target_on": "target_date"},
    ProgressRound: {None: "progress_date"},
    ProgressUpdate: {None: "progress", "impact": "impact", "rag": "rag"},
}


@dataclass
class _Row:
    """One row's cells, read into Python values; an empty cell is None or ""."""

    number: int
    aim: int | None = None
    aim_title: str = ""
    objective: str | None = None
    objective_title: str = ""
    action: str | None = None
    action_text: str = ""
    lead_agency: list[str] = field(default_factory=list)
    target_date: tuple[date, bool] | None = None
    progress_date: tuple[date, bool] | None = None
    progress: str = ""
    rag: str = ""
    impact: str = ""


def check_rows(rows: list[SheetRow], *, plan: BusinessPlan) -> PlanChanges:
    """Compare the rows (the first is the header) with the plan in the database; write nothing."""
    positions, body, errors = read_sheet_header(
        rows, columns=_READERS, required=REQUIRED_COLUMNS, of="a plan", columns_are=_COLUMNS_ARE
    )
    if errors:
        return PlanChanges(plan=plan, errors=errors)
    places = {row.number: row.place for row in rows if row.place}
    checker = _Checker(plan, places)
    for sheet_row in body:
        row, row_errors = _read_row(sheet_row, positions)
        checker.add(row, row_errors)
    result = checker.finish()
    if places:
        result.errors = [replace(error, place=places.get(error.row, "")) for error in result.errors]
    return result


def _read_row(sheet_row: SheetRow, positions: dict[str, int]) -> tuple[_Row, list[RowError]]:
    """Read each cell and check the row on its own: required cells, formats and how the refs nest."""
    row = _Row(sheet_row.number)
    values, errors = read_cells(sheet_row, positions, _READERS, _REQUIRED_CELLS)
    for column, value in values.items():
        setattr(row, column, value)

    def error(column, message):
        errors.append(RowError(row.number, column, message))

    if row.progress_date is None and (row.progress or row.impact or row.rag):
        error("progress_date", "is empty; give the date the progress describes, such as December 2025.")
    return row, errors


class _Checker:
    """Matches rows to what the plan already has, and notes each object to create or update."""

    def __init__(self, plan: BusinessPlan, places: dict[int, str]):
        self.plan = plan
        self.places = places
        self.result = PlanChanges(plan=plan)
        # Objects may be unsaved (no pk to hash), so their changes are found by identity.
        self.changes: dict[int, Change] = {}
        self.action_rows: dict[tuple[str, date | None], int] = {}
        self.titles: dict[tuple[str, object], tuple[str, int]] = {}
        self.action_cells: dict[tuple[str, str], tuple[object, str, int]] = {}
        self._load()
        if plan.pk is None:
            self._change(plan, None)

    def _load(self):
        agencies = list(Agency.objects.all())
        self.agencies = AgencyIndex(agencies)
        self.aims, self.objectives, self.actions, self.rounds, self.updates = {}, {}, {}, {}, {}
        if self.plan.pk is None:
            return
        self.aims = {aim.number: aim for aim in Aim.objects.filter(plan=self.plan)}
        self.objectives = {
            objective.ref: objective for objective in Objective.objects.filter(plan=self.plan).select_related("aim")
        }
        actions = Action.objects.filter(plan=self.plan).select_related("objective").prefetch_related("lead_agencies")
        self.actions = {action.ref: action for action in actions}
        self.rounds = {progress_round.as_of: progress_round for progress_round in self.plan.rounds.all()}
        actions_by_id = {action.pk: action for action in self.actions.values()}
        rounds_by_id = {progress_round.pk: progress_round for progress_round in self.rounds.values()}
        for update in ProgressUpdate.objects.filter(action__plan=self.plan):
            # Share the loaded parents, so clean() on a changed update needs no query.
            update.action, update.round = actions_by_id[update.action_id], rounds_by_id[update.round_id]
            self.updates[update.action.ref, update.round.as_of] = update

    def add(self, row: _Row, errors: list[RowError]):
        self.result.errors += errors
        errors_before = len(self.result.errors)
        if row.action is not None:
            self._one_row_per_round(row)
        if row.aim is not None:
            self._same_title(row.number, "aim_title", ("aim", row.aim), row.aim_title)
        if row.objective is not None:
            self._same_title(row.number, "objective_title", ("objective", row.objective), row.objective_title)
        if errors or len(self.result.errors) > errors_before:
            return
        aim = self._aim(row)
        objective = self._objective(row, aim)
        action = self._action(row, objective)
        if row.progress_date and (row.progress or row.impact or row.rag):
            self._progress(row, action)

    def finish(self) -> PlanChanges:
        """Validate every new or changed object as the models do, and return the result."""
        for change in self.changes.values():
            try:
                change.instance.full_clean(exclude=_unsaved_parents(change.instance))
            except ValidationError as error:
                columns = _MESSAGE_COLUMNS[type(change.instance)]
                for name, messages in error.message_dict.items():
                    column = columns.get(None if name == NON_FIELD_ERRORS else name, columns[None])
                    self.result.errors += [RowError(change.row, column, message) for message in messages]
        # Stable, so a row's problems stay in the order found: its cells left to right, then the models' rules.
        self.result.errors.sort(key=lambda error: error.row)
        self.result.changes = list(self.changes.values())
        return self.result

    def _error(self, row_number: int, column: str, message: str):
        self.result.errors.append(RowError(row_number, column, message))

    def _where(self, row_number: int) -> str:
        return self.places.get(row_number, f"row {row_number}")

    def _one_row_per_round(self, row: _Row):
        """An action may have a row for each round of progress (as an export writes it), all saying the same."""
        as_of = row.progress_date[0] if row.progress_date else None
        first = self.action_rows.setdefault((row.action, as_of), row.number)
        if first != row.number:
            if as_of is None:
                message = f"Action {row.action} is already on {self._where(first)}."
            else:
                message = f"Action {row.action} already has progress for {month_year(as_of)} on {self._where(first)}."
            self._error(row.number, "action", message)
        shown = {
            "action_text": (row.action_text, quoted(row.action_text)),
            "lead_agency": (sorted(name.casefold() for name in row.lead_agency), quoted("; ".join(row.lead_agency))),
            "target_date": (row.target_date, row.target_date and quoted(format_target(*row.target_date))),
        }
        for column, (value, text) in shown.items():
            if not value:
                continue
            first = self.action_cells.setdefault((column, row.action), (value, text, row.number))
            first_value, first_text, first_row = first
            if first_value != value:
                self._error(
                    row.number,
                    column,
                    f"differs from {self._where(first_row)}, which gives action {row.action} {first_text}; "
                    "leave it empty or write the same.",
                )

    def _same_title(self, row_number: int, column: str, key: tuple[str, object], title: str):
        """A title may be left empty on later rows, but where it is given it must agree."""
        if not title:
            return
        first_title, first_row = self.titles.setdefault(key, (title, row_number))
        if first_title != title:
            kind, ref = key
            self._error(
                row_number,
                column,
                f"differs from {self._where(first_row)}, which calls {kind} {ref} {quoted(first_title)}; "
                "leave it empty or write the same title.",
            )

    def _change(self, instance: models.Model, row_number: int | None) -> Change:
        if id(instance) not in self.changes:
            self.changes[id(instance)] = Change(instance, row_number, created=instance.pk is None)
        return self.changes[id(instance)]

    def _set(self, instance: models.Model, row_number: int, **values):
        """Give the instance the row's values; an empty cell keeps what is stored."""
        for name, value in values.items():
            if value is None or value == "" or getattr(instance, name) == value:
                continue
            setattr(instance, name, value)
            change = self._change(instance, row_number)
            if not change.created:
                change.fields.append(name)

    def _aim(self, row: _Row) -> Aim:
        if row.aim not in self.aims:
            self.aims[row.aim] = Aim(plan=self.plan, number=row.aim)
            self._change(self.aims[row.aim], row.number)
        aim = self.aims[row.aim]
        self._set(aim, row.number, title=row.aim_title)
        return aim

    def _objective(self, row: _Row, aim: Aim) -> Objective:
        if row.objective not in self.objectives:
            self.objectives[row.objective] = Objective(plan=self.plan, aim=aim, ref=row.objective)
            self._change(self.objectives[row.objective], row.number)
        objective = self.objectives[row.objective]
        self._set(objective, row.number, title=row.objective_title)
        return objective

    def _action(self, row: _Row, objective: Objective) -> Action:
        action = self.actions.get(row.action)
        if action is None:
            action = self.actions[row.action] = Action(plan=self.plan, objective=objective, ref=row.action)
            self._change(action, row.number)
        target_on, is_month = row.target_date or (None, None)
        self._set(action, row.number, text=row.action_text, target_on=target_on, target_is_month=is_month)
        agencies = [self._agency(row.number, name) for name in row.lead_agency]
        if agencies and None not in agencies:
            stored = {agency.pk for agency in action.lead_agencies.all()} if action.pk else set()
            # A new agency has no pk yet, so it never matches a stored one.
            if {agency.pk for agency in agencies} != stored:
                change = self._change(action, row.number)
                change.related["lead_agencies"] = agencies
                if not change.created:
                    change.fields.append("lead_agencies")
        return action

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

    def _progress(self, row: _Row, action: Action):
        as_of, _month_only = row.progress_date
        if as_of not in self.rounds:
            self.rounds[as_of] = ProgressRound(plan=self.plan, as_of=as_of)
            self._change(self.rounds[as_of], row.number)
        update = self.updates.get((row.action, as_of))
        if update is None:
            update = ProgressUpdate(action=action, round=self.rounds[as_of])
            self.updates[row.action, as_of] = update
            self._change(update, row.number)
        # An imported update is the board's reported progress, so it is accepted as it stands.
        state = ProgressUpdate.State.ACCEPTED
        self._set(update, row.number, progress=row.progress, impact=row.impact, rag=row.rag, state=state)
        change = self.changes.get(id(update))
        if change and not change.created and update.author_id is not None:
            # The import wrote this text, not the officer who wrote the earlier version.
            update.author = None
            change.fields.append("author")


def _unsaved_parents(instance: models.Model) -> list[str]:
    """Foreign keys to objects the import has not saved yet; they get their ids when applied."""
    return [
        relation.name
        for relation in instance._meta.concrete_fields
        if relation.many_to_one and getattr(instance, relation.attname) is None and relation.is_cached(instance)
    ]
