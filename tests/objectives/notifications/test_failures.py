"""Sending never breaks the page that triggered it, and nothing goes out for a write that rolled back."""

from http import HTTPStatus

import pytest
from django.db import transaction
from django.urls import reverse

from objectives.models import EmailLog, ProgressUpdate
from objectives.services import progress as services

pytestmark = pytest.mark.django_db


def test_a_failing_mail_server_does_not_break_the_submit_page_and_is_logged(
    contributor_client,
    board_manager,
    police_action,
    progress_round,
    settings,
    django_capture_on_commit_callbacks,
    mailoutbox,
):
    settings.EMAIL_BACKEND = "tests.objectives.notifications.conftest.RefusingBackend"
    url = reverse("objectives:progress_edit", args=[police_action.pk, progress_round.pk])
    data = {"rag": "green", "progress": "Audit done.", "impact": "", "version": "", "intent": "submit"}

    with django_capture_on_commit_callbacks(execute=True):
        response = contributor_client.post(url, data, follow=True)

    assert response.status_code == HTTPStatus.OK
    assert "progress for Action 1.1.1 submitted to the board manager" in response.content.decode()
    assert ProgressUpdate.objects.get().state == ProgressUpdate.State.SUBMITTED
    log = EmailLog.objects.get()
    assert (log.recipient, log.kind, log.status) == (board_manager, "submitted", "failed")
    assert log.error == "SMTPServerDisconnected: Connection unexpectedly closed"
    assert log.sent_at is None


def test_a_write_that_rolls_back_sends_nothing(
    board_manager, submitted, django_capture_on_commit_callbacks, mailoutbox
):
    class Undone(Exception):
        pass

    def return_then_fail():
        with transaction.atomic():
            services.return_progress(
                update=submitted, manager=board_manager, comment="Add figures.", expected_version=1
            )
            raise Undone

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(Undone):
        return_then_fail()

    assert mailoutbox == []
    assert not EmailLog.objects.exists()
    submitted.refresh_from_db()
    assert submitted.state == ProgressUpdate.State.SUBMITTED


def test_a_refused_write_sends_nothing(board_manager, submitted, django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(Exception, match="Say what the agency"):
        services.return_progress(update=submitted, manager=board_manager, comment="  ", expected_version=1)

    assert mailoutbox == []
