"""The committee paper as a PDF, read back with pdftotext and pdfinfo (poppler-utils)."""

import os
import re
import shutil
import subprocess
from datetime import date
from http import HTTPStatus

import pytest
from django.urls import reverse

from core.models import GeneratedFile
from objectives.models import ProgressUpdate
from objectives.paper.pdf import render_pdf
from objectives.paper.snapshot import PaperAim, PaperObjective, PaperSection
from tests.factories import (
    ActionFactory,
    AimFactory,
    BusinessPlanFactory,
    ObjectiveFactory,
    ProgressRoundFactory,
    ProgressUpdateFactory,
    UserFactory,
)
from tests.objectives.paper_samples import ROUND_LABEL, changed_paper, long_paper, row

# A progress text long enough to run over a page break, so the test sees it is never cut short.
VERY_LONG = "\n\n".join(
    f"Paragraph {number} of the long update: " + "Partners met and agreed. " * 40 for number in range(1, 9)
)


def _require_poppler():
    if shutil.which("pdftotext") and shutil.which("pdfinfo"):
        return
    reason = "pdftotext and pdfinfo (apt-get install poppler-utils) are needed to read the PDF back"
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


def _run(command: list[str], pdf: bytes, tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("pdf") / "paper.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        [*command, str(path), *(["-"] if command[0] == "pdftotext" else [])], capture_output=True, text=True, check=True
    ).stdout


def _pages(pdf: bytes, tmp_path_factory) -> list[str]:
    """Each page's text with its whitespace and line wrapping made single spaces."""
    text = _run(["pdftotext"], pdf, tmp_path_factory)
    return [" ".join(page.split()) for page in text.split("\f") if page.strip()]


def _body(pdf: bytes, tmp_path_factory, paper) -> str:
    """The pages' text run together, less what repeats on every page (running heads, page numbers,
    the repeated table headings), so a paragraph that crosses a page break reads whole."""
    text = _run(["pdftotext"], pdf, tmp_path_factory)
    furniture = {
        paper.board_name,
        paper.title,
        f"Report to the {paper.committee_name}",
        f"Produced {paper.produced_on.day} {paper.produced_on:%B %Y}",
        "Ref",
        "Action",
        paper.round_label,
    }
    furniture |= {f"Obj {objective.ref}" for aim in paper.aims for objective in aim.objectives}
    furniture |= {objective.title for aim in paper.aims for objective in aim.objectives}
    pages = []
    for page in text.split("\f"):
        lines = [line.strip() for line in page.splitlines()]
        kept = [line for line in lines if line and line not in furniture and not re.fullmatch(r"Page \d+ of \d+", line)]
        pages.append(" ".join(" ".join(kept).split()))
    return " ".join(pages)


def _fragments(text: str) -> list[str]:
    """A typed text as the lines a reader should find: bullets without their "- ", blank lines dropped."""
    return [" ".join(line.strip().removeprefix("- ").split()) for line in text.splitlines() if line.strip()]


def _assert_in_order(text: str, expected: list[str]):
    position = 0
    for fragment in expected:
        # A ref must stand alone: "1.1.1" is not found inside "1.1.10".
        pattern = (
            rf"(?<![\d.]){re.escape(fragment)}(?![\d])" if re.fullmatch(r"[\d.]+", fragment) else re.escape(fragment)
        )
        match = re.compile(pattern).search(text, position)
        assert match, f"{fragment!r} is missing, or out of order, after position {position}"
        position = match.end()


@pytest.fixture(scope="module")
def paper():
    aims = list(long_paper().aims)
    first_objective = aims[0].objectives[0]
    rows = list(first_objective.rows)
    rows[2] = row(rows[2].ref, progress=VERY_LONG, impact="Evidence of impact after the long update.")
    aims[0] = PaperAim(
        aims[0].number,
        aims[0].title,
        (PaperObjective(first_objective.ref, first_objective.title, tuple(rows)), *aims[0].objectives[1:]),
    )
    return long_paper(aims=tuple(aims))


