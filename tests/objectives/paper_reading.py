"""Reading a round's committee paper back as a reader sees it: the page, the PDF's text and the Word file."""

import shutil
import subprocess
from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document
from docx.text.paragraph import Paragraph

from objectives.paper.glance import NO_UPDATE_THIS_ROUND, WHY_LISTED


def paper_page(client, progress_round) -> str:
    response = client.get(reverse("objectives:report", args=[progress_round.plan_id, progress_round.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    # The paper alone, not what every page has after <main> (the idle-session warning's dialog).
    return content[content.index('<article class="report-paper">') : content.index("</main>")]


def paper_pdf_text(client, progress_round, tmp_path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (apt-get install poppler-utils) is needed to read the PDF back")
    response = client.get(reverse("objectives:report_pdf", args=[progress_round.plan_id, progress_round.pk]))
    path = tmp_path / "paper.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())


def paper_word(client, progress_round):
    response = client.get(reverse("objectives:report_docx", args=[progress_round.plan_id, progress_round.pk]))
    document = Document(BytesIO(response.content))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    return paragraphs, tables


def in_order(text: str, fragments: list[str]) -> bool:
    """Each fragment found after the one before it (a name may appear earlier too, as in the at-a-glance table)."""
    position = 0
    for fragment in fragments:
        found = text.find(fragment, position)
        if found == -1:
            return False
        position = found + len(fragment)
    return True


def paper_word_text(client, progress_round) -> str:
    """The Word file's paragraphs and table rows (cells joined by " | ") in the order the document has them."""
    response = client.get(reverse("objectives:report_docx", args=[progress_round.plan_id, progress_round.pk]))
    lines = []
    for block in Document(BytesIO(response.content)).iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        else:
            lines.extend(" | ".join(cell.text for cell in row.cells) for row in block.rows)
    return "\n".join(lines)


# The at-a-glance summary comes before the plan table and names the same aims, objectives and actions first: a test of
# the plan table reads past it.


def without_glance(html: str) -> str:
    """The paper's page without its at-a-glance section."""
    start = html.find('<section class="report-section report-glance"')
    if start == -1:
        return html
    end = html.index("</section>", start) + len("</section>")
    return html[:start] + html[end:]


def after(text: str, marker: str) -> str:
    """The PDF's or Word file's text from `marker` on: a heading or heading row only the plan table has."""
    return text[text.index(marker) :]


def plan_tables(tables: list) -> list:
    """The Word file's tables but the at-a-glance summary and exceptions: as paper_word reads them or python-docx's."""
    return [table for table in tables if _last_heading(table) not in (NO_UPDATE_THIS_ROUND, WHY_LISTED)]


def _last_heading(table) -> str:
    first_row = table[0] if isinstance(table, list) else [cell.text for cell in table.rows[0].cells]
    return first_row[-1]
