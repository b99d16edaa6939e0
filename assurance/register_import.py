"""Importing recommendations from inspections, reviews and audits (not case reviews: those import with their
review) from a spreadsheet: check every row first, writing nothing, then add all or none.

A source is matched by its title; a new title makes a new source, which then needs its kind and code. A
recommendation already in the register (its source and number) is refused, so importing a file twice adds nothing.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from core.formats import plural
from core.models.decisions import Decision
from objectives.importing.cells import CellError, SheetRow, quoted, read_agency_names, read_count, read_date, read_text
from objectives.importing.changes import RowError
from objectives.importing.rows import read_cells, read_sheet_header
from objectives.models import Agency, BusinessPlan

from .models import AssuranceRecommendation, RecommendationSource

COLUMNS = (
    "source",
    "kind",
    "code",
    "report_date",
    "number",
    "recommendation",
    "agencies",
    "decision",
    "reasons",
    "decided_by",
    "meeting",
    "decided_on",
)
REQUIRED_COLUMNS = ("source", "number", "recommendation")
REQUIRED_CELLS = {
    "source": "the source's title, such as “Ofsted inspection, March 2026”",
    "number": "the recommendation's number",
    "recommendation": "the recommendation's text",
}
COLUMNS_ARE = (
    "The columns are source, kind, code, report_date, number, recommendation, agencies, decision, reasons, "
    "decided_by, meeting and decided_on."
)
# The model's field for each column whose message the model's clean() gives.
_FIELD_COLUMNS = {
    "number": "number",
    "text": "recommendation",
    "decision": "decision",
    "decision_reasons": "reasons",
    "decided_by": "decided_by",
    "decision_meeting": "meeting",
    "decided_on": "decided_on",
    "kind": "kind",
    "title": "source",
    "code": "code",
    "reported_on": "report_date",
}


def _choice(choices, value, what: str) -> str:
    wanted = " ".join(read_text(value).casefold().replace("_", " ").split())
    for choice in choices:
        if wanted in (choice.value.replace("_", " "), choice.label.casefold()):
            return choice.value
    listed = ", ".join(choice.label for choice in choices if choice.value)
    raise CellError(f"{quoted(value)} is not {what}; write one of: {listed}.")


def read_kind(value) -> str:
    return _choice(RecommendationSource.Kind, value, "a kind of source")


def read_decision(value) -> str:
    return _choice(Decision, value, "a decision")


def read_day(value):
    day, month_only = read_date(value)
    if month_only:
        raise CellError(f"{quoted(value)} is a month; write the day, such as 2026-03-12.")
    return day


READERS = {
    "source": read_text,
    "kind": read_kind,
    "code": lambda value: read_text(value).upper(),
    "report_date": read_day,
    "number": read_count,
    "recommendation": read_text,
    "agencies": read_agency_names,
    "decision": read_decision,
    "reasons": read_text,
    "decided_by": read_text,
    "meeting": read_text,
    "decided_on": read_day,
}


@dataclass
class RecommendationImport:
    new_sources: list[RecommendationSource] = field(default_factory=list)
    # Each unsaved recommendation (its source perhaps new too), its agencies and its row.
    recommendations: list[tuple[AssuranceRecommendation, list[Agency], int]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        return bool(self.recommendations)

    @property
    def can_apply(self) -> bool:
        return not self.errors and self.has_changes

    @property
    def summary(self) -> str:
        return f"{plural(len(self.new_sources), 'new source')}, {plural(len(self.recommendations), 'recommendation')}"


def check_recommendation_rows(rows: list[SheetRow]) -> RecommendationImport:
    """What importing these rows would add, and every problem by row and column; writes nothing."""
    positions, body, errors = read_sheet_header(
        rows, columns=COLUMNS, required=REQUIRED_COLUMNS, of="a recommendations file", columns_are=COLUMNS_ARE
    )
    changes = RecommendationImport(errors=errors)
    if errors:
        return changes
    read = []
    for sheet_row in body:
        values, problems = read_cells(sheet_row, positions, READERS, REQUIRED_CELLS)
        changes.errors += problems
        if not problems:
            read.append((sheet_row.number, values))
    _Matcher(read, changes).match()
    return changes


def _errors_of(error: ValidationError, row: int) -> list[RowError]:
    return [
        RowError(row, _FIELD_COLUMNS.get(name, name), message)
        for name, messages in error.message_dict.items()
        for message in messages
    ]


class _Matcher:
    """Matches read rows to sources, agencies and recommendations in four queries whatever the file's length."""

    def __init__(self, read: list[tuple[int, dict]], changes: RecommendationImport):
        self.read, self.changes = read, changes
        titles = {values["source"] for _, values in read}
        self.sources = {source.title: source for source in RecommendationSource.objects.filter(title__in=titles)}
        self.taken = set(
            AssuranceRecommendation.objects.filter(source__in=self.sources.values()).values_list("source_id", "number")
        )
        self.agencies = {agency.name.casefold(): agency for agency in Agency.objects.all()}
        self.plan = BusinessPlan.objects.order_by("-starts_on", "-pk").first()
        self.numbers: set[tuple[str, int]] = set()

    def match(self) -> None:
        for row, values in self.read:
            source = self._source(row, values)
            agencies = self._agencies(row, values)
            if source is not None and agencies is not None:
                self._recommendation(row, values, source, agencies)

    def _error(self, row: int, column: str, message: str) -> None:
        self.changes.errors.append(RowError(row, column, message))

    def _source(self, row: int, values: dict) -> RecommendationSource | None:
        title = values["source"]
        source = self.sources.get(title)
        if source is not None:
            if values.get("kind", source.kind) != source.kind or values.get("code", source.code) != source.code:
                self._error(
                    row,
                    "kind",
                    f"{quoted(title)} is a {source.get_kind_display()} with the prefix "
                    f"{source.code}; leave kind and code empty, or as they are.",
                )
                return None
            return source
        return self._new_source(row, title, values)

    def _new_source(self, row: int, title: str, values: dict) -> RecommendationSource | None:
        if self.plan is None:
            self._error(row, "source", "is new, but there is no business plan for its actions; add a plan first.")
            return None
        source = RecommendationSource(
            title=title,
            kind=values.get("kind", ""),
            code=values.get("code", ""),
            reported_on=values.get("report_date"),
            plan=self.plan,
        )
        try:
            source.full_clean()
        except ValidationError as error:
            self.changes.errors += _errors_of(error, row)
            return None
        if any(other.code == source.code for other in self.changes.new_sources):
            self._error(row, "code", f"{source.code} is the prefix of another new source in the file.")
            return None
        self.sources[title] = source
        self.changes.new_sources.append(source)
        return source

    def _agencies(self, row: int, values: dict) -> list[Agency] | None:
        names = values.get("agencies", [])
        unknown = [name for name in names if name.casefold() not in self.agencies]
        if unknown:
            self._error(
                row,
                "agencies",
                f"{', '.join(map(quoted, unknown))}: no such agency; use the names listed on the agencies page.",
            )
            return None
        return [self.agencies[name.casefold()] for name in names]

    def _recommendation(self, row: int, values: dict, source: RecommendationSource, agencies: list[Agency]) -> None:
        number = values["number"]
        if (source.title, number) in self.numbers or (source.pk, number) in self.taken:
            self._error(row, "number", f"Recommendation {number} of {quoted(source.title)} is in the register already.")
            return
        self.numbers.add((source.title, number))
        recommendation = AssuranceRecommendation(
            source=source,
            number=number,
            text=values["recommendation"],
            decision=values.get("decision", Decision.AWAITING),
            decision_reasons=values.get("reasons", ""),
            decided_by=values.get("decided_by", ""),
            decision_meeting=values.get("meeting", ""),
            decided_on=values.get("decided_on"),
        )
        try:
            recommendation.full_clean(exclude=["source"], validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            self.changes.errors += _errors_of(error, row)
            return
        self.changes.recommendations.append((recommendation, agencies, row))


@transaction.atomic
def apply_recommendation_import(changes: RecommendationImport) -> None:
    """Add the new sources and every recommendation with its agencies; all or none."""
    for source in changes.new_sources:
        source.save()
    for recommendation, agencies, _row in changes.recommendations:
        # save() takes the id of a source saved just above.
        recommendation.save()
        recommendation.agencies.set(agencies)