@pytest.fixture(scope="module")
def pdf(paper):
    _require_poppler()
    return render_pdf(paper)


def test_pdf_has_every_ref_action_and_progress_text_whole_and_in_order(pdf, paper, tmp_path_factory):
    expected = []
    for paper_row in paper.rows:
        expected += [paper_row.ref, paper_row.text, *_fragments(paper_row.progress), *_fragments(paper_row.impact)]

    _assert_in_order(_body(pdf, tmp_path_factory, paper), expected)


def test_pdf_keeps_bullets_as_bullets(pdf, paper, tmp_path_factory):
    text = _body(pdf, tmp_path_factory, paper)

    assert "• audit 1.1.1 found 18 of 20 cases with the child's voice recorded • the re-audit of 1.1.1" in text


def test_pdf_is_a4_landscape_on_several_pages(pdf, tmp_path_factory):
    info = _run(["pdfinfo"], pdf, tmp_path_factory)

    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert (round(float(size[1])), round(float(size[2]))) == (842, 595)
    assert int(re.search(r"Pages:\s+(\d+)", info)[1]) > 3


def test_pdf_repeats_the_column_header_on_every_page(pdf, tmp_path_factory):
    text = _run(["pdftotext"], pdf, tmp_path_factory)
    pages = [{line.strip() for line in page.splitlines()} for page in text.split("\f") if page.strip()]

    # Each heading is a line of its own; the round's name also runs in the page head, inside a longer line. The
    # table starts after the cover and the at-a-glance summary.
    start = next(number for number, lines in enumerate(pages) if ROUND_LABEL in lines)
    assert len(pages[start:]) > 3
    assert all({"Ref", "Action", ROUND_LABEL} <= lines for lines in pages[start:])
    assert all(any(line.startswith("Obj ") for line in lines) for lines in pages[start:])


def test_pdf_numbers_every_page(pdf, tmp_path_factory):
    pages = _pages(pdf, tmp_path_factory)

    assert [re.search(r"Page (\d+) of (\d+)", page).groups() for page in pages] == [
        (str(number), str(len(pages))) for number in range(1, len(pages) + 1)
    ]


def test_pdf_names_board_committee_and_round_on_every_page(pdf, paper, tmp_path_factory):
    pages = _pages(pdf, tmp_path_factory)

    assert all(paper.board_name in page and "Report to the Children's Scrutiny Committee" in page for page in pages)
    assert all(f"Business plan 2025/26: {ROUND_LABEL}" in page for page in pages)


def test_pdf_starts_with_the_cover_block(pdf, tmp_path_factory):
    first_page = _pages(pdf, tmp_path_factory)[0]

    _assert_in_order(
        first_page,
        [
            "Eastmere Safeguarding Children Partnership Report to the Children's Scrutiny Committee",
            "Business plan 2025/26: Progress report December 2025",
            "Progress as of: 31 December 2025",
            "Produced: 15 January 2026",
            "Author: Alex Marlowe",
            "Aim 1: Aim title 1",
        ],
    )
    assert "RAG key" in first_page


def test_pdf_says_the_rag_in_words(pdf, tmp_path_factory):
    pages = _pages(pdf, tmp_path_factory)

    assert any(
        "1.1.1 Action 1.1.1: extend the multi-agency quality assurance framework to early help Amber" in page
        for page in pages
    )


def test_pdf_marks_changes_in_words_and_summarises_them_on_the_cover(tmp_path_factory):
    _require_poppler()
    paper = changed_paper()

    text = _body(render_pdf(paper), tmp_path_factory, paper)

    assert "Since the report published on 3 October 2025: 1 new action, 1 RAG change, 1 new progress text." in text
    first, second, third = (text[text.index(f"{ref} Action") :] for ref in ("1.1.1", "1.1.2", "1.1.3"))
    first, second = first[: -len(second)], second[: -len(third)]
    assert "New action" in first
    assert "RAG changed from Amber to Green" in second
    assert "New progress" in second
    assert "New" not in third
    assert "RAG changed" not in third


