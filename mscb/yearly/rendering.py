"""The yearly report as a document: one context for the page, the standalone HTML file and the PDF, which all draw
`yearly/_report_body.html`; the PDF goes through the committee paper's own WeasyPrint path (static files only,
tagged PDF/UA-1)."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from weasyprint import CSS, HTML
from weasyprint.urls import path2url

from core.formats import display_name, long_date
from objectives.paper.html import STANDALONE_STYLESHEETS, _css_string, stylesheet_text
from objectives.paper.pdf import PDF_VARIANT, STATIC_FOLDER, StaticFilesOnly

from ..models import YearlyReport
from .selectors import report_sections


def document_context(report: YearlyReport) -> dict:
    """What the report body needs: its title, the board, when and by whom its figures were generated, its sections."""
    return {
        "report": report,
        "plan": report.plan,
        "board_name": settings.BOARD_NAME,
        "generated_on": long_date(timezone.localtime(report.generated_at)) if report.generated_at else "",
        "generated_by": display_name(report.generated_by, missing="") if report.generated_by_id else "",
        "entries": report_sections(report),
    }


def render_standalone_html(report: YearlyReport) -> str:
    """One HTML file with its styles inlined and no links out."""
    context = {**document_context(report), "report_css": mark_safe(stylesheet_text(STANDALONE_STYLESHEETS))}
    return render_to_string("yearly/report_standalone.html", context)


def render_pdf(report: YearlyReport) -> bytes:
    """The report as a tagged PDF, laid out on A4 portrait from the same body as the page."""
    return lay_out_pdf(pdf_html(report))


def pdf_html(report: YearlyReport) -> str:
    """The HTML the PDF is laid out from: quick to make, so publishing freezes it at once for the worker."""
    context = {**document_context(report), "page_css": _page_css(report)}
    return render_to_string("yearly/report_pdf.html", context)


def lay_out_pdf(html: str) -> bytes:
    """The slow part, WeasyPrint's layout: static files only, tagged PDF/UA-1."""
    fetcher = StaticFilesOnly()
    base_url = path2url(STATIC_FOLDER)
    stylesheet = CSS(string=stylesheet_text(STANDALONE_STYLESHEETS), base_url=base_url, url_fetcher=fetcher)
    return HTML(string=html, base_url=base_url, url_fetcher=fetcher).write_pdf(
        stylesheets=[stylesheet], pdf_variant=PDF_VARIANT
    )


def _page_css(report: YearlyReport):
    """The board and the title in the page margins, escaped as the paper's running heads are (no name can close
    the CSS string)."""
    heads = {"top-left": settings.BOARD_NAME, "bottom-left": report.title}
    rules = " ".join(f"@{box} {{ content: {_css_string(text)}; }}" for box, text in heads.items())
    return mark_safe(f"@page {{ {rules} }}")
