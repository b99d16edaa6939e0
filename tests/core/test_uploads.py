"""The staged upload every import shares: kept until confirmed, then claimed and applied exactly once."""

import threading

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import connection

from core.models import StagedUpload
from core.uploads import NotApplied, Preview, claim_and_apply, stage_upload
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def staged(user, **target) -> StagedUpload:
    return stage_upload(kind="plan", uploaded_by=user, file_name="plan.csv", content=b"aim\n", **target)


def test_an_upload_is_kept_with_its_kind_target_and_a_long_token(board_manager):
    upload = staged(board_manager, target_name="2026/27")

    upload.refresh_from_db()
    assert (upload.kind, upload.target_id, upload.target_name, upload.file_name) == (
        "plan",
        None,
        "2026/27",
        "plan.csv",
    )
    assert (bytes(upload.content), upload.uploaded_by, upload.is_applied) == (b"aim\n", board_manager, False)
    assert len(upload.token) >= 40
    assert staged(board_manager).token != upload.token


def test_only_the_uploader_sees_an_upload_of_the_kind_asked_for(board_manager):
    upload = staged(board_manager, target_id=7)
    other = UserFactory(username="other.manager")

    assert list(StagedUpload.objects.staged_by(board_manager, kind="plan")) == [upload]
    assert not StagedUpload.objects.staged_by(board_manager, kind="review_actions").exists()
    assert not StagedUpload.objects.staged_by(other, kind="plan").exists()


def test_an_upload_is_applied_once(board_manager):
    upload = staged(board_manager)
    calls = []

    first = claim_and_apply(upload=upload, apply=lambda claimed: calls.append(claimed.pk) or "done")
    second = claim_and_apply(upload=StagedUpload.objects.get(), apply=lambda claimed: calls.append(claimed.pk))

    assert (first.claimed, first.result, second.claimed, second.result) == (True, "done", False, None)
    assert calls == [upload.pk]
    assert StagedUpload.objects.get().is_applied


def test_an_apply_that_refuses_undoes_its_writes_and_the_claim(board_manager):
    upload = staged(board_manager)

    def apply(claimed):
        Group.objects.create(name="Written before the refusal")
        raise NotApplied(Preview(claimed, problem="The file no longer fits."))

    with pytest.raises(NotApplied) as refusal:
        claim_and_apply(upload=upload, apply=apply)

    assert refusal.value.result.problem == "The file no longer fits."
    assert not Group.objects.filter(name="Written before the refusal").exists()
    assert upload.applied_at is None
    assert not StagedUpload.objects.get().is_applied


def test_an_apply_that_fails_validation_can_be_confirmed_again(board_manager):
    upload = staged(board_manager)

    def fail(claimed):
        raise ValidationError("The plan changed.")

    with pytest.raises(ValidationError):
        claim_and_apply(upload=upload, apply=fail)
    again = claim_and_apply(upload=upload, apply=lambda claimed: "applied")

    assert (again.claimed, again.result) == (True, "applied")


def test_a_preview_can_apply_only_changes_with_no_problem(board_manager):
    upload = staged(board_manager)

    class Changes:
        can_apply = True

    assert Preview(upload, changes=Changes()).can_apply
    assert not Preview(upload, changes=Changes(), problem="Unreadable").can_apply
    assert not Preview(upload).can_apply


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite runs one write at a time anyway")
def test_two_confirmations_at_once_apply_once():
    upload = staged(UserFactory(username="manager.one"))
    barrier = threading.Barrier(2)
    results = []

    def confirm():
        try:
            barrier.wait()
            claim = claim_and_apply(upload=StagedUpload.objects.get(pk=upload.pk), apply=_slow_apply)
            results.append(claim.claimed)
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(results) == [False, True]
    assert Group.objects.filter(name="Applied").count() == 1


def _slow_apply(upload):
    # Hold the claim a moment, so the other confirmation arrives while this one is still writing.
    threading.Event().wait(0.2)
    return Group.objects.create(name="Applied")
