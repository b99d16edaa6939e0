"""The Word paper's "Serious case reviews" and "Child Death Overview Panel" sections, from their built data.

Written as the objectives table is (Ref / Action / progress, the RAG in words with its shading), with the
pieces of objectives.papers.word_parts, so the committee sees one paper.
"""

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.shared import Pt

from core.rating import PALETTE
from objectives.papers.snapshot import PaperSection
from objectives.papers.word import COLUMN_WIDTHS, TEXT_WIDTH, text_blocks
from objectives.papers.word_parts import bold, rag_run, set_widths, shade_cell

OVERDUE = "Overdue"
NOTHING_DUE = "Nothing due"
SUMMARY_CAPTION = "Open reviews and their action plans by RAG"
SUMMARY_HEADER = ["Review", "Kind", "Status", "Next due"] + [rating.label for rating in PALETTE]
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
    _caption(document, SUMMARY_CAPTION)
    # As on the page: name, kind, status and next due take 52% of the width; each of the six RAG counts 8%.
    shares = [0.12, 0.15, 0.10, 0.15] + [0.08] * len(PALETTE)
    _text_table(document, SUMMARY_HEADER, [int(TEXT_WIDTH * share) for share in shares], summary_rows(section))
    for review in section.data["reviews"]:
        _spacer(document)
        document.add_heading(review["name"], level=2)
        if not review["recommendations"]:
            _note(document.add_paragraph(), NO_RECOMMENDATIONS)
            continue
        groups = [
            (f"Recommendation {recommendation['number']}", recommendation["text"], recommendation["actions"])
            for recommendation in review["recommendations"]
        ]
        _caption(document, f"{review['name']}: recommendations and actions")
        _action_table(document, section.data["round_label"], groups, empty=NO_ACTIONS_IN_PLAN)
    _spacer(document)


def write_cdop(document, section: PaperSection) -> None:
    """Append the heading, the year's figures and the panel's actions with this round's progress."""
    document.add_heading(section.title, level=1)
    year = section.data["year"]
    if year:
        document.add_heading(f"Figures for {year['title']}", level=2)
        widths = [int(TEXT_WIDTH * 0.48), int(TEXT_WIDTH * 0.12)]
        _caption(document, f"Deaths reviewed in {year['title']} (year ending {year['ends']})")
        _text_table(document, ["Figure", "Number"], widths, figure_rows(year))
        _spacer(document)
        _caption(document, f"Deaths reviewed in {year['title']} by category")
        _text_table(document, ["Category", "Deaths"], widths, category_rows(year))
        if year["summary"]:
            bold(document.add_paragraph(), "Main messages")
            for kind, lines in text_blocks(year["summary"]):
                paragraph = document.add_paragraph(style="List Bullet" if kind == "bullet" else None)
                _lines(paragraph, lines)
    document.add_heading("Actions from the panel's annual reports", level=2)
    groups = section.data["action_groups"]
    if not groups:
        _note(document.add_paragraph(), NO_CDOP_ACTIONS)
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
    _spacer(document)


def figure_rows(year: dict) -> list[list[str]]:
    """The year's totals as text: "9 (30%)" with modifiable factors."""
    modifiable = str(year["with_modifiable_factors"])
    if year["modifiable_share"]:
        modifiable += f" ({year['modifiable_share']})"
    return [["Deaths reviewed", str(year["deaths_reviewed"])], ["With modifiable factors", modifiable]]


def category_rows(year: dict) -> list[list[str]]:
    return [[category["name"], str(category["deaths"])] for category in year["categories"]]


def cdop_actions_caption(section: PaperSection) -> str:
    groups = section.data["action_groups"]
    if len(groups) == 1:
        return f"Actions from the {groups[0]['title']} annual report"
    return "Actions from the panel's annual reports"


