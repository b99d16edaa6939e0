"""Check a review's action plan rows against the review and work out what to create, writing nothing."""

import re
from dataclasses import dataclass, field
from datetime import date

from core.formats import plural
from objectives.dates import format_target
from objectives.identifiers import identifier_warnings
from objectives.importing.cells import SheetRow, quoted, shorten
from objectives.importing.changes import RowError
from objectives.importing.rows import read_cells, read_sheet_header
from objectives.models import Action, Agency, BusinessPlan

from ..models import Recommendation, RecommendationAction, Review
from .agencies import AgencyNames
from .columns import COLUMNS, COLUMNS_ARE, NAMES, REQUIRED

_READERS = {column.name: column.reader for column in COLUMNS}
_REQUIRED_CELLS = {column.name: column.needs for column in COLUMNS if column.required}
_COLUMN_ORDER = {name: position for position, name in enumerate(NAMES)}


def same_text(text: str) -> str:
    """What two texts are compared by: "Share  the Plan" and "share the plan" are the same action."""
    return " ".join(text.split()).casefold()


@dataclass
class NewRecommendation:
    row: int
    number: int
    text: str
    agencies: list[Agency]


@dataclass
class AddedAgencies:
    """Agencies the file names for a recommendation the review has, which it is not yet for."""

    row: int
    recommendation: Recommendation
    agencies: list[Agency]


@dataclass
class NewAction:
    row: int
    number: int
    # The reference add_recommendation_action will give it, worked out the same way.
    ref: str
    plan: BusinessPlan
    text: str
    lead_agencies: list[Agency]
    target: tuple[date, bool] | None
    # The stored recommendation it joins; None for one the import creates.
    recommendation: Recommendation | None = None

    @property
    def target_display(self) -> str:
        return format_target(*self.target) if self.target else ""


@dataclass
class KeptAction:
    """A row whose action the recommendation already has: left as it is, so importing twice adds nothing."""

    row: int
    action: Action
    # The row's lead agencies, target date or plan are not the stored action's; the action is still not changed.
    differs: bool


@dataclass
class ReviewChanges:
    review: Review
    new_recommendations: list[NewRecommendation] = field(default_factory=list)
    added_agencies: list[AddedAgencies] = field(default_factory=list)
    new_actions: list[NewAction] = field(default_factory=list)
    kept_actions: list[KeptAction] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    # Free text that looks like an NHS number or a date of birth: shown, never blocking.
    warnings: list[str] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        return bool(self.new_recommendations or self.added_agencies or self.new_actions)

    @property
    def can_apply(self) -> bool:
        return not self.errors and self.has_changes

    def summary(self) -> str:
        """ "1 new recommendation, 3 new actions, 2 actions already there"."""
        parts = [
            plural(len(self.new_recommendations), "new recommendation"),
            plural(len(self.new_actions), "new action"),
        ]
        if self.added_agencies:
            parts.append(f"agencies added to {plural(len(self.added_agencies), 'recommendation')}")
        if self.kept_actions:
            parts.append(f"{plural(len(self.kept_actions), 'action')} already there")
        return ", ".join(parts)


def check_rows(rows: list[SheetRow], *, review: Review) -> ReviewChanges:
    """Compare the rows (the first is the header) with the review in the database; write nothing."""
    positions, body, errors = read_sheet_header(
        rows, columns=_READERS, required=REQUIRED, of="a review’s action plan", columns_are=COLUMNS_ARE
    )
    if errors:
        return ReviewChanges(review, errors=errors)
    checker = _Checker(review, rows[0].number)
    for sheet_row in body:
        values, row_errors = read_cells(sheet_row, positions, _READERS, _REQUIRED_CELLS)
        checker.add(sheet_row.number, values, row_errors)
    return checker.finish()


