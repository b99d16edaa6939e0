"""The committee paper as the data its Typst layout (objectives/paper/typst/paper.typ) draws.

Everything the HTML templates work out is worked out here, from the same helpers (paper_context, table_layout,
glance_of, TableLayout.notes_without_a_column, progress_blocks), so each rule stays in one place: Typst only lays
out. Typed text travels as JSON strings, which Typst prints as text, never as markup.

A cell is a list of parts, each {"t": kind, ...}: "p" (lines of a paragraph), "ul" (bullet items), "meta" (small
notes, one a line), "lines" (short paragraphs), "badge" (a rating in its colours and words, with "after": the
earlier round's note), "note" (a small italic note), "none" (an italic "No update"), "changes" (boxed change
words), "label" (a bold label before the evidence of impact), "rule" (the line above it).
"""

import re

from core.formats import long_date
from core.rating import outline_for

from ..text import progress_blocks
from .html import paper_context
from .layout import TableLayout
from .snapshot import Paper, PaperRow

NO_UPDATE = "No update"
EVIDENCE_OF_IMPACT = "Evidence of impact"
_HEX = re.compile(r"[0-9A-Fa-f]{6}\Z")


def text_parts(text: str) -> list[dict]:
    """Typed text as paragraphs and bullet lists, read once by objectives.text as the HTML reads it."""
    return [{"t": kind, "lines": lines} for kind, lines in progress_blocks(text)]


def badge(label: str, fill: str, text: str, border: str | None = None) -> dict:
    """A rating's badge: its words on its fill, outlined when pale (core.rating's rule, as rows keep no outline).

    Only six-digit hex colours reach Typst; anything else prints as the words on white, which any scale may show.
    """
    if not (_HEX.match(fill or "") and _HEX.match(text or "")):
        fill, text, border = "FFFFFF", "1A1A1A", None
    outline = outline_for(fill) if border is None else border
    return {"label": label, "fill": fill, "text": text, "border": outline if _HEX.match(outline) else ""}


def row_badge(row: PaperRow) -> dict:
    fill, text = row.badge_colours
    return badge(row.rag_label, fill, text)


def _action(row: PaperRow, table: TableLayout) -> list[dict]:
    parts = text_parts(row.text)
    meta = [note for note in (table.success_measure_note(row), *table.notes_without_a_column(row)) if note]
    if meta:
        parts.append({"t": "meta", "lines": meta})
    return parts


def _progress(row: PaperRow, table: TableLayout) -> list[dict]:
    parts = []
    if row.changes:
        parts.append({"t": "changes", "lines": list(row.changes)})
    earlier = f"From {row.earlier_round}" if row.earlier_round else ""
    if table.rated and not table.shows.get("rating") and row.rag_label:
        parts.append({"t": "badge", "badge": row_badge(row), "after": earlier})
    elif earlier:
        parts.append({"t": "note", "text": earlier})
    elif not row.has_update and not row.rag_label:
        parts.append({"t": "none", "text": NO_UPDATE})
    if row.has_update:
        parts.extend(text_parts(row.progress))
        if row.impact:
            parts.append({"t": "rule"})
            parts.append({"t": "label", "text": EVIDENCE_OF_IMPACT})
            parts.extend(text_parts(row.impact))
    return parts


_CELLS = {
    "ref": lambda row, table: [{"t": "ref", "text": row.ref}],
    "action": _action,
    "lead": lambda row, table: [{"t": "lines", "lines": list(row.lead_lines)}],
    "target": lambda row, table: [{"t": "lines", "lines": [row.target]}] if row.target else [],
    "success_measure": lambda row, table: text_parts(row.success_measure),
    "rating": lambda row, table: [{"t": "badge", "badge": row_badge(row), "after": ""}] if row.rag_label else [],
    "progress": _progress,
}


def row_cells(row: PaperRow, table: TableLayout) -> dict:
    """One action: a cell per column of `table`, as objectives.paper.row_html draws it for the page."""
    return {"keep": row.keep_together, "cells": [_CELLS[column.key](row, table) for column in table.columns]}


def table_columns(table: TableLayout, progress_heading: str = "") -> dict:
    """A table of actions' headings and widths (each column's share of the width)."""
    headings = [
        progress_heading if column.key == "progress" and progress_heading else column.heading
        for column in table.columns
    ]
    return {"headings": headings, "widths": [round(column.share, 4) for column in table.columns]}


def _indicators(paper: Paper, indicators, caption: str) -> dict | None:
    if not indicators:
        return None
    headings = ["Indicator", "Latest", "Target"] + (["Rating"] if paper.is_rated else [])
    return {
        "caption": caption,
        "headings": [*headings, "Direction of travel", "Trend"],
        # The name and the trend's words take the room; the figures and the badge need little.
        "widths": [30, 18, 9, 9, 12, 22] if paper.is_rated else [32, 20, 10, 14, 24],
        "rows": [
            {
                "title": indicator.title,
                "latest": indicator.latest_words,
                "target": indicator.target or "None set",
                "rating": (
                    badge(indicator.rating_label, indicator.rating_fill, indicator.rating_text)
                    if paper.is_rated and indicator.rating_label
                    else None
                ),
                "rated": paper.is_rated,
                "direction": indicator.direction_words[:1].upper() + indicator.direction_words[1:],
                "points": [list(point) for point in indicator.sparkline_coordinates],
                "trend": indicator.trend_words,
            }
            for indicator in indicators
        ],
    }


