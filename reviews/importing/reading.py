"""Reading a review's action plan file: a .csv or .xlsx file, after the plan import's safety checks."""

from pathlib import PurePath
from typing import BinaryIO

from objectives.importing.cells import SheetRow
from objectives.importing.readers import FileProblem, read_plan_file, read_rows

__all__ = ["FileProblem", "read_review_file", "read_review_upload"]


def _check_extension(filename: str) -> None:
    # The plan import also reads Word plans in the committee layout; a review's action plan has no such layout.
    extension = PurePath(filename).suffix.lower()
    if extension == ".docx":
        raise FileProblem(
            f"{filename} is a Word document; a review’s actions are imported from a spreadsheet. "
            "Copy the table into Excel and save it as .xlsx."
        )
    if extension not in (".csv", ".xlsx"):
        shown = extension or "no extension"
        raise FileProblem(f"{filename} is not a .csv or .xlsx file ({shown}). Save the action plan as one of those.")


def read_review_file(file: BinaryIO, filename: str) -> list[SheetRow]:
    """The rows of an open file (the command's), refusing it before reading it all if it is too big."""
    _check_extension(filename)
    return read_rows(file, filename)


def read_review_upload(data: bytes, filename: str) -> list[SheetRow]:
    """The rows of an uploaded file's bytes."""
    _check_extension(filename)
    return read_plan_file(data, filename)
