"""The paper as a Word document: A4 landscape, one table per objective with repeating header rows."""

import re
import zipfile
from datetime import datetime, time
from html import unescape
from io import BytesIO

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from core.formats import long_date
from core.rating import PALETTE

from ..text import progress_html
from .sections import word_writer_for
from .snapshot import Paper, PaperObjective, PaperRow
from .word_parts import bold, rag_run, set_widths, shade_cell, shade_run

FONT = "Arial"
PAGE_WIDTH, PAGE_HEIGHT, MARGIN = Mm(297), Mm(210), Mm(12)
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
# Ref, Action, Progress: the same 8/32/60 split as the web page and the PDF.
COLUMN_WIDTHS = [int(TEXT_WIDTH * share) for share in (0.08, 0.32, 0.60)]
OBJECTIVE_FILL, COLUMN_FILL, CHANGE_FILL = "DBE4EE", "F3F2F1", "FFF2CC"
# A zip entry's date would otherwise be the time of writing; a fixed one keeps the same paper the same bytes.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_BLOCK = re.compile(r"<p>(.*?)</p>|<ul>(.*?)</ul>", re.DOTALL)
_ITEM = re.compile(r"<li>(.*?)</li>", re.DOTALL)


def render_word(paper: Paper) -> bytes:
    """The paper as .docx bytes; the same paper always gives the same bytes."""
    document = Document()
    writer = _Writer(document, paper)
    writer.page_setup()
    writer.cover()
    writer.aims()
    for section in paper.sections:
        write = word_writer_for(section)
        if write is None:
            document.add_heading(section.title, level=1)
        else:
            write(document, section)
    buffer = BytesIO()
    document.save(buffer)
    return _with_fixed_dates(buffer.getvalue())


def text_blocks(text: str) -> list[tuple[str, list[str]]]:
    """Progress text as ("paragraph", lines) and ("bullet", [item]) blocks.

    Read from progress_html, so Word and the web page agree on what is a paragraph and what a bullet.
    """
    blocks = []
    for match in _BLOCK.finditer(progress_html(text)):
        if match[1] is not None:
            blocks.append(("paragraph", [unescape(line) for line in match[1].split("<br>")]))
        else:
            blocks.extend(("bullet", [unescape(item)]) for item in _ITEM.findall(match[2]))
    return blocks


