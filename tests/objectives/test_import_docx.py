"""Importing a Word plan in the committee layout, with import_plan; the files are built in each test."""

import zipfile
from datetime import date

import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from objectives.models import Action, Aim, BusinessPlan, Objective, ProgressRound, ProgressUpdate
from tests.objectives.import_files import Bullet, WordPlan, committee_plan, import_errors, run_import

pytestmark = pytest.mark.django_db

PROGRESS_ROW = ("Ref", "Action", "Progress report December 2025")


def imported(tmp_path, word_plan: WordPlan, plan="2025/26") -> BusinessPlan:
    run_import(word_plan.save(tmp_path / "plan.docx"), plan=plan)
    return BusinessPlan.objects.get(title=plan)


def one_action_plan(*cells, header=PROGRESS_ROW) -> WordPlan:
    return (
        WordPlan()
        .paragraph("Aim 1: Partners’ work keeps children safe")
        .table(["1.1.1", *cells], objective=("Obj 1.1", "Show how partners’ work improves lives"), header=header)
    )


def test_aims_objectives_and_actions_come_from_the_paragraphs_and_tables(tmp_path):
    plan = imported(tmp_path, committee_plan())

    assert list(Aim.objects.filter(plan=plan).values_list("number", "title")) == [
        (1, "Partners’ work keeps children safe"),
        (2, "Children know who to contact"),
    ]
    assert list(plan.objectives.in_ref_order().values_list("ref", "title", "aim__number")) == [
        ("1.1", "Show how partners’ work improves children’s lives", 1),
        ("1.2", "Hear children’s voices", 1),
        ("2.1", "Tell children where to get help", 2),
    ]
    assert list(plan.actions.in_ref_order().values_list("ref", "text", "objective__ref")) == [
        ("1.1.1", "Extend the multi-agency audit programme", "1.1"),
        ("1.1.2", "Publish the audit results", "1.1"),
        ("1.2.1", "Hear from children in every audit", "1.2"),
        ("2.1.1", "Publish a leaflet for children", "2.1"),
    ]


def test_the_progress_heading_names_the_round_as_of_the_months_last_day(tmp_path):
    plan = imported(tmp_path, committee_plan())

    assert list(plan.rounds.values_list("as_of", flat=True)) == [date(2025, 12, 31)]
    update = ProgressUpdate.objects.get(action__ref="1.1.1")
    assert (update.progress, update.round.as_of, update.state) == (
        "We audited 40 cases.",
        date(2025, 12, 31),
        ProgressUpdate.State.ACCEPTED,
    )


def test_the_command_summarises_a_word_plan(tmp_path):
    output = run_import(committee_plan().save(tmp_path / "plan.docx"))

    assert "Business plan 2025/26: created." in output
    assert "Actions: 4 created, 0 updated." in output
    assert "Progress updates: 4 created, 0 updated." in output


def test_importing_the_same_word_plan_again_changes_nothing(tmp_path):
    path = committee_plan().save(tmp_path / "plan.docx")
    run_import(path)

    output = run_import(path)

    assert "Actions: 0 created, 0 updated." in output
    assert "Progress updates: 0 created, 0 updated." in output


@pytest.mark.parametrize(
    "objective",
    [
        ("Obj 1.1", "Show how partners’ work improves lives"),
        ("Objective 1.1", "Show how partners’ work improves lives"),
        ("Obj 1.1: Show how partners’ work improves lives",),
        (["Obj 1.1", "Show how partners’ work improves lives"],),
    ],
    ids=["merged title cell", "objective spelled out", "one merged cell", "ref and title as paragraphs"],
)
def test_the_objective_row_gives_ref_and_title_however_the_cells_are_merged(tmp_path, objective):
    word_plan = WordPlan().paragraph("Aim 1: Safe").table(["1.1.1", "Audit", "Done"], objective=objective)

    imported(tmp_path, word_plan)

    assert list(Objective.objects.values_list("ref", "title")) == [("1.1", "Show how partners’ work improves lives")]


