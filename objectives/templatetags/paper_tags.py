"""Template helpers for the committee paper."""

from django import template

from ..paper.snapshot import PaperRow, from_data

register = template.Library()


@register.filter
def as_paper_row(row):
    """A section's stored row (a dict) as the PaperRow it was made from, so every table reads rows the same way."""
    return row if isinstance(row, PaperRow) else from_data(PaperRow, row)
