"""The daily digest: each person's items since their last digest, in one e-mail grouped by kind, never resent."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from objectives.models import DigestItem, EmailLog, NotificationPreference
from objectives.notifications import events
from objectives.services import progress as services
from tests.factories import ProgressRoundFactory

from .conftest import BOARD, SITE

pytestmark = pytest.mark.django_db

Delivery = NotificationPreference.Delivery


def send_digest(*args) -> str:
    output = StringIO()
    call_command("send_digest", *args, stdout=output)
    return output.getvalue()


@pytest.fixture
def on_digest(contributor):
    for kind in ("returned", "accepted", "round_opened"):
        NotificationPreference.objects.create(user=contributor, kind=kind, delivery=Delivery.DIGEST)
    return contributor


@pytest.fixture
def three_items(on_digest, board_manager, submitted, progress_round, django_capture_on_commit_callbacks):
    """A return, then the acceptance of the resubmitted update, then a round opening: three kinds."""
    with django_capture_on_commit_callbacks(execute=True):
        services.return_progress(update=submitted, manager=board_manager, comment="Add figures.", expected_version=1)
        services.submit_progress(
            action=submitted.action,
            progress_round=progress_round,
            author=on_digest,
            rag="amber",
            progress="Audit half done: 40 cases.",
            impact="",
            expected_version=2,
        )
        services.accept_progress(
            update=submitted,
            manager=board_manager,
            rag="green",
            progress="Audit half done: 40 cases.",
            impact="",
            expected_version=3,
        )
        events.round_opened(another_round(progress_round, 9), opened_by=board_manager)


def another_round(progress_round, month):
    return ProgressRoundFactory(plan=progress_round.plan, as_of=date(2025, month, 30), deadline=date(2025, 10, 17))


def test_the_digest_groups_the_items_by_kind_in_one_e_mail(three_items, mailoutbox):
    mailoutbox.clear()  # the board manager's own e-mail about the resubmission

    output = send_digest()

    assert output == "Sent 1 digest holding 3 items.\n"
    assert [message.to for message in mailoutbox] == [["contributor@example.org"]]
    message = mailoutbox[0]
    assert message.subject == f"{BOARD}: Your daily digest: 3 items"
    body = message.body
    returned = body.index("An update is returned to the agency (1)\n")
    accepted = body.index("An update is accepted (1)\n")
    opened = body.index("A progress round opens (1)\n")
    assert returned < accepted < opened
    assert "- Progress for action 1.1.1 accepted with changes\n" in body
    assert (
        "  Progress report December 2025. The board manager changed the\n  rating. The rating is now: Green.\n" in body
    )
    assert "- Progress report September 2025 is open: updates due by 17 October 2025\n" in body
    assert f"  1 action for your agency: 1.1.1.\n  {SITE}/my-actions/\n" in body
    assert max(len(line) for line in body.splitlines()) <= 78


def test_running_the_digest_again_sends_nothing(three_items, mailoutbox):
    send_digest()
    mailoutbox.clear()

    output = send_digest()

    assert output == "Sent 0 digests holding 0 items.\n"
    assert mailoutbox == []
    digest = EmailLog.objects.get(kind="digest")
    assert DigestItem.objects.filter(digest=digest).count() == 3


def test_a_later_item_goes_in_the_next_digest_alone(
    three_items, on_digest, board_manager, progress_round, django_capture_on_commit_callbacks, mailoutbox
):
    send_digest()
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        events.round_opened(another_round(progress_round, 6), opened_by=board_manager)

    send_digest()

    assert "Your daily digest: 1 item" in mailoutbox[0].subject


def test_a_dry_run_counts_and_sends_nothing(three_items, mailoutbox):
    mailoutbox.clear()

    output = send_digest("--dry-run")

    assert output == "Would send 1 digest holding 3 items.\n"
    assert mailoutbox == []
    assert DigestItem.objects.filter(digest__isnull=True).count() == 3


def test_a_digest_that_fails_is_logged_and_its_items_wait_for_the_next(three_items, settings, mailoutbox):
    settings.EMAIL_BACKEND = "tests.objectives.notifications.conftest.RefusingBackend"

    with pytest.raises(CommandError, match="Could not send 1 digest, to contributor@example.org"):
        send_digest()

    failed = EmailLog.objects.get(kind="digest")
    assert (failed.status, failed.error) == ("failed", "SMTPServerDisconnected: Connection unexpectedly closed")
    assert DigestItem.objects.filter(digest__isnull=True).count() == 3