def _table(paper: Paper, table: TableLayout, rows, no_actions: str, objective=None) -> dict:
    return {
        "objective": [f"{paper.objective_label} {objective.ref}", objective.title] if objective else None,
        "rows": [row_cells(row, table) for row in rows],
        "empty": no_actions,
    }


def _aims(paper: Paper, context: dict) -> list[dict]:
    """The plan in its shape: each aim with its tables (one per objective in a tree, one in two levels), or for a
    list one untitled group with one table."""
    table, no_actions = context["table"], context["no_actions"]
    if not paper.shows_aims:
        return [
            {
                "heading": "",
                "lead": "",
                "tables": [{**_table(paper, table, paper.rows, no_actions), "label": context["actions_title"]}],
                "indicators": [_indicators(paper, paper.indicators, "Indicators")],
                "empty": "",
            }
        ]
    aims = []
    for aim in paper.aims:
        heading = f"{paper.aim_name} {aim.number}: {aim.title}"
        lead = f"Strategic lead: {aim.strategic_lead}" if aim.strategic_lead else ""
        if paper.shows_objectives:
            tables = [_table(paper, table, objective.rows, no_actions, objective) for objective in aim.objectives]
            indicators = [
                _indicators(paper, objective.indicators, f"Indicators for {paper.objective_label} {objective.ref}")
                for objective in aim.objectives
            ]
            empty = context["no_objectives"]
        else:
            tables = [_table(paper, table, aim.rows, no_actions)]
            indicators = [_indicators(paper, aim.indicators, f"Indicators for {paper.aim_name} {aim.number}")]
            empty = ""
        for drawn in tables:
            drawn["label"] = heading
        aims.append({"heading": heading, "lead": lead, "tables": tables, "indicators": indicators, "empty": empty})
    return aims


def _cover(paper: Paper) -> dict:
    facts = list(paper.covering.cover_facts) if paper.covering else []
    facts += [("Progress as of", long_date(paper.as_of)), ("Produced", long_date(paper.produced_on))]
    if paper.author:
        facts.append(("Author", paper.author))
    if paper.covering and paper.covering.contact:
        facts.append(("Contact", paper.covering.contact))
    return {
        "facts": [list(fact) for fact in facts],
        "changes": paper.changes.sentence if paper.changes else "",
        "key_title": paper.key_title,
        "key": [
            {"badge": badge(entry.label, entry.fill, entry.text, entry.border), "meaning": entry.meaning}
            for entry in paper.printed_key
        ],
    }


def _covering(paper: Paper) -> list[dict]:
    covering = paper.covering
    if not covering:
        return []
    sections = [{"heading": "Summary", "text": text_parts(covering.summary)}] if covering.summary else []
    sections += [
        {"heading": f"{number}. {section.heading}", "text": text_parts(section.text)}
        for number, section in covering.numbered_sections
    ]
    return sections


def _glance(glance) -> dict:
    return {
        "note": glance.note,
        "caption": glance.caption,
        "headings": list(glance.headings),
        "lines": [
            {"kind": line.kind, "name": line.name, "cells": [str(cell) for cell in line.cells]} for line in glance.lines
        ],
        "listed_for": glance.listed_for,
        "exceptions_caption": glance.exceptions_caption,
        "exception_headings": list(glance.exception_headings),
        "exceptions": [
            {"ref": flagged.ref, "text": flagged.text, "lead": flagged.lead, "reasons": list(flagged.reasons)}
            for flagged in glance.exceptions
        ],
        "no_exceptions": glance.no_exceptions,
    }


def paper_data(paper: Paper, sections: list[dict]) -> dict:
    """What paper.typ draws; `sections` are the later sections' own data (objectives.paper.typst_entry)."""
    context = paper_context(paper)
    return {
        "title": paper.title,
        "author": paper.author,
        "description": f"Report to the {paper.committee_name} from the {paper.board_name}",
        "board": paper.board_name,
        "to": f"Report to the {paper.committee_name}",
        "heads": {
            "top_left": paper.board_name,
            "top_right": paper.title,
            "bottom_centre": f"Produced {long_date(paper.produced_on)}",
        },
        "cover": _cover(paper),
        "covering": _covering(paper),
        "glance": _glance(context["glance"]),
        "appendix": paper.appendix_title if paper.covering else "",
        "columns": table_columns(context["table"]),
        "aims": _aims(paper, context),
        "no_aims": context["no_aims"] if paper.shows_aims and not paper.aims else "",
        "sections": sections,
    }
