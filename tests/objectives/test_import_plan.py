"""The import_plan command: reading CSV and XLSX plans into the database.

Bad rows and bad files are in test_import_plan_errors.py; re-imports, dry runs and the plan itself
in test_import_plan_reimport.py. All three write their files with tests/objectives/import_files.py.
"""

from datetime import date, datetime

import pytest
from openpyxl import Workbook

from objectives.models import Action, Agency, Aim, BusinessPlan, Objective, ProgressRound, ProgressUpdate
from tests.factories import AgencyFactory, BusinessPlanFactory, ProgressRoundFactory
from tests.objectives.import_files import (
    DEFAULTS,
    HEADER,
    UNICODE_TEXT,
    import_errors,
    plan_row,
    rewrite_first_sheet,
    run_import,
    write_csv,
    write_xlsx,
)

pytestmark = pytest.mark.django_db


def test_csv_creates_the_aims_objectives_and_actions(tmp_path):
    path = write_csv(
        tmp_path / "plan.csv",
        [
            plan_row(action="1.1.1", action_text="Extend the audit programme"),
            plan_row(action="1.1.2", action_text="Publish the audit results", aim_title="", objective_title=""),
            plan_row(objective="1.2", objective_title="Hear children's voices", action="1.2.1", action_text="Survey"),
        ],
    )

    run_import(path)

    plan = BusinessPlan.objects.get(title="2025/26")
    assert list(plan.aims.values_list("number", "title")) == [("1", "Partners' work keeps children safe")]
    assert list(plan.objectives.in_ref_order().values_list("ref", "title", "aim__number")) == [
        ("1.1", "Show how partners' work improves children's lives", "1"),
        ("1.2", "Hear children's voices", "1"),
    ]
    assert list(plan.actions.in_ref_order().values_list("ref", "text", "objective__ref")) == [
        ("1.1.1", "Extend the audit programme", "1.1"),
        ("1.1.2", "Publish the audit results", "1.1"),
        ("1.2.1", "Survey", "1.2"),
    ]


def test_csv_summary_counts_what_was_created(tmp_path):
    path = write_csv(
        tmp_path / "plan.csv",
        [
            plan_row(action="1.1.1", lead_agency="Police", progress_date="December 2025", progress="Done", rag="Green"),
            plan_row(action="1.1.2"),
        ],
    )

    output = run_import(path)

    assert "Business plan 2025/26: created." in output
    assert "Agencies: 1 created, 0 updated." in output
    assert "Aims: 1 created, 0 updated." in output
    assert "Objectives: 1 created, 0 updated." in output
    assert "Actions: 2 created, 0 updated." in output
    assert "Progress rounds: 1 created, 0 updated." in output
    assert "Progress updates: 1 created, 0 updated." in output


def test_xlsx_creates_the_plan_with_progress(tmp_path):
    header = [*HEADER, "impact"]
    path = write_xlsx(
        tmp_path / "plan.xlsx",
        [
            plan_row(
                header,
                aim=1,
                lead_agency="Police",
                target_date=datetime(2026, 3, 31),
                progress_date="December 2025",
                progress="Audit done",
                rag="Amber",
                impact="Repeat referrals down from 24% to 17%",
            )
        ],
        header,
    )

    run_import(path)

    action = Action.objects.get(ref="1.1.1", plan__title="2025/26")
    assert action.text == DEFAULTS["action_text"]
    assert (action.target_on, action.target_is_month) == (date(2026, 3, 31), False)
    assert [agency.name for agency in action.lead_agencies.all()] == ["Police"]
    update = action.progress_updates.get()
    assert (update.progress, update.impact, update.rag) == (
        "Audit done",
        "Repeat referrals down from 24% to 17%",
        ProgressUpdate.Rag.AMBER,
    )
    assert update.round.as_of == date(2025, 12, 31)
    assert update.author is None


def test_xlsx_refs_typed_as_numbers_are_read_as_refs(tmp_path):
    path = write_xlsx(tmp_path / "plan.xlsx", [plan_row(aim=2, objective=2.1, action="2.1.3")])

    run_import(path)

    assert Objective.objects.get().ref == "2.1"
    assert Action.objects.get().objective.aim.number == "2"


def test_xlsx_whole_numbers_written_with_a_point_read_as_typed(tmp_path):
    path = write_xlsx(tmp_path / "plan.xlsx", [plan_row(aim=1, aim_title=2025)])
    rewrite_first_sheet(path, "<v>2025</v>", "<v>2025.0</v>")
    rewrite_first_sheet(path, "<v>1</v>", "<v>1.0</v>")

    run_import(path)

    assert (Aim.objects.get().number, Aim.objects.get().title) == ("1", "2025")


