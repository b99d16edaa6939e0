"""Pieces of the yearly report's PDF as JSON-ready blocks, which mscb/yearly/typst/blocks.typ lays out.

Every label, number, date and sentence is written here in Python, from the same figures and row helpers the Word
file uses, so Typst only places the text it is given and a rule lives in one place. Typed text travels as JSON
strings, never as Typst source, so no board's wording can be read as markup.
"""

from objectives.paper.word_tables import text_blocks

PENDING = "No figures for this section yet."
# A column's share as wide as its longest entry, for short codes such as references, which must never be split.
AS_WIDE_AS_ITS_TEXT = None


def heading(text: str) -> dict:
    """A subheading under the section's own heading (h3 on the page)."""
    return {"kind": "heading", "text": text}


def paragraph(text: str, *, small: bool = False, strong: bool = False) -> dict:
    """One paragraph; a newline in `text` breaks the line. `small` for a note, `strong` for a label above text."""
    return {"kind": "paragraph", "text": text, "small": small, "strong": strong}


def bullets(items: list[str]) -> dict:
    return {"kind": "bullets", "items": list(items)}


def table(
    caption: str,
    header: list[str],
    rows: list[list[str]],
    *,
    shares: list[float | None] | None = None,
    numbers: tuple[int, ...] = (),
    total_last: bool = False,
    row_header: int | None = 0,
) -> dict:
    """A table under its caption, the header row repeating on each page. `shares` are the columns' shares of the
    width (equal when None; AS_WIDE_AS_ITS_TEXT for a code); `numbers` the columns set right as figures;
    `total_last` makes the last row the totals row; `row_header` is the column that names each row (bold, as the
    page's row headings), None when no column does."""
    return {
        "kind": "table",
        "caption": caption,
        "header": list(header),
        "rows": [["" if value is None else str(value) for value in row] for row in rows],
        "shares": list(shares) if shares else [1] * len(header),
        "numbers": list(numbers),
        "total_last": total_last and bool(rows),
        "row_header": row_header,
    }


def typed_text(text: str) -> list[dict]:
    """Typed text as the web page shows it: paragraphs with their line breaks, and bulleted items."""
    blocks: list[dict] = []
    for kind, lines in text_blocks(text):
        if kind == "bullet" and blocks and blocks[-1]["kind"] == "bullets":
            blocks[-1]["items"].extend(lines)
        elif kind == "bullet":
            blocks.append(bullets(lines))
        else:
            blocks.append(paragraph("\n".join(lines)))
    return blocks


def pending() -> list[dict]:
    return [paragraph(PENDING)]
