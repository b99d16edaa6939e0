"""One action's row of the committee table as HTML, and each table's head, built in Python rather than by a template.

A paper of 1,000 actions draws 1,000 rows of five to seven cells; as a template, each cell was an `{% if %}`
chain, a dozen variable look-ups and a context push, and that was most of the page's rendering time. Every text
goes through `html.escape` (what Django's `escape` calls, without its lazy-string check) or `escaped_progress`,
exactly as the template's autoescaping did.
Used by `templates/objectives/paper/_action_rows.html` and `_action_row.html` (through `paper_tags`), so the
report page, the standalone file, the PDF and every later section that lists actions draw the same rows.
"""

from collections.abc import Iterable
from html import escape

from django.utils.safestring import SafeString, mark_safe

from ..text import escaped_progress
from .layout import TableLayout
from .snapshot import PaperRow


def rows_html(rows: Iterable[PaperRow], table: TableLayout, no_rows: str) -> SafeString:
    """A table's body: each row, or one line saying there are none in the plan's words."""
    drawn = [_row(row, table) for row in rows]
    if not drawn:
        drawn = [
            f'<tr class="report-row-keep"><td colspan="{table.width}" class="report-empty">{escape(no_rows)}</td></tr>'
        ]
    # Safe: every typed text inside was escaped.
    return mark_safe("<tbody>\n" + "\n".join(drawn) + "\n</tbody>")


def head_html(table: TableLayout, objective=None, objective_label: str = "", progress_heading: str = "") -> SafeString:
    """A table's columns and head: with `objective`, its row ("Obj 1.1", title) above the column headings, and with
    `progress_heading`, a section's own heading for progress. Drawn here, as a 1,000-action paper has a hundred
    tables, and the template took a tenth of a millisecond a head."""
    cols = "".join(f'<col class="{escape(column.css_class)}">' for column in table.columns)
    parts = [f"<colgroup>{cols}</colgroup>\n<thead>"]
    if objective:
        ref = escape(objective.ref)
        parts.append(
            '<tr class="report-objective-row">'
            f'<td id="report-objective-{ref}-ref">{escape(objective_label)} {ref}</td>'
            f'<td id="report-objective-{ref}-title" colspan="{table.width - 1}">{escape(objective.title)}</td></tr>'
        )
    headings = (
        progress_heading if column.key == "progress" and progress_heading else column.heading
        for column in table.columns
    )
    parts.append(
        '<tr class="report-column-row">'
        + "".join(f'<th scope="col">{escape(heading)}</th>' for heading in headings)
        + "</tr></thead>\n"
    )
    # Safe: every typed text inside was escaped.
    return mark_safe("".join(parts))


def row_html(row: PaperRow, table: TableLayout) -> SafeString:
    """One action: a cell per column of `table`; what has no column of its own goes under the action, or (its
    rating) beside the progress."""
    # Safe: every typed text inside was escaped.
    return mark_safe(_row(row, table))


def _row(row: PaperRow, table: TableLayout) -> str:
    opening = '<tr class="report-row-keep">' if row.keep_together else "<tr>"
    cells = "".join(_CELLS[column.key](row, table) for column in table.columns if column.key in _CELLS)
    return f"{opening}{cells}</tr>"


def _text(text: str) -> str:
    return f'<div class="progress-text">{escaped_progress(text)}</div>'


def _ref(row: PaperRow, table: TableLayout) -> str:
    return f'<td class="report-ref">{escape(row.ref)}</td>'


def _action(row: PaperRow, table: TableLayout) -> str:
    parts = [_text(row.text)]
    if success_measure := table.success_measure_note(row):
        parts.append(f'<p class="report-meta"><span>{escape(success_measure)}</span></p>')
    notes = table.notes_without_a_column(row)
    parts.append('<p class="report-meta">' + "".join(f"<span>{escape(note)}</span>" for note in notes) + "</p>")
    return '<td class="report-action">' + "".join(parts) + "</td>"


def _lead(row: PaperRow, table: TableLayout) -> str:
    return '<td class="report-lead">' + "".join(f"<p>{escape(line)}</p>" for line in row.lead_lines) + "</td>"


def _target(row: PaperRow, table: TableLayout) -> str:
    return f'<td class="report-target">{escape(row.target)}</td>'


def _success_measure(row: PaperRow, table: TableLayout) -> str:
    return f'<td class="report-success-measure">{_text(row.success_measure)}</td>'


def _badge(row: PaperRow) -> str:
    return f'<span class="rag {escape(row.badge_class)}">{escape(row.rag_label)}</span>'


def _rating(row: PaperRow, table: TableLayout) -> str:
    return '<td class="report-rating">' + (_badge(row) if row.rag_label else "") + "</td>"


def _progress(row: PaperRow, table: TableLayout) -> str:
    parts = []
    if row.changes:
        parts.append('<ul class="report-changes">' + "".join(f"<li>{escape(c)}</li>" for c in row.changes) + "</ul>")
    earlier = f'<span class="report-earlier">From {escape(row.earlier_round)}</span>' if row.earlier_round else ""
    if table.rated and not table.shows.get("rating") and row.rag_label:
        parts.append(f'<p class="report-rag">{_badge(row)}{" " + earlier if earlier else ""}</p>')
    elif earlier:
        parts.append(f'<p class="report-rag">{earlier}</p>')
    elif not row.has_update and not row.rag_label:
        parts.append('<p class="report-no-update">No update</p>')
    if row.has_update:
        parts.append(_text(row.progress))
        if row.impact:
            parts.append(
                f'<div class="report-impact"><p class="report-label">Evidence of impact</p>{_text(row.impact)}</div>'
            )
    return '<td class="report-progress">' + "".join(parts) + "</td>"


_CELLS = {
    "ref": _ref,
    "action": _action,
    "lead": _lead,
    "target": _target,
    "success_measure": _success_measure,
    "rating": _rating,
    "progress": _progress,
}