def test_an_objective_title_split_over_two_paragraphs_is_one_title(tmp_path):
    word_plan = (
        WordPlan()
        .paragraph("Aim 1: Safe")
        .table(["1.1.1", "Audit", "Done"], objective=("Obj 1.1", ["Show how partners’ work", "improves lives"]))
    )

    imported(tmp_path, word_plan)

    assert Objective.objects.get().title == "Show how partners’ work improves lives"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("Aim 1: Partners’ work keeps", "Heading 2"), ("Children Safe", "Heading 2")),
        (("Aim 1: Partners’ work keeps", None, True), ("Children Safe", None, True)),
        (("Aim 1: Partners’ work keeps", None), ("children safe", None)),
        (("Aim 1:", None), ("Partners’ work keeps children safe", None)),
    ],
    ids=["same heading style", "both bold", "goes on in lower case", "title on the next line"],
)
def test_an_aim_title_split_over_lines_is_joined(tmp_path, first, second):
    word_plan = WordPlan().paragraph(*first).paragraph(*second)
    word_plan.table(["1.1.1", "Audit", "Done"], objective=("Obj 1.1", "Lives"))

    imported(tmp_path, word_plan)

    assert Aim.objects.get().title.casefold() == "Partners’ work keeps children safe".casefold()


def test_a_paragraph_introducing_the_aim_is_not_part_of_its_title(tmp_path):
    word_plan = (
        WordPlan()
        .paragraph("Aim 1: Partners’ work keeps children safe", style="Heading 2")
        .paragraph("The quality assurance subgroup leads this aim.")
        .table(["1.1.1", "Audit", "Done"], objective=("Obj 1.1", "Lives"))
    )

    imported(tmp_path, word_plan)

    assert Aim.objects.get().title == "Partners’ work keeps children safe"


def test_empty_rows_and_paragraphs_are_skipped(tmp_path):
    word_plan = (
        WordPlan()
        .paragraph("")
        .paragraph("Aim 1: Safe")
        .paragraph("")
        .paragraph("   ")
        .table(
            ["", "", ""],
            ["1.1.1", "Audit", "Done"],
            ["", ["", ""], ""],
            ["1.1.2", "Publish", ""],
            objective=("Obj 1.1", "Lives"),
        )
        .paragraph("")
    )

    plan = imported(tmp_path, word_plan)

    assert list(plan.actions.in_ref_order().values_list("ref", "text")) == [("1.1.1", "Audit"), ("1.1.2", "Publish")]


@pytest.mark.parametrize("header", [PROGRESS_ROW, None], ids=["header repeated", "no header"])
def test_a_table_continued_on_the_next_page_keeps_to_its_objective(tmp_path, header):
    word_plan = (
        WordPlan()
        .paragraph("Aim 1: Safe")
        .table(["1.1.1", "Audit", "Done"], objective=("Obj 1.1", "Lives"))
        .paragraph("")
        .table(["1.1.2", "Publish", "Published"], ["1.1.10", "Review", "Planned"], header=header)
    )

    plan = imported(tmp_path, word_plan)

    assert list(plan.actions.in_ref_order().values_list("ref", "objective__ref")) == [
        ("1.1.1", "1.1"),
        ("1.1.2", "1.1"),
        ("1.1.10", "1.1"),
    ]
    assert ProgressUpdate.objects.get(action__ref="1.1.10").progress == "Planned"


def test_a_row_without_a_ref_carries_on_the_action_above(tmp_path):
    word_plan = (
        WordPlan()
        .paragraph("Aim 1: Safe")
        .table(["1.1.1", "Audit", "First half of the progress."], objective=("Obj 1.1", "Lives"))
        .table(["", "", "Second half, over the page."], header=None)
    )

    imported(tmp_path, word_plan)

    assert ProgressUpdate.objects.get().progress == "First half of the progress.\n\nSecond half, over the page."


def test_a_ref_merged_down_over_two_rows_is_one_action(tmp_path):
    word_plan = (
        WordPlan()
        .paragraph("Aim 1: Safe")
        .table(["1.1.1", "Audit", "First part"], ["", "", "Second part"], objective=("Obj 1.1", "Lives"))
    )
    table = word_plan.document.tables[0]
    table.cell(2, 0).merge(table.cell(3, 0))
    table.cell(2, 1).merge(table.cell(3, 1))

    imported(tmp_path, word_plan)

    action = Action.objects.get()
    assert (action.ref, action.text) == ("1.1.1", "Audit")
    assert action.progress_updates.get().progress == "First part\n\nSecond part"


