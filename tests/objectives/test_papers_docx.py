"""The committee paper as a Word document, read back with python-docx."""

import zipfile
from datetime import date
from http import HTTPStatus
from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.table import Table
from docx.text.paragraph import Paragraph

from core.responses import ascii_file_name
from objectives.paper import sections
from objectives.paper.build import build_paper
from objectives.paper.snapshot import PaperAim, PaperObjective, PaperSection
from objectives.paper.word import render_word
from tests.factories import (
    ActionFactory,
    AimFactory,
    BusinessPlanFactory,
    ObjectiveFactory,
    ProgressRoundFactory,
    ProgressUpdateFactory,
    UserFactory,
)
from tests.objectives.paper_reading import plan_tables
from tests.objectives.paper_samples import ROUND_LABEL, changed_paper, long_paper, row

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _open(content: bytes):
    return Document(BytesIO(content))


def _paragraphs(document) -> list[Paragraph]:
    """Every paragraph in reading order, including those inside table cells (each merged cell once)."""
    found = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            found.append(Paragraph(element, document))
        elif element.tag == qn("w:tbl"):
            for table_row in Table(element, document).rows:
                for cell in table_row._tr.tc_lst:
                    found.extend(Paragraph(p, document) for p in cell.iterchildren(qn("w:p")))
    return found


def _texts(document) -> list[str]:
    return [paragraph.text for paragraph in _paragraphs(document) if paragraph.text]


def _fragments(text: str) -> list[str]:
    return [line.strip().removeprefix("- ") for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def paper():
    return long_paper()


@pytest.fixture(scope="module")
def document(paper):
    return _open(render_word(paper))


def test_word_has_every_ref_action_and_progress_text_whole_and_in_order(document, paper):
    texts = iter(_texts(document))
    for paper_row in paper.rows:
        for expected in [paper_row.ref, paper_row.text, *_fragments(paper_row.progress), paper_row.impact]:
            # Each is a paragraph of its own, found whole, after the one before it.
            assert any(text == expected for text in texts), f"{expected!r} is missing or out of order"


def test_word_page_is_a4_landscape_with_margins(document):
    section = document.sections[0]

    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    assert round(section.left_margin.mm) == round(section.right_margin.mm) == 12


def test_word_has_a_table_per_objective_with_two_header_rows_repeated_on_each_page(document, paper):
    objectives = [objective for aim in paper.aims for objective in aim.objectives]

    assert len(plan_tables(document.tables)) == len(objectives)
    for table, objective in zip(plan_tables(document.tables), objectives, strict=True):
        header_rows = [
            table_row._tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None for table_row in table.rows[:2]
        ]
        assert header_rows == [True, True]
        assert all(table_row._tr.xpath("./w:trPr/w:tblHeader") == [] for table_row in table.rows[2:])
        assert [cell.text for cell in table.rows[0].cells] == [f"Obj {objective.ref}", objective.title, objective.title]
        assert [cell.text for cell in table.rows[1].cells] == ["Ref", "Action", ROUND_LABEL]
        assert len(table.rows) == 2 + len(objective.rows)


def test_word_objective_row_spans_action_and_progress(document):
    objective_row = plan_tables(document.tables)[0].rows[0]._tr

    assert [cell.grid_span for cell in objective_row.tc_lst] == [1, 2]


def test_word_columns_share_the_width_like_the_page(document):
    widths = [column.width for column in plan_tables(document.tables)[0].columns]

    assert [round(100 * width / sum(widths)) for width in widths] == [8, 32, 60]
    assert abs(Mm(273) - sum(widths)) < Mm(1)


def test_word_aims_are_real_headings_under_the_title(document):
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name in ("Title", "Heading 1")]

    assert headings == [
        ("Title", "Business plan 2025/26: Progress report December 2025"),
        ("Heading 1", "At a glance"),
        ("Heading 1", "Aim 1: Aim title 1"),
        ("Heading 1", "Aim 2: Aim title 2"),
    ]


