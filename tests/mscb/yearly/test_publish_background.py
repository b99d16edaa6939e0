"""Publishing the yearly report records it as being prepared; the worker lays out its PDF from the HTML frozen at
publication, and it reaches the public pages only once its files are made."""

import hashlib
from http import HTTPStatus

from django.urls import reverse

from core.models import FilesStatus
from mscb.models import PublishedYearlyReport, YearlyNarrative
from tests.background_tasks import run_worker


def _publish(client, report):
    client.post(reverse("yearly:report_publish", args=[report.plan_id]))
    return PublishedYearlyReport.objects.get()


def test_the_pdf_is_laid_out_by_the_worker_from_the_report_as_published(
    manager_client, board_manager, report, queue_only, tmp_path
):
    publication = _publish(manager_client, report)
    publication.make_public(by=board_manager)
    publication.save()
    YearlyNarrative.objects.create(report=report, section="partners", text="Written after publishing.")
    page = manager_client.get(publication.get_absolute_url()).content.decode()

    assert publication.files_status == FilesStatus.PREPARING
    assert "Its PDF and Word files are being prepared." in page
    assert not PublishedYearlyReport.objects.public().exists()

    run_worker(queue_only)

    publication.refresh_from_db()
    pdf = manager_client.get(reverse("yearly:published_file", args=[publication.pk, "pdf"])).content
    assert (publication.files_status, publication.pdf_sha256) == (FilesStatus.READY, hashlib.sha256(pdf).hexdigest())
    assert publication.docx_sha256 == hashlib.sha256(bytes(publication.docx)).hexdigest()
    assert "Written after publishing." not in publication.pdf_source
    assert list(PublishedYearlyReport.objects.public()) == [publication]


def test_a_pdf_that_could_not_be_made_shows_why_and_can_be_tried_again(
    manager_client, report, broken_pdf_engine, monkeypatch
):
    publication = _publish(manager_client, report)
    page = manager_client.get(publication.get_absolute_url()).content.decode()
    file_url = reverse("yearly:published_file", args=[publication.pk, "pdf"])

    assert "OSError: No usable font was found" in page
    assert manager_client.get(file_url).status_code == HTTPStatus.NOT_FOUND

    monkeypatch.undo()
    manager_client.post(reverse("yearly:published_prepare_again", args=[publication.pk]))

    assert manager_client.get(file_url).content.startswith(b"%PDF")
