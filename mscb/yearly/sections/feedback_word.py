"""The Word tables of the yearly report's training, reviews, CDOP and feedback sections: a bold caption, then a
fixed-width table drawn by the committee paper's own writer (objectives.paper.word_tables), so the two files
look alike."""

from objectives.paper import word_tables
from objectives.paper.word_parts import bold
from objectives.paper.word_tables import TEXT_WIDTH

# A subheading under the section's own heading, as h3 under the page's h2.
SUBHEADING_LEVEL = 3


def subheading(document, text: str) -> None:
    document.add_heading(text, level=SUBHEADING_LEVEL)


def paragraph(document, text: str) -> None:
    document.add_paragraph(text)


def text_table(document, caption: str, header: list[str], rows: list[list[str]], shares: list[float]) -> None:
    """`caption` in bold, then the table; each column takes its share of the text width."""
    bold(document.add_paragraph(), caption)
    widths = [int(TEXT_WIDTH * share) for share in shares]
    table = word_tables.table(document, header, widths)
    for values in rows:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.paragraphs[0].add_run(value)
    word_tables.finish(table, widths)
