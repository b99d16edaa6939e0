"""Importing a Word plan: what its cells say (progress, bullets, ratings, impact, leads, targets, rounds).

The plan is in the committee layout (aims, objectives and actions); the other layouts read cells the same way.
"""

from datetime import date

import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from objectives.models import Action, PlanShape, ProgressRound, ProgressUpdate
from tests.objectives.import_files import Bullet, WordPlan, import_errors
from tests.objectives.word_plans import imported, one_action_plan, read_word_rows

pytestmark = pytest.mark.django_db


def test_paragraphs_bullets_and_line_breaks_become_the_progress_text(tmp_path):
    progress = [
        "The audit of 40 cases found:",
        Bullet("fewer repeat referrals"),
        Bullet("quicker strategy meetings", by_numbering=True),
        "",
        "Next: a second audit\nin the spring.",
        "• a bullet typed by hand",
    ]
    imported(tmp_path, one_action_plan("Audit", progress))

    assert ProgressUpdate.objects.get().progress == (
        "The audit of 40 cases found:\n\n"
        "- fewer repeat referrals\n"
        "- quicker strategy meetings\n\n"
        "Next: a second audit\nin the spring.\n\n"
        "- a bullet typed by hand"
    )


@pytest.mark.parametrize(
    ("lines", "rag"),
    [
        (["Done", "RAG: Amber"], ProgressUpdate.Rag.AMBER),
        (["Done", "RAG rating – Red"], ProgressUpdate.Rag.RED),
        (["Done", "Status: Green"], ProgressUpdate.Rag.GREEN),
        (["Done", "Complete"], ProgressUpdate.Rag.COMPLETE),
        (["Done\nNot started"], ProgressUpdate.Rag.NOT_STARTED),
        (["Done", "RAG Green"], ProgressUpdate.Rag.GREEN),
    ],
)
def test_a_rag_line_in_the_progress_gives_the_rag_and_leaves_the_text(tmp_path, lines, rag):
    imported(tmp_path, one_action_plan("Audit", lines))

    update = ProgressUpdate.objects.get()
    assert (update.progress, update.rag) == ("Done", rag)


@pytest.mark.parametrize("line", ["Status: awaiting the data", "RAG rated by the panel in March"])
def test_a_line_that_states_no_rag_stays_in_the_progress_and_the_rating_blank(tmp_path, line):
    imported(tmp_path, one_action_plan("Audit", [line]))

    update = ProgressUpdate.objects.get()
    assert (update.progress, update.rag) == (line, "")


def test_a_rag_line_that_names_no_rag_is_reported(tmp_path):
    errors = import_errors(one_action_plan("Audit", ["Done", "RAG: purple"]).save(tmp_path / "plan.docx"))

    assert "Table 1, row 3, rating: “purple” is not a rating on this plan’s scale" in errors


@pytest.mark.parametrize(("cell", "rag"), [("A", ProgressUpdate.Rag.AMBER), ("RAG: Red", ProgressUpdate.Rag.RED)])
def test_a_rag_column_gives_the_rag(tmp_path, cell, rag):
    header = ("Ref", "Action", "Progress report December 2025", "RAG")

    imported(tmp_path, one_action_plan("Audit", ["Done", "RAG: Green"], cell, header=header))

    assert ProgressUpdate.objects.get().rag == rag


def test_each_rag_column_belongs_to_the_progress_column_before_it(tmp_path):
    header = ("Ref", "Action", "Progress report September 2025", "RAG", "Progress report December 2025", "RAG")

    imported(tmp_path, one_action_plan("Audit", "Planned", "Red", "Done", "Green", header=header))

    assert list(ProgressUpdate.objects.order_by("round__as_of").values_list("rag", flat=True)) == [
        ProgressUpdate.Rag.RED,
        ProgressUpdate.Rag.GREEN,
    ]


def test_an_impact_line_starts_the_evidence_of_impact(tmp_path):
    imported(tmp_path, one_action_plan("Audit", ["Done", "Impact: repeat referrals down from 24% to 17%", "More"]))

    update = ProgressUpdate.objects.get()
    assert (update.progress, update.impact) == ("Done", "repeat referrals down from 24% to 17%\n\nMore")


def test_lead_and_target_lines_in_the_action_cell_are_read(tmp_path):
    imported(tmp_path, one_action_plan(["Extend the audit", "Lead: Police; Health", "Target: March 2026"], "Done"))

    action = Action.objects.get()
    assert action.text == "Extend the audit"
    assert sorted(action.lead_agencies.values_list("name", flat=True)) == ["Health", "Police"]
    assert (action.target_on, action.target_is_month) == (date(2026, 3, 31), True)


def test_lead_agency_and_target_columns_are_read(tmp_path):
    header = ("Ref", "Action", "Lead agency", "Target date", "Progress report December 2025")

    imported(tmp_path, one_action_plan("Audit", ["Police", "Health"], "31/01/2026", "Done", header=header))

    action = Action.objects.get()
    assert sorted(action.lead_agencies.values_list("name", flat=True)) == ["Health", "Police"]
    assert (action.target_on, action.target_is_month) == (date(2026, 1, 31), False)


