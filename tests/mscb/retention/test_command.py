"""The daily command: what it prints, its dry run, and a --today it cannot read."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from core.models import StagedUpload
from mscb.models import RetentionRemoval

from .records import at, upload

pytestmark = pytest.mark.django_db


def _run(*args) -> str:
    out = StringIO()
    call_command("apply_retention", *args, stdout=out)
    return out.getvalue()


def test_the_command_removes_what_is_due_on_the_day_given_and_says_so():
    upload(uploaded_at=at(2026, 1, 1))
    upload(uploaded_at=at(2026, 5, 20))

    output = _run("--today", "2026-06-10")

    assert output.splitlines() == [
        "uploaded files after their import was applied: 0 deleted",
        "uploaded files never confirmed: 1 deleted",
        "published committee reports: 0 deleted",
        "published yearly reports: 0 deleted",
        "training attendees' personal details: 0 anonymised",
        "Retention on 2026-06-10: 1 removed.",
    ]
    assert StagedUpload.objects.count() == 1
    assert RetentionRemoval.objects.get().done_by is None


def test_a_dry_run_says_what_is_due_and_removes_nothing():
    upload(uploaded_at=at(2026, 1, 1))

    output = _run("--today", "2026-06-10", "--dry-run")

    assert "uploaded files never confirmed: 1 due to be deleted" in output
    assert output.splitlines()[-1] == "Retention on 2026-06-10: 1 would be removed (dry run: nothing was removed)."
    assert StagedUpload.objects.count() == 1
    assert not RetentionRemoval.objects.exists()


def test_without_a_day_it_runs_for_today():
    output = _run()

    assert output.splitlines()[-1].endswith(": 0 removed.")


@pytest.mark.parametrize("day", ["10/06/2026", "2026-02-30", "tomorrow"])
def test_a_day_it_cannot_read_is_refused_with_how_to_write_it(day):
    with pytest.raises(CommandError) as refused:
        _run("--today", day)

    assert str(refused.value) == f"--today must be a day written YYYY-MM-DD, such as 2026-03-06, not {day!r}."
