"""The log is kept unchanged for SECURITY_LOG_RETENTION_DAYS, then purged; each entry is also one JSON line."""

import json
from datetime import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from audit.models import EntryIsPermanent, SecurityEvent
from tests.audit.conftest import events, forget_setup
from tests.audit.factories import SecurityEventFactory
from tests.mscb.test_settings import production_env, run_python

# The days kept, the security logger's level and the root's, as a freshly started server has them.
_PROBE = (
    "import django, logging; django.setup(); from django.conf import settings; "
    "print(settings.SECURITY_LOG_RETENTION_DAYS, logging.getLogger('mscb.security').getEffectiveLevel(), "
    "logging.getLogger().level)"
)

Kind = SecurityEvent.Kind
pytestmark = pytest.mark.django_db


def logged_at(year, month, day, hour=0, minute=0):
    event = SecurityEventFactory()
    moment = timezone.make_aware(datetime(year, month, day, hour, minute))
    SecurityEvent.objects.filter(pk=event.pk).update(happened_at=moment)
    return event


def test_an_entry_cannot_be_changed():
    event = SecurityEventFactory(username="sam")
    event.username = "someone else"

    with pytest.raises(EntryIsPermanent):
        event.save()

    assert SecurityEvent.objects.get(pk=event.pk).username == "sam"


def test_an_entry_cannot_be_deleted_one_by_one():
    event = SecurityEventFactory()

    with pytest.raises(EntryIsPermanent):
        event.delete()

    assert SecurityEvent.objects.filter(pk=event.pk).exists()


def test_entries_are_kept_the_set_number_of_whole_days_then_purged(settings):
    settings.SECURITY_LOG_RETENTION_DAYS = 730
    forget_setup()
    # Two years before 4 December 2026, London time: the last day kept is 4 December 2024.
    kept_first = logged_at(2024, 12, 4, 0, 0)
    purged_last = logged_at(2024, 12, 3, 23, 59)

    call_command("purge_security_log", "--today", "2026-12-04")

    assert list(SecurityEvent.objects.all()) == [kept_first]
    assert not SecurityEvent.objects.filter(pk=purged_last.pk).exists()


def test_the_purge_says_what_it_did_and_deletes_nothing_more_when_run_again(settings, capsys):
    settings.SECURITY_LOG_RETENTION_DAYS = 30
    forget_setup()
    logged_at(2026, 1, 1)

    call_command("purge_security_log", "--today", "2026-03-01")
    call_command("purge_security_log", "--today", "2026-03-01")

    out = capsys.readouterr().out.splitlines()
    assert out == [
        "Security log on 2026-03-01: 1 older than 30 days deleted.",
        "Security log on 2026-03-01: 0 older than 30 days deleted.",
    ]


def test_each_event_is_one_json_line_on_the_security_logger(client, caplog):
    caplog.set_level("INFO", logger="mscb.security")

    client.post(reverse("login"), {"username": "sam\ninjected", "password": "a-secret-guess"}, REMOTE_ADDR="192.0.2.8")

    [record] = [record for record in caplog.records if record.name == "mscb.security"]
    assert "\n" not in record.getMessage()
    line = json.loads(record.getMessage())
    [event] = events(Kind.SIGN_IN_FAILED)
    assert line == {
        "time": event.happened_at.isoformat(),
        "kind": "sign_in_failed",
        "username": "sam\ninjected",
        "user_id": None,
        "address": "192.0.2.8",
        "method": "POST",
        "path": "/accounts/login/",
        "detail": "",
    }
    assert "a-secret-guess" not in caplog.text


def test_the_security_logger_writes_at_info_though_the_root_logs_warnings_only():
    result = run_python(_PROBE, **production_env())

    assert result.stdout.split() == ["730", "20", "30"]


def test_the_retention_is_set_by_environment_variable():
    result = run_python(_PROBE, **production_env(SECURITY_LOG_RETENTION_DAYS="90"))

    assert result.stdout.split()[0] == "90"


@pytest.mark.parametrize("nonsense", ["0", "two years"])
def test_a_retention_that_is_not_a_whole_number_of_days_stops_the_start(nonsense):
    result = run_python(_PROBE, **production_env(SECURITY_LOG_RETENTION_DAYS=nonsense))

    assert result.returncode != 0
    assert "SECURITY_LOG_RETENTION_DAYS must be" in result.stderr