def test_pdf_shows_typed_html_as_text(tmp_path_factory):
    _require_poppler()
    paper = long_paper(
        aims=(
            PaperAim(
                1,
                "Aim",
                (
                    PaperObjective(
                        "1.1", "Objective", (row("1.1.1", progress="<script>alert('x')</script> <b>bold</b>"),)
                    ),
                ),
            ),
        )
    )

    text = " ".join(_pages(render_pdf(paper), tmp_path_factory))

    assert "<script>alert('x')</script> <b>bold</b>" in text


def test_pdf_shows_a_later_section_after_the_objectives(tmp_path_factory):
    _require_poppler()
    paper = changed_paper()
    paper = long_paper(aims=paper.aims, sections=(PaperSection(kind="case_reviews", title="Case reviews"),))

    text = " ".join(_pages(render_pdf(paper), tmp_path_factory))

    assert text.index("Case reviews") > text.index("1.1.3 Action 1.1.3")


def test_the_same_paper_gives_the_same_pdf_bytes(pdf, paper):
    assert render_pdf(paper) == pdf


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
            progress=f"First paragraph {number}.\n\n- bullet {number}",
        )
    return progress_round


def _pdf_url(progress_round):
    return reverse("objectives:report_pdf", args=[progress_round.plan_id, progress_round.pk])


def test_reader_downloads_the_pdf_with_the_plans_progress(reader_client, december, tmp_path_factory):
    _require_poppler()

    response = reader_client.get(_pdf_url(december))

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="2025-26 progress report December 2025.pdf"'
    text = " ".join(_pages(response.content, tmp_path_factory))
    _assert_in_order(text, [f"1.1.{n} Action text {n}" for n in (1, 2, 10)])
    _assert_in_order(text, [f"First paragraph {n}. • bullet {n}" for n in (1, 2, 10)])


def test_a_downloaded_pdf_is_kept_in_the_database_for_the_next_reader(reader_client, december):
    response = reader_client.get(_pdf_url(december))

    kept = GeneratedFile.objects.get(kind="committee-paper.pdf", source_label=f"round {december.pk}")
    assert (kept.status, bytes(kept.content)) == (GeneratedFile.Status.READY, response.content)


def test_pdf_download_shows_an_edit_made_since_the_last_download(reader_client, december, tmp_path_factory):
    _require_poppler()
    reader_client.get(_pdf_url(december))
    update = ProgressUpdate.objects.get(action__ref="1.1.2")
    update.progress = "Rewritten since the first download."
    update.save()

    response = reader_client.get(_pdf_url(december))

    assert "Rewritten since the first download." in " ".join(_pages(response.content, tmp_path_factory))


def test_pdf_download_gives_an_ascii_name_as_well_as_the_full_one(reader_client, december):
    december.plan.title = "2025/26 – révisé"
    december.plan.save()

    response = reader_client.get(_pdf_url(december))

    assert response["Content-Disposition"] == (
        'attachment; filename="2025-26 - revise progress report December 2025.pdf"; '
        "filename*=UTF-8''2025-26%20%E2%80%93%20r%C3%A9vis%C3%A9%20progress%20report%20December%202025.pdf"
    )


def test_pdf_download_is_forbidden_without_a_role(client, december):
    client.force_login(UserFactory(username="no.role"))

    response = client.get(_pdf_url(december))

    assert response.status_code == HTTPStatus.FORBIDDEN


def test_pdf_download_is_not_found_for_a_round_of_another_plan(reader_client, december):
    other_plan = BusinessPlanFactory()

    response = reader_client.get(reverse("objectives:report_pdf", args=[other_plan.pk, december.pk]))

    assert response.status_code == HTTPStatus.NOT_FOUND
