"""Each kind of e-mail reaches exactly the right people, with the right words and the page's address."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from objectives.models import EmailLog, ProgressUpdate
from objectives.services import progress as services

from .conftest import BOARD, SITE, addressed_to

pytestmark = pytest.mark.django_db

State = ProgressUpdate.State


def test_submitting_e_mails_every_board_manager_but_not_the_contributors(
    contributor_client,
    contributor,
    colleague,
    board_manager,
    second_manager,
    police_action,
    progress_round,
    django_capture_on_commit_callbacks,
    mailoutbox,
):
    url = reverse("objectives:progress_edit", args=[police_action.pk, progress_round.pk])
    data = {"rag": "green", "progress": "Audit done.", "impact": "", "version": "", "intent": "submit"}

    with django_capture_on_commit_callbacks(execute=True):
        response = contributor_client.post(url, data)

    assert response.status_code == HTTPStatus.FOUND
    assert addressed_to(mailoutbox) == [["deputy@example.org"], ["manager@example.org"]]
    update = ProgressUpdate.objects.get()
    message = mailoutbox[0]
    assert message.subject == f"{BOARD}: Pat Officer submitted progress for action 1.1.1"
    assert "Pat Officer has submitted progress for\naction 1.1.1 in Progress report December 2025." in message.body
    assert f"\n{SITE}/progress/{update.pk}/review/\n" in message.body
    assert "Lead agencies: Police" in message.body
    assert "You receive this e-mail because you review the updates agencies submit." in message.body
    assert f"\n{SITE}/email-settings/" in message.body


def test_returning_e_mails_the_writer_and_the_agencys_contributors_with_the_comment(
    board_manager,
    second_manager,
    contributor,
    colleague,
    other_contributor,
    submitted,
    django_capture_on_commit_callbacks,
    mailoutbox,
):
    with django_capture_on_commit_callbacks(execute=True):
        services.return_progress(
            update=submitted, manager=board_manager, comment="Please add the audit's figures.", expected_version=1
        )

    assert addressed_to(mailoutbox) == [["colleague@example.org"], ["contributor@example.org"]]
    body = mailoutbox[0].body
    assert mailoutbox[0].subject == f"{BOARD}: Progress for action 1.1.1 returned for changes"
    assert "Morgan Manager, the board manager, has returned the progress" in body
    assert "The board manager's comment:\nPlease add the audit's figures.\n" in body
    edit = f"{SITE}/actions/{submitted.action_id}/progress/{submitted.round_id}/"
    assert f"Change the update and submit it again:\n{edit}\n" in body


@pytest.mark.parametrize(
    ("rag", "progress", "says"),
    [
        ("amber", "Audit half done.", "Accepted as you submitted it. The rating is now: Amber."),
        ("green", "Audit half done.", "The board manager changed the rating. The rating is now: Green."),
        ("amber", "Audit half done, 40 cases.", "The board manager changed the text. The rating is now: Amber."),
        ("red", "Audit started.", "The board manager changed the text and the rating. The rating is now: Red."),
    ],
)
def test_accepting_tells_the_writer_what_the_manager_changed_and_the_rating_now(
    board_manager,
    contributor,
    colleague,
    submitted,
    rag,
    progress,
    says,
    django_capture_on_commit_callbacks,
    mailoutbox,
):
    with django_capture_on_commit_callbacks(execute=True):
        services.accept_progress(
            update=submitted, manager=board_manager, rag=rag, progress=progress, impact="", expected_version=1
        )

    assert addressed_to(mailoutbox) == [["contributor@example.org"]]
    assert says in mailoutbox[0].body
    assert "\n\n\n" not in mailoutbox[0].body
    assert f"Read the accepted progress:\n{SITE}/actions/{submitted.action_id}/\n" in mailoutbox[0].body


def test_the_managers_own_accepted_update_e_mails_nobody(
    board_manager, contributor, police_action, progress_round, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        services.save_and_accept_progress(
            action=police_action,
            progress_round=progress_round,
            manager=board_manager,
            rag="green",
            progress="Done.",
            impact="",
            expected_version=None,
        )

    assert mailoutbox == []


def test_opening_a_round_e_mails_each_contributor_their_agencys_actions_and_the_deadline(
    manager_client,
    contributor,
    colleague,
    other_contributor,
    police_action,
    health_action,
    objective,
    django_capture_on_commit_callbacks,
    mailoutbox,
):
    url = reverse("objectives:round_create", args=[objective.plan_id])

    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(url, {"as_of": "2025-09-30", "deadline": "2025-10-17"})

    assert response.status_code == HTTPStatus.FOUND
    assert addressed_to(mailoutbox) == [
        ["colleague@example.org"],
        ["contributor@example.org"],
        ["other.contributor@example.org"],
    ]
    police = next(message for message in mailoutbox if message.to == ["contributor@example.org"])
    round_pk = objective.plan.rounds.get().pk
    assert police.subject == f"{BOARD}: Progress report September 2025 is open: updates due by 17 October 2025"
    assert "Updates are due by 17 October 2025." in police.body
    assert "- Action 1.1.1: Audit repeat referrals" in police.body
    assert f"  {SITE}/actions/{police_action.pk}/progress/{round_pk}/\n" in police.body
    assert "1.1.2" not in police.body
    assert f"{SITE}/my-actions/" in police.body


def test_every_e_mail_is_logged_as_sent(board_manager, submitted, django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        services.accept_progress(
            update=submitted,
            manager=board_manager,
            rag="amber",
            progress="Audit half done.",
            impact="",
            expected_version=1,
        )

    log = EmailLog.objects.get()
    assert (log.recipient, log.kind, log.status, log.subject) == (
        submitted.author,
        "accepted",
        "sent",
        mailoutbox[0].subject,
    )
    assert log.sent_at is not None


def test_e_mail_lines_are_short_and_never_say_click_here(
    board_manager, second_manager, contributor, colleague, submitted, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        services.return_progress(update=submitted, manager=board_manager, comment="Add figures.", expected_version=1)

    for message in mailoutbox:
        assert max(len(line) for line in message.body.splitlines()) <= 78
        assert "click here" not in message.body.lower()
