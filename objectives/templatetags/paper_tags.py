"""Template helpers for the committee paper."""

from django import template

from ..paper.glance_html import count_lines_html, exceptions_html
from ..paper.row_html import head_html, row_html, rows_html
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


@register.simple_tag
def paper_head(table, objective=None, objective_label="", progress_heading=""):
    """A committee table's columns and head (objectives.paper.row_html), drawn in Python as its rows are."""
    return head_html(table, objective, objective_label, progress_heading)


@register.simple_tag
def glance_count_lines(glance):
    """The at-a-glance summary's rows (objectives.paper.glance_html)."""
    return count_lines_html(glance)


@register.simple_tag
def glance_exceptions(glance):
    """The at-a-glance exceptions' rows (objectives.paper.glance_html)."""
    return exceptions_html(glance)
