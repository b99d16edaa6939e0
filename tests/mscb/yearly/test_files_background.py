"""The draft yearly report's PDF and Word files are made by the task worker and served from the database."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from core.models import GeneratedFile
from mscb.models import YearlyNarrative
from tests.background_tasks import run_worker


def _url(report, file_format="pdf"):
    return reverse("yearly:report_download", args=[report.plan_id, file_format])


@pytest.mark.parametrize(("file_format", "starts"), [("pdf", b"%PDF"), ("docx", b"PK")])
def test_a_file_is_prepared_by_the_worker_then_downloaded(reader_client, report, queue_only, file_format, starts):
    first = reader_client.get(_url(report, file_format))
    run_worker(queue_only)
    second = reader_client.get(_url(report, file_format))

    assert first.status_code == HTTPStatus.ACCEPTED
    assert "is being prepared" in first.content.decode()
    assert second.status_code == HTTPStatus.OK
    assert second["Content-Disposition"] == f'attachment; filename="{report.title.replace("/", "-")}.{file_format}"'
    assert second.content.startswith(starts)


def test_an_edited_narrative_asks_for_a_new_file(reader_client, report, board_manager):
    reader_client.get(_url(report))
    YearlyNarrative.objects.create(report=report, section="partners", text="Added after the first download.")

    reader_client.get(_url(report))

    assert GeneratedFile.objects.filter(kind="yearly-report.pdf").count() == 2


def test_a_failed_pdf_offers_the_word_and_html_files_and_a_retry(reader_client, report, broken_pdf_engine):
    response = reader_client.get(_url(report))

    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    page = response.content.decode()
    assert "OSError: No usable font was found" in page
    assert f'href="{_url(report, "docx")}">Word file version</a>' in page
    assert f'href="{_url(report, "html")}">HTML version</a>' in page
    assert "Try again" in page
