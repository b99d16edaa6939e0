"""The committee paper laid out by Typst: every shape, the chosen columns, empty levels, sections, typed markup
printed as typed, and the tags a screen reader needs. Read back with pdftotext and pdfinfo (poppler-utils)."""

import re
import shutil
import subprocess

import pytest

from core.rating import OUTLINE
from objectives.paper.pdf import UnsafeTemplatePath, entry_source, render_pdf
from objectives.paper.snapshot import PaperAim, PaperObjective, PaperSection
from objectives.paper.typst_data import badge, row_badge
from tests.objectives.paper_samples import ROUND_LABEL, long_paper, row

MARKUP = 'Board #1 *not bold* $x$ "quoted" \\ <label> @ref _x_'


def _poppler(tool: str, pdf: bytes, tmp_path, *options: str) -> str:
    if not shutil.which(tool):
        pytest.skip(f"{tool} (apt-get install poppler-utils) is needed to read the PDF back")
    path = tmp_path / "paper.pdf"
    path.write_bytes(pdf)
    tail = ["-"] if tool == "pdftotext" else []
    return subprocess.run([tool, *options, str(path), *tail], capture_output=True, text=True, check=True).stdout


def _pages(pdf: bytes, tmp_path) -> list[str]:
    text = _poppler("pdftotext", pdf, tmp_path)
    return [" ".join(page.split()) for page in text.split("\f") if page.strip()]


def _text(pdf: bytes, tmp_path) -> str:
    return " ".join(_pages(pdf, tmp_path))


def _aims(count: int = 2) -> tuple[PaperAim, ...]:
    return tuple(
        PaperAim(
            str(number),
            f"Priority title {number}",
            (PaperObjective("", "", tuple(row(f"{number}.{index}") for index in (1, 2))),),
        )
        for number in range(1, count + 1)
    )


def test_typst_markup_in_the_names_is_printed_as_typed_on_every_page(tmp_path):
    paper = long_paper(board_name=MARKUP, committee_name=f"Committee {MARKUP}", plan_title="#set page(width: 1cm)")

    pages = _pages(render_pdf(paper), tmp_path)

    assert len(pages) > 1
    assert all(MARKUP in page and f"Report to the Committee {MARKUP}" in page for page in pages)
    assert all("Business plan #set page(width: 1cm): " in page for page in pages)


def test_the_pdf_is_tagged_titled_in_british_english_with_real_headings_and_header_cells(tmp_path):
    paper = long_paper()
    pdf = render_pdf(paper)

    info = _poppler("pdfinfo", pdf, tmp_path)
    assert re.search(r"Tagged:\s+yes", info)
    assert re.search(rf"Title:\s+{re.escape(paper.title)}", info)
    assert re.search(r"Author:\s+Alex Marlowe", info)
    assert "<rdf:li>en-GB</rdf:li>" in _poppler("pdfinfo", pdf, tmp_path, "-meta")
    structure = _poppler("pdfinfo", pdf, tmp_path, "-struct-text")
    assert f'H1 "{paper.title}"' in structure
    for heading in ("At a glance", "Aim 1: Aim title 1", "Aim 2: Aim title 2"):
        assert f'H2 "{heading}"' in structure
    assert 'H3 "Exceptions"' in structure
    # Each committee table's headings are header cells: the objective's row and the column headings.
    assert structure.count("TH") > 4 * 4


def test_a_two_level_plan_prints_each_top_level_over_one_table_without_objectives(tmp_path):
    paper = long_paper(shape="two-level", aim_name="Priority", aims=_aims())

    text = _text(render_pdf(paper), tmp_path)

    plan = text[text.index("Priority 1: Priority title 1 Ref") :]
    assert re.search(r"Priority 1: Priority title 1 Ref Action .*1\.1 .*1\.2 .*Priority 2: Priority title 2", plan)
    assert "Obj " not in plan


def test_a_list_plan_prints_one_table_of_every_action_in_its_own_words(tmp_path):
    paper = long_paper(shape="list", action_name="Recommendation", aims=_aims())

    text = _text(render_pdf(paper), tmp_path)

    plan = text[text.index(f"Ref Recommendation {ROUND_LABEL}") :]
    assert re.search(r"1\.1 .*1\.2 .*2\.1 .*2\.2", plan)
    assert "Priority title" not in plan
    assert "Obj " not in plan


def test_the_chosen_columns_have_their_headings_and_what_has_no_column_goes_under_the_action(tmp_path):
    paper = long_paper(
        columns=("ref", "action", "lead", "rating", "progress"),
        progress_heading="Update",
        aims=(PaperAim("1", "Aim", (PaperObjective("1.1", "Objective", (row("1.1.1", status="Withdrawn"),)),)),),
    )

    text = _text(render_pdf(paper), tmp_path)

    plan = text[text.index("Obj 1.1") :]
    assert "Ref Action Responsibility or lead Rating Update" in plan
    assert "Target: March 2026" in plan
    assert "Status: Withdrawn" in plan
    assert "Lead: Eastmere" not in plan


def test_empty_levels_are_said_in_the_plans_words(tmp_path):
    empty_tree = long_paper(
        aims=(
            PaperAim("1", "Aim with nothing", ()),
            PaperAim("2", "Aim with an empty objective", (PaperObjective("2.1", "Objective", ()),)),
        )
    )

    text = _text(render_pdf(empty_tree), tmp_path)
    nothing = _text(render_pdf(long_paper(aims=())), tmp_path)

    assert re.search(r"Aim 1: Aim with nothing No objectives", text)
    assert re.search(r"Obj 2\.1 Objective Ref Action .* No actions", text)
    assert "This business plan has no aims yet." in nothing


def test_a_section_of_a_kind_no_longer_registered_prints_its_title_after_the_plan(tmp_path):
    paper = long_paper(sections=(PaperSection(kind="minutes", title="Minutes of the panel", data={"x": 1}),))

    text = _text(render_pdf(paper), tmp_path)

    assert text.index("Minutes of the panel") > text.index("2.2.3 Action 2.2.3")


def test_the_entry_imports_only_plain_template_paths():
    assert '#import "/reviews/paper/reviews.typ" as section0' in entry_source(["/reviews/paper/reviews.typ"])
    for path in ['/a".typ', "/../etc/x.typ", "relative.typ", "/a.typ\n#panic()", "/a.typ\n"]:
        with pytest.raises(UnsafeTemplatePath):
            entry_source([path])


def test_a_pale_badge_is_outlined_and_a_colour_typst_cannot_read_prints_the_words_on_white():
    pale = row_badge(row("1.1.1", rag="", rag_label="Not started", rating_fill="F3F2F1", rating_text="0B0C0C"))
    odd = badge("Odd", 'red"); #panic(', "FFFFFF")

    assert (pale["label"], pale["border"]) == ("Not started", OUTLINE)
    assert odd == {"label": "Odd", "fill": "FFFFFF", "text": "1A1A1A", "border": OUTLINE}


def test_a_badge_of_any_colour_lays_out_in_its_words(tmp_path):
    rows = (row("1.1.1", rag="odd", rag_label="Odd level", rating_class="x", rating_fill="nonsense", rating_text="?"),)
    paper = long_paper(aims=(PaperAim("1", "Aim", (PaperObjective("1.1", "Objective", rows),)),))

    text = _text(render_pdf(paper), tmp_path)

    assert "early help Odd level" in text