def test_xlsx_date_in_a_text_cell_reads_as_an_iso_date(tmp_path):
    path = write_xlsx(tmp_path / "plan.xlsx", [plan_row(action_text=datetime(2026, 3, 1))])

    run_import(path)

    assert Action.objects.get().text == "2026-03-01"


def test_xlsx_with_a_wrong_recorded_size_is_read_in_full(tmp_path):
    path = write_xlsx(tmp_path / "plan.xlsx", [plan_row(action="1.1.1"), plan_row(action="1.1.2")])
    rewrite_first_sheet(path, r'<dimension ref="A1:K3" ?/>', '<dimension ref="A1:A1" />')

    run_import(path)

    assert Action.objects.count() == 2


def test_xlsx_reads_the_first_sheet_even_when_another_is_active(tmp_path):
    workbook = Workbook()
    workbook.active.append(HEADER)
    workbook.active.append(plan_row(action="1.1.1"))
    notes = workbook.create_sheet("Notes")
    notes.append(["Not a plan"])
    workbook.active = notes
    path = tmp_path / "plan.xlsx"
    workbook.save(path)

    run_import(path)

    assert Action.objects.get().ref == "1.1.1"


def test_xlsx_date_shown_as_a_month_is_a_month_target(tmp_path):
    # Excel turns a typed "March 2026" into 1 March 2026 with a month-only format.
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(plan_row(target_date=datetime(2026, 3, 1)))
    sheet.cell(row=2, column=HEADER.index("target_date") + 1).number_format = "mmm-yy"
    path = tmp_path / "plan.xlsx"
    workbook.save(path)

    run_import(path)

    action = Action.objects.get()
    assert (action.target_on, action.target_is_month) == (date(2026, 3, 31), True)


def test_csv_with_a_byte_order_mark_reads_the_first_column(tmp_path):
    path = write_csv(tmp_path / "plan.csv", [plan_row()], encoding="utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")

    run_import(path)

    assert Aim.objects.get().number == "1"


def test_header_may_be_in_any_order_case_and_spacing(tmp_path):
    header = [
        " RAG",
        "Action_Text ",
        "ACTION",
        "Objective Title",
        "objective",
        "Aim",
        "aim_title",
        "Lead agency",
        "target_date",
        "PROGRESS_DATE",
        "progress",
    ]
    row = ["green", "Audit", "1.1.1", "Lives", "1.1", "1", "Safe", "Police", "March 2026", "2025-12", "Done"]
    path = write_csv(tmp_path / "plan.csv", [row], header=header)

    run_import(path)

    action = Action.objects.get()
    assert (action.ref, action.text, action.objective.title, action.objective.aim.title) == (
        "1.1.1",
        "Audit",
        "Lives",
        "Safe",
    )
    assert action.progress_updates.get().rag == ProgressUpdate.Rag.GREEN


def test_impact_column_is_optional(tmp_path):
    path = write_csv(tmp_path / "plan.csv", [plan_row(progress_date="2025-12", progress="Done")])

    run_import(path)

    assert ProgressUpdate.objects.get().impact == ""


def test_blank_rows_are_skipped(tmp_path):
    path = write_csv(tmp_path / "plan.csv", [plan_row(action="1.1.1"), [""] * len(HEADER), plan_row(action="1.1.2")])

    run_import(path)

    assert Action.objects.count() == 2


def test_several_lead_agencies_match_by_name_or_short_name_ignoring_case(tmp_path):
    police = AgencyFactory(name="Northshire Police", short_name="Police")
    council = AgencyFactory(name="Northshire Council", short_name="NC")
    path = write_csv(tmp_path / "plan.csv", [plan_row(lead_agency=" police ;NORTHSHIRE council; ")])

    output = run_import(path)

    assert set(Action.objects.get().lead_agencies.all()) == {police, council}
    assert Agency.objects.count() == 2
    assert "Created agency" not in output


def test_an_agencys_full_name_wins_over_another_agencys_short_name(tmp_path):
    police = AgencyFactory(name="Police", short_name="")
    AgencyFactory(name="Northshire Constabulary", short_name="Police")
    path = write_csv(tmp_path / "plan.csv", [plan_row(lead_agency="police")])

    run_import(path)

    assert list(Action.objects.get().lead_agencies.all()) == [police]


