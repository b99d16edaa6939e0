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


def in_sentence(name: str) -> str:
    """A level's name inside a sentence: "under priority 1a", but "under CSE theme 2" keeps its capitals."""
    if len(name) > 1 and name[1].isupper():
        return name
    return name[:1].lower() + name[1:]


def level_words(plan) -> dict[str, str]:
    """The level names as they read inside a sentence: {"aim": "priority", "aims": "priorities", …}."""
    words = {}
    for level in ("aim", "objective", "action"):
        name = getattr(plan, f"{level}_name")
        words[level], words[f"{level}s"] = in_sentence(name), in_sentence(plural(name))
    return words


def times_in_words(count: int) -> str:
    """once, twice, 3 times."""
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def level_names_problem(plan) -> str | None:
    """Why the plan's level names cannot stand, or None: they must differ, or the pages would be ambiguous."""
    names = [plan.aim_name.strip().casefold(), plan.action_name.strip().casefold()]
    if plan.shape == PlanShape.TREE:
        names.append(plan.objective_name.strip().casefold())
    if len(set(names)) < len(names):
        return "Each level needs its own name, such as Priority and Action."
    return None
