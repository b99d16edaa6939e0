"""The yearly report as a document: one context for the page, the standalone HTML file and the Word file, which
draw `yearly/_report_body.html` or follow it; the PDF is laid out by Typst (mscb/yearly/typst/report.typ) from JSON
data built from the same context, each section giving its own blocks (its `pdf_blocks`)."""

from datetime import date

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from core.formats import display_name, long_date
from core.typst_pdf import compile_pdf
from objectives.paper.html import STANDALONE_STYLESHEETS, stylesheet_text

from ..models import YearlyReport
from .selectors import report_sections
from .typst_parts import paragraph

# The PDF's layout; its data (pdf_data) is all it reads, and it imports its parts from beside it.
REPORT_TYP = settings.BASE_DIR / "mscb" / "yearly" / "typst" / "report.typ"


def document_context(report: YearlyReport) -> dict:
    """What the report body needs: its title, the board, when and by whom its figures were generated, its sections."""
    generated_on = long_date(timezone.localtime(report.generated_at)) if report.generated_at else ""
    generated_by = display_name(report.generated_by, missing="") if report.generated_by_id else ""
    return {
        "report": report,
        "plan": report.plan,
        "board_name": settings.BOARD_NAME,
        "generated_on": generated_on,
        "generated_by": generated_by,
        "introduction": _introduction(report, generated_on, generated_by),
        "entries": report_sections(report),
    }


def _introduction(report: YearlyReport, generated_on: str, generated_by: str) -> str:
    """ "Eastmere ... Partnership. Business plan 2025/26. Figures as generated on 1 April 2026 by Ann Smith." """
    text = f"{settings.BOARD_NAME}. Business plan {report.plan.title}."
    if generated_on:
        text += f" Figures as generated on {generated_on}" + (f" by {generated_by}" if generated_by else "") + "."
    return text


def render_standalone_html(report: YearlyReport) -> str:
    """One HTML file with its styles inlined and no links out."""
    context = {**document_context(report), "report_css": mark_safe(stylesheet_text(STANDALONE_STYLESHEETS))}
    return render_to_string("yearly/report_standalone.html", context)


def render_pdf(report: YearlyReport) -> bytes:
    """The report as a tagged PDF, laid out on A4 portrait from the same sections as the page."""
    return lay_out_pdf(pdf_data(report))


def pdf_data(report: YearlyReport) -> dict:
    """Everything the PDF prints, as JSON-ready text: quick to make, so publishing freezes it at once for the
    worker. `made_on`, the day the figures were generated, is the PDF's date, so the same report gives the same
    bytes."""
    context = document_context(report)
    made_on = timezone.localtime(report.generated_at).date() if report.generated_at else timezone.localdate()
    return {
        "made_on": made_on.isoformat(),
        "title": report.title,
        "board": context["board_name"],
        "introduction": context["introduction"],
        "sections": [
            {
                "title": entry.section.title,
                "narrative": [paragraph(text) for text in narrative_paragraphs(entry.narrative_text)],
                "blocks": entry.section.pdf_blocks(entry.figures),
            }
            for entry in context["entries"]
        ],
    }


def lay_out_pdf(data: dict) -> bytes:
    """The slower part, Typst's layout of `data` (pdf_data's): tagged PDF/UA-1."""
    return compile_pdf(REPORT_TYP.read_text(encoding="utf-8"), data, made_on=date.fromisoformat(data["made_on"]))


def narrative_paragraphs(text: str) -> list[str]:
    """The narrative's paragraphs, as typed: a blank line between them (a single newline breaks the line)."""
    return [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]
