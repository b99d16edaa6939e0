"""A business plan and its accepted progress as rows in the import's columns, written as XLSX or CSV.

Exporting a plan and importing the file into a new plan of the same scale and shape gives an equal plan: the same
aims, objectives, actions, owners, targets (with the original target and slips), timescales, success measures,
rounds and progress, each rating as its level's code. What the columns cannot carry (round deadlines, action status,
aims or objectives without actions, progress not yet accepted, the plan's scale, shape and names) is not in the file.
"""

import io
import re

from django.db.models import Prefetch
from django.utils.text import slugify
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font

from core.responses import csv_bytes, guard_formula

from .importing.columns import columns_for
from .models import Action, BusinessPlan, ProgressUpdate

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}
_WIDTHS = {
    "aim_title": 40,
    "objective_title": 40,
    "action_text": 60,
    "lead_agency": 30,
    "responsibility": 30,
    "timescale": 30,
    "success_measure": 50,
    "progress": 80,
    "impact": 50,
}
_WRAPPED = {"aim_title", "objective_title", "action_text", "success_measure", "progress", "impact"}
# A literal "_x0041_" would read back as the character it names; OOXML writes its underscore as _x005F_.
_LOOKS_ESCAPED = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")


def plan_rows(plan: BusinessPlan) -> list[list]:
    """One row per action and round of accepted progress, or one with empty progress for an action with none.

    In the columns of the plan's shape (columns_for), in natural order: 1a before 1b before 2, 1.1.9 before 1.1.10.
    """
    accepted = ProgressUpdate.objects.accepted().select_related("round").order_by("round__as_of")
    actions = (
        Action.objects.not_hidden()
        .filter(plan=plan, objective__isnull=False)
        .select_related("objective__aim")
        .prefetch_related("lead_agencies", Prefetch("progress_updates", queryset=accepted, to_attr="accepted"))
        .order_by("objective__aim__sort_key", "objective__sort_key", "sort_key")
    )
    columns = columns_for(plan)
    rows = []
    for action in actions:
        cells = _action_cells(action)
        if not action.accepted:
            rows.append([cells.get(column, "") for column in columns])
        for update in action.accepted:
            progress = {
                "progress_date": update.round.as_of.isoformat(),
                "progress": update.progress,
                "impact": update.impact,
                "rating": update.rag,
            }
            rows.append([(cells | progress).get(column, "") for column in columns])
    return rows


def _action_cells(action: Action) -> dict[str, object]:
    objective, aim = action.objective, action.objective.aim
    return {
        "aim": aim.number,
        "aim_title": aim.title,
        "strategic_lead": aim.strategic_lead,
        "objective": objective.ref,
        "objective_title": objective.title,
        "action": action.ref,
        "action_text": action.text,
        "lead_agency": "; ".join(agency.name for agency in action.lead_agencies.all()),
        "responsibility": action.responsibility,
        "lead_officer": action.lead_officer,
        "target_date": _target(action.target_on, action.target_is_month),
        "original_target_date": _target(action.original_target_on, action.original_target_is_month),
        "times_slipped": action.times_slipped or "",
        "timescale": action.timescale,
        "success_measure": action.success_measure,
    }


def _target(on, is_month: bool) -> str:
    if on is None:
        return ""
    return f"{on:%Y-%m}" if is_month else on.isoformat()


def plan_xlsx(plan: BusinessPlan) -> bytes:
    """The plan as an Excel workbook of one sheet, the header in row 1."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Plan"
    columns = columns_for(plan)
    sheet.append(columns)
    for row in plan_rows(plan):
        sheet.append([_xlsx_text(value) if isinstance(value, str) else value for value in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, column in enumerate(columns, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = _WIDTHS.get(column, 14)
        if column in _WRAPPED:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _xlsx_text(text: str) -> str:
    # Excel shows a cell of more than 32,767 characters cut short; no plan's text comes near that.
    text = _LOOKS_ESCAPED.sub("_x005F_", guard_formula(text))
    # Control characters cannot go into the file's XML as they are; OOXML writes them as _x000B_ and so on.
    return ILLEGAL_CHARACTERS_RE.sub(lambda match: f"_x{ord(match[0]):04X}_", text)


def plan_csv(plan: BusinessPlan) -> bytes:
    """The plan as CSV in the import's columns."""
    return csv_bytes(columns_for(plan), plan_rows(plan))


def file_name(plan: BusinessPlan, file_format: str) -> str:
    """Such as business-plan-2025-26.xlsx."""
    return f"business-plan-{slugify(plan.title.replace('/', '-')) or plan.pk}.{file_format}"


WRITERS = {"xlsx": plan_xlsx, "csv": plan_csv}