def test_an_unknown_lead_agency_is_created_once_and_reported(tmp_path):
    path = write_csv(
        tmp_path / "plan.csv",
        [
            plan_row(action="1.1.1", lead_agency="Youth Justice Service"),
            plan_row(action="1.1.2", lead_agency="youth justice service"),
        ],
    )

    output = run_import(path)

    agency = Agency.objects.get()
    assert agency.name == "Youth Justice Service"
    assert set(agency.led_actions.values_list("ref", flat=True)) == {"1.1.1", "1.1.2"}
    assert "Created agency: Youth Justice Service" in output


def test_an_agency_named_twice_in_one_cell_leads_once(tmp_path):
    path = write_csv(tmp_path / "plan.csv", [plan_row(lead_agency="Health; HEALTH")])

    run_import(path)

    assert list(Action.objects.get().lead_agencies.values_list("name", flat=True)) == ["Health"]


@pytest.mark.parametrize(
    ("cell", "target_on", "is_month"),
    [
        ("2026-03-31", date(2026, 3, 31), False),
        ("2026-03", date(2026, 3, 31), True),
        ("March 2026", date(2026, 3, 31), True),
    ],
)
def test_target_date_forms(tmp_path, cell, target_on, is_month):
    path = write_csv(tmp_path / "plan.csv", [plan_row(target_date=cell)])

    run_import(path)

    action = Action.objects.get()
    assert (action.target_on, action.target_is_month) == (target_on, is_month)


@pytest.mark.parametrize(
    ("cell", "as_of"),
    [
        ("2025-12-15", date(2025, 12, 15)),
        ("2025-12", date(2025, 12, 31)),
        ("December 2025", date(2025, 12, 31)),
    ],
)
def test_progress_date_forms_name_the_round(tmp_path, cell, as_of):
    path = write_csv(tmp_path / "plan.csv", [plan_row(progress_date=cell, progress="Done")])

    run_import(path)

    assert ProgressUpdate.objects.get().round.as_of == as_of


def test_a_round_is_created_for_each_new_progress_date(tmp_path):
    path = write_csv(
        tmp_path / "plan.csv",
        [
            plan_row(action="1.1.1", progress_date="September 2025", progress="Started"),
            plan_row(action="1.1.2", progress_date="December 2025", progress="Planned"),
            plan_row(action="1.1.3", progress_date="2025-12", progress="Done"),
        ],
    )

    run_import(path)

    assert sorted(ProgressRound.objects.values_list("as_of", flat=True)) == [date(2025, 9, 30), date(2025, 12, 31)]


def test_progress_goes_into_an_existing_round(tmp_path):
    plan = BusinessPlanFactory(title="2025/26")
    existing = ProgressRoundFactory(plan=plan, as_of=date(2025, 12, 31))
    path = write_csv(tmp_path / "plan.csv", [plan_row(progress_date="December 2025", progress="Done")])

    run_import(path)

    assert ProgressRound.objects.get() == existing
    assert ProgressUpdate.objects.get().round == existing


@pytest.mark.parametrize(
    ("cell", "rag"),
    [
        ("Amber", ProgressUpdate.Rag.AMBER),
        ("amber", ProgressUpdate.Rag.AMBER),
        ("RED", ProgressUpdate.Rag.RED),
        (" Green ", ProgressUpdate.Rag.GREEN),
        ("not started", ProgressUpdate.Rag.NOT_STARTED),
        ("Not Started", ProgressUpdate.Rag.NOT_STARTED),
        ("not_started", ProgressUpdate.Rag.NOT_STARTED),
        ("Complete", ProgressUpdate.Rag.COMPLETE),
        ("completed", ProgressUpdate.Rag.COMPLETE),
        ("Blue", ProgressUpdate.Rag.COMPLETE),
    ],
)
def test_rag_labels_and_values_in_any_case(tmp_path, cell, rag):
    path = write_csv(tmp_path / "plan.csv", [plan_row(progress_date="2025-12", rag=cell)])

    run_import(path)

    assert ProgressUpdate.objects.get().rag == rag


def test_progress_with_an_empty_rating_stays_unrated(tmp_path):
    path = write_csv(tmp_path / "plan.csv", [plan_row(progress_date="2025-12", progress="Planning has begun")])

    run_import(path)

    assert ProgressUpdate.objects.get().rag == ""


def test_a_progress_date_with_no_progress_records_nothing(tmp_path):
    path = write_csv(tmp_path / "plan.csv", [plan_row(progress_date="2025-12")])

    run_import(path)

    assert not ProgressUpdate.objects.exists()
    assert not ProgressRound.objects.exists()


