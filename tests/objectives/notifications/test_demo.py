"""Loading the demo sends no e-mail, and leaves people's settings and a year of e-mail log for the log page."""

import pytest
from django.core.management import call_command

from objectives.models import EmailLog, NotificationPreference

pytestmark = pytest.mark.django_db


def test_loading_the_demo_sends_nothing_and_fills_the_log(django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        call_command("load_demo", stdout=None)
    logged = EmailLog.objects.count()
    call_command("load_demo", stdout=None)

    assert mailoutbox == []
    assert callbacks == []
    assert logged > 20
    assert EmailLog.objects.count() == logged
    assert set(EmailLog.objects.values_list("kind", flat=True)) == {
        "submitted",
        "returned",
        "accepted",
        "round_opened",
        "digest",
    }
    assert EmailLog.objects.filter(status="failed").count() == 1
    assert EmailLog.objects.filter(status="queued").count() == 0
    digest_reader = NotificationPreference.objects.get(user__username="health.officer", kind="accepted")
    assert digest_reader.delivery == "digest"
