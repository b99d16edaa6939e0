"""The paper as a Word document: A4 landscape, one table per objective with repeating header rows."""

import zipfile
from datetime import datetime, time
from io import BytesIO

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from core.formats import long_date

from ..models.shapes import plural
from .layout import table_layout
from .sections import word_writer_for
from .snapshot import Paper, PaperAim, PaperRow
from .word_covering import write_appendix_heading, write_covering
from .word_glance import write_glance
from .word_indicators import write_indicators
from .word_parts import bold, rating_run
from .word_tables import (
    MARGIN,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    TEXT_WIDTH,
    action_row,
    action_table,
    column_widths,
    finish,
    merged_row,
    note,
)

FONT = "Arial"
# A zip entry's date would otherwise be the time of writing; a fixed one keeps the same paper the same bytes.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def render_word(paper: Paper) -> bytes:
    """The paper as .docx bytes; the same paper always gives the same bytes."""
    document = Document()
    writer = _Writer(document, paper)
    writer.page_setup()
    writer.cover()
    write_covering(document, paper)
    write_glance(document, paper)
    write_appendix_heading(document, paper)
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


class _Writer:
    def __init__(self, document, paper: Paper):
        self.document = document
        self.paper = paper
        # python-docx looks a style up among all styles on every use; naming its id once is much faster.
        self.bullet_style_id = document.styles["List Bullet"].style_id
        self.layout = table_layout(paper)

    def page_setup(self):
        self._styles()
        self._page()
        self._properties()

    def _styles(self):
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

    def _page(self):
        """A4 landscape, with the board and title in the header and "Page n of m" in the footer."""
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

    def _properties(self):
        paper = self.paper
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
        covering = paper.covering
        facts = [
            *(covering.cover_facts if covering else ()),
            ("Progress as of", long_date(paper.as_of)),
            ("Produced", long_date(paper.produced_on)),
        ]
        if paper.author:
            facts.append(("Author", paper.author))
        if covering and covering.contact:
            facts.append(("Contact", covering.contact))
        for label, value in facts:
            paragraph = self.document.add_paragraph()
            paragraph.add_run(f"{label}: ").bold = True
            paragraph.add_run(value)
        if paper.changes:
            self.document.add_paragraph().add_run(paper.changes.sentence).bold = True
        self._key()

    def _key(self):
        """The plan's rating key, each level shaded in its fill; none for a plan that rates nothing."""
        if not self.paper.printed_key:
            return
        key = self.document.add_paragraph()
        key.add_run(self.paper.key_title).bold = True
        for entry in self.paper.printed_key:
            item = self.document.add_paragraph()
            item._p.style = self.bullet_style_id
            rating_run(item, entry.label, entry.fill, entry.text)
            item.add_run(f" {entry.meaning}")

    def aims(self):
        """The committee table in the plan's shape: by aim and objective, by top level, or one list."""
        paper = self.paper
        if not paper.shows_aims:
            self._table(paper.rows)
            self._indicators(paper.indicators, "Indicators")
            return
        if not paper.aims:
            note(self.document.add_paragraph(), f"This business plan has no {plural(paper.aim_name).lower()} yet.")
        for aim in paper.aims:
            self._aim_heading(aim)
            if not paper.shows_objectives:
                self._table(aim.rows)
                self._indicators(aim.indicators, f"Indicators for {paper.aim_name} {aim.number}")
                continue
            if not aim.objectives:
                note(self.document.add_paragraph(), paper.none_of(paper.objective_name))
            for objective in aim.objectives:
                self._table(objective.rows, title=(f"{paper.objective_label} {objective.ref}", objective.title))
                self._indicators(objective.indicators, f"Indicators for {paper.objective_label} {objective.ref}")

    def _indicators(self, indicators, caption: str):
        write_indicators(self.document, indicators, caption=caption, rated=self.paper.is_rated)

    def _aim_heading(self, aim: PaperAim):
        self.document.add_heading(f"{self.paper.aim_name} {aim.number}: {aim.title}", level=1)
        if aim.strategic_lead:
            bold(self.document.add_paragraph(), f"Strategic lead: {aim.strategic_lead}")

    def _table(self, rows: list[PaperRow], *, title: tuple[str, str] | None = None):
        table = action_table(self.document, self.layout, title=title)
        for paper_row in rows:
            action_row(table, paper_row, self.bullet_style_id, self.layout)
        if not rows:
            note(merged_row(table).paragraphs[0], self.paper.none_of(self.paper.action_name))
        finish(table, column_widths(self.layout))
        # A paragraph between tables, or Word joins them into one.
        self.document.add_paragraph().paragraph_format.space_after = Pt(6)


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
