"""Each person chooses, per kind, an e-mail at once (the default), a daily digest, or none."""

from http import HTTPStatus

import pytest
from django.core.management import call_command
from django.urls import reverse

from objectives.models import DigestItem, EmailLog, NotificationPreference
from objectives.services import progress as services

pytestmark = pytest.mark.django_db

Delivery = NotificationPreference.Delivery


def choose(user, kind, delivery):
    NotificationPreference.objects.create(user=user, kind=kind, delivery=delivery)


def return_it(update, manager, capture):
    with capture(execute=True):
        services.return_progress(update=update, manager=manager, comment="Add figures.", expected_version=1)


def test_none_sends_nothing_and_keeps_nothing_for_the_digest(
    board_manager, contributor, submitted, django_capture_on_commit_callbacks, mailoutbox
):
    choose(contributor, "returned", Delivery.NONE)

    return_it(submitted, board_manager, django_capture_on_commit_callbacks)

    assert mailoutbox == []
    assert not DigestItem.objects.exists()
    assert not EmailLog.objects.exists()


def test_digest_sends_nothing_now_and_the_item_arrives_in_the_digest(
    board_manager, contributor, submitted, django_capture_on_commit_callbacks, mailoutbox
):
    choose(contributor, "returned", Delivery.DIGEST)

    return_it(submitted, board_manager, django_capture_on_commit_callbacks)
    sent_at_once = list(mailoutbox)
    call_command("send_digest", stdout=None)

    assert sent_at_once == []
    assert [message.to for message in mailoutbox] == [["contributor@example.org"]]
    assert "Progress for action 1.1.1 returned for changes" in mailoutbox[0].body
    assert "  Progress report December 2025. The board manager's comment: Add\n  figures.\n" in mailoutbox[0].body


def test_immediate_is_the_default_and_a_choice_for_one_kind_leaves_the_others(
    board_manager, contributor, submitted, django_capture_on_commit_callbacks, mailoutbox
):
    choose(contributor, "accepted", Delivery.NONE)

    return_it(submitted, board_manager, django_capture_on_commit_callbacks)

    assert [message.to for message in mailoutbox] == [["contributor@example.org"]]


def test_the_settings_page_shows_each_kind_with_the_current_choice(contributor_client, contributor):
    choose(contributor, "round_opened", Delivery.DIGEST)

    response = contributor_client.get(reverse("objectives:email_settings"))

    content = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "<h1>E-mail settings</h1>" in content
    assert "The board manager returns an update to your agency" in content
    assert 'name="round_opened" value="digest"' in content
    assert 'name="round_opened" value="digest"  id="id_round_opened_1" required checked>' in content


def test_saving_the_settings_page_records_the_persons_own_choices(contributor_client, contributor, board_manager):
    data = {"returned": "digest", "accepted": "immediate", "round_opened": "none"}

    response = contributor_client.post(reverse("objectives:email_settings"), {**data, "submitted": "none"})

    assert response.status_code == HTTPStatus.FOUND
    chosen = dict(NotificationPreference.objects.filter(user=contributor).values_list("kind", "delivery"))
    assert chosen == data
    assert not NotificationPreference.objects.filter(user=board_manager).exists()


def test_the_settings_page_refuses_an_unknown_choice(contributor_client, contributor):
    data = {"returned": "hourly", "accepted": "immediate", "round_opened": "none"}

    response = contributor_client.post(reverse("objectives:email_settings"), data)

    assert response.status_code == HTTPStatus.OK
    assert not NotificationPreference.objects.exists()


def test_the_navigation_links_everyone_to_their_e_mail_settings(reader_client):
    response = reader_client.get(reverse("objectives:plan_list"))

    assert f'href="{reverse("objectives:email_settings")}">E-mail settings</a>' in response.content.decode()


@pytest.mark.parametrize(
    ("persona", "offered"),
    [
        ("manager_client", ["submitted", "returned", "accepted", "round_opened"]),
        ("contributor_client", ["returned", "accepted", "round_opened"]),
        ("reader_client", []),
    ],
)
def test_the_settings_page_offers_only_the_kinds_the_persons_role_receives(request, persona, offered):
    response = request.getfixturevalue(persona).get(reverse("objectives:email_settings"))

    content = response.content.decode()
    assert [kind for kind in ("submitted", "returned", "accepted", "round_opened") if f'name="{kind}"' in content] == (
        offered
    )
    assert ("Your role receives no e-mails" in content) == (not offered)
