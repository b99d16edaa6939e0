"""Fixtures for work done by the task worker: a queue that keeps tasks until the test runs them, a broken PDF engine."""

import pytest
import weasyprint
from django_tasks import default_task_backend

QUEUE_ONLY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def queue_only(settings):
    """A queue that keeps tasks until the test runs them, as the database queue keeps them for `db_worker`."""
    settings.TASKS = QUEUE_ONLY
    default_task_backend.clear()
    yield default_task_backend
    default_task_backend.clear()


@pytest.fixture
def broken_pdf_engine(monkeypatch):
    """WeasyPrint failing as it does when a font is missing or memory runs out."""

    def write_pdf(self, *args, **kwargs):
        raise OSError("No usable font was found")

    monkeypatch.setattr(weasyprint.HTML, "write_pdf", write_pdf)


def run_worker(queue) -> None:
    """What `manage.py db_worker` does with each queued task."""
    for result in list(queue.results):
        result.task.call(*result.args, **result.kwargs)
    queue.clear()
