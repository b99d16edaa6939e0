"""The committee paper's PDF and Word files are made in the background a while after a round's progress changes,
once per burst of changes, so the download that follows is served at once."""

from datetime import date
from http import HTTPStatus

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from core.models import GeneratedFile
from objectives.models import ProgressUpdate
from objectives.paper.ahead import prepare_paper_files
from objectives.services import progress, rounds
from tests.background_tasks import run_worker
from tests.factories import ActionFactory, AimFactory, ObjectiveFactory, ProgressRoundFactory, ProgressUpdateFactory

pytestmark = pytest.mark.django_db
State = ProgressUpdate.State


@pytest.fixture(autouse=True)
def _no_task_waiting():
    # The marker that stops a burst queueing twice lives in the cache, which outlasts a test's database.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def december(db):
    progress_round = ProgressRoundFactory(plan__title="2025/26", as_of=date(2025, 12, 31))
    objective = ObjectiveFactory(aim=AimFactory(plan=progress_round.plan, number=1), ref="1.1")
    for ref in ("1.1.1", "1.1.2"):
        action = ActionFactory(objective=objective, ref=ref)
        ProgressUpdateFactory(action=action, round=progress_round, state=State.SUBMITTED, progress=f"Audit {ref}.")
    return progress_round


def accept(update, manager):
    return progress.accept_progress(
        update=update, manager=manager, expected_version=update.version, rag="green", progress="Done.", impact=""
    )


def accept_all(progress_round, manager, capture):
    with capture(execute=True):
        for update in ProgressUpdate.objects.filter(round=progress_round).order_by("pk"):
            accept(update, manager)


def run_worker_twice(queue):
    """The worker runs the deferred task, which queues the files' builds, and then those (run_worker empties the
    queue once it has run what it held, so each round of tasks is taken before the next is queued)."""
    held = list(queue.results)
    queue.clear()
    for result in held:
        result.task.call(*result.args, **result.kwargs)
    run_worker(queue)


def queued(queue, task):
    return [result for result in queue.results if result.task.name == task.name]


def test_accepting_an_update_queues_the_round_paper_for_later(
    december, board_manager, queue_only, django_capture_on_commit_callbacks
):
    update = ProgressUpdate.objects.filter(round=december).first()

    with django_capture_on_commit_callbacks(execute=True):
        accept(update, board_manager)

    [task] = queued(queue_only, prepare_paper_files)
    assert task.args == [december.pk, ["Morgan Manager", ""]]
    assert task.task.run_after > timezone.now()
    # Nothing is made until the task runs.
    assert not GeneratedFile.objects.exists()


def test_a_burst_of_acceptances_queues_one_task(
    december, board_manager, queue_only, django_capture_on_commit_callbacks
):
    accept_all(december, board_manager, django_capture_on_commit_callbacks)

    assert len(queued(queue_only, prepare_paper_files)) == 1


def test_a_manager_writing_progress_directly_queues_the_paper(
    december, board_manager, queue_only, django_capture_on_commit_callbacks
):
    action = ActionFactory(objective=december.plan.aims.get().objectives.get(), ref="1.1.3")

    with django_capture_on_commit_callbacks(execute=True):
        progress.save_and_accept_progress(
            action=action, progress_round=december, manager=board_manager, expected_version=None,
            rag="amber", progress="Written by the manager.", impact="",
        )  # fmt: skip

    assert len(queued(queue_only, prepare_paper_files)) == 1


def test_closing_a_round_queues_its_paper(december, board_manager, queue_only, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        rounds.close_round(progress_round=december, closed_by=board_manager)

    assert len(queued(queue_only, prepare_paper_files)) == 1


def test_a_change_undone_queues_nothing(december, board_manager, queue_only, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        accept(ProgressUpdate.objects.filter(round=december).first(), board_manager)

    assert not queue_only.results


def test_a_change_after_the_task_ran_queues_another(
    december, board_manager, queue_only, django_capture_on_commit_callbacks
):
    first, second = ProgressUpdate.objects.filter(round=december).order_by("pk")
    with django_capture_on_commit_callbacks(execute=True):
        accept(first, board_manager)
    run_worker_twice(queue_only)

    with django_capture_on_commit_callbacks(execute=True):
        accept(second, board_manager)

    assert len(queued(queue_only, prepare_paper_files)) == 1


def test_the_download_after_the_worker_ran_is_served_without_building(
    december, board_manager, queue_only, django_capture_on_commit_callbacks, client, reader, manager_client
):
    accept_all(december, board_manager, django_capture_on_commit_callbacks)
    run_worker_twice(queue_only)
    made = set(GeneratedFile.objects.values_list("pk", "status"))

    urls = [reverse(f"objectives:report_{kind}", args=[december.plan_id, december.pk]) for kind in ("pdf", "docx")]
    for url in urls:
        assert manager_client.get(url).status_code == HTTPStatus.OK
    client.force_login(reader)
    for url in urls:
        assert client.get(url).status_code == HTTPStatus.OK

    assert not queue_only.results
    assert set(GeneratedFile.objects.values_list("pk", "status")) == made
    assert {status for _, status in made} == {GeneratedFile.Status.READY}


def test_a_task_that_finds_the_files_made_does_nothing(december, board_manager, queue_only):
    prepare_paper_files.call(december.pk, ["Morgan Manager", ""])
    run_worker(queue_only)
    made = list(GeneratedFile.objects.values_list("pk", "updated_at"))

    prepare_paper_files.call(december.pk, ["Morgan Manager", ""])

    assert not queue_only.results
    assert list(GeneratedFile.objects.values_list("pk", "updated_at")) == made


def test_a_queue_that_cannot_defer_makes_nothing_on_acceptance(
    december, board_manager, django_capture_on_commit_callbacks
):
    # The immediate queue of development and the tests would build the PDF inside the acceptance itself.
    accept_all(december, board_manager, django_capture_on_commit_callbacks)

    assert not GeneratedFile.objects.exists()
