"""Importing a Word plan in the committee layout (aims, objectives and actions), with import_plan.

The files are built in each test; test_import_docx_cells reads what the cells say, and the other layouts
have their own files (test_import_docx_list, test_import_docx_two_level).
"""

import zipfile
from datetime import date

import pytest

from objectives.importing.safety import FileProblem
from objectives.importing.word import read_docx
from objectives.models import Action, Aim, Objective, PlanShape, ProgressUpdate
from tests.objectives.import_files import WordPlan, committee_plan, import_errors, run_import
from tests.objectives.word_plans import (
    PROGRESS_ROW,
    header_of,
    imported,
    one_action_plan,
    priorities_plan,
    read_word_rows,
    recommendations_plan,
)

pytestmark = pytest.mark.django_db


def test_aims_objectives_and_actions_come_from_the_paragraphs_and_tables(tmp_path):
    plan = imported(tmp_path, committee_plan())

    assert list(Aim.objects.filter(plan=plan).values_list("number", "title")) == [
        ("1", "Partners’ work keeps children safe"),
        ("2", "Children know who to contact"),
    ]
    assert list(plan.objectives.in_ref_order().values_list("ref", "title", "aim__number")) == [
        ("1.1", "Show how partners’ work improves children’s lives", "1"),
        ("1.2", "Hear children’s voices", "1"),
        ("2.1", "Tell children where to get help", "2"),
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


def test_a_bad_row_names_its_table_and_row_and_nothing_is_imported(tmp_path):
    word_plan = (
        WordPlan()
        .paragraph("Aim 1: Safe")
        .table(["1.1.1", "Audit", "Done"], ["1.1.2 new", "Publish", "Done"], objective=("Obj 1.1", "Lives"))
    )

    errors = import_errors(word_plan.save(tmp_path / "plan.docx"))

    assert "Table 1, row 4, action: “1.1.2 new” is not a reference." in errors
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

    assert "Table 1, row 3, aim: is empty; every row needs its aim reference, such as 1 or 1a." in errors


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
    assert (action.objective.aim.number, action.objective.aim.title) == ("1", "Partners’ work keeps children safe")
    assert (action.objective.ref, action.objective.title) == ("1.1", "Lives")


def test_a_plan_of_aims_and_objectives_has_every_level_and_the_import_columns_a_document_can_give():
    assert header_of(committee_plan(), PlanShape.TREE) == (
        "aim",
        "aim_title",
        "strategic_lead",
        "objective",
        "objective_title",
        "action",
        "action_text",
        "lead_agency",
        "responsibility",
        "lead_officer",
        "target_date",
        "success_measure",
        "progress_date",
        "progress",
        "impact",
        "rating",
    )


def test_a_strategic_lead_under_an_aim_is_read(tmp_path):
    word_plan = committee_plan().paragraph("Aim 3: Learning", style="Heading 2")
    word_plan.paragraph("Strategic lead: Chair of the learning sub-group")
    word_plan.table(["3.1.1", "Run the audit", "Done"], objective=("Obj 3.1", "Learn from reviews"))

    plan = imported(tmp_path, word_plan)

    assert list(Aim.objects.filter(plan=plan).values_list("number", "strategic_lead")) == [
        ("1", ""),
        ("2", ""),
        ("3", "Chair of the learning sub-group"),
    ]


def test_refs_are_read_as_typed_and_need_not_nest(tmp_path):
    word_plan = (
        WordPlan()
        .paragraph("Aim P1: Safe")
        .table(["P1.a", "Audit", "Done"], ["CS-2/3", "Review", "Done"], objective=("Obj 7.1", "Lives"))
    )

    plan = imported(tmp_path, word_plan)

    assert list(plan.actions.in_ref_order().values_list("objective__aim__number", "objective__ref", "ref")) == [
        ("P1", "7.1", "CS-2/3"),
        ("P1", "7.1", "P1.a"),
    ]


def test_without_a_shape_a_document_with_no_plan_tables_hears_of_every_layout():
    word_plan = WordPlan().paragraph("Minutes of the board meeting").table(["Item", "Notes"], header=None)

    with pytest.raises(FileProblem) as raised:
        read_docx(word_plan.bytes(), "plan.docx")

    message = str(raised.value)
    assert message.startswith("plan.docx has no plan tables: the import looks for “Aim 1: …” paragraphs")
    assert "; or, for a plan of two levels, headings such as “Priority 1a: Early help”" in message
    assert "; or, for a numbered list, a table with a header row such as No | Recommendation" in message


@pytest.mark.parametrize(
    ("word_plan", "levels"),
    [
        (committee_plan(), {"aim", "objective"}),
        (priorities_plan(), {"aim"}),
        (recommendations_plan(), set()),
    ],
    ids=["tree", "two-level", "list"],
)
def test_without_a_shape_a_document_is_read_in_the_layout_it_has(word_plan, levels):
    header = read_docx(word_plan.bytes(), "plan.docx")[0].cells

    assert {"aim", "objective"} & set(header) == levels


def test_a_priority_word_in_an_actions_text_heads_nothing():
    word_plan = one_action_plan("Audit", "Done")
    word_plan.document.tables[0].add_row().cells[1].text = "Theme 2 Neglect is next"

    (row,) = read_word_rows(word_plan, PlanShape.TREE)

    assert (row["aim"], row["action_text"]) == ("1", "Audit\n\nTheme 2 Neglect is next")
