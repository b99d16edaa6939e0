"""The columns of a plan file, in the order the export writes them; the import takes them in any order.

Which columns a file needs depends on the plan's shape: a tree plan names its aims and objectives, a two-level plan
its aims (priorities, themes) only, and a list plan neither. The levels a shape does not have are implicit.
"""

from objectives.models import BusinessPlan, PlanShape

AIM_COLUMNS = ("aim", "aim_title", "strategic_lead")
OBJECTIVE_COLUMNS = ("objective", "objective_title")
ACTION_COLUMNS = (
    "action",
    "action_text",
    "lead_agency",
    "responsibility",
    "lead_officer",
    "target_date",
    "original_target_date",
    "times_slipped",
    "timescale",
    "success_measure",
)
PROGRESS_COLUMNS = ("progress_date", "progress", "impact", "rating")
PLAN_COLUMNS = (*AIM_COLUMNS, *OBJECTIVE_COLUMNS, *ACTION_COLUMNS, *PROGRESS_COLUMNS)
# "rag" is the rating column's old name; files written before plans had other scales still say it.
RATING_SYNONYM = "rag"

_REQUIRED = {
    PlanShape.TREE: ("aim", "aim_title", "objective", "objective_title", "action", "action_text"),
    PlanShape.TWO_LEVEL: ("aim", "aim_title", "action", "action_text"),
    PlanShape.LIST: ("action", "action_text"),
}


def required_columns(shape: str) -> tuple[str, ...]:
    return _REQUIRED[shape]


def absent_level_columns(shape: str) -> tuple[str, ...]:
    """The columns of levels this shape does not have: a file may head them, but may not fill them."""
    if shape == PlanShape.LIST:
        return (*AIM_COLUMNS, *OBJECTIVE_COLUMNS)
    if shape == PlanShape.TWO_LEVEL:
        return OBJECTIVE_COLUMNS
    return ()


def columns_for(plan: BusinessPlan) -> tuple[str, ...]:
    """The columns the export writes for this plan's shape, in order."""
    absent = absent_level_columns(plan.shape)
    return tuple(column for column in PLAN_COLUMNS if column not in absent)


def columns_are(shape: str) -> str:
    """The columns in words, for the header's messages."""
    required = required_columns(shape)
    absent = absent_level_columns(shape)
    optional = [column for column in PLAN_COLUMNS if column not in required and column not in absent]
    return f"The columns are {', '.join(required)} and (optional) {', '.join(optional)}."
