"""The yearly report as a Word document: a title page, the contents, then each section's heading, the board
manager's narrative and the section's own figures (its write_word)."""

from io import BytesIO

from django.conf import settings
from docx import Document
from docx.enum.text import WD_BREAK

from ..models import YearlyReport
from .rendering import document_context, narrative_paragraphs


def render_docx(report: YearlyReport) -> bytes:
    document = Document()
    context = document_context(report)
    document.core_properties.title = report.title
    document.core_properties.author = settings.BOARD_NAME
    _title_page(document, context)
    for entry in context["entries"]:
        document.add_heading(entry.section.title, level=1)
        for paragraph in narrative_paragraphs(entry.narrative_text):
            document.add_paragraph(paragraph)
        entry.section.write_word(document, entry.figures)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _title_page(document, context: dict) -> None:
    document.add_heading(context["report"].title, level=0)
    document.add_paragraph(context["board_name"])
    document.add_paragraph(f"Business plan {context['plan'].title}")
    if context["generated_on"]:
        document.add_paragraph(f"Figures as generated on {context['generated_on']}")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_heading("Contents", level=1)
    for number, entry in enumerate(context["entries"], start=1):
        document.add_paragraph(f"{number}. {entry.section.title}")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
