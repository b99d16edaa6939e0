"""Reading a sheet's header row and each row's cells by column name: the rules every spreadsheet import shares.

The plan import and the case review import both use them, so a formula, a null character or a value
without a heading is reported in the same words whichever file it is in.
"""

from collections.abc import Callable, Collection

from openpyxl.utils import get_column_letter

from .cells import CellError, SheetRow, Unreadable, is_blank, quoted, unguard_formula
from .changes import RowError


def column_key(cell) -> str:
    """The column a heading names: "Lead agency", "LEAD_AGENCY " and "lead-agency" all give lead_agency."""
    return "_".join(str(cell).replace("-", " ").replace("_", " ").lower().split())


def read_header(
    header: SheetRow, *, columns: Collection[str], required: Collection[str], of: str, columns_are: str
) -> tuple[dict[str, int], list[RowError]]:
    """Where each known column is (its index), and a RowError for each unknown, repeated or missing heading.

    `of` names what the file holds ("a plan"), and `columns_are` lists the columns for the messages.
    """
    positions: dict[str, int] = {}
    errors = []
    for index, cell in enumerate(header.cells):
        if is_blank(cell):
            continue
        name = column_key(cell)
        if name not in columns:
            errors.append(RowError(header.number, quoted(cell), f"is not a column of {of}. {columns_are}"))
        elif name in positions:
            first, again = get_column_letter(positions[name] + 1), get_column_letter(index + 1)
            errors.append(RowError(header.number, name, f"is the heading of two columns, {first} and {again}."))
        else:
            positions[name] = index
    if not positions:
        return {}, [
            RowError(
                header.number, "header", f"names none of the columns, but the first row must name them. {columns_are}"
            )
        ]
    errors += [
        RowError(header.number, name, "column missing; add a column with this heading.")
        for name in required
        if name not in positions
    ]
    return positions, errors


def read_sheet_header(
    rows: list[SheetRow], *, columns: Collection[str], required: Collection[str], of: str, columns_are: str
) -> tuple[dict[str, int], list[SheetRow], list[RowError]]:
    """read_header for a whole sheet: the positions, the rows below the header, and the header's problems.

    A sheet with a header row and nothing below it is a problem too: every import reads one row per action.
    """
    header, *body = rows
    positions, errors = read_header(header, columns=columns, required=required, of=of, columns_are=columns_are)
    if not body and not errors:
        errors.append(RowError(header.number, "header", "is the only row; add a row for each action below it."))
    return positions, body, errors


def cell_at(sheet_row: SheetRow, positions: dict[str, int], column: str):
    """The row's value in the column, or None if the file has no such column or the row stops short."""
    index = positions.get(column)
    return sheet_row.cells[index] if index is not None and index < len(sheet_row.cells) else None


def read_cells(
    sheet_row: SheetRow,
    positions: dict[str, int],
    readers: dict[str, Callable],
    required: dict[str, str],
) -> tuple[dict[str, object], list[RowError]]:
    """Each non-empty cell read by its column's reader, and a RowError for each cell that cannot be read.

    `required` gives, for each column that may not be empty, what every row needs there ("its aim number").
    Empty cells are left out of the values. A value in a column without a heading is an error too.
    """
    values: dict[str, object] = {}
    errors = []
    for column, reader in readers.items():
        value = cell_at(sheet_row, positions, column)
        if isinstance(value, str):
            value = unguard_formula(value)
        if isinstance(value, Unreadable):
            errors.append(RowError(sheet_row.number, column, value.reason))
        elif isinstance(value, str) and "\x00" in value:
            # PostgreSQL text cannot hold it, and no one means to type it.
            message = "contains a null character (byte 0x00), which cannot be stored; remove it."
            errors.append(RowError(sheet_row.number, column, message))
        elif is_blank(value):
            if column in required:
                errors.append(RowError(sheet_row.number, column, f"is empty; every row needs {required[column]}."))
        else:
            try:
                values[column] = reader(value)
            except CellError as problem:
                errors.append(RowError(sheet_row.number, column, str(problem)))
    for index, value in enumerate(sheet_row.cells):
        if index not in positions.values() and not is_blank(value):
            column = f"column {get_column_letter(index + 1)}"
            errors.append(
                RowError(sheet_row.number, column, "has a value but no heading; add one or clear the column.")
            )
    return values, errors
