"""The row limit of every import (settings.IMPORT_MAX_ROWS): a longer file is refused on the upload page, saying
the limit and how many rows the file has."""

from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.models import StagedUpload
from objectives.importing.readers import FileProblem, read_plan_file
from tests.objectives.import_files import plan_row, write_csv, write_xlsx

pytestmark = pytest.mark.django_db


def _rows(count: int) -> list[list]:
    return [plan_row(action=f"1.1.{number}") for number in range(1, count + 1)]


def _upload(client, name: str, content: bytes):
    file = SimpleUploadedFile(name, content)
    return client.post(reverse("objectives:import_upload"), {"file": file, "plan": "", "new_title": "2026/27"})


@pytest.mark.parametrize("write", [write_csv, write_xlsx])
def test_a_file_over_the_row_limit_is_refused_naming_the_limit_and_its_rows(manager_client, settings, tmp_path, write):
    settings.IMPORT_MAX_ROWS = 5
    extension = ".csv" if write is write_csv else ".xlsx"
    content = write(tmp_path / f"plan{extension}", _rows(6)).read_bytes()

    response = _upload(manager_client, f"plan{extension}", content)

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["file"] == [
        f"plan{extension} has 6 rows below its header; the import takes files of up to 5 rows. "
        "Split the file into smaller ones and import them one after the other."
    ]
    assert not StagedUpload.objects.exists()


def test_a_file_of_exactly_the_limit_is_taken_and_blank_lines_do_not_count(manager_client, settings, tmp_path):
    settings.IMPORT_MAX_ROWS = 5
    content = write_csv(tmp_path / "plan.csv", [*_rows(5), [""] * 3, []]).read_bytes()

    response = _upload(manager_client, "plan.csv", content)

    assert response.status_code == HTTPStatus.FOUND
    assert StagedUpload.objects.get().file_name == "plan.csv"


def test_the_limit_is_1000_rows_unless_set_and_large_numbers_are_written_in_full(settings, tmp_path):
    del settings.IMPORT_MAX_ROWS
    content = write_csv(tmp_path / "plan.csv", _rows(1001)).read_bytes()

    with pytest.raises(
        FileProblem, match="has 1,001 rows below its header; the import takes files of up to 1,000 rows"
    ):
        read_plan_file(content, "plan.csv")


def test_other_imports_share_the_limit(manager_client, settings):
    settings.IMPORT_MAX_ROWS = 1
    text = (
        "plan,objective,indicator,unit,period_end,value,target\n"
        + "2025/26,1.1,Re-referrals,number,2025-06-30,22,\n" * 2
    )
    file = SimpleUploadedFile("indicators.csv", text.encode())

    response = manager_client.post(reverse("objectives:indicator_import"), {"file": file})

    assert "indicators.csv has 2 rows below its header" in response.context["form"].errors["file"][0]