class _Writer:
    def __init__(self, document, paper: Paper):
        self.document = document
        self.paper = paper
        # python-docx looks a style up among all styles on every use; naming its id once is much faster.
        self.bullet_style_id = document.styles["List Bullet"].style_id

    def page_setup(self):
        styles = self.document.styles
        _document_defaults(styles)
        styles["Normal"].font.size = Pt(9)
        styles["Normal"].paragraph_format.space_after = Pt(3)
        for name in ("Title", "Heading 1", "Heading 2"):
            _use_font(styles[name].element.get_or_add_rPr())
            styles[name].font.color.rgb = RGBColor(0x1D, 0x3A, 0x5F)
        styles["Title"].font.size = Pt(20)
        styles["Heading 1"].font.size = Pt(13)
        for name in ("Header", "Footer"):
            tab_stops = styles[name].paragraph_format.tab_stops
            tab_stops.clear_all()
            tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)

        section = self.document.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        section.left_margin = section.right_margin = MARGIN
        section.top_margin = section.bottom_margin = Mm(16)
        section.header_distance = section.footer_distance = Mm(7)

        paper = self.paper
        header = section.header.paragraphs[0]
        header.add_run(f"{paper.board_name}\t{paper.title}").font.size = Pt(8)
        footer = section.footer.paragraphs[0]
        footer.add_run(f"{paper.board_name} – Report to the {paper.committee_name}\tPage ").font.size = Pt(8)
        _add_field(footer, "PAGE")
        footer.add_run(" of ").font.size = Pt(8)
        _add_field(footer, "NUMPAGES")

        # The blank template's thumbnail would show file browsers some other document.
        package_rels = self.document.part.package.rels
        for rel_id in [rel_id for rel_id, rel in package_rels.items() if rel.reltype == RT.THUMBNAIL]:
            del package_rels[rel_id]

        properties = self.document.core_properties
        properties.title = paper.title
        properties.subject = f"Report to the {paper.committee_name}"
        properties.author = paper.author or paper.board_name
        properties.last_modified_by = paper.author or paper.board_name
        properties.comments = ""
        properties.keywords = ""
        properties.revision = 1
        properties.created = properties.modified = datetime.combine(paper.produced_on, time())

    def cover(self):
        paper = self.paper
        board = self.document.add_paragraph()
        board.add_run(paper.board_name).bold = True
        self.document.add_paragraph(f"Report to the {paper.committee_name}")
        self.document.add_paragraph(paper.title, style="Title")
        facts = [
            ("Progress as of", long_date(paper.as_of)),
            ("Produced", long_date(paper.produced_on)),
        ]
        if paper.author:
            facts.append(("Author", paper.author))
        for label, value in facts:
            paragraph = self.document.add_paragraph()
            paragraph.add_run(f"{label}: ").bold = True
            paragraph.add_run(value)
        if paper.changes:
            self.document.add_paragraph().add_run(paper.changes.sentence).bold = True
        key = self.document.add_paragraph()
        key.add_run("RAG key").bold = True
        for rating in PALETTE:
            item = self.document.add_paragraph()
            item._p.style = self.bullet_style_id
            rag_run(item, rating.value, rating.label)
            item.add_run(f" {rating.meaning}")

    def aims(self):
        if not self.paper.aims:
            self._note(self.document.add_paragraph(), "This business plan has no aims yet.")
        for aim in self.paper.aims:
            self.document.add_heading(f"Aim {aim.number}: {aim.title}", level=1)
            if not aim.objectives:
                self._note(self.document.add_paragraph(), "No objectives")
            for objective in aim.objectives:
                self._objective_table(objective)
                # A paragraph between tables, or Word joins them into one.
                self.document.add_paragraph().paragraph_format.space_after = Pt(6)

    def _objective_table(self, objective: PaperObjective):
        table = self.document.add_table(rows=2, cols=3)
        table.style = self.document.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        for column, width in zip(table.columns, COLUMN_WIDTHS, strict=True):
            column.width = width

        objective_row, column_row = table.rows
        bold(objective_row.cells[0].paragraphs[0], f"Obj {objective.ref}")
        title_cell = objective_row.cells[1].merge(objective_row.cells[2])
        bold(title_cell.paragraphs[0], objective.title)
        for cell, heading in zip(column_row.cells, ["Ref", "Action", self.paper.round_label], strict=True):
            bold(cell.paragraphs[0], heading)
        for row, fill in ((objective_row, OBJECTIVE_FILL), (column_row, COLUMN_FILL)):
            # Both rows repeat at the top of every page the table runs onto.
            _row_property(row, "w:tblHeader")
            _row_property(row, "w:cantSplit")
            for cell in row.cells:
                shade_cell(cell, fill)

        for paper_row in objective.rows:
            self._action_row(table.add_row(), paper_row)
        if not objective.rows:
            cells = table.add_row().cells
            self._note(cells[0].merge(cells[2]).paragraphs[0], "No actions")
        for row in table.rows:
            set_widths(row, COLUMN_WIDTHS)

    def _action_row(self, row, paper_row: PaperRow):
        if paper_row.keep_together:
            _row_property(row, "w:cantSplit")
        ref_cell, action_cell, progress_cell = row.cells
        bold(ref_cell.paragraphs[0], paper_row.ref)

        self._blocks(action_cell, paper_row.text)
        meta = [f"Lead: {', '.join(paper_row.lead_agencies) or 'none named'}"]
        if paper_row.target:
            meta.append(f"Target: {paper_row.target}")
        if paper_row.status:
            meta.append(f"Status: {paper_row.status}")
        for line in meta:
            action_cell.add_paragraph().add_run(line).font.size = Pt(8)

        first = progress_cell.paragraphs[0]
        if paper_row.changes:
            run = first.add_run("; ".join(paper_row.changes))
            run.bold = True
            shade_run(run, CHANGE_FILL)
            first = progress_cell.add_paragraph()
        first.add_run("RAG:")
        rag_run(first, paper_row.rag, paper_row.rag_label)
        if paper_row.earlier_round:
            first.add_run(f"  From {paper_row.earlier_round}").italic = True
        if paper_row.has_update:
            self._blocks(progress_cell, paper_row.progress, first_unused=False)
            if paper_row.impact:
                bold(progress_cell.add_paragraph(), "Evidence of impact")
                self._blocks(progress_cell, paper_row.impact, first_unused=False)

    def _blocks(self, cell, text: str, first_unused: bool = True):
        """Write progress text into a cell: paragraphs with their line breaks, and real bulleted items."""
        for index, (kind, lines) in enumerate(text_blocks(text)):
            if first_unused and index == 0 and kind == "paragraph":
                paragraph = cell.paragraphs[0]
            else:
                paragraph = cell.add_paragraph()
                if kind == "bullet":
                    paragraph._p.style = self.bullet_style_id
            run = paragraph.add_run()
            for number, line in enumerate(lines):
                if number:
                    run.add_break()
                run.add_text(line)

    def _note(self, paragraph, text: str):
        paragraph.add_run(text).italic = True


def _document_defaults(styles):
    """Arial and British English for every style that does not say otherwise."""
    defaults = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _use_font(defaults)
    defaults.find(qn("w:lang")).set(qn("w:val"), "en-GB")


def _use_font(run_properties):
    # A theme font named in the template would win over the font named here, so it goes.
    fonts = run_properties.get_or_add_rFonts()
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attribute), FONT)


def _row_property(row, tag: str):
    row._tr.get_or_add_trPr().append(OxmlElement(tag))


def _add_field(paragraph, instruction: str):
    """A Word field such as PAGE or NUMPAGES, which Word fills in on every page."""
    parts = [("w:fldChar", "begin"), ("w:instrText", f" {instruction} "), ("w:fldChar", "separate")]
    for tag, value in parts:
        run = paragraph.add_run()
        run.font.size = Pt(8)
        element = OxmlElement(tag)
        if tag == "w:fldChar":
            element.set(qn("w:fldCharType"), value)
        else:
            element.set(qn("xml:space"), "preserve")
            element.text = value
        run._r.append(element)
    paragraph.add_run("1").font.size = Pt(8)
    end = paragraph.add_run()
    end.font.size = Pt(8)
    fld_char = OxmlElement("w:fldChar")
    fld_char.set(qn("w:fldCharType"), "end")
    end._r.append(fld_char)


def _with_fixed_dates(docx_bytes: bytes) -> bytes:
    source = zipfile.ZipFile(BytesIO(docx_bytes))
    output = BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_DATE)
            entry.external_attr = info.external_attr
            target.writestr(entry, source.read(info.filename), compress_type=zipfile.ZIP_DEFLATED)
    return output.getvalue()