def test_a_table_that_is_not_part_of_the_plan_is_ignored(tmp_path):
    word_plan = committee_plan().paragraph("Signed off").table(["Chair", "Helen Ashcombe"], header=("Role", "Name"))

    plan = imported(tmp_path, word_plan)

    assert plan.actions.count() == 4


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
def test_a_line_that_states_no_rag_stays_in_the_progress(tmp_path, line):
    imported(tmp_path, one_action_plan("Audit", [line]))

    update = ProgressUpdate.objects.get()
    assert (update.progress, update.rag) == (line, ProgressUpdate.Rag.NOT_STARTED)


def test_a_rag_line_that_names_no_rag_is_reported(tmp_path):
    errors = import_errors(one_action_plan("Audit", ["Done", "RAG: purple"]).save(tmp_path / "plan.docx"))

    assert "Table 1, row 3, rag: “purple” is not a RAG" in errors


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


def test_a_bad_row_names_its_table_and_row_and_nothing_is_imported(tmp_path):
    word_plan = (
        WordPlan()
        .paragraph("Aim 1: Safe")
        .table(["1.1.1", "Audit", "Done"], ["1.1.x", "Publish", "Done"], objective=("Obj 1.1", "Lives"))
    )

    errors = import_errors(word_plan.save(tmp_path / "plan.docx"))

    assert "Table 1, row 4, action: “1.1.x” is not a reference." in errors
    assert not Action.objects.exists()


def test_an_action_twice_names_where_it_was_first(tmp_path):
    word_plan = (
        WordPlan()
        .paragraph("Aim 1: Safe")
        .table(["1.1.1", "Audit", "Done"], objective=("Obj 1.1", "Lives"))
        .table(["1.1.1", "Audit again", "Done"], objective=("Obj 1.1", "Lives"))
    )

    errors = import_errors(word_plan.save(tmp_path / "plan.docx"))

    assert "Table 2, row 3, action: Action 1.1.1 already has progress for December 2025 on table 1, row 3." in errors


def test_an_objective_before_any_aim_is_refused(tmp_path):
    word_plan = WordPlan().table(["1.1.1", "Audit", "Done"], objective=("Obj 1.1", "Lives"))

    errors = import_errors(word_plan.save(tmp_path / "plan.docx"))

    assert "Table 1, row 3, aim: is empty; every row needs its aim number" in errors


def test_a_document_without_plan_tables_is_refused(tmp_path):
    word_plan = WordPlan().paragraph("Minutes of the board meeting").table(["Item", "Notes"], header=None)

    errors = import_errors(word_plan.save(tmp_path / "plan.docx"))

    assert errors.startswith("plan.docx has no plan tables: the import looks for “Aim 1: …” paragraphs")


def test_a_damaged_word_document_is_refused(tmp_path):
    path = tmp_path / "plan.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "not xml")

    errors = import_errors(path)

    assert errors.startswith("plan.docx is not a Word document that can be read: it is damaged")


def test_an_aim_may_be_a_row_of_the_table(tmp_path):
    word_plan = WordPlan().table(["1.1.1", "Audit", "Done"], objective=("Aim 1", "Partners’ work keeps children safe"))
    table = word_plan.document.tables[0]
    objective_row = table.add_row()
    objective_row.cells[0].text = "Obj 1.1"
    objective_row.cells[1].merge(objective_row.cells[2]).text = "Lives"
    # Move the objective row up, under the aim row.
    table.rows[0]._tr.addnext(objective_row._tr)

    imported(tmp_path, word_plan)

    action = Action.objects.select_related("objective__aim").get()
    assert (action.objective.aim.number, action.objective.aim.title) == (1, "Partners’ work keeps children safe")
    assert (action.objective.ref, action.objective.title) == ("1.1", "Lives")


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


def test_a_lead_officer_column_is_not_a_lead_agency(tmp_path):
    header = ("Ref", "Action", "Lead officer", "Progress report December 2025")

    imported(tmp_path, one_action_plan("Audit", "Sam Officer", "Done", header=header))

    assert not Action.objects.get().lead_agencies.exists()
    assert ProgressUpdate.objects.get().progress == "Done"


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
