"""The Word file's child death overview panel section, from the figures cdop.build gathered."""

from objectives.paper import word_tables
from reviews.paper.word import category_rows, figure_rows

from . import feedback_word as word

TOTALS_HEADER = ["Figure", "Number"]
CATEGORIES_HEADER = ["Category", "Deaths"]
ACTION_HEADER = ["CDOP year", "Ref", "Action", "Lead agencies", "Status", "Latest rating", "Latest progress"]
NO_UPDATE = "No update"
ACTION_SHARES = [0.09, 0.08, 0.25, 0.14, 0.1, 0.1, 0.24]
NO_YEAR = "No child death overview panel year overlapping this year has been recorded."
ACTIONS_HEADING = "Actions from the panel's annual reports"
NO_ACTIONS = "No actions from the panel's annual reports in this plan."
# The panel's own words under each year, with the label printed above them.
YEAR_TEXTS = (("Main messages", "summary"), ("The panel's report", "narrative"))


def year_heading(year: dict) -> str:
    return f"CDOP {year['title']} (year ending {year['ends']})"


def totals_caption(year: dict) -> str:
    return f"Deaths reviewed in {year['title']}"


def categories_caption(year: dict) -> str:
    return f"Deaths reviewed in {year['title']} by category"


def actions_caption(figures: dict) -> str:
    return "Actions and their latest progress" + (f" ({figures['round']})" if figures["round"] else "")


def action_rows(figures: dict) -> list[list[str]]:
    return [
        [
            action["year"],
            action["ref"],
            action["text"],
            ", ".join(action["lead_agencies"]),
            action["status"],
            action["rating"] or NO_UPDATE,
            action["progress"] + (f" (from {action['earlier_round']})" if action["earlier_round"] else ""),
        ]
        for action in figures["actions"]
    ]


def latest_only_text(figures: dict) -> str:
    return (
        "The panel has not yet reported on a year overlapping this one; its latest report, for "
        f"{figures['years'][0]['title']}, follows."
    )


def write_word(document, figures: dict) -> None:
    """Each year's figures and messages as the committee paper writes them, then the panel's actions."""
    if not figures:
        return
    if not figures["years"]:
        word.paragraph(document, NO_YEAR)
        return
    if figures.get("latest_only"):
        word.paragraph(document, latest_only_text(figures))
    for year in figures["years"]:
        _year(document, year)
    word.subheading(document, ACTIONS_HEADING)
    if not figures["actions"]:
        word.paragraph(document, NO_ACTIONS)
        return
    word.text_table(document, actions_caption(figures), ACTION_HEADER, action_rows(figures), ACTION_SHARES)


def _year(document, year: dict) -> None:
    word.subheading(document, year_heading(year))
    totals, categories = figure_rows(year), category_rows(year)
    if totals:
        word.text_table(document, totals_caption(year), TOTALS_HEADER, totals, [0.48, 0.12])
    if categories:
        word.text_table(document, categories_caption(year), CATEGORIES_HEADER, categories, [0.48, 0.12])
    bullet_style = document.styles["List Bullet"].style_id
    for label, key in YEAR_TEXTS:
        if text := year[key]:
            word.paragraph(document, label)
            word_tables.write_blocks(document, text, bullet_style, first_unused=False)
