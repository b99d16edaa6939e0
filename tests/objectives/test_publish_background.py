"""Publishing records the publication as being prepared; the task worker makes its PDF and Word files, and a
publication whose files are not made is never on the public pages."""

import hashlib
from datetime import date
from http import HTTPStatus

import pytest
from django.urls import reverse

from core.models import FilesStatus
from objectives.models import PublishedReport
from objectives.services.publishing import publish_report
from tests.background_tasks import round_with_an_action, run_worker


@pytest.fixture
def september(db):
    return round_with_an_action(date(2025, 9, 30))


def _publish(client, progress_round):
    client.post(reverse("objectives:report_publish", args=[progress_round.plan_id, progress_round.pk]))
    return PublishedReport.objects.get()


def _make_public(published, by):
    published.make_public(by=by)
    published.save()


def test_publishing_records_the_publication_as_being_prepared_until_the_worker_makes_its_files(
    manager_client, board_manager, september, queue_only
):
    published = _publish(manager_client, september)
    _make_public(published, board_manager)
    page = manager_client.get(published.get_absolute_url()).content.decode()
    file_url = reverse("objectives:published_file", args=[published.pk, "pdf"])

    assert published.files_status == FilesStatus.PREPARING
    assert "Its PDF and Word files are being prepared." in page
    assert manager_client.get(file_url).status_code == HTTPStatus.NOT_FOUND
    assert not PublishedReport.objects.public().exists()
    assert manager_client.get(reverse("public:report_detail", args=[published.pk])).status_code == HTTPStatus.NOT_FOUND

    run_worker(queue_only)

    published.refresh_from_db()
    pdf = manager_client.get(file_url).content
    assert (published.files_status, published.pdf_sha256) == (FilesStatus.READY, hashlib.sha256(pdf).hexdigest())
    assert list(PublishedReport.objects.public()) == [published]


def test_files_that_could_not_be_made_show_why_and_can_be_tried_again(
    manager_client, september, broken_pdf_engine, monkeypatch
):
    published = _publish(manager_client, september)
    page = manager_client.get(published.get_absolute_url()).content.decode()
    listing = manager_client.get(reverse("objectives:published_list")).content.decode()

    assert published.files_status == FilesStatus.FAILED
    assert "could not be made, so it is not on the public pages yet" in page
    assert "OSError: No usable font was found" in page
    assert "Could not be made" in listing

    monkeypatch.undo()
    response = manager_client.post(reverse("objectives:published_prepare_again", args=[published.pk]))

    published.refresh_from_db()
    assert response["Location"] == published.get_absolute_url()
    assert published.files_status == FilesStatus.READY
    assert bytes(published.pdf).startswith(b"%PDF")


def test_only_the_board_manager_may_try_again(reader_client, september, board_manager, broken_pdf_engine):
    published = publish_report(progress_round=september, published_by=board_manager)

    response = reader_client.post(reverse("objectives:published_prepare_again", args=[published.pk]))

    published.refresh_from_db()
    assert (response.status_code, published.files_status) == (HTTPStatus.FORBIDDEN, FilesStatus.FAILED)
