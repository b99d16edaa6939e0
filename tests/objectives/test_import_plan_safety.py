"""import_plan looks at a file's bytes before any parser opens it: size, real type, and zip bombs.

The upload page uses the same checks; tests/objectives/test_import_upload.py shows its messages.
"""

import io
import re
import zipfile

import pytest
from openpyxl import Workbook

from objectives.importing.safety import DEFAULT_MAX_BYTES, max_bytes
from objectives.models import Action
from tests.objectives.import_files import WordPlan, import_errors, plan_row, run_import, write_csv, write_xlsx

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


def workbook_bytes() -> bytes:
    workbook = Workbook()
    workbook.active.append(["aim"])
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def with_member(data: bytes, name: str, content: bytes) -> bytes:
    """The ZIP file with one more member, deflated as Office files are."""
    output = io.BytesIO(data)
    with zipfile.ZipFile(output, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, content)
    return output.getvalue()


def test_the_size_limit_is_5_mb_unless_a_setting_says_otherwise(settings):
    del settings.IMPORT_MAX_BYTES

    assert max_bytes() == DEFAULT_MAX_BYTES == 5 * MB


def test_a_file_over_the_size_limit_is_refused(tmp_path, settings):
    settings.IMPORT_MAX_BYTES = 1 * MB
    path = write_csv(tmp_path / "plan.csv", [plan_row(action_text="x" * (MB + MB // 5))])

    errors = import_errors(path)

    assert errors == (
        "plan.csv is 1.2 MB; the import takes files of up to 1.0 MB. Leave out pictures and embedded files, "
        "or split the plan."
    )
    assert not Action.objects.exists()


def test_a_file_within_the_size_limit_is_read(tmp_path, settings):
    path = write_csv(tmp_path / "plan.csv", [plan_row()])
    settings.IMPORT_MAX_BYTES = path.stat().st_size

    run_import(path)

    assert Action.objects.count() == 1


def test_a_word_document_that_is_not_a_zip_file_is_refused(tmp_path):
    path = write_csv(tmp_path / "plan.docx", [plan_row()])

    errors = import_errors(path)

    assert errors == "plan.docx is not a Word document (it is not a ZIP file). Open it in Word and save it as .docx."


def test_a_password_protected_workbook_gets_a_hint(tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))

    errors = import_errors(path)

    assert "It may be password-protected (remove the password) or an old .xls or .doc file." in errors


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("plan.docx", "plan.docx is an Excel workbook, not a Word document: rename it to end in .xlsx."),
        ("plan.csv", "plan.csv is an Excel workbook, not a CSV file: rename it to end in .xlsx."),
    ],
)
def test_a_workbook_with_another_name_is_named_for_what_it_is(tmp_path, name, message):
    path = write_xlsx(tmp_path / name, [plan_row()])

    assert import_errors(path) == message


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("plan.xlsx", "plan.xlsx is a Word document, not an Excel workbook: rename it to end in .docx."),
        ("plan.csv", "plan.csv is a Word document, not a CSV file: rename it to end in .docx."),
    ],
)
def test_a_word_document_with_another_name_is_named_for_what_it_is(tmp_path, name, message):
    path = WordPlan().paragraph("Aim 1: Safe").save(tmp_path / name)

    assert import_errors(path) == message


def test_a_zip_file_named_csv_is_refused(tmp_path):
    path = tmp_path / "plan.csv"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("plan.csv", "aim,aim_title")

    assert import_errors(path) == "plan.csv is a ZIP file, not a CSV file."


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"%PDF-1.7\n" + bytes(100), "plan.csv is a PDF file, not a CSV file."),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "plan.csv is a PNG image, not a CSV file."),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "plan.csv is an old Excel (.xls) or Word (.doc) file"),
        ("aim,aim_title\n1,Safe\n".encode("utf-16"), "plan.csv is UTF-16 text, not UTF-8."),
        (bytes(range(256)) * 4, "plan.csv is not a CSV file: it holds binary data, not text."),
    ],
    ids=["pdf", "png", "old office", "utf-16", "binary"],
)
def test_a_csv_that_is_not_text_is_refused(tmp_path, content, message):
    path = tmp_path / "plan.csv"
    path.write_bytes(content)

    assert import_errors(path).startswith(message)


@pytest.mark.parametrize("name", ["plan.xlsx", "plan.docx"])
def test_a_zip_bomb_is_refused_before_it_is_opened(tmp_path, name):
    valid = workbook_bytes() if name.endswith(".xlsx") else WordPlan().bytes()
    # 60 MB of zeros deflate to about 60 KB.
    bomb = with_member(valid, "media/zeros.bin", bytes(60 * MB))
    assert len(bomb) < 200 * 1024
    path = tmp_path / name
    path.write_bytes(bomb)

    errors = import_errors(path)

    assert re.fullmatch(
        rf"{name} would unpack to 60\.\d MB, more than the 50\.0 MB a plan can need, "
        "so it may be a zip bomb and was not opened.",
        errors,
    )


def test_a_member_compressed_beyond_reason_is_refused(tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(with_member(workbook_bytes(), "xl/media/zeros.bin", bytes(2 * MB)))

    errors = import_errors(path)

    assert errors == (
        "plan.xlsx holds xl/media/zeros.bin, compressed more than 100 to 1, so it may be a zip bomb and was not opened."
    )


def test_a_zip_file_of_too_many_members_is_refused(tmp_path):
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        for number in range(1000):
            archive.writestr(f"xl/extra/{number}.xml", "<x/>")
    path = tmp_path / "plan.xlsx"
    path.write_bytes(output.getvalue())

    errors = import_errors(path)

    assert errors.startswith(
        "plan.xlsx holds 1,002 files, far more than an Excel workbook has, so it may be a zip bomb"
    )


def test_a_zip_file_with_a_damaged_directory_is_refused(tmp_path):
    data = bytearray(workbook_bytes())
    directory = data.rindex(b"PK\x01\x02")
    data[directory : directory + 4] = b"XX\x01\x02"
    path = tmp_path / "plan.xlsx"
    path.write_bytes(bytes(data))

    errors = import_errors(path)

    assert (
        errors
        == "plan.xlsx is not an Excel workbook: the ZIP file inside is damaged. Open it in Excel and save it as .xlsx."
    )
