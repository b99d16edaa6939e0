"""The at-a-glance summary and exceptions in the Word file, before the plan table.

Drawn from the same Glance as the page and the PDF, in the Word paper's own tables (objectives.paper.word_tables), so
their header rows repeat on every page.
"""

from docx.enum.text import WD_ALIGN_PARAGRAPH

from .glance import Glance, glance_of
from .snapshot import Paper
from .word_parts import bold
from .word_tables import TEXT_WIDTH, finish, note, spacer, table

# The summary's name column; the figures share what is left, up to a tenth of the page each.
_NAME_SHARE = 0.28
_EXCEPTION_SHARES = (0.08, 0.40, 0.22, 0.30)


def write_glance(document, paper: Paper) -> None:
    """Append the paper's at-a-glance summary and exceptions."""
    glance = glance_of(paper)
    document.add_heading("At a glance", level=1)
    document.add_paragraph(glance.note)
    _counts(document, glance)
    document.add_heading("Exceptions", level=2)
    document.add_paragraph(glance.listed_for)
    if glance.exceptions:
        _exceptions(document, glance)
    else:
        note(document.add_paragraph(), glance.no_exceptions)


def _counts(document, glance: Glance) -> None:
    bold(document.add_paragraph(), glance.caption)
    figures = len(glance.headings) - 1
    figure_width = int(TEXT_WIDTH * min(0.1, (1 - _NAME_SHARE) / figures))
    widths = [int(TEXT_WIDTH * _NAME_SHARE)] + [figure_width] * figures
    counts = table(document, list(glance.headings), widths)
    for line in glance.lines:
        cells = counts.add_row().cells
        # Aims and the total stand out from the objectives under them, as on the page.
        name = cells[0].paragraphs[0].add_run(line.name)
        name.bold = line.kind != "objective"
        for cell, figure in zip(cells[1:], line.cells, strict=True):
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            cell.paragraphs[0].add_run(str(figure)).bold = line.kind == "total"
    finish(counts, widths)
    spacer(document)


def _exceptions(document, glance: Glance) -> None:
    bold(document.add_paragraph(), glance.exceptions_caption)
    widths = [int(TEXT_WIDTH * share) for share in _EXCEPTION_SHARES]
    listed = table(document, list(glance.exception_headings), widths)
    bullet_style = document.styles["List Bullet"].style_id
    for flagged in glance.exceptions:
        ref, action, lead, reasons = listed.add_row().cells
        bold(ref.paragraphs[0], flagged.ref)
        action.paragraphs[0].add_run(flagged.text)
        lead.paragraphs[0].add_run(flagged.lead)
        for index, reason in enumerate(flagged.reasons):
            paragraph = reasons.paragraphs[0] if index == 0 else reasons.add_paragraph()
            paragraph._p.style = bullet_style
            paragraph.add_run(reason)
    finish(listed, widths)
    spacer(document)
