"""The PDF's multi-agency training section, from the figures training.build gathered: the same rows, headers and
column shares as the Word file (training_word), laid out as the page lays them out."""

from training.paper import RECORDED_HEADER

from .. import typst_parts as parts
from . import training_word as word

# Every column but the first holds a figure.
FIGURES_FROM_SECOND = tuple(range(1, 8))


def pdf_blocks(figures: dict) -> list[dict]:
    if not figures:
        return parts.pending()
    blocks = [parts.paragraph(figures["summary"]), parts.heading("Uptake by agency")]
    if figures["agencies"]:
        blocks.append(_table(word.AGENCY_CAPTION, word.AGENCY_HEADER, word.agency_rows(figures), word.AGENCY_SHARES))
    else:
        blocks.append(parts.paragraph("No agency booked multi-agency training in the year."))
    if figures["courses"]:
        blocks += [
            parts.heading("Uptake by course"),
            _table("Uptake by course", word.COURSE_HEADER, word.course_rows(figures), word.COURSE_SHARES, total=True),
            parts.heading("What attendees said"),
            _table(
                word.EVALUATION_CAPTION,
                word.EVALUATION_HEADER,
                word.evaluation_rows(figures),
                word.EVALUATION_SHARES,
                total=True,
            ),
            _table(
                word.FOLLOW_UP_CAPTION,
                word.FOLLOW_UP_HEADER,
                word.follow_up_rows(figures),
                word.FOLLOW_UP_SHARES,
                total=True,
            ),
            parts.paragraph(figures["evaluation"]["follow_up_sentence"]),
        ]
    if figures["recorded"]:
        blocks += [
            parts.heading("Training recorded by the board"),
            parts.table(
                "Training booked elsewhere",
                RECORDED_HEADER,
                word.recorded_rows(figures),
                shares=word.RECORDED_SHARES,
                numbers=(2,),
            ),
        ]
    return blocks


def _table(caption: str, header: list[str], rows: list[list[str]], shares: list[float], *, total=False) -> dict:
    return parts.table(caption, header, rows, shares=shares, numbers=FIGURES_FROM_SECOND, total_last=total)
