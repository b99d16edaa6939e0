"""Reading and checking a session's register: every bad row, column and reason, before anything is saved."""

from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from openpyxl.utils import get_column_letter

from objectives.importing.cells import SheetRow, Unreadable, is_blank, quoted, read_text
from objectives.importing.readers import FileProblem, read_plan_file
from objectives.models import Agency

from ..models import Registration

Status = Registration.Status
REQUIRED = ("name", "email", "agency", "attended")
COLUMNS = (*REQUIRED, "job_role")
_ANSWERS = {"yes": Status.ATTENDED, "y": Status.ATTENDED, "no": Status.DID_NOT_ATTEND, "n": Status.DID_NOT_ATTEND}


@dataclass(frozen=True)
class RowProblem:
    row: int
    column: str
    reason: str

    def __str__(self):
        return f"Row {self.row}, column {self.column}: {self.reason}"


class RegisterProblems(Exception):
    """Every problem in the file; nothing was saved."""

    def __init__(self, problems: list[RowProblem]):
        super().__init__(f"{len(problems)} problems")
        self.problems = problems


@dataclass(frozen=True)
class Entry:
    name: str
    email: str
    agency: Agency
    job_role: str
    status: str


@dataclass(frozen=True)
class Summary:
    added: int
    marked: int
    unchanged: int


def read_register(data: bytes, filename: str) -> list[SheetRow]:
    """The file's rows, refusing anything but a safe .csv or .xlsx file."""
    if PurePath(filename).suffix.lower() not in (".csv", ".xlsx"):
        raise FileProblem(f"{filename} is not a .csv or .xlsx file. Save the register as one of those.")
    return read_plan_file(data, filename)


def _header_key(value) -> str:
    return "_".join(str(value or "").strip().lower().replace("-", " ").split())


def _agencies_by_name() -> dict[str, Agency]:
    agencies = {}
    for agency in Agency.objects.all():
        agencies[agency.name.casefold()] = agency
        if agency.short_name:
            agencies.setdefault(agency.short_name.casefold(), agency)
    return agencies


def check_register(rows: list[SheetRow]) -> list[Entry]:
    """The register's entries, or RegisterProblems naming every bad row, column and reason."""
    header, *body = rows
    positions = {}
    for index, value in enumerate(header.cells):
        key = _header_key(value)
        if key in COLUMNS:
            positions.setdefault(key, index)
    missing = [name for name in REQUIRED if name not in positions]
    if missing:
        found = ", ".join(str(value) for value in header.cells if not is_blank(value)) or "nothing"
        raise RegisterProblems(
            [
                RowProblem(header.number, name, f"there is no “{name}” column (the header row has {found}).")
                for name in missing
            ]
        )
    if not body:
        raise RegisterProblems([RowProblem(header.number, "name", "the file has a header row but nobody in it.")])
    agencies = _agencies_by_name()
    problems, entries, seen = [], [], {}
    for row in body:
        entry = _check_row(row, positions, agencies, seen, problems)
        if entry:
            entries.append(entry)
    if problems:
        raise RegisterProblems(problems)
    return entries


def _check_row(row, positions, agencies, seen, problems) -> Entry | None:
    before = len(problems)
    values = _read_values(row, positions, problems)
    _check_email(row, values, seen, problems)
    agency = _look_up(row, values, "agency", agencies, "is not an agency’s name or short name.", problems)
    status = _look_up(row, values, "attended", _ANSWERS, "is not yes or no.", problems)
    for name, limit in (("name", 200), ("job_role", 200)):
        if name in values and len(values[name][0]) > limit:
            problems.append(RowProblem(row.number, values[name][1], f"is longer than {limit} characters."))
    if len(problems) > before:
        return None
    return Entry(values["name"][0], values["email"][0], agency, values.get("job_role", ("", ""))[0], status)


def _read_values(row, positions, problems) -> dict[str, tuple[str, str]]:
    """Each readable cell's text with the column it is in, such as ("ann@example.org", "B (email)")."""
    values = {}
    for name in COLUMNS:
        index = positions.get(name)
        value = row.cells[index] if index is not None and index < len(row.cells) else None
        column = f"{get_column_letter(index + 1)} ({name})" if index is not None else name
        if isinstance(value, Unreadable):
            problems.append(RowProblem(row.number, column, value.reason))
        elif is_blank(value) and name in REQUIRED:
            problems.append(RowProblem(row.number, column, "is empty."))
        else:
            values[name] = (read_text(value) if not is_blank(value) else "", column)
    return values


def _check_email(row, values, seen, problems) -> None:
    if "email" not in values:
        return
    email, column = values["email"]
    try:
        validate_email(email)
    except ValidationError:
        problems.append(RowProblem(row.number, column, f"{quoted(email)} is not an e-mail address."))
        return
    if email.casefold() in seen:
        problems.append(RowProblem(row.number, column, f"{email} is also in row {seen[email.casefold()]}."))
    seen.setdefault(email.casefold(), row.number)


def _look_up(row, values, name: str, table: dict, not_found: str, problems):
    """The value a cell names in the table (matched ignoring case), or None with a problem if it names none."""
    if name not in values:
        return None
    text, column = values[name]
    found = table.get(text.casefold())
    if found is None:
        problems.append(RowProblem(row.number, column, f"{quoted(text)} {not_found}"))
    return found