def _action_table(document, round_label: str, groups: list[tuple[str, str, list[dict]]], *, empty: str) -> None:
    """A Ref / Action / progress table like the objectives', with a heading row per group that has a heading."""
    table = _table(document, ["Ref", "Action", round_label], COLUMN_WIDTHS)
    # python-docx looks a style up among all styles on every use; naming its id once is much faster.
    bullet_style = document.styles["List Bullet"].style_id
    for heading, text, rows in groups:
        if heading:
            cell = _merged(table.add_row())
            bold(cell.paragraphs[0], heading)
            shade_cell(cell, "DBE4EE")
            if text:
                _blocks(cell, text, bullet_style, first_unused=False)
        for row in rows:
            _action_row(table.add_row(), row, bullet_style)
        if not rows and empty:
            _note(_merged(table.add_row()).paragraphs[0], empty)
    for row in table.rows:
        set_widths(row, COLUMN_WIDTHS)


def _action_row(table_row, row: dict, bullet_style) -> None:
    if row["keep_together"]:
        table_row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    ref_cell, action_cell, progress_cell = table_row.cells
    bold(ref_cell.paragraphs[0], row["ref"])
    _blocks(action_cell, row["text"], bullet_style)
    meta = [f"Lead: {', '.join(row['lead_agencies']) or 'none named'}"]
    if row["target"]:
        meta.append(f"Target: {row['target']}")
    if row["status"]:
        meta.append(f"Status: {row['status']}")
    for line in meta:
        action_cell.add_paragraph().add_run(line).font.size = Pt(8)

    first = progress_cell.paragraphs[0]
    first.add_run("RAG:")
    # The RAG in words; the shading only repeats it.
    rag_run(first, row["rag"], row["rag_label"])
    if row["earlier_round"]:
        first.add_run(f"  From {row['earlier_round']}").italic = True
    if row["rag"]:
        _blocks(progress_cell, row["progress"], bullet_style, first_unused=False)
        if row["impact"]:
            bold(progress_cell.add_paragraph(), "Evidence of impact")
            _blocks(progress_cell, row["impact"], bullet_style, first_unused=False)


def _table(document, header: list[str], widths: list[int]):
    table = document.add_table(rows=1, cols=len(header))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    header_row = table.rows[0]
    for cell, heading in zip(header_row.cells, header, strict=True):
        bold(cell.paragraphs[0], heading)
        shade_cell(cell, "F3F2F1")
    # The header row repeats on every page the table runs onto, as in the objectives' tables.
    header_row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    set_widths(header_row, widths)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    return table


def _text_table(document, header: list[str], widths: list[int], rows: list[list[str]]) -> None:
    table = _table(document, header, widths)
    for values in rows:
        row = table.add_row()
        for cell, value in zip(row.cells, values, strict=True):
            cell.paragraphs[0].add_run(value)
        set_widths(row, widths)


def _blocks(cell, text: str, bullet_style, first_unused: bool = True) -> None:
    """Text into a cell as the objectives table writes it: paragraphs with their line breaks, and bullets."""
    for index, (kind, lines) in enumerate(text_blocks(text)):
        if first_unused and index == 0 and kind == "paragraph":
            paragraph = cell.paragraphs[0]
        else:
            paragraph = cell.add_paragraph()
            if kind == "bullet":
                paragraph._p.style = bullet_style
        _lines(paragraph, lines)


def _lines(paragraph, lines: list[str]) -> None:
    run = paragraph.add_run()
    for number, line in enumerate(lines):
        if number:
            run.add_break()
        run.add_text(line)


def _merged(table_row):
    return table_row.cells[0].merge(table_row.cells[-1])


def _caption(document, text: str) -> None:
    bold(document.add_paragraph(), text)


def _spacer(document) -> None:
    # A paragraph between tables, or Word joins them into one.
    document.add_paragraph().paragraph_format.space_after = Pt(6)


def _note(paragraph, text: str) -> None:
    paragraph.add_run(text).italic = True
