"""The Word paper's Assurance section, from its built data: the same tables and words as the page."""

from objectives.paper import word_tables
from objectives.paper.snapshot import PaperSection
from objectives.paper.word_parts import bold, rating_run
from objectives.paper.word_tables import TEXT_WIDTH, spacer

RETURNS_HEADER = ["Agency", "Return"]
COUNT_WIDTHS = [int(TEXT_WIDTH * 0.3), int(TEXT_WIDTH * 0.15)]


def write_word(document, section: PaperSection) -> None:
    """Append the heading, the Section 11 cycle, the case audits and the recommendations' counts."""
    document.add_heading(section.title, level=1)
    if section.data["section11"]:
        _write_section11(document, section.data["section11"])
    if section.data["audits"]:
        _write_audits(document, section.data["audits_caption"], section.data["audits"])
    counts = section.data["recommendations"]
    if counts:
        document.add_heading("Recommendations", level=2)
        _counts_table(document, "Recommendations by the board's decision", "Decision", counts["by_decision"])
        spacer(document)
        _counts_table(document, "Recommendations by status", "Status", counts["by_status"])
    if section.data.get("not_accepted"):
        _write_not_accepted(document, section.data["not_accepted"])
    spacer(document)


def returns_rows(cycle: dict) -> list[list[str]]:
    return [[row["agency"], row["status"]] for row in cycle["returns"]]


def grid_rows(grid: dict) -> list[list[str]]:
    """The grid as text: each agency, then its agreed rating's words per standard."""
    return [[row["agency"], *(rating["label"] for rating in row["ratings"])] for row in grid["rows"]]


def _write_section11(document, cycle: dict) -> None:
    document.add_heading(cycle["title"], level=2)
    document.add_paragraph(f"Opened {cycle['opens']}; returns due by {cycle['deadline']}. {cycle['summary']}")
    bold(document.add_paragraph(), f"{cycle['title']}: returns by agency")
    _text_table(document, RETURNS_HEADER, COUNT_WIDTHS, returns_rows(cycle))
    grid = cycle["grid"]
    if grid:
        spacer(document)
        bold(document.add_paragraph(), f"{cycle['title']}: agreed ratings, published {grid['published']}")
        _grid_table(document, grid)


def _grid_table(document, grid: dict) -> None:
    """Agency by standard; each rating in words, shaded in its level's colours as the page's badges are."""
    header = ["Agency"] + [f"Standard {standard['number']}: {standard['title']}" for standard in grid["standards"]]
    first = int(TEXT_WIDTH * 0.16)
    widths = [first] + [(TEXT_WIDTH - first) // len(grid["standards"])] * len(grid["standards"])
    table = word_tables.table(document, header, widths)
    for row in grid["rows"]:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(row["agency"])
        for cell, rating in zip(cells[1:], row["ratings"], strict=True):
            if rating["fill"]:
                rating_run(cell.paragraphs[0], rating["label"], rating["fill"], rating["text"])
            else:
                cell.paragraphs[0].add_run(rating["label"])
    word_tables.finish(table, widths)


def _write_audits(document, caption: str, audits: list[dict]) -> None:
    document.add_heading("Multi-agency case audits", level=2)
    document.add_paragraph(f"{caption}:")
    bullet_style = document.styles["List Bullet"].style_id
    for audit in audits:
        document.add_heading(audit["theme"], level=3)
        document.add_paragraph(f"Audit held {audit['held']}; completed {audit['completed']}.")
        if audit["findings"]:
            bold(document.add_paragraph(), "Key findings")
            word_tables.write_blocks(document, audit["findings"], bullet_style, first_unused=False)


def _write_not_accepted(document, items: list[dict]) -> None:
    """Each recommendation not accepted in full, with the board's reasons and who decided where and when."""
    document.add_heading("Recommendations not accepted in full", level=2)
    bullet_style = document.styles["List Bullet"].style_id
    for item in items:
        document.add_heading(f"{item['source']}, recommendation {item['number']}: {item['decision'].lower()}", level=3)
        word_tables.write_blocks(document, item["text"], bullet_style, first_unused=False)
        bold(document.add_paragraph(), "The board's reasons")
        word_tables.write_blocks(document, item["reasons"], bullet_style, first_unused=False)
        document.add_paragraph(f"{item['decided']}.")


def _counts_table(document, caption: str, heading: str, rows: list[dict]) -> None:
    bold(document.add_paragraph(), caption)
    _text_table(
        document, [heading, "Recommendations"], COUNT_WIDTHS, [[row["label"], str(row["count"])] for row in rows]
    )


def _text_table(document, header: list[str], widths: list[int], rows: list[list[str]]) -> None:
    table = word_tables.table(document, header, widths)
    for values in rows:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.paragraphs[0].add_run(value)
    word_tables.finish(table, widths)
