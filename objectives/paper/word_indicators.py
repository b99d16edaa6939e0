"""An objective's performance indicators in the Word paper: a small table after its actions, each trend in words
("199 (2010) → 409 (2011) → 413 (to September 2012)"), as Word has no room for a drawn line."""

from .indicators import PaperIndicator
from .word_parts import bold, rating_run
from .word_tables import TEXT_WIDTH, finish, spacer, table

# Each column's share of the page: the trend takes what the others leave.
_SHARES = {"Indicator": 0.24, "Latest": 0.14, "Target": 0.08, "Rating": 0.09, "Direction of travel": 0.10}


def write_indicators(document, indicators: tuple[PaperIndicator, ...], *, caption: str, rated: bool) -> None:
    if not indicators:
        return
    header = ["Indicator", "Latest", "Target", *(["Rating"] if rated else []), "Direction of travel"]
    widths = [int(TEXT_WIDTH * _SHARES[heading]) for heading in header]
    header.append("Trend")
    widths.append(int(TEXT_WIDTH) - sum(widths))
    bold(document.add_paragraph(), caption)
    indicator_table = table(document, header, widths)
    for indicator in indicators:
        cells = iter(indicator_table.add_row().cells)
        next(cells).paragraphs[0].add_run(indicator.title)
        next(cells).paragraphs[0].add_run(indicator.latest_words)
        next(cells).paragraphs[0].add_run(indicator.target or "None set")
        if rated:
            cell = next(cells)
            if indicator.rating_label:
                rating_run(cell.paragraphs[0], indicator.rating_label, indicator.rating_fill, indicator.rating_text)
        next(cells).paragraphs[0].add_run(indicator.direction_words.capitalize())
        next(cells).paragraphs[0].add_run(indicator.trend_words or "No values yet")
    finish(indicator_table, widths)
    spacer(document)
