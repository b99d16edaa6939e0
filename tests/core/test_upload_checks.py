"""Checking an upload in the background: the progress page until the worker has run, then the preview; a check
that fails says so on the page. The queue here is django-tasks' dummy backend, which keeps tasks without running
them, as the database backend does until `db_worker` picks them up; the tests then run the worker's code path."""

from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_tasks.backends.dummy import DummyBackend
from pytest_django.asserts import assertContains, assertNotContains

from core.models import CheckStatus, StagedUpload
from core.upload_checks import check_staged_upload
from objectives.models import BusinessPlan
from tests.objectives.import_files import plan_row, write_csv

pytestmark = pytest.mark.django_db

CHECKER = "objectives.views.imports.preview_import"


@pytest.fixture
def queued(settings):
    """A task queue that keeps what is enqueued until the test runs it, as a queue waiting for its worker does."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def broken_check(upload, *, progress):
    """A preview function that fails as a bug would."""
    raise RuntimeError("a bug")


def _upload(client, tmp_path, rows: int = 1) -> str:
    lines = [plan_row(action=f"1.1.{number}") for number in range(1, rows + 1)]
    file = SimpleUploadedFile("plan.csv", write_csv(tmp_path / "plan.csv", lines).read_bytes())
    response = client.post(reverse("objectives:import_upload"), {"file": file, "plan": "", "new_title": "2026/27"})
    assert response.status_code == HTTPStatus.FOUND, response.context["form"].errors
    return response.url


def test_the_page_shows_progress_until_the_worker_has_checked_the_file_then_the_preview(
    queued, manager_client, tmp_path
):
    preview_url = _upload(manager_client, tmp_path)
    waiting = manager_client.get(preview_url)
    upload = StagedUpload.objects.get()

    check_staged_upload.call(upload.pk, CHECKER)
    checked = manager_client.get(preview_url)

    assertContains(waiting, "Your file is waiting to be checked. Nothing has been imported yet.")
    assertContains(waiting, f'<a href="{preview_url}">Refresh</a>', html=True)
    assertNotContains(waiting, 'http-equiv="refresh"')
    assertNotContains(waiting, "Import into")
    assertContains(checked, "Import into Business plan 2026/27")
    upload.refresh_from_db()
    assert (upload.check_status, upload.row_count, upload.rows_checked) == (CheckStatus.CHECKED, 1, 1)


def test_the_progress_page_counts_the_rows_checked(manager_client, board_manager, django_assert_num_queries):
    upload = StagedUpload.objects.create(
        kind="plan",
        token="t" * 43,
        uploaded_by=board_manager,
        file_name="plan.csv",
        content=b"x",
        check_status=CheckStatus.CHECKING,
        row_count=4000,
        rows_checked=1200,
    )
    url = reverse("objectives:import_confirm", args=[upload.token])

    # session, user, the user's and their groups' permissions, the upload
    with django_assert_num_queries(4):
        response = manager_client.get(url)

    assertContains(response, "Checking your file: 1,200 of 4,000 rows.")


def test_the_page_refreshes_itself_only_when_asked_to(queued, manager_client, tmp_path):
    preview_url = _upload(manager_client, tmp_path)

    response = manager_client.get(f"{preview_url}?refresh=auto")

    assertContains(response, '<meta http-equiv="refresh" content="2">', html=True)
    assertContains(response, f'<a href="{preview_url}">Stop refreshing every 2 seconds</a>', html=True)


def test_the_worker_writes_how_many_rows_it_has_checked(queued, manager_client, tmp_path):
    _upload(manager_client, tmp_path, rows=600)
    upload = StagedUpload.objects.get()

    check_staged_upload.call(upload.pk, CHECKER)

    upload.refresh_from_db()
    assert (upload.row_count, upload.rows_checked, upload.check_message) == (600, 600, "")


def test_a_check_that_fails_is_recorded_and_shown_and_cannot_be_confirmed(queued, manager_client, tmp_path):
    preview_url = _upload(manager_client, tmp_path)
    upload = StagedUpload.objects.get()

    check_staged_upload.call(upload.pk, "tests.core.test_upload_checks.broken_check")
    page = manager_client.get(preview_url)
    posted = manager_client.post(preview_url, {"fingerprint": ""})

    assertContains(page, "The file could not be checked because of an error on our side (RuntimeError).")
    assertNotContains(page, "Import into")
    assert posted.url == preview_url
    assert not BusinessPlan.objects.exists()


def test_confirming_before_the_check_is_done_imports_nothing(queued, manager_client, tmp_path):
    preview_url = _upload(manager_client, tmp_path)

    response = manager_client.post(preview_url, {"fingerprint": ""})

    assert response.url == preview_url
    assert not BusinessPlan.objects.exists()
    assert StagedUpload.objects.get().applied_at is None


def test_a_check_run_twice_checks_once(queued, manager_client, tmp_path):
    _upload(manager_client, tmp_path)
    upload = StagedUpload.objects.get()
    check_staged_upload.call(upload.pk, CHECKER)

    check_staged_upload.call(upload.pk, "tests.core.test_upload_checks.broken_check")

    upload.refresh_from_db()
    assert upload.check_status == CheckStatus.CHECKED


def test_a_queue_that_refuses_the_check_is_recorded(queued, manager_client, tmp_path, monkeypatch):
    def refuse(self, task, args, kwargs):
        raise ConnectionError("the queue is down")

    monkeypatch.setattr(DummyBackend, "enqueue", refuse)

    preview_url = _upload(manager_client, tmp_path)

    assertContains(manager_client.get(preview_url), "could not be checked because of an error on our side")
