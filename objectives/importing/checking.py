"""Check spreadsheet rows against the database and work out the changes, writing nothing.

`check_rows(rows, plan=plan)` is the one entry: the spreadsheet import and the Word import both hand it rows whose
first is a header naming columns of `columns.PLAN_COLUMNS` (or "rag", the rating column's old name), in any order.
Which columns a file needs, and which it may not fill, follow the plan's shape.
"""

from dataclasses import dataclass, field, replace
from datetime import date

from objectives.models import BusinessPlan

from .building import PlanBuilder
from .cells import (
    is_blank,
    rating_reader,
    read_agency_names,
    read_aim_ref,
    read_count,
    read_date,
    read_ref,
    read_target,
    read_text,
)
from .changes import PlanChanges, RowError
from .columns import (
    PLAN_COLUMNS,
    RATING_SYNONYM,
    absent_level_columns,
    columns_are,
    required_columns,
)
from .readers import SheetRow
from .rows import cell_at, read_cells, read_sheet_header

_READERS = {
    "aim": read_aim_ref,
    "aim_title": read_text,
    "strategic_lead": read_text,
    "objective": read_ref,
    "objective_title": read_text,
    "action": read_ref,
    "action_text": read_text,
    "lead_agency": read_agency_names,
    "responsibility": read_text,
    "lead_officer": read_text,
    "target_date": read_target,
    "original_target_date": read_date,
    "times_slipped": read_count,
    "timescale": read_text,
    "success_measure": read_text,
    "progress_date": read_date,
    "progress": read_text,
    "impact": read_text,
    "rating": None,  # read on the plan's own scale; see _readers()
}
assert set(_READERS) == set(PLAN_COLUMNS), "every column of a plan file has a reader"
_REQUIRED_CELLS = {
    "aim": "its {aim} reference, such as 1 or 1a",
    "objective": "its {objective} reference, such as 1.1",
    "action": "its {action} reference, such as 1.1.1 or 5",
}


@dataclass
class Row:
    """One row's cells, read into Python values; an empty cell is None or ""."""

    number: int
    aim: str | None = None
    aim_title: str = ""
    strategic_lead: str = ""
    objective: str | None = None
    objective_title: str = ""
    action: str | None = None
    action_text: str = ""
    lead_agency: list[str] = field(default_factory=list)
    responsibility: str = ""
    lead_officer: str = ""
    target_date: tuple[date, bool] | None = None
    original_target_date: tuple[date, bool] | None = None
    times_slipped: int | None = None
    timescale: str = ""
    success_measure: str = ""
    progress_date: tuple[date, bool] | None = None
    progress: str = ""
    impact: str = ""
    rating: str = ""


def check_rows(rows: list[SheetRow], *, plan: BusinessPlan, progress=None) -> PlanChanges:
    """Compare the rows (the first is the header) with the plan in the database; write nothing.

    A background check passes `progress` (core.upload_checks.Progress) to count the rows as they are checked.
    """
    readers = _readers(plan)
    positions, body, errors = read_sheet_header(
        rows,
        columns=[*PLAN_COLUMNS, RATING_SYNONYM],
        required=required_columns(plan.shape),
        of="a plan",
        columns_are=columns_are(plan.shape),
    )
    errors += _take_rating_synonym(rows[0].number, positions)
    if errors:
        return PlanChanges(plan=plan, errors=errors)
    places = {row.number: row.place for row in rows if row.place}
    builder = PlanBuilder(plan, places)
    for sheet_row in progress.each(body, total=len(body)) if progress else body:
        row, row_errors = _read_row(sheet_row, positions, readers, plan)
        builder.add(row, row_errors)
    result = builder.finish()
    if places:
        result.errors = [replace(error, place=places.get(error.row, "")) for error in result.errors]
    return result


def _readers(plan: BusinessPlan) -> dict:
    """The readers of the columns this plan's shape fills, the rating read on the plan's scale."""
    absent = absent_level_columns(plan.shape)
    readers = {column: reader for column, reader in _READERS.items() if column not in absent}
    readers["rating"] = rating_reader(plan.scale)
    return readers


def _take_rating_synonym(header_row: int, positions: dict[str, int]) -> list[RowError]:
    """Read a "rag" column as the rating column; a file with both has said the same thing twice."""
    if RATING_SYNONYM not in positions:
        return []
    if "rating" in positions:
        message = "is the rating column's old name, and the file has a rating column too; keep one of them."
        return [RowError(header_row, RATING_SYNONYM, message)]
    positions["rating"] = positions.pop(RATING_SYNONYM)
    return []


def _read_row(sheet_row: SheetRow, positions: dict[str, int], readers: dict, plan: BusinessPlan):
    """Read each cell and check the row on its own: required cells, formats, and the levels the shape has."""
    row = Row(sheet_row.number)
    names = {"aim": plan.aim_name, "objective": plan.objective_name, "action": plan.action_name}
    required = {
        column: text.format(**{key: name.lower() for key, name in names.items()})
        for column, text in _REQUIRED_CELLS.items()
        if column in readers
    }
    values, errors = read_cells(sheet_row, positions, readers, required)
    for column, value in values.items():
        setattr(row, column, value)

    def error(column, message):
        errors.append(RowError(row.number, column, message))

    for column in absent_level_columns(plan.shape):
        if not is_blank(cell_at(sheet_row, positions, column)):
            error(
                column,
                f"has a value, but {plan} is laid out as “{plan.get_shape_display()}”, which has no such level; "
                "leave the column empty or remove it.",
            )
    if isinstance(row.target_date, str):
        # Words such as "Across financial year 2026/27" are the action's timescale.
        if row.timescale and row.timescale != row.target_date:
            error(
                "target_date",
                f"is not a date, so it would be the timescale, but the timescale column says “{row.timescale}”; "
                "write a date here, or the same words in both.",
            )
        row.timescale, row.target_date = row.timescale or row.target_date, None
    if row.progress_date is None and (row.progress or row.impact or row.rating):
        error("progress_date", "is empty; give the date the progress describes, such as December 2025.")
    return row, errors