def test_word_cover_names_board_committee_dates_and_author(document):
    assert _texts(document)[:6] == [
        "Eastmere Safeguarding Children Partnership",
        "Report to the Children's Scrutiny Committee",
        "Business plan 2025/26: Progress report December 2025",
        "Progress as of: 31 December 2025",
        "Produced: 15 January 2026",
        "Author: Alex Marlowe",
    ]


def test_word_footer_numbers_pages_and_names_board_and_committee(document):
    footer = document.sections[0].footer.paragraphs[0]

    instructions = [text.strip() for text in footer._p.xpath(".//w:instrText/text()")]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert footer.text.startswith(
        "Eastmere Safeguarding Children Partnership – Report to the Children's Scrutiny Committee\tPage "
    )
    assert footer.text.endswith(" of 1")


def test_word_keeps_bullets_as_bulleted_list_paragraphs(document):
    bullets = {
        "audit 1.1.1 found 18 of 20 cases with the child's voice recorded",
        "the re-audit of 1.1.1 is booked for March",
    }

    paragraphs = [paragraph for paragraph in _paragraphs(document) if paragraph.text in bullets]

    assert [paragraph.style.name for paragraph in paragraphs] == ["List Bullet", "List Bullet"]


def test_word_keeps_line_breaks_within_a_paragraph():
    paper = long_paper(
        aims=(
            PaperAim(
                1, "Aim", (PaperObjective("1.1", "Objective", (row("1.1.1", progress="One line\nand the next"),)),)
            ),
        )
    )

    texts = _texts(_open(render_word(paper)))

    assert "One line\nand the next" in texts


def test_word_says_the_rag_in_words_with_shading(document):
    progress_cell = plan_tables(document.tables)[0].rows[2].cells[2]

    first = progress_cell.paragraphs[0]
    assert first.text.strip() == "RAG: Amber"
    assert first.runs[1]._r.xpath("./w:rPr/w:shd/@w:fill") == ["FFBF47"]


def test_word_marks_changes_in_words_and_summarises_them_on_the_cover():
    document = _open(render_word(changed_paper()))

    texts = _texts(document)
    assert "Since the report published on 3 October 2025: 1 new action, 1 RAG change, 1 new progress text." in texts
    table = plan_tables(document.tables)[0]
    progress_cells = [table_row.cells[2].paragraphs[0].text for table_row in table.rows[2:]]
    assert progress_cells == ["New action", "RAG changed from Amber to Green; New progress", "RAG: Amber "]


def test_word_shows_typed_html_as_text():
    paper = long_paper(
        aims=(
            PaperAim(
                1,
                "Aim",
                (PaperObjective("1.1", "Objective", (row("1.1.1", progress="<script>alert('x')</script> &amp;"),)),),
            ),
        )
    )

    assert "<script>alert('x')</script> &amp;" in _texts(_open(render_word(paper)))


def test_word_document_properties_name_the_report_and_its_author(document):
    properties = document.core_properties

    assert properties.title == "Business plan 2025/26: Progress report December 2025"
    assert properties.author == "Alex Marlowe"
    assert properties.created.date() == date(2026, 1, 15)


def test_word_file_is_british_english_in_arial(document):
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))

    assert defaults.find(qn("w:lang")).get(qn("w:val")) == "en-GB"
    assert dict(defaults.find(qn("w:rFonts")).attrib) == {
        qn("w:ascii"): "Arial",
        qn("w:hAnsi"): "Arial",
        qn("w:cs"): "Arial",
    }
    assert document.styles["Heading 1"].element.rPr.rFonts.get(qn("w:asciiTheme")) is None


def test_word_file_carries_no_thumbnail_of_another_document(paper):
    names = zipfile.ZipFile(BytesIO(render_word(paper))).namelist()

    assert "word/document.xml" in names
    assert not [name for name in names if "thumbnail" in name]


