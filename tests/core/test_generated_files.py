"""Files made in the background: built once, cleaned when nobody needs them, never left "being prepared" for ever."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from core import generated
from core.models import GeneratedFile, VersionedKey

Status = GeneratedFile.Status
NOW = timezone.now()


def _file(key: str, *, status=Status.READY, source_label="round 1", age=timedelta(0)) -> GeneratedFile:
    made = GeneratedFile.objects.create(kind="committee-paper.pdf", key=key, source_label=source_label, status=status)
    GeneratedFile.objects.filter(pk=made.pk).update(updated_at=NOW - age)
    return made


def _keys() -> set[str]:
    return set(GeneratedFile.objects.values_list("key", flat=True))


@pytest.mark.django_db
def test_cleaning_deletes_a_file_untouched_for_the_kept_days(settings):
    settings.GENERATED_FILE_KEEP_DAYS = 7
    _file("old", age=timedelta(days=8))
    _file("recent", source_label="round 2", age=timedelta(days=6))

    assert generated.clean(now=NOW) == (1, 0)
    assert _keys() == {"recent"}


@pytest.mark.django_db
def test_cleaning_deletes_a_file_a_newer_one_replaced_a_day_ago():
    _file("first", age=timedelta(days=3))
    _file("replaced yesterday", age=timedelta(days=2))
    _file("newest", age=timedelta(hours=1))

    generated.clean(now=NOW)

    # The second was replaced only an hour ago, so a reader sent its page may still fetch it.
    assert _keys() == {"replaced yesterday", "newest"}


@pytest.mark.django_db
def test_cleaning_forgets_what_a_version_held_once_its_file_is_gone(settings):
    settings.GENERATED_FILE_KEEP_DAYS = 7
    _file("old", age=timedelta(days=8))
    _file("recent", source_label="round 2")
    generated.remember(scope="yesterday", version=1, key="old")
    generated.remember(scope="today", version=1, key="recent")

    generated.clean(now=NOW)

    assert set(VersionedKey.objects.values_list("scope", flat=True)) == {"today"}


@pytest.mark.django_db
def test_a_file_whose_worker_stopped_is_marked_failed_so_it_can_be_tried_again():
    stuck = _file("stuck", status=Status.BUILDING, age=timedelta(hours=1))
    building = _file("building", status=Status.BUILDING, source_label="round 2", age=timedelta(minutes=5))

    call_command("clean_generated_files")

    stuck.refresh_from_db()
    building.refresh_from_db()
    assert (stuck.status, stuck.error) == (Status.FAILED, "The worker making it stopped before it finished.")
    assert building.status == Status.BUILDING


@pytest.mark.django_db
def test_a_task_run_twice_builds_the_file_once():
    queued = _file("queued", status=Status.QUEUED)
    builds = []

    def builder(source):
        builds.append(source)
        return b"made"

    generated.build(queued.pk, builder)
    generated.build(queued.pk, builder)

    queued.refresh_from_db()
    assert (len(builds), queued.status, bytes(queued.content)) == (1, Status.READY, b"made")
