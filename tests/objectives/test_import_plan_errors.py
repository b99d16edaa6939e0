"""import_plan refuses bad rows and bad files, names every problem, and changes nothing."""

import zipfile

import pytest
from openpyxl import Workbook

from objectives.models import Action, Agency, Aim, BusinessPlan, Objective, ProgressRound, ProgressUpdate
from tests.factories import ActionFactory, AgencyFactory
from tests.objectives.import_files import HEADER, import_errors, plan_row, write_csv, write_xlsx

pytestmark = pytest.mark.django_db


def nothing_was_created() -> bool:
    models = (BusinessPlan, Agency, Aim, Objective, Action, ProgressRound, ProgressUpdate)
    return not any(model.objects.exists() for model in models)


def test_an_unknown_rating_names_row_column_and_the_scales_values(tmp_path):
    path = write_csv(tmp_path / "plan.csv", [plan_row(progress_date="2025-12", rag="Purple")])

    errors = import_errors(path)

    assert (
        "Row 2, rating: “Purple” is not a rating on this plan’s scale (RAG: Red, Amber, Green, with Not started "
        "and Complete); write red, amber, green, complete or not_started, or leave it empty."
    ) in errors


def test_an_unknown_rating_lists_the_values_of_the_new_plans_scale(tmp_path):
    path = write_csv(tmp_path / "plan.csv", [plan_row(progress_date="2025-12", rag="Amber")])

    errors = import_errors(path, "--scale", "four-point")

    assert "Row 2, rating: “Amber” is not a rating on this plan’s scale (Four-point" in errors
    assert "write 1, 2, 3 or 4, or leave it empty." in errors
    assert nothing_was_created()


def test_a_plan_without_a_scale_takes_no_rating(tmp_path):
    path = write_csv(tmp_path / "plan.csv", [plan_row(progress_date="2025-12", progress="Done", rag="Green")])

    errors = import_errors(path, "--scale", "none")

    assert "Row 2, rating: “Green”: this plan has no rating scale, so it takes no ratings" in errors


def test_a_file_with_both_rating_and_rag_columns_is_refused(tmp_path):
    header = [*HEADER, "rating"]
    path = write_csv(tmp_path / "plan.csv", [plan_row(header)], header=header)

    errors = import_errors(path)

    assert (
        "Row 1, rag: is the rating column's old name, and the file has a rating column too; keep one of them." in errors
    )


def test_a_bad_progress_date_names_row_column_and_the_accepted_forms(tmp_path):
    path = write_csv(tmp_path / "plan.csv", [plan_row(progress_date="end of March", progress="Done")])

    errors = import_errors(path)

    assert "Row 2, progress_date: 'end of March' is not a date: write 2026-03-31, 2026-03 or March 2026." in errors


@pytest.mark.parametrize("cell", ["31/02/2026", "2026-13"])
def test_a_target_that_looks_like_a_date_but_is_none_is_refused(tmp_path, cell):
    path = write_csv(tmp_path / "plan.csv", [plan_row(target_date=cell)])

    errors = import_errors(path)

    assert f"Row 2, target_date: '{cell}'" in errors


def test_a_text_target_and_a_different_timescale_are_refused(tmp_path):
    header = [*HEADER, "timescale"]
    path = write_csv(
        tmp_path / "plan.csv", [plan_row(header, target_date="Across 2025/26", timescale="By April")], header=header
    )

    errors = import_errors(path)

    assert (
        "Row 2, target_date: is not a date, so it would be the timescale, but the timescale column says “By April”"
    ) in errors


@pytest.mark.parametrize("cell", ["0000-03", "March 0000"])
def test_a_month_in_year_zero_is_not_a_date(tmp_path, cell):
    path = write_csv(tmp_path / "plan.csv", [plan_row(target_date=cell)])

    errors = import_errors(path)

    assert f"Row 2, target_date: '{cell}' has no year 0: write 2026-03-31, 2026-03 or March 2026." in errors


@pytest.mark.parametrize(("column", "ref"), [("aim", "Aim one"), ("objective", "1 a"), ("action", "(1.1.1)")])
def test_a_ref_that_is_not_letters_digits_and_stops_is_refused(tmp_path, column, ref):
    path = write_csv(tmp_path / "plan.csv", [plan_row(**{column: ref})])

    errors = import_errors(path)

    assert f"Row 2, {column}: “{ref}” is not a reference. A reference is letters and numbers" in errors


