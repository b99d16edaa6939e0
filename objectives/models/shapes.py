"""How a plan is laid out and printed: its shape, the names of its levels, and the committee table's columns."""

from django.db import models

from core.formats import month_year


class PlanShape(models.TextChoices):
    TREE = "tree", "Aims, objectives and actions"
    TWO_LEVEL = "two-level", "Priorities and actions"
    LIST = "list", "A numbered list"


# The names a new plan of each shape starts with (top level, middle level, action); the board can change them.
# A two-level plan has no middle level to name, and a list plan neither a top nor a middle one.
LEVEL_NAMES = {
    PlanShape.TREE: ("Aim", "Objective", "Action"),
    PlanShape.TWO_LEVEL: ("Priority", "Objective", "Action"),
    PlanShape.LIST: ("Aim", "Objective", "Recommendation"),
}


class ReportColumn(models.TextChoices):
    """The committee table's columns, in the order it prints them."""

    REF = "ref", "Ref"
    ACTION = "action", "Action"
    LEAD = "lead", "Responsibility or lead"
    TARGET = "target", "Target"
    SUCCESS_MEASURE = "success_measure", "Success measure"
    PROGRESS = "progress", "Progress"
    RATING = "rating", "Rating"


# Without a success measure column, an action's measure prints under its text.
DEFAULT_REPORT_COLUMNS = [column.value for column in ReportColumn if column != ReportColumn.SUCCESS_MEASURE]


def default_report_columns() -> list[str]:
    return list(DEFAULT_REPORT_COLUMNS)


_MONTH = "<Month YYYY>"
_MON = "<Mon YYYY>"


def progress_heading(template: str, as_of) -> str:
    """The progress column's heading: "Progress report <Month YYYY>" as "Progress report December 2025"."""
    return template.replace(_MONTH, month_year(as_of)).replace(_MON, as_of.strftime("%b %Y"))


def plural(name: str) -> str:
    """A level's name in the plural: Aims, Priorities, Themes, Recommendations."""
    if name.endswith("y") and name[-2:-1].lower() not in "aeiou":
        return name[:-1] + "ies"
    return name if name.endswith("s") else name + "s"


def level_names_problem(plan) -> str | None:
    """Why the plan's level names cannot stand, or None: they must differ, or the pages would be ambiguous."""
    names = [plan.aim_name.strip().casefold(), plan.action_name.strip().casefold()]
    if plan.shape == PlanShape.TREE:
        names.append(plan.objective_name.strip().casefold())
    if len(set(names)) < len(names):
        return "Each level needs its own name, such as Priority and Action."
    return None
