"""Progress on each priority: every aim and objective of the plan with the rating of each action in each round of
the year, and how it moved from the first round to the last, by the dashboard's movement rule (mscb.dashboard.
movement: the scale's rank, with complete always better and entering an exception level always worse)."""

from mscb.dashboard.movement import Movement, movement
from mscb.dashboard.selectors import PlanTree

from .. import typst_parts as parts
from ..registry import YearlySection
from ..word_parts import figures_table, subheading
from ..year import read_year

# The movement in the words the report uses: the year's first round against its last.
MOVEMENT_WORDS = {
    Movement.IMPROVED: "Better",
    Movement.WORSE: "Worse",
    Movement.UNCHANGED: "Same",
    Movement.NEW: "First rated later in the year",
    Movement.NOT_RATED: "Not rated",
}


def build(plan) -> dict:
    year = read_year(plan)
    tree = PlanTree.of(plan)
    scale = plan.scale
    rows_by_objective: dict[int, list[dict]] = {}
    for action in year.actions:
        rows_by_objective.setdefault(action.objective_id, []).append(_row(action, year, scale))
    groups = []
    for aim in tree.aims:
        objectives = [
            {"title": _objective_title(plan, objective), "actions": rows_by_objective.get(objective.pk, [])}
            for objective in tree.objectives
            if objective.aim_id == aim.pk
        ]
        title = f"{plan.aim_name} {aim.number}: {aim.title}" if plan.has_aims else ""
        groups.append({"title": title, "objectives": objectives})
    return {
        "rounds": [one.label for one in year.rounds],
        "is_rated": not scale.is_none,
        "action_name": plan.action_name,
        "aims": groups,
    }


def _objective_title(plan, objective) -> str:
    return f"{plan.objective_name} {objective.ref}: {objective.title}" if plan.has_objectives else ""


def _row(action, year, scale) -> dict:
    values = [year.ratings[one.pk].get(action.pk) for one in year.rounds]
    moved = movement(scale, values[0], values[-1]) if len(values) > 1 and not scale.is_none else None
    return {
        "ref": action.ref,
        "text": action.text,
        "ratings": [scale.rating(value).label if not scale.is_none else "" for value in values],
        "movement": MOVEMENT_WORDS[moved] if moved else "",
    }


def header(figures: dict) -> list[str]:
    """Ref and the action, then each round's rating and the movement when the plan rates its actions."""
    rounds = figures["rounds"] if figures["is_rated"] else []
    return ["Ref", figures["action_name"], *rounds, *(["First to last round"] if len(rounds) > 1 else [])]


def row_cells(row: dict, figures: dict) -> list:
    if not figures["is_rated"]:
        return [row["ref"], row["text"]]
    cells = [row["ref"], row["text"], *row["ratings"]]
    return [*cells, row["movement"]] if len(figures["rounds"]) > 1 else cells


def movement_note(figures: dict) -> str:
    if not figures["is_rated"] or len(figures["rounds"]) < 2:
        return ""
    return (
        f"First to last round: how each action's rating moved from {figures['rounds'][0]} to "
        f"{figures['rounds'][-1]}, by the order of the plan's rating scale."
    )


def pdf_blocks(figures: dict) -> list[dict]:
    if not figures:
        return parts.pending()
    columns = header(figures)
    # The action's text takes the most room; each rating column is a short label under a round's name.
    shares = [parts.AS_WIDE_AS_ITS_TEXT, 3.5, *[1.2] * (len(columns) - 2)]
    blocks = []
    for aim in figures["aims"]:
        if aim["title"]:
            blocks.append(parts.heading(aim["title"]))
        for objective in aim["objectives"]:
            if objective["actions"]:
                rows = [row_cells(row, figures) for row in objective["actions"]]
                caption = objective["title"] or aim["title"] or "Actions"
                blocks.append(parts.table(caption, columns, rows, shares=shares))
            elif objective["title"]:
                blocks.append(parts.paragraph(f"{objective['title']}: no actions."))
    if not figures["aims"]:
        blocks.append(parts.paragraph("The plan has nothing in it yet."))
    if note := movement_note(figures):
        blocks.append(parts.paragraph(note, small=True))
    return blocks


def write_word(document, figures: dict) -> None:
    if not figures:
        return
    columns = header(figures)
    for aim in figures["aims"]:
        if aim["title"]:
            subheading(document, aim["title"])
        for objective in aim["objectives"]:
            rows = [row_cells(row, figures) for row in objective["actions"]]
            figures_table(document, objective["title"] or aim["title"] or "Actions", columns, rows)


SECTION = YearlySection(
    key="priorities",
    title="Progress on our priorities",
    asks_for=("Progress on each priority of the plan, with its ratings and how they moved through the year."),
    build=build,
    template_name="yearly/sections/_priorities.html",
    pdf_blocks=pdf_blocks,
    write_word=write_word,
)