@pytest.mark.parametrize(
    ("column", "needs"),
    [
        ("aim", "its aim reference, such as 1 or 1a"),
        ("objective", "its objective reference"),
        ("action", "its action reference"),
    ],
)
def test_a_missing_required_cell_is_refused(tmp_path, column, needs):
    path = write_csv(tmp_path / "plan.csv", [plan_row(**{column: " "})])

    errors = import_errors(path)

    assert f"Row 2, {column}: is empty; every row needs {needs}" in errors


def test_a_duplicate_action_is_refused_on_its_second_row(tmp_path):
    path = write_csv(
        tmp_path / "plan.csv", [plan_row(action="1.1.1"), plan_row(action="1.1.2"), plan_row(action="1.1.1")]
    )

    errors = import_errors(path)

    assert "Row 4, action: Action 1.1.1 is already on row 2." in errors
    assert "Row 2," not in errors


def test_a_different_title_on_a_later_row_is_refused(tmp_path):
    path = write_csv(
        tmp_path / "plan.csv",
        [
            plan_row(action="1.1.1", objective_title="Lives"),
            plan_row(action="1.1.2", aim_title="", objective_title=""),
            plan_row(action="1.1.3", aim_title="Another aim", objective_title="Lives"),
        ],
    )

    errors = import_errors(path)

    assert (
        "Row 4, aim_title: differs from row 2, which calls Aim 1 “Partners' work keeps children safe”; "
        "leave it empty or write the same."
    ) in errors
    assert "objective_title" not in errors


def test_progress_without_a_progress_date_is_refused(tmp_path):
    path = write_csv(tmp_path / "plan.csv", [plan_row(progress="Done", rag="Green")])

    errors = import_errors(path)

    assert "Row 2, progress_date: is empty; give the date the progress describes" in errors


def test_a_new_action_without_text_gets_the_models_message(tmp_path):
    path = write_csv(tmp_path / "plan.csv", [plan_row(action_text="")])

    errors = import_errors(path)

    assert "Row 2, action_text: This field cannot be blank." in errors


def test_a_new_aim_without_a_title_gets_the_models_message(tmp_path):
    path = write_csv(tmp_path / "plan.csv", [plan_row(aim_title="")])

    errors = import_errors(path)

    assert "Row 2, aim_title: This field cannot be blank." in errors


def test_a_title_too_long_for_the_model_is_refused(tmp_path):
    path = write_csv(tmp_path / "plan.csv", [plan_row(aim_title="A" * 301)])

    errors = import_errors(path)

    assert "Row 2, aim_title: Ensure this value has at most 300 characters (it has 301)." in errors


def test_a_short_name_shared_by_two_agencies_is_refused(tmp_path):
    AgencyFactory(name="North Hospital Trust", short_name="NHS")
    AgencyFactory(name="South Hospital Trust", short_name="NHS")
    path = write_csv(tmp_path / "plan.csv", [plan_row(lead_agency="nhs")])

    errors = import_errors(path)

    assert "Row 2, lead_agency: “nhs” is the short name of North Hospital Trust, South Hospital Trust" in errors


def test_a_formula_in_an_xlsx_cell_is_refused(tmp_path):
    path = write_xlsx(tmp_path / "plan.xlsx", [plan_row(action_text='=B2&" audit"')])

    errors = import_errors(path)

    assert 'Row 2, action_text: holds a formula (=B2&" audit"); copy the cells and paste them as values.' in errors


def test_a_value_under_no_heading_is_refused(tmp_path):
    path = write_csv(tmp_path / "plan.csv", [[*plan_row(), "", "stray note"]])

    errors = import_errors(path)

    assert "Row 2, column M: has a value but no heading" in errors


def test_one_bad_row_among_good_ones_creates_nothing(tmp_path):
    path = write_csv(
        tmp_path / "plan.csv",
        [
            plan_row(action="1.1.1", lead_agency="New agency"),
            plan_row(action="1.1.2", progress_date="2025-12", rag="Purple"),
            plan_row(action="1.1.3", progress_date="2025-12", progress="Done"),
        ],
    )

    import_errors(path)

    assert nothing_was_created()


