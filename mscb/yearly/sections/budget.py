"""The yearly report's "Partner contributions and spend": the plan year's budget, totals then the two tables.

The figures are budget.figures' (amounts as decimal strings, so they store as JSON and print to the penny),
read when the draft is generated; the report's machinery writes the section's heading and narrative.
"""

from budget.figures import figures_for
from budget.selectors import budget_for
from budget.word import write_budget

from ..registry import YearlySection


def build(plan) -> dict:
    """The plan year's totals, contributions by agency and spend by heading: two queries."""
    return figures_for(budget_for(plan))


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
    write_word=write_word,
)
