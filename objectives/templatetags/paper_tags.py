"""Template helpers for the committee paper."""

from django import template

from ..paper.row_html import row_html, rows_html
from ..paper.snapshot import PaperRow, from_data

register = template.Library()


@register.filter
def as_paper_row(row):
    """A section's stored row (a dict) as the PaperRow it was made from, so every table reads rows the same way."""
    return row if isinstance(row, PaperRow) else from_data(PaperRow, row)


@register.simple_tag
def paper_rows(rows, table, no_rows):
    """A committee table's body (objectives.paper.row_html): the hottest part of the paper, so drawn in Python."""
    return rows_html(rows, table, no_rows)


@register.simple_tag
def paper_row(row, table):
    """One action's row of a committee table, as `paper_rows` draws it."""
    return row_html(row, table)
