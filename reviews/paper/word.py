"""The Word paper's case reviews and "Child Death Overview Panel" sections, from their built data.

Their actions are written with the objectives table's own writer (objectives.paper.word_tables), so the
committee sees one paper.
"""

from objectives.paper import word_tables
from objectives.paper.layout import section_layout
from objectives.paper.snapshot import PaperRow, PaperSection, from_data
from objectives.paper.word_parts import bold
from objectives.paper.word_tables import TEXT_WIDTH, note, spacer

from ..models import NOT_RECORDED

OVERDUE = "Overdue"
NOTHING_DUE = "Nothing due"
# Papers published before the caption was stored were all counted by RAG.
SUMMARY_CAPTION = "Open reviews and their action plans by RAG"
SUMMARY_HEADER = ["Review", "Kind", "Status", "Next due"]
NO_RECOMMENDATIONS = "No recommendations yet."
NO_ACTIONS_IN_PLAN = "No actions in this plan"
NO_CDOP_ACTIONS = "No actions from the panel's annual reports in this plan."


def next_due_text(review: dict) -> str:
    """The summary table's "Next due" cell: "Complete the review: 31 January 2026 (Overdue)"."""
    step = review["next_step"]
    if step is None:
        return NOTHING_DUE
    return f"{step['label']}: {step['due']}" + (f" ({OVERDUE})" if step["is_overdue"] else "")


def summary_rows(section: PaperSection) -> list[list[str]]:
    """The open reviews' table as text, as the Word file shows it."""
    return [
        [review["name"], review["kind"], review["status"], next_due_text(review)]
        + [str(count["count"]) for count in review["rag_counts"]]
        for review in section.data["reviews"]
    ]


def write_case_reviews(document, section: PaperSection) -> None:
    """Append the heading, the open reviews' table and each review's recommendations and actions."""
    document.add_heading(section.title, level=1)
    _caption(document, section.data.get("summary_caption", SUMMARY_CAPTION))
    # As on the page: name, kind, status and next due take 52% of the width; each count of the plan's key 8%.
    counted = [count["label"] for count in section.data["reviews"][0]["rag_counts"]]
    shares = [0.12, 0.15, 0.10, 0.15] + [0.08] * len(counted)
    widths = [int(TEXT_WIDTH * share) for share in shares]
    _text_table(document, SUMMARY_HEADER + counted, widths, summary_rows(section))
    for review in section.data["reviews"]:
        spacer(document)
        document.add_heading(review["name"], level=2)
        # Publications stored before the paper printed what each review is about have no summary.
        if review.get("summary"):
            bullet_style = document.styles["List Bullet"].style_id
            word_tables.write_blocks(document, review["summary"], bullet_style, first_unused=False)
        if not review["recommendations"]:
            note(document.add_paragraph(), NO_RECOMMENDATIONS)
            continue
        groups = [
            (f"Recommendation {recommendation['number']}", recommendation["text"], recommendation["actions"])
            for recommendation in review["recommendations"]
        ]
        _caption(document, f"{review['name']}: recommendations and actions")
        _action_table(document, section.data["round_label"], groups, empty=NO_ACTIONS_IN_PLAN)
    spacer(document)


def write_cdop(document, section: PaperSection) -> None:
    """Append the heading, what the year holds (figures, messages, narrative) and the panel's actions."""
    document.add_heading(section.title, level=1)
    year = section.data["year"]
    if year:
        _write_cdop_year(document, year)
    document.add_heading("Actions from the panel's annual reports", level=2)
    groups = section.data["action_groups"]
    if not groups:
        note(document.add_paragraph(), NO_CDOP_ACTIONS)
        return
    # A heading row per year only when actions come from more than one year's report.
    named = len(groups) > 1
    _caption(document, cdop_actions_caption(section))
    _action_table(
        document,
        section.data["round_label"],
        [(f"From the {group['title']} annual report" if named else "", "", group["actions"]) for group in groups],
        empty="",
    )
    spacer(document)


def _write_cdop_year(document, year: dict) -> None:
    """The year as the page shows it: only the figures recorded, then its main messages and narrative."""
    totals, categories = figure_rows(year), category_rows(year)
    heading = f"Figures for {year['title']}" if totals or categories else f"The panel's report for {year['title']}"
    document.add_heading(heading, level=2)
    widths = [int(TEXT_WIDTH * 0.48), int(TEXT_WIDTH * 0.12)]
    if totals:
        _caption(document, f"Deaths reviewed in {year['title']} (year ending {year['ends']})")
        _text_table(document, ["Figure", "Number"], widths, totals)
        spacer(document)
    if categories:
        _caption(document, f"Deaths reviewed in {year['title']} by category")
        _text_table(document, ["Category", "Deaths"], widths, categories)
    bullet_style = document.styles["List Bullet"].style_id
    # Publications from before the narrative existed have no "narrative" key.
    for label, text in (("Main messages", year["summary"]), ("The panel's report", year.get("narrative", ""))):
        if text:
            bold(document.add_paragraph(), label)
            word_tables.write_blocks(document, text, bullet_style, first_unused=False)


def figure_rows(year: dict) -> list[list[str]]:
    """The year's recorded totals as text, "9 (30%)" with modifiable factors; a total not recorded has no row."""
    rows = []
    if year["deaths_reviewed"] is not None:
        rows.append(["Deaths reviewed", str(year["deaths_reviewed"])])
    if year["with_modifiable_factors"] is not None:
        modifiable = str(year["with_modifiable_factors"])
        if year["modifiable_share"]:
            modifiable += f" ({year['modifiable_share']})"
        rows.append(["With modifiable factors", modifiable])
    return rows


def category_rows(year: dict) -> list[list[str]]:
    return [
        [category["name"], NOT_RECORDED if category["deaths"] is None else str(category["deaths"])]
        for category in year["categories"]
    ]


def cdop_actions_caption(section: PaperSection) -> str:
    groups = section.data["action_groups"]
    if len(groups) == 1:
        return f"Actions from the {groups[0]['title']} annual report"
    return "Actions from the panel's annual reports"


def _action_table(document, round_label: str, groups: list[tuple[str, str, list[dict]]], *, empty: str) -> None:
    """A Ref / Action / progress table like the objectives', with a heading row per group that has a heading."""
    layout = section_layout(round_label)
    table = word_tables.action_table(document, layout)
    # python-docx looks a style up among all styles on every use; naming its id once is much faster.
    bullet_style = document.styles["List Bullet"].style_id
    for heading, text, rows in groups:
        if heading:
            word_tables.group_row(table, heading, text, bullet_style)
        for row in rows:
            word_tables.action_row(table, from_data(PaperRow, row), bullet_style, layout)
        if not rows and empty:
            note(word_tables.merged_row(table).paragraphs[0], empty)
    word_tables.finish(table, word_tables.column_widths(layout))


def _text_table(document, header: list[str], widths: list[int], rows: list[list[str]]) -> None:
    table = word_tables.table(document, header, widths)
    for values in rows:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.paragraphs[0].add_run(value)
    word_tables.finish(table, widths)


def _caption(document, text: str) -> None:
    bold(document.add_paragraph(), text)
