"""The paper as HTML: the report page's body, and one self-contained file for the committee system."""

from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from core.formats import long_date

from ..models.shapes import plural
from .glance import glance_of
from .layout import badge_css, table_layout
from .sections import template_for
from .snapshot import LEGACY_COLUMNS, Paper

# mscb.css holds the RAG badge colours the report shares with every other page.
STANDALONE_STYLESHEETS = ["css/mscb.css", "css/report.css"]

# The standalone file marks where the paper starts and ends, so a published page can show it again
# exactly as stored; typed text is escaped, so it can never contain these markers.
PAPER_START = "<!-- paper:start -->"
PAPER_END = "<!-- paper:end -->"


class MissingStylesheet(LookupError):
    pass


def paper_context(paper: Paper) -> dict:
    """What `_report_body.html` needs: the paper, its running heads and badge colours, its tables' columns, the
    words for an empty level, each later section's template and the at-a-glance summary."""
    return {
        "paper": paper,
        "page_css": page_margin_css(paper),
        "badge_css": badge_css(paper),
        "table": table_layout(paper),
        # Case reviews and CDOP list their actions as papers always have: Ref, Action, progress.
        "section_table": table_layout(paper, columns=LEGACY_COLUMNS, action_heading="Action"),
        "no_aims": f"This business plan has no {plural(paper.aim_name).lower()} yet.",
        "no_objectives": paper.none_of(paper.objective_name),
        "no_actions": paper.none_of(paper.action_name),
        "actions_title": plural(paper.action_name),
        "sections": [(section, template_for(section)) for section in paper.sections],
        "glance": glance_of(paper),
    }


def stylesheet_text(names: list[str]) -> str:
    """Our own stylesheets' text, read from the static folders."""
    parts = []
    for name in names:
        path = finders.find(name)
        if path is None:
            raise MissingStylesheet(f"Cannot find the stylesheet {name} in the static files; is the project complete?")
        parts.append(Path(path).read_text(encoding="utf-8"))
    return "\n".join(parts)


def render_standalone_html(paper: Paper) -> str:
    """One HTML file with its styles inlined and no links out, for the council's committee system."""
    context = {**paper_context(paper), "report_css": mark_safe(stylesheet_text(STANDALONE_STYLESHEETS))}
    return render_to_string("objectives/report_standalone.html", context)


def paper_fragment(standalone_html: str) -> SafeString:
    """The paper itself out of a standalone file this module wrote, to show inside a page."""
    start = standalone_html.find(PAPER_START)
    end = standalone_html.find(PAPER_END)
    if start == -1 or end < start:
        return mark_safe("")
    # Safe: our own template wrote it, with every typed text escaped.
    return mark_safe(standalone_html[start + len(PAPER_START) : end])


def page_margin_css(paper: Paper) -> SafeString:
    """The printed page's running heads: board, committee, plan, round and date in the page margins.

    Built here because CSS cannot read them from the page; every character but letters, digits and
    spaces is written as a CSS escape, so no name can close the string or the <style> element.
    """
    boxes = {
        "top-left": paper.board_name,
        "top-right": paper.title,
        "bottom-left": f"Report to the {paper.committee_name}",
        "bottom-center": f"Produced {long_date(paper.produced_on)}",
    }
    rules = " ".join(f"@{box} {{ content: {_css_string(text)}; }}" for box, text in boxes.items())
    return mark_safe(f"@page {{ {rules} }}")


def _css_string(text: str) -> str:
    escaped = "".join(
        character if (character.isascii() and character.isalnum()) or character == " " else f"\\{ord(character):x} "
        for character in text
    )
    return f'"{escaped}"'
