"""The PDF's case reviews section, from the figures reviews.build gathered: the Word file's rows, headers, captions
and column shares (reviews_word), laid out as the page lays them out."""

from .. import typst_parts as parts
from . import reviews_word as word

# The recommendation's number as wide as it is; the other columns share the rest as in Word.
RECOMMENDATION_SHARES = [word.RECOMMENDATION_SHARES[0], parts.AS_WIDE_AS_ITS_TEXT, *word.RECOMMENDATION_SHARES[2:]]
REASONS_SHARES = [word.REASONS_SHARES[0], parts.AS_WIDE_AS_ITS_TEXT, *word.REASONS_SHARES[2:]]


def pdf_blocks(figures: dict) -> list[dict]:
    if not figures:
        return parts.pending()
    if figures["reviews"]:
        blocks = [
            parts.table(word.REVIEWS_CAPTION, word.REVIEW_HEADER, word.review_rows(figures), shares=word.REVIEW_SHARES)
        ]
    else:
        blocks = [parts.paragraph(word.NO_REVIEWS)]
    for key, not_accepted_key, heading in word.RECOMMENDATION_GROUPS:
        if not figures[key]:
            continue
        blocks += [
            parts.heading(heading),
            parts.table(
                word.decisions_caption(heading),
                word.RECOMMENDATION_HEADER,
                word.recommendation_rows(figures[key]),
                shares=RECOMMENDATION_SHARES,
                row_header=1,
            ),
        ]
        if figures[not_accepted_key]:
            blocks.append(
                parts.table(
                    word.reasons_caption(heading),
                    word.REASONS_HEADER,
                    word.reasons_rows(figures[not_accepted_key]),
                    shares=REASONS_SHARES,
                    row_header=1,
                )
            )
    return blocks
