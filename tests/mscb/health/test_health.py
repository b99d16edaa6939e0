"""/health/: "ok" or "failing" to anyone, the database, the disk and the task queue checked, the cause logged."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_healthy_site_answers_ok_without_sign_in_and_sets_no_cookie(django_assert_num_queries):
    with django_assert_num_queries(1):
        response = Client().get("/health/")

    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


def test_full_disk_fails_without_saying_why_but_logs_it(settings, caplog):
    settings.HEALTH_MIN_FREE_DISK_MB = 10**12

    response = Client().get("/health/")

    assert response.status_code == 503
    assert response.content == b"failing\n"
    assert "disk:" in caplog.text
    assert "MB free" in caplog.text


def test_a_post_is_refused(settings):
    response = Client().post("/health/")

    assert response.status_code == 405


def test_answers_over_plain_http_when_https_is_enforced(settings):
    settings.SECURE_SSL_REDIRECT = True

    assert Client().get("/health/").status_code == 200
    assert Client().get("/public/").status_code == 301


@pytest.fixture
def task_queue(settings):
    """The database task backend with its table, as TASKS_BACKEND=database gives; removed afterwards."""
    settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, "django_tasks_db"]
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django_tasks_db.models import DBTaskResult

    with connection.schema_editor() as editor:
        editor.create_model(DBTaskResult)
    yield DBTaskResult
    with connection.schema_editor() as editor:
        editor.delete_model(DBTaskResult)


def _queue(model, *, waited: timedelta, **fields):
    row = model.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="mscb.tasks.example",
        backend_name="default",
        run_after=fields.pop("run_after", None) or _date_max(),
        **fields,
    )
    model.objects.filter(pk=row.pk).update(enqueued_at=timezone.now() - waited)
    return row


def _date_max():
    from django_tasks_db.models import get_date_max

    return get_date_max()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_task_waiting_past_the_limit_means_no_worker_and_fails(task_queue, settings, caplog):
    settings.HEALTH_TASK_MAX_WAIT_MINUTES = 15
    _queue(task_queue, waited=timedelta(minutes=16))

    response = Client().get("/health/")

    assert response.status_code == 503
    assert response.content == b"failing\n"
    assert "task queue: a task has waited over 15 minutes" in caplog.text


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_tasks_within_the_limit_running_or_done_are_healthy(task_queue, settings):
    settings.HEALTH_TASK_MAX_WAIT_MINUTES = 15
    _queue(task_queue, waited=timedelta(minutes=14))
    _queue(task_queue, waited=timedelta(hours=2), status="RUNNING")
    _queue(task_queue, waited=timedelta(hours=2), status="SUCCESSFUL")
    # Queued long ago to run a minute from now: not waiting yet.
    _queue(task_queue, waited=timedelta(hours=2), run_after=timezone.now() + timedelta(minutes=1))

    response = Client().get("/health/")

    assert response.status_code == 200
    assert response.content == b"ok\n"
