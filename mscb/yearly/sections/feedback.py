"""The yearly report's section on feedback from children and families: each item and how many per round.

Read from mscb.FamilyFeedback in two queries (the items with their rounds, and the plan's rounds).
"""

from core.formats import long_date

from ...models.yearly import FamilyFeedback
from .. import typst_parts as parts
from ..registry import YearlySection
from . import feedback_word as word

WHOLE_YEAR = "The year as a whole"
ITEMS_HEADER = ["Received", "How it was gathered", "What they told us", "What we did about it"]
COUNTS_HEADER = ["Progress round", "Items of feedback"]
NOTHING_DONE = "Nothing recorded yet"
NO_FEEDBACK = "No feedback from children and families was recorded for the year."
COUNTS_CAPTION = "Feedback received by progress round"
ITEMS_HEADING = "What children and families told us"
ITEMS_CAPTION = "Each piece of feedback and what was done about it"
ITEMS_SHARES = [0.14, 0.2, 0.33, 0.33]


def build(plan) -> dict:
    items = list(FamilyFeedback.objects.filter(plan=plan).select_related("round"))
    counts = [
        {"label": progress_round.label, "count": sum(item.round_id == progress_round.pk for item in items)}
        for progress_round in plan.rounds.order_by("as_of")
    ]
    unassigned = sum(item.round_id is None for item in items)
    if unassigned:
        counts.append({"label": WHOLE_YEAR, "count": unassigned})
    return {
        "items": [_item(item) for item in items],
        "counts": counts,
        "total": len(items),
    }


def _item(item: FamilyFeedback) -> dict:
    return {
        "received_on": item.received_on.isoformat(),
        "received": long_date(item.received_on),
        "round": item.round.label if item.round else WHOLE_YEAR,
        "source": item.source,
        "summary": item.summary,
        "response": item.response,
    }


def item_rows(figures: dict) -> list[list[str]]:
    return [
        [item["received"], item["source"], item["summary"], item["response"] or NOTHING_DONE]
        for item in figures.get("items", [])
    ]


def count_rows(figures: dict) -> list[list[str]]:
    rows = [[count["label"], str(count["count"])] for count in figures.get("counts", [])]
    return [*rows, ["The year", str(figures.get("total", 0))]]


def pdf_blocks(figures: dict) -> list[dict]:
    if not figures.get("items"):
        return [parts.paragraph(NO_FEEDBACK)]
    return [
        parts.table(COUNTS_CAPTION, COUNTS_HEADER, count_rows(figures), shares=[3, 1.2], numbers=(1,), total_last=True),
        parts.heading(ITEMS_HEADING),
        parts.table(ITEMS_CAPTION, ITEMS_HEADER, item_rows(figures), shares=ITEMS_SHARES, row_header=1),
    ]


def write_word(document, figures: dict) -> None:
    if not figures.get("items"):
        word.paragraph(document, NO_FEEDBACK)
        return
    word.text_table(document, COUNTS_CAPTION, COUNTS_HEADER, count_rows(figures), [0.5, 0.2])
    word.subheading(document, ITEMS_HEADING)
    word.text_table(document, ITEMS_CAPTION, ITEMS_HEADER, item_rows(figures), ITEMS_SHARES)


SECTION = YearlySection(
    key="feedback",
    title="Feedback from children and families",
    asks_for=(
        "How the partners sought and used feedback from children and families to inform their work "
        "and influence services."
    ),
    build=build,
    template_name="yearly/sections/_feedback.html",
    pdf_blocks=pdf_blocks,
    write_word=write_word,
)
