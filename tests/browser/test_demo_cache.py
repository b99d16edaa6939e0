"""The demo copy every browser test starts from is the demo `make demo` loads, whichever test asks for it first."""

import pytest

from objectives.models import PublishedReport
from tests.browser import demo_cache

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_first_test_to_load_the_demo_while_keeping_tasks_queued_still_gets_its_public_report(
    queue_only, monkeypatch
):
    # As if this test were the run's first to ask for the demo (the run's own copy comes back after).
    monkeypatch.setattr(demo_cache, "_copies", {})

    demo_cache.load_demo()

    assert [report.files_status for report in PublishedReport.objects.public()] == ["ready"]
