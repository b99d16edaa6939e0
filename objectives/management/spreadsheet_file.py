"""Reading the .csv or .xlsx file an import command is given, with the command's words for what is wrong with it."""

from pathlib import Path

from django.core.management.base import CommandError

from objectives.importing.cells import SheetRow
from objectives.importing.readers import FileProblem, read_rows


def rows_of(file: Path) -> list[SheetRow]:
    """The file's rows, or a CommandError naming the problem: not a spreadsheet, unreadable, or not well formed."""
    if file.suffix.lower() not in (".csv", ".xlsx"):
        raise CommandError(f"{file.name} is not a .csv or .xlsx file.")
    try:
        with file.open("rb") as handle:
            return read_rows(handle, file.name)
    except OSError as error:
        raise CommandError(f"Cannot open {file}: {error.strerror}.") from None
    except FileProblem as error:
        raise CommandError(str(error)) from None