class _Checker:
    """Matches rows to the recommendations and actions the review has, and notes what to create."""

    def __init__(self, review: Review, header_row: int):
        self.review = review
        self.result = ReviewChanges(review)
        self.agencies = AgencyNames(list(Agency.objects.all()))
        plans = list(BusinessPlan.objects.all())  # newest first
        self.plans = {plan.title.casefold(): plan for plan in plans}
        self.latest_plan = plans[0] if plans else None
        if not plans:
            message = "There is no business plan yet; add one, as review actions report in a plan’s progress rounds."
            self._error(header_row, "plan", message)
        self.recommendations = {
            recommendation.number: recommendation
            for recommendation in review.recommendations.prefetch_related("agencies")
        }
        numbers = {recommendation.pk: recommendation.number for recommendation in self.recommendations.values()}
        links = RecommendationAction.objects.filter(recommendation__review=review).select_related("action__plan")
        self.existing = {
            (numbers[link.recommendation_id], same_text(link.action.text)): link.action
            for link in links.prefetch_related("action__lead_agencies")
        }
        self.last_ref = self._last_refs(review)
        # What the file says of each recommendation: its first row, its text and its agencies (with their rows).
        self.first_rows: dict[int, int] = {}
        self.texts: dict[int, tuple[str, int]] = {}
        self.agency_sets: dict[int, tuple[list[Agency], int]] = {}
        self.action_rows: dict[tuple[int, str], int] = {}
        self.unreadable_texts: set[int] = set()

    @staticmethod
    def _last_refs(review: Review) -> dict[tuple[int, int], int]:
        """The highest action number of each recommendation in each plan, as tracked.next_ref counts them."""
        pattern = re.compile(rf"^{re.escape(review.code)}-([1-9]\d*)\.(\d+)$")
        last: dict[tuple[int, int], int] = {}
        refs = Action.objects.filter(ref__startswith=f"{review.code}-").order_by().values_list("plan_id", "ref")
        for plan_id, ref in refs:
            match = pattern.match(ref)
            if match:
                key = (plan_id, int(match[1]))
                last[key] = max(last.get(key, 0), int(match[2]))
        return last

    def _error(self, row: int, column: str, message: str):
        self.result.errors.append(RowError(row, column, message))

    def add(self, row: int, values: dict, errors: list[RowError]):
        self.result.errors += errors
        errors_before = len(self.result.errors)
        number = values.get("recommendation")
        agencies = self._agencies(row, "recommendation_agencies", values.get("recommendation_agencies", ""))
        lead_agencies = self._agencies(row, "lead_agency", values.get("lead_agency", ""))
        plan = self._plan(row, values.get("plan", ""))
        if number is not None:
            self._recommendation(row, number, values.get("recommendation_text", ""), agencies)
            if any(error.column == "recommendation_text" for error in errors):
                # Reported already: its text is there but cannot be read, so it is not missing as well.
                self.unreadable_texts.add(number)
        if errors or len(self.result.errors) > errors_before or plan is None:
            return
        # An empty plan cell means the latest plan, which is no reason to call a stored action different.
        plan_given = plan if values.get("plan") else None
        self._action(row, number, values["action"], lead_agencies, values.get("target_date"), plan, plan_given)

    def finish(self) -> ReviewChanges:
        for number, first_row in self.first_rows.items():
            self._settle_recommendation(number, first_row)
        result = self.result
        for new in result.new_recommendations:
            result.warnings += identifier_warnings({f"recommendation text on row {new.row}": new.text})
        for action in result.new_actions:
            result.warnings += identifier_warnings({f"action on row {action.row}": action.text})
        # A row's problems in the order of the columns; stable, so each cell's stay in the order found.
        result.errors.sort(key=lambda error: (error.row, _COLUMN_ORDER.get(error.column, len(_COLUMN_ORDER))))
        return result

    def _agencies(self, row: int, column: str, text: str) -> list[Agency] | None:
        """The agencies named, or None if a name is not an agency's (each such name is an error)."""
        agencies, problems = self.agencies.read(text)
        for problem in problems:
            self._error(row, column, problem)
        return None if problems else agencies

    def _plan(self, row: int, title: str) -> BusinessPlan | None:
        if not title:
            return self.latest_plan
        plan = self.plans.get(title.casefold())
        if plan is None:
            titles = ", ".join(plan.title for plan in list(self.plans.values())[:6])
            known = f"; the plans are {titles}" if titles else ""
            self._error(row, "plan", f"{quoted(title)} is not a business plan{known}. Leave it empty for the latest.")
        return plan

    def _recommendation(self, row: int, number: int, text: str, agencies: list[Agency] | None):
        """A recommendation's text and agencies may be left empty on later rows, but where given must agree."""
        self.first_rows.setdefault(number, row)
        stored = self.recommendations.get(number)
        if text:
            first_text, first_row = self.texts.setdefault(number, (text, row))
            if same_text(first_text) != same_text(text):
                self._error(
                    row,
                    "recommendation_text",
                    f"differs from row {first_row}, which gives recommendation {number} the text "
                    f"{quoted(first_text)}; leave it empty or write the same.",
                )
            elif stored is not None and same_text(stored.text) != same_text(text):
                self._error(
                    row,
                    "recommendation_text",
                    f"differs from recommendation {number} of {self.review}, {quoted(stored.text)}. The import "
                    "never changes a recommendation’s text: leave the cell empty or write the same, and change "
                    "the text on the recommendation’s page if it must change.",
                )
        if agencies:
            first_agencies, first_row = self.agency_sets.setdefault(number, (agencies, row))
            if {agency.pk for agency in first_agencies} != {agency.pk for agency in agencies}:
                names = "; ".join(agency.name for agency in first_agencies)
                self._error(
                    row,
                    "recommendation_agencies",
                    f"differs from row {first_row}, which says recommendation {number} is for {quoted(names)}; "
                    "leave it empty or write the same.",
                )

    def _settle_recommendation(self, number: int, first_row: int):
        """Once every row is read: a new recommendation needs its text; a stored one may gain agencies."""
        text = self.texts.get(number, ("", 0))[0]
        agencies, agencies_row = self.agency_sets.get(number, ([], first_row))
        stored = self.recommendations.get(number)
        if stored is None:
            if not text and number not in self.unreadable_texts:
                self._error(
                    first_row,
                    "recommendation_text",
                    f"is empty; {self.review} has no recommendation {number} yet, so give its text.",
                )
            elif text:
                self.result.new_recommendations.append(NewRecommendation(first_row, number, text, agencies))
            return
        have = {agency.pk for agency in stored.agencies.all()}
        added = [agency for agency in agencies if agency.pk not in have]
        if added:
            self.result.added_agencies.append(AddedAgencies(agencies_row, stored, added))

    def _action(self, row, number, text, lead_agencies, target, plan, plan_given):
        key = (number, same_text(text))
        first_row = self.action_rows.setdefault(key, row)
        if first_row != row:
            self._error(
                row,
                "action",
                f"is the same as row {first_row}’s action for recommendation {number}; remove one of the two rows.",
            )
            return
        stored = self.existing.get(key)
        if stored is not None:
            self.result.kept_actions.append(
                KeptAction(row, stored, self._differs(stored, lead_agencies, target, plan_given))
            )
            return
        ref_key = (plan.pk, number)
        self.last_ref[ref_key] = self.last_ref.get(ref_key, 0) + 1
        ref = f"{self.review.code}-{number}.{self.last_ref[ref_key]}"
        self.result.new_actions.append(
            NewAction(row, number, ref, plan, text, lead_agencies, target, self.recommendations.get(number))
        )

    @staticmethod
    def _differs(action: Action, lead_agencies, target, plan_given) -> bool:
        stored_target = (action.target_on, action.target_is_month) if action.target_on else None
        return (
            {agency.pk for agency in lead_agencies} != {agency.pk for agency in action.lead_agencies.all()}
            or (target is not None and target != stored_target)
            or (plan_given is not None and plan_given.pk != action.plan_id)
        )


def describe_action(action: NewAction | KeptAction) -> str:
    """An action as the preview and the command list it: "CS-2.1: Share the plan …"."""
    if isinstance(action, KeptAction):
        return f"{action.action.ref}: {shorten(action.action.text, 100)}"
    return f"{action.ref}: {shorten(action.text, 100)}"
