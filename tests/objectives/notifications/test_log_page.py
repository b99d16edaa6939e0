"""The board manager's e-mail log: every e-mail, filtered by kind or person; nobody else may see it."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from objectives.models import EmailLog

pytestmark = pytest.mark.django_db

URL = reverse("objectives:email_log")


def logged(recipient, kind="submitted", status="sent", days_ago=0, **fields):
    return EmailLog.objects.create(
        recipient=recipient,
        address=recipient.email,
        kind=kind,
        subject=fields.pop("subject", f"Board: {kind} for {recipient.username}"),
        status=status,
        created_at=timezone.now() - timedelta(days=days_ago),
        **fields,
    )


def test_the_log_lists_every_e_mail_newest_first_with_why_one_failed(manager_client, board_manager, contributor):
    logged(contributor, "returned", days_ago=2, subject="Board: returned")
    logged(board_manager, "submitted", "failed", days_ago=1, subject="Board: submitted", error="SMTPError: refused")

    response = manager_client.get(URL)

    content = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "<h1>E-mail log</h1>" in content
    assert content.index("Board: submitted") < content.index("Board: returned")
    assert "Failed: SMTPError: refused" in content
    assert "Pat Officer (contributor@example.org)" in content
    assert "An update is returned to the agency" in content


def test_the_log_filters_by_kind_and_by_person(manager_client, board_manager, contributor):
    logged(contributor, "returned", subject="Board: returned")
    logged(contributor, "accepted", subject="Board: accepted")
    logged(board_manager, "returned", subject="Board: manager returned")

    by_kind = manager_client.get(URL, {"kind": "returned"}).content.decode()
    by_person = manager_client.get(URL, {"recipient": contributor.pk, "kind": "returned"}).content.decode()

    assert ("Board: returned" in by_kind, "Board: accepted" in by_kind, "Board: manager returned" in by_kind) == (
        True,
        False,
        True,
    )
    assert "Board: returned" in by_person
    assert "Board: manager returned" not in by_person


@pytest.mark.parametrize("persona", ["contributor_client", "reader_client"])
def test_only_the_board_manager_may_see_the_log(request, persona):
    response = request.getfixturevalue(persona).get(URL)

    assert response.status_code == HTTPStatus.FORBIDDEN


def test_the_managers_navigation_links_to_the_log_and_a_contributors_does_not(manager_client, client, contributor):
    link = f'href="{URL}"'

    managers = manager_client.get(reverse("objectives:plan_list")).content.decode()
    client.force_login(contributor)
    contributors = client.get(reverse("objectives:plan_list")).content.decode()

    assert link in managers
    assert link not in contributors


def test_the_log_queries_do_not_grow_with_e_mails(
    manager_client, board_manager, contributor, django_assert_num_queries
):
    for days_ago in range(3):
        logged(contributor, days_ago=days_ago)
    manager_client.get(URL)

    # session, user, the user's own and group permissions, the people in the filter, the count,
    # one page of e-mails joined to their recipients
    with django_assert_num_queries(6):
        manager_client.get(URL)
    for days_ago in range(5):
        logged(board_manager, days_ago=days_ago)
    with django_assert_num_queries(6):
        response = manager_client.get(URL)

    assert response.status_code == HTTPStatus.OK
