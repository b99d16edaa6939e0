"""Whether a Word plan has the layout of the plan's shape, and the one message that says what was expected."""

from dataclasses import dataclass

from objectives.models import PlanShape

from .safety import FileProblem

_LOOKS_FOR = {
    PlanShape.TREE: (
        "“Aim 1: …” paragraphs, then tables with an “Obj 1.1” row, a header row "
        "Ref | Action | Progress report December 2025, and a row per action"
    ),
    PlanShape.TWO_LEVEL: (
        "headings such as “Priority 1a: Early help” or “Theme 2 – Neglect” (a paragraph or a table row), each "
        "followed by a table with a header row such as No | Action | Lead | Timescale | Progress | RAG and a "
        "numbered row per action"
    ),
    PlanShape.LIST: (
        "a table with a header row such as No | Recommendation | Responsibility | Timescale | Progress | "
        "Assessment and a numbered row per recommendation"
    ),
}


@dataclass
class Survey:
    """What the reader met on its way through the document: the first of each kind of heading, and actions."""

    top_heading: str = ""
    objective_row: str = ""
    actions: int = 0

    def saw_top(self, text: str):
        self.top_heading = self.top_heading or text

    def saw_objective(self, text: str):
        self.objective_row = self.objective_row or text

    def shape(self) -> str:
        """The shape the document looks like, for a caller that gives none (a first look at an upload)."""
        if self.objective_row:
            return PlanShape.TREE
        return PlanShape.TWO_LEVEL if self.top_heading else PlanShape.LIST


def check_layout(survey: Survey, shape: str | None, filename: str):
    """Raise a FileProblem if the document plainly is not laid out as a plan of this shape (None: of any)."""
    if not survey.actions:
        raise FileProblem(f"{filename} has no plan tables: the import looks for {_looks_for(shape)}.")
    if shape is None:
        return
    looks_for = _LOOKS_FOR[shape]
    problem = _misfit(survey, shape)
    if problem:
        raise FileProblem(f"{filename} {problem} The import looks for {looks_for}.")


def _looks_for(shape: str | None) -> str:
    if shape is not None:
        return _LOOKS_FOR[shape]
    return (
        f"{_LOOKS_FOR[PlanShape.TREE]}; or, for a plan of two levels, {_LOOKS_FOR[PlanShape.TWO_LEVEL]}; "
        f"or, for a numbered list, {_LOOKS_FOR[PlanShape.LIST]}"
    )


def _misfit(survey: Survey, shape: str) -> str:
    if shape == PlanShape.TREE and not survey.objective_row:
        hint = ""
        if survey.top_heading:
            hint = f" It has headings such as “{survey.top_heading}”: if those and actions are all it has, "
            hint += "import it into a plan of two levels (priorities and actions)."
        return f"has no objective rows such as “Obj 1.1 …”, which a plan of aims, objectives and actions needs.{hint}"
    if shape != PlanShape.TREE and survey.objective_row:
        return (
            f"has objective rows such as “{survey.objective_row}”, as a plan of aims, objectives and actions has, "
            f"but this plan is {PlanShape(shape).label.lower()}: import it into a plan of aims, objectives and "
            "actions, or take the objective rows out."
        )
    if shape == PlanShape.TWO_LEVEL and not survey.top_heading:
        return "has no priority or theme headings, which a plan of two levels (priorities and actions) needs."
    if shape == PlanShape.LIST and survey.top_heading:
        return (
            f"has headings such as “{survey.top_heading}”, but this plan is a numbered list with nothing above "
            "its recommendations: import it into a plan of two levels (priorities and actions), or take the "
            "headings out."
        )
    return ""