def test_two_progress_columns_give_two_rounds(tmp_path):
    header = ("Ref", "Action", "Progress report September 2025", "Progress report December 2025")

    imported(tmp_path, one_action_plan("Audit", "Planned", "Done", header=header))

    assert list(ProgressUpdate.objects.order_by("round__as_of").values_list("round__as_of", "progress")) == [
        (date(2025, 9, 30), "Planned"),
        (date(2025, 12, 31), "Done"),
    ]


def test_a_progress_column_without_a_month_takes_the_documents_round(tmp_path):
    word_plan = WordPlan().paragraph("Progress report March 2026", style="Title").paragraph("Aim 1: Safe")
    word_plan.table(["1.1.1", "Audit", "Done"], objective=("Obj 1.1", "Lives"), header=("Ref", "Action", "Progress"))

    imported(tmp_path, word_plan)

    assert ProgressRound.objects.get().as_of == date(2026, 3, 31)


def test_a_row_that_starts_a_column_late_keeps_its_cells_in_their_columns(tmp_path):
    word_plan = one_action_plan("Audit", "Done")
    row = word_plan.document.tables[0].add_row()
    row.cells[2].text = "More, over the page."
    # Word writes a row that leaves out its first cell with <w:gridBefore>, so the others keep their columns.
    row._tr.remove(row._tr.tc_lst[0])
    grid_before = OxmlElement("w:gridBefore")
    grid_before.set(qn("w:val"), "1")
    row._tr.get_or_add_trPr().append(grid_before)

    imported(tmp_path, word_plan)

    assert ProgressUpdate.objects.get().progress == "Done\n\nMore, over the page."


def test_a_lead_officer_column_is_the_lead_officer_not_a_lead_agency():
    header = ("Ref", "Action", "Lead officer", "Progress report December 2025")

    (row,) = read_word_rows(one_action_plan("Audit", "Sam Officer", "Done", header=header), PlanShape.TREE)

    assert (row["lead_officer"], row["lead_agency"], row["progress"]) == ("Sam Officer", "", "Done")


@pytest.mark.parametrize("heading", ["Lead", "Responsibility", "Lead/Responsibility", "Responsible"])
def test_a_lead_or_responsibility_column_is_the_responsibility_in_words(heading):
    header = ("Ref", "Action", heading, "Progress report December 2025")

    (row,) = read_word_rows(one_action_plan("Audit", ["Chair", "DCS"], "Done", header=header), PlanShape.TREE)

    assert (row["responsibility"], row["lead_agency"]) == ("Chair; DCS", "")


def test_a_success_measure_column_keeps_its_paragraphs():
    header = ("Ref", "Action", "Success measures", "Progress report December 2025")
    word_plan = one_action_plan("Audit", ["Fewer repeat referrals", Bullet("under 17%")], "Done", header=header)

    (row,) = read_word_rows(word_plan, PlanShape.TREE)

    assert row["success_measure"] == "Fewer repeat referrals\n\n- under 17%"


def test_a_timescale_in_words_goes_to_the_target_date_for_the_checker_to_keep_as_text():
    header = ("Ref", "Action", "Timescale", "Progress report December 2025")
    word_plan = one_action_plan("Audit", "Across financial year 2025/26", "Done", header=header)

    (row,) = read_word_rows(word_plan, PlanShape.TREE)

    assert row["target_date"] == "Across financial year 2025/26"


def test_tracked_insertions_are_read_and_deletions_left_out(tmp_path):
    word_plan = one_action_plan("Audit", "Done")
    paragraph = word_plan.document.tables[0].rows[2].cells[1].paragraphs[0]._p
    inserted, deleted = OxmlElement("w:ins"), OxmlElement("w:del")
    inserted.append(_run(" and publish", "w:t"))
    deleted.append(_run(" and forget", "w:delText"))
    paragraph.append(inserted)
    paragraph.append(deleted)

    imported(tmp_path, word_plan)

    assert Action.objects.get().text == "Audit and publish"


def _run(text: str, tag: str):
    run, element = OxmlElement("w:r"), OxmlElement(tag)
    element.text = text
    element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.append(element)
    return run


def test_an_evidence_of_impact_column_gives_the_impact(tmp_path):
    header = ("Ref", "Action", "Progress report December 2025", "Evidence of impact")

    imported(
        tmp_path, one_action_plan("Audit", "Done", ["Fewer repeat referrals", Bullet("24% to 17%")], header=header)
    )

    update = ProgressUpdate.objects.get()
    assert (update.progress, update.impact) == ("Done", "Fewer repeat referrals\n\n- 24% to 17%")


def test_owner_timescale_and_success_measure_columns_reach_the_action(tmp_path):
    header = ("Ref", "Action", "Lead", "Lead officer", "Timescale", "Success measure", "Progress report December 2025")
    cells = ("Audit", "Chair / DCS", "Sam Officer", "Across financial year 2025/26", "All cases audited", "Done")

    imported(tmp_path, one_action_plan(*cells, header=header))

    action = Action.objects.get()
    assert (action.responsibility, action.lead_officer, action.timescale, action.target_on) == (
        "Chair / DCS",
        "Sam Officer",
        "Across financial year 2025/26",
        None,
    )
    assert (action.success_measure, action.lead_agencies.exists()) == ("All cases audited", False)
