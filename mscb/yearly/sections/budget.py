"""The yearly report's "Partner contributions and spend": the plan year's budget, totals then the two tables.

The figures are budget.figures' (amounts as decimal strings, so they store as JSON and print to the penny),
read when the draft is generated; the report's machinery writes the section's heading and narrative.
"""

from budget.figures import figures_for
from budget.selectors import budget_for
from budget.word import (
    CONTRIBUTION_SHARES,
    CONTRIBUTIONS_HEADER,
    SPEND_HEADER,
    SPEND_SHARES,
    contribution_rows,
    spend_rows,
    totals_lines,
    write_budget,
)

from .. import typst_parts as parts
from ..registry import YearlySection


def build(plan) -> dict:
    """The plan year's totals, contributions by agency and spend by heading: two queries."""
    return figures_for(budget_for(plan))


def pdf_blocks(figures: dict) -> list[dict]:
    """The totals, then the two tables with their totals rows, as the page and the Word file print them."""
    if not figures:
        return parts.pending()
    blocks = [parts.paragraph("\n".join(totals_lines(figures))), parts.heading("Contributions by agency")]
    if figures["contributions"]:
        rows = contribution_rows(figures)
        blocks.append(
            parts.table(
                "Partner contributions by agency",
                CONTRIBUTIONS_HEADER,
                rows,
                shares=CONTRIBUTION_SHARES,
                numbers=(1, 2, 3, 5),
                total_last=True,
            )
        )
    else:
        blocks.append(parts.paragraph("No partner contributions are recorded."))
    blocks.append(parts.heading("Spend by heading"))
    if figures["spend_lines"]:
        rows = spend_rows(figures)
        blocks.append(
            parts.table("Spend by heading", SPEND_HEADER, rows, shares=SPEND_SHARES, numbers=(1, 2, 3), total_last=True)
        )
    else:
        blocks.append(parts.paragraph("No spend is recorded."))
    return blocks


def write_word(document, figures: dict) -> None:
    """Append the totals and the two tables under level-3 subheadings, as wide as the page's text."""
    section = document.sections[-1]
    width = section.page_width - section.left_margin - section.right_margin
    write_budget(document, figures, width=width, subheading_level=3)


SECTION = YearlySection(
    key="budget",
    title="Partner contributions and spend",
    asks_for=("What each partner agreed and paid, money and in kind, the pooled budget and its spend by heading."),
    build=build,
    template_name="yearly/sections/_budget.html",
    pdf_blocks=pdf_blocks,
    write_word=write_word,
)