def test_the_same_paper_gives_the_same_word_bytes(paper):
    assert render_word(paper) == render_word(paper)


# Sections after the objectives: case reviews, CDOP and training join here later.


@pytest.fixture
def case_reviews_section(monkeypatch):
    # A copy of the registry for this test alone, so the reviews app's real "case_reviews" section is back after it.
    monkeypatch.setattr(sections, "_REGISTERED", dict(sections._REGISTERED))

    def build(*, plan, progress_round):
        return PaperSection(kind="case_reviews", title="Case reviews", data={"reviews": ["Child S", "Child T"]})

    def write_word(document, section):
        document.add_heading(section.title, level=1)
        for name in section.data["reviews"]:
            document.add_paragraph(f"Review: {name}")

    sections.register(
        sections.SectionType(
            kind="case_reviews", build=build, template_name=sections.FALLBACK_TEMPLATE, write_word=write_word
        )
    )


@pytest.mark.django_db
def test_a_registered_section_follows_the_objectives_in_the_word_file(case_reviews_section):
    progress_round = ProgressRoundFactory(plan=BusinessPlanFactory())
    ObjectiveFactory(aim=AimFactory(plan=progress_round.plan, number=1), ref="1.1")

    texts = _texts(_open(render_word(build_paper(progress_round=progress_round, author=""))))

    assert texts[-4:] == ["No actions", "Case reviews", "Review: Child S", "Review: Child T"]


def test_a_section_nobody_registers_still_shows_its_title():
    paper = long_paper(sections=(PaperSection(kind="training", title="Training"),))

    assert _texts(_open(render_word(paper)))[-1] == "Training"


# Downloading it from the report page


@pytest.fixture
def december(db):
    # The three columns papers printed before plans chose theirs; test_paper_shapes.py covers the others.
    plan = BusinessPlanFactory(title="2025/26", report_columns=["ref", "action", "progress"])
    progress_round = ProgressRoundFactory(plan=plan, as_of=date(2025, 12, 31))
    objective = ObjectiveFactory(aim=AimFactory(plan=plan, number=1), ref="1.1")
    for number in (1, 2, 10):
        ProgressUpdateFactory(
            action=ActionFactory(objective=objective, ref=f"1.1.{number}", text=f"Action text {number}"),
            round=progress_round,
            progress=f"Progress on {number}.",
        )
    return progress_round


def _docx_url(progress_round):
    return reverse("objectives:report_docx", args=[progress_round.plan_id, progress_round.pk])


def test_reader_downloads_the_word_file_with_the_plans_progress(reader_client, december):
    response = reader_client.get(_docx_url(december))

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == DOCX
    assert response["Content-Disposition"] == 'attachment; filename="2025-26 progress report December 2025.docx"'
    table = plan_tables(_open(response.content).tables)[0]
    rows = [[cell.text for cell in table_row.cells] for table_row in table.rows[2:]]
    assert [(ref, action) for ref, action, _ in rows] == [
        (f"1.1.{n}", f"Action text {n}\nLead: none named") for n in (1, 2, 10)
    ]
    assert [progress.splitlines()[-1] for _, _, progress in rows] == [f"Progress on {n}." for n in (1, 2, 10)]


def test_a_file_name_without_any_plain_letters_still_gets_an_ascii_name():
    assert ascii_file_name("Отчёт.docx") == "report.docx"


def test_word_download_is_forbidden_without_a_role(client, december):
    client.force_login(UserFactory(username="no.role"))

    response = client.get(_docx_url(december))

    assert response.status_code == HTTPStatus.FORBIDDEN


def test_word_download_is_not_found_for_a_round_of_another_plan(reader_client, december):
    response = reader_client.get(reverse("objectives:report_docx", args=[BusinessPlanFactory().pk, december.pk]))

    assert response.status_code == HTTPStatus.NOT_FOUND