def test_long_unicode_csv_cells_are_stored_unchanged(tmp_path):
    # Longer than the csv module's default field limit of 131,072 characters.
    long_text = UNICODE_TEXT + "x" * 200_000 + UNICODE_TEXT
    path = write_csv(
        tmp_path / "plan.csv", [plan_row(action_text=long_text, progress_date="2025-12", progress=long_text)]
    )

    run_import(path)

    assert Action.objects.get().text == long_text
    assert ProgressUpdate.objects.get().progress == long_text


def test_long_unicode_xlsx_cells_are_stored_unchanged(tmp_path):
    # A line break typed in Excel is a line feed alone; carriage returns are in the next test.
    text = UNICODE_TEXT.replace("\r\n", "\n")
    long_text = text + "y" * 12_000 + text
    header = [*HEADER, "impact"]
    path = write_xlsx(
        tmp_path / "plan.xlsx",
        [plan_row(header, action_text=long_text, progress_date="2025-12", impact=long_text)],
        header,
    )

    run_import(path)

    assert Action.objects.get().text == long_text
    assert ProgressUpdate.objects.get().impact == long_text


def test_xlsx_carriage_returns_written_as_excel_escapes_them_are_restored(tmp_path):
    # Excel stores a carriage return in a cell as _x000D_, and a literal "_x" as _x005F_x.
    path = write_xlsx(tmp_path / "plan.xlsx", [plan_row(action_text="Line one_x000D_\nLine two _x005F_x0041_")])

    run_import(path)

    assert Action.objects.get().text == "Line one\r\nLine two _x0041_"


def test_text_cells_lose_only_the_spaces_and_line_breaks_around_them(tmp_path):
    path = write_csv(
        tmp_path / "plan.csv",
        [plan_row(aim_title="  Safe  children ", action_text="\n  First line\n\n  second line  \n")],
    )

    run_import(path)

    assert Aim.objects.get().title == "Safe  children"
    assert Action.objects.get().text == "First line\n\n  second line"


def test_rows_are_numbered_as_the_spreadsheet_shows_them(tmp_path):
    # A line break inside a cell is still one spreadsheet row.
    path = write_csv(
        tmp_path / "plan.csv",
        [
            plan_row(action="1.1.1", progress_date="2025-12", progress="line one\nline two\nline three"),
            plan_row(action="1.1.2", progress_date="2025-12", rag="Purple"),
        ],
    )

    errors = import_errors(path)

    assert "Row 3, rating: “Purple” is not a rating" in errors


def test_an_action_may_have_a_row_for_each_round_of_progress(tmp_path):
    path = write_csv(
        tmp_path / "plan.csv",
        [
            plan_row(lead_agency="Police", progress_date="2025-09-30", progress="Planned", rag="Amber"),
            plan_row(action_text="", progress_date="2025-12-31", progress="Done", rag="Green"),
        ],
    )

    run_import(path)

    action = Action.objects.get()
    assert action.text == DEFAULTS["action_text"]
    assert list(action.progress_updates.order_by("round__as_of").values_list("round__as_of", "progress", "rag")) == [
        (date(2025, 9, 30), "Planned", ProgressUpdate.Rag.AMBER),
        (date(2025, 12, 31), "Done", ProgressUpdate.Rag.GREEN),
    ]


@pytest.mark.parametrize(
    ("cell", "stored"),
    [
        ("'=1+1", "=1+1"),
        ("'+44 1632 960000", "+44 1632 960000"),
        ("'- first bullet\n- second bullet", "- first bullet\n- second bullet"),
        ("'@home visits", "@home visits"),
        ("''=1+1", "'=1+1"),
        ("  '=1+1 ", "=1+1"),
    ],
)
def test_the_apostrophe_an_export_puts_before_a_formula_character_is_taken_off(tmp_path, cell, stored):
    path = write_csv(tmp_path / "plan.csv", [plan_row(action_text=cell, progress_date="2025-12", progress=cell)])

    run_import(path)

    assert Action.objects.get().text == stored
    assert ProgressUpdate.objects.get().progress == stored


@pytest.mark.parametrize("cell", ["'Tis the season", "'", "' quoted", "'1.1 first"])
def test_other_leading_apostrophes_are_kept(tmp_path, cell):
    path = write_csv(tmp_path / "plan.csv", [plan_row(action_text=cell)])

    run_import(path)

    assert Action.objects.get().text == cell