def test_every_bad_row_is_listed_in_row_order_and_counted(tmp_path):
    path = write_csv(
        tmp_path / "plan.csv",
        [
            plan_row(action="1.1.1", target_date="2026-13", rag="Purple", progress_date="2025-12"),
            plan_row(action="1.1.2", action_text=""),
            plan_row(action="1.1.1", progress_date="2025-12"),
        ],
    )

    errors = import_errors(path)

    assert errors.startswith("plan.csv has 4 problems; nothing was imported.")
    lines = errors.splitlines()[1:]
    assert [line.split(":")[0] for line in lines] == [
        "Row 2, target_date",
        "Row 2, rating",
        "Row 3, action_text",
        "Row 4, action",
    ]


def test_xlsx_rows_are_numbered_as_excel_shows_them(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(plan_row(action="1.1.1"))
    # Rows 3 and 4 are left empty, as Excel leaves them out of the file altogether.
    for column, value in enumerate(plan_row(action="1.1.2", target_date="2026-13"), start=1):
        sheet.cell(row=5, column=column, value=value)
    path = tmp_path / "plan.xlsx"
    workbook.save(path)

    errors = import_errors(path)

    assert "Row 5, target_date:" in errors


def test_a_bad_row_leaves_an_existing_plan_unchanged(tmp_path):
    action = ActionFactory(ref="1.1.1", text="Original", objective__ref="1.1", objective__aim__number=1)
    path = write_csv(
        tmp_path / "plan.csv",
        [plan_row(action="1.1.1", action_text="Changed"), plan_row(action="1.1.2", rag="Purple")],
    )

    import_errors(path, plan=action.plan.title)

    action.refresh_from_db()
    assert action.text == "Original"
    assert Action.objects.count() == 1


def test_a_missing_column_is_named(tmp_path):
    header = [column for column in HEADER if column != "objective_title"]
    path = write_csv(tmp_path / "plan.csv", [plan_row(header)], header=header)

    errors = import_errors(path)

    assert "Row 1, objective_title: column missing; add a column with this heading." in errors
    assert nothing_was_created()


def test_an_unknown_column_is_named(tmp_path):
    header = [*HEADER, "Colour"]
    path = write_csv(tmp_path / "plan.csv", [plan_row(header)], header=header)

    errors = import_errors(path)

    assert "Row 1, “Colour”: is not a column of a plan. The columns are aim, aim_title," in errors


def test_a_column_heading_used_twice_is_refused(tmp_path):
    header = [*HEADER, "Aim"]
    path = write_csv(tmp_path / "plan.csv", [plan_row(header)], header=header)

    errors = import_errors(path)

    assert "Row 1, aim: is the heading of two columns, A and L." in errors


def test_a_file_without_a_header_row_is_refused(tmp_path):
    path = tmp_path / "plan.csv"
    path.write_text("1,Safe,1.1,Lives,1.1.1,Audit,,,,,\n", encoding="utf-8")

    errors = import_errors(path)

    assert "Row 1, header: names none of the columns, but the first row must name them." in errors


def test_a_header_with_no_actions_is_refused(tmp_path):
    path = write_csv(tmp_path / "plan.csv", [])

    errors = import_errors(path)

    assert "Row 1, header: is the only row; add a row for each action below it." in errors
    assert nothing_was_created()


@pytest.mark.parametrize("name", ["plan.csv", "plan.xlsx"])
def test_an_empty_file_is_refused(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"")

    errors = import_errors(path)

    assert errors == f"{name} is empty."


def test_a_csv_of_blank_lines_has_no_rows(tmp_path):
    path = tmp_path / "plan.csv"
    path.write_text("\n,,,\n  \n", encoding="utf-8")

    errors = import_errors(path)

    assert errors == "plan.csv has no rows: it needs a header row and one row per action."


@pytest.mark.parametrize("name", ["plan.txt", "plan.xls", "plan.doc", "plan"])
def test_a_file_that_is_not_csv_xlsx_or_docx_by_name_is_refused(tmp_path, name):
    path = write_csv(tmp_path / name, [plan_row()])

    errors = import_errors(path)

    assert errors.startswith(f"{name} is not a .csv, .xlsx or .docx file")


def test_an_xlsx_that_is_not_a_zip_is_refused(tmp_path):
    path = write_csv(tmp_path / "plan.xlsx", [plan_row()])

    errors = import_errors(path)

    assert errors == "plan.xlsx is not an Excel workbook (it is not a ZIP file). Open it in Excel and save it as .xlsx."


def test_a_zip_that_is_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "plan.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "Not a workbook")

    errors = import_errors(path)

    assert errors.startswith("plan.xlsx is not an Excel workbook (it has no [Content_Types].xml).")


def test_a_damaged_workbook_is_refused(tmp_path):
    path = tmp_path / "plan.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "not xml at all")

    errors = import_errors(path)

    assert errors.startswith("plan.xlsx is not an Excel workbook that can be read: it is damaged")


def test_a_workbook_named_csv_is_refused(tmp_path):
    path = write_xlsx(tmp_path / "plan.csv", [plan_row()])

    errors = import_errors(path)

    assert errors == "plan.csv is an Excel workbook, not a CSV file: rename it to end in .xlsx."


def test_a_csv_that_is_not_utf8_names_the_row_and_byte(tmp_path):
    path = write_csv(
        tmp_path / "plan.csv",
        [plan_row(action="1.1.1"), plan_row(action="1.1.2", action_text="Café")],
        encoding="cp1252",
    )

    errors = import_errors(path)

    assert errors == (
        "The file is not UTF-8 text: row 3, column F has the byte 0xE9. "
        "In Excel, use Save As “CSV UTF-8 (Comma delimited) (*.csv)”."
    )
    assert nothing_was_created()


@pytest.mark.parametrize("column", ["action_text", "lead_agency"])
def test_a_null_character_is_refused_as_postgresql_cannot_store_it(tmp_path, column):
    path = write_csv(tmp_path / "plan.csv", [plan_row(**{column: "Audit\x00"})])

    errors = import_errors(path)

    assert f"Row 2, {column}: contains a null character (byte 0x00), which cannot be stored; remove it." in errors


def test_a_missing_file_is_refused(tmp_path):
    errors = import_errors(tmp_path / "missing.csv")

    assert errors == f"Cannot open {tmp_path / 'missing.csv'}: No such file or directory."


def test_a_spreadsheet_error_value_is_refused(tmp_path):
    workbook = Workbook()
    workbook.active.append(HEADER)
    workbook.active.append(plan_row())
    workbook.active["B2"].value = "#REF!"
    workbook.active["B2"].data_type = "e"
    path = tmp_path / "plan.xlsx"
    workbook.save(path)

    errors = import_errors(path)

    assert "Row 2, aim_title: shows the spreadsheet error #REF!." in errors


def test_two_rows_of_an_action_for_the_same_round_are_refused(tmp_path):
    path = write_csv(
        tmp_path / "plan.csv",
        [
            plan_row(progress_date="December 2025", progress="Done"),
            plan_row(progress_date="2025-12-31", progress="Again"),
        ],
    )

    errors = import_errors(path)

    assert "Row 3, action: Action 1.1.1 already has progress for December 2025 on row 2." in errors


@pytest.mark.parametrize(
    ("column", "first", "second", "shown"),
    [
        ("action_text", "Audit", "Audit twice", "“Audit”"),
        ("lead_agency", "Police; Health", "Police", "“Police; Health”"),
        ("target_date", "March 2026", "2026-03-15", "“March 2026”"),
        ("responsibility", "Chair", "DCS", "“Chair”"),
        ("success_measure", "Fewer referrals", "More audits", "“Fewer referrals”"),
    ],
)
def test_the_rows_of_one_action_must_agree(tmp_path, column, first, second, shown):
    header = [*HEADER, "responsibility", "success_measure"]
    path = write_csv(
        tmp_path / "plan.csv",
        [
            plan_row(header, progress_date="2025-09", progress="Planned", **{column: first}),
            plan_row(header, progress_date="2025-12", progress="Done", **{column: second}),
        ],
        header=header,
    )

    errors = import_errors(path)

    assert (
        f"Row 3, {column}: differs from row 2, which gives Action 1.1.1 {shown}; leave it empty or write the same."
        in (errors)
    )
