"""The PDF's child death overview panel section, from the figures cdop.build gathered: the Word file's rows,
captions and wording (cdop_word), laid out as the page lays them out."""

from reviews.paper.word import category_rows, figure_rows

from .. import typst_parts as parts
from . import cdop_word as word

# A figure's name and its number: the number set right, in a narrow table.
NUMBER_SHARES = [4, 1]
# The year and the reference are codes, as wide as they are; the text columns share the rest as in Word.
ACTION_SHARES = [parts.AS_WIDE_AS_ITS_TEXT, parts.AS_WIDE_AS_ITS_TEXT, *word.ACTION_SHARES[2:]]


def pdf_blocks(figures: dict) -> list[dict]:
    if not figures:
        return parts.pending()
    if not figures["years"]:
        return [parts.paragraph(word.NO_YEAR)]
    blocks = [parts.paragraph(word.latest_only_text(figures))] if figures.get("latest_only") else []
    for year in figures["years"]:
        blocks += _year(year)
    blocks.append(parts.heading(word.ACTIONS_HEADING))
    if figures["actions"]:
        rows = word.action_rows(figures)
        blocks.append(
            parts.table(word.actions_caption(figures), word.ACTION_HEADER, rows, shares=ACTION_SHARES, row_header=1)
        )
    else:
        blocks.append(parts.paragraph(word.NO_ACTIONS))
    return blocks


def _year(year: dict) -> list[dict]:
    blocks = [parts.heading(word.year_heading(year))]
    if totals := figure_rows(year):
        blocks.append(
            parts.table(word.totals_caption(year), word.TOTALS_HEADER, totals, shares=NUMBER_SHARES, numbers=(1,))
        )
    if categories := category_rows(year):
        caption = word.categories_caption(year)
        blocks.append(parts.table(caption, word.CATEGORIES_HEADER, categories, shares=NUMBER_SHARES, numbers=(1,)))
    for label, key in word.YEAR_TEXTS:
        if text := year[key]:
            blocks += [parts.paragraph(label, strong=True), *parts.typed_text(text)]
    return blocks
