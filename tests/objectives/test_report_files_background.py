"""The committee paper's PDF and Word files are made by the task worker and served from the database by any node."""

import logging
from datetime import date
from http import HTTPStatus

import pytest
from django.urls import reverse

from core.models import GeneratedFile
from tests.background_tasks import round_with_an_action, run_worker

Status = GeneratedFile.Status


@pytest.fixture
def december(db):
    return round_with_an_action(date(2025, 12, 31))


def _url(progress_round, file_format="pdf"):
    return reverse(f"objectives:report_{file_format}", args=[progress_round.plan_id, progress_round.pk])


def test_first_request_answers_that_the_pdf_is_being_prepared(reader_client, december, queue_only):
    response = reader_client.get(_url(december))

    assert response.status_code == HTTPStatus.ACCEPTED
    page = response.content.decode()
    # Reloading by itself is the person's choice (WCAG 2.2.1), offered as a link.
    assert 'http-equiv="refresh"' not in page
    assert f'href="{_url(december)}?refresh=auto">Refresh every 2 seconds until the file is ready</a>' in page
    assert "Your PDF is being prepared" in page
    assert f'href="{_url(december)}">Check again</a>' in page
    assert GeneratedFile.objects.get().status == Status.QUEUED


def test_the_preparing_page_reloads_itself_only_when_asked(reader_client, december, queue_only):
    response = reader_client.get(_url(december), {"refresh": "auto"})

    assert response.status_code == HTTPStatus.ACCEPTED
    page = response.content.decode()
    assert '<meta http-equiv="refresh" content="2">' in page
    assert f'href="{_url(december)}">Stop refreshing every 2 seconds</a>' in page


def test_asking_again_before_the_worker_has_run_queues_no_second_build(reader_client, december, queue_only):
    reader_client.get(_url(december))

    response = reader_client.get(_url(december))

    assert response.status_code == HTTPStatus.ACCEPTED
    assert len(queue_only.results) == 1


def test_once_the_worker_has_made_it_the_same_address_downloads_the_pdf(reader_client, december, queue_only):
    reader_client.get(_url(december))
    run_worker(queue_only)

    response = reader_client.get(_url(december))

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="2025-26 progress report December 2025.pdf"'
    assert response.content.startswith(b"%PDF")


def test_a_word_file_is_made_in_the_background_too(reader_client, december, queue_only):
    assert reader_client.get(_url(december, "docx")).status_code == HTTPStatus.ACCEPTED
    run_worker(queue_only)

    response = reader_client.get(_url(december, "docx"))

    assert response.status_code == HTTPStatus.OK
    assert response.content.startswith(b"PK")


def test_a_failed_pdf_says_what_happened_and_offers_the_other_versions(
    reader_client, december, broken_pdf_engine, caplog
):
    with caplog.at_level(logging.ERROR, logger="core.generated"):
        response = reader_client.get(_url(december))

    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    page = response.content.decode()
    assert "Your PDF could not be made" in page
    assert "OSError: No usable font was found" in page
    assert f'href="{_url(december, "docx")}">Word file version</a>' in page
    assert "The report as a web page" in page
    assert '<button type="submit" class="btn btn-primary">Try again</button>' in page
    assert "No usable font was found" in caplog.records[0].exc_text


def test_try_again_queues_the_failed_pdf_and_downloads_it_once_the_engine_works(
    reader_client, december, broken_pdf_engine, monkeypatch
):
    reader_client.get(_url(december))
    monkeypatch.undo()

    response = reader_client.post(_url(december))

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == _url(december)
    assert reader_client.get(_url(december)).content.startswith(b"%PDF")


def test_try_again_needs_a_signed_in_reader(client, december):
    response = client.post(_url(december))

    assert response["Location"].startswith(reverse("login"))
    assert not GeneratedFile.objects.exists()
