"""The at-a-glance tables' rows as HTML, built in Python rather than by a template.

A 1,000-action paper has a count line for each of its hundred objectives and hundreds of exceptions, each a loop
of cells in the template; drawn here, as the plan table's rows are (row_html). Every text goes through
`html.escape`, as the template's autoescaping did. Used by `templates/objectives/paper/_glance.html` through
`paper_tags`.
"""

from html import escape

from django.utils.safestring import SafeString, mark_safe

from .glance import Glance


def count_lines_html(glance: Glance) -> SafeString:
    """The summary's rows: an aim, an objective or the total, its name, then its figures."""
    lines = (
        f'<tr class="report-glance-{escape(line.kind)}"><th scope="row">{escape(line.name)}</th>'
        + "".join(f"<td>{figure}</td>" for figure in line.cells)
        + "</tr>"
        for line in glance.lines
    )
    # Safe: the names were escaped and the figures are whole numbers.
    return mark_safe("\n".join(lines))


def exceptions_html(glance: Glance) -> SafeString:
    """The exceptions' rows: ref, the action's opening words, its lead, and why it is listed."""
    rows = (
        '<tr class="report-row-keep">'
        f'<th scope="row" class="report-ref">{escape(flagged.ref)}</th>'
        f'<td class="report-action">{escape(flagged.text)}</td>'
        f'<td class="report-lead">{escape(flagged.lead)}</td>'
        '<td class="report-reasons"><ul>'
        + "".join(f"<li>{escape(reason)}</li>" for reason in flagged.reasons)
        + "</ul></td></tr>"
        for flagged in glance.exceptions
    )
    # Safe: every typed text inside was escaped.
    return mark_safe("\n".join(rows))
