"""The main navigation: drawn in one pass from mscb.navigation, for the user and page of each request."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse, set_script_prefix

from objectives import roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def main_nav(response) -> str:
    return response.content.decode().split('<ul class="navbar-nav me-auto">')[1].split("</ul>")[0]


def nav_links(response) -> list[tuple[str, str]]:
    """(label, href) of each main navigation link, in order."""
    return [(label, href) for href, label in re.findall(r'href="([^"]+)">([^<]+)</a>', main_nav(response))]


def test_a_contributor_sees_the_links_of_their_role_in_order(contributor_client):
    labels = [label for label, _ in nav_links(contributor_client.get(reverse("home")))]

    assert labels[:5] == ["Home", "Business plans", "Actions", "Dashboard", "My actions"]
    assert "People" not in labels


def test_a_role_given_between_requests_shows_its_links_on_the_next_page(contributor_client, contributor):
    before = dict(nav_links(contributor_client.get(reverse("home"))))
    contributor.groups.add(Group.objects.get(name=roles.BOARD_MANAGERS))

    after = dict(nav_links(contributor_client.get(reverse("home"))))

    assert "People" not in before
    assert after["People"] == reverse("objectives:person_list")


def test_links_needing_two_permissions_show_only_with_both(client):
    # Reviewing progress shows the board manager's lists; the retention link also needs the retention permission.
    user = UserFactory(username="reviewer")
    user.user_permissions.add(Permission.objects.get(codename="review_progressupdate"))
    client.force_login(user)
    before = [label for label, _ in nav_links(client.get(reverse("home")))]
    user.user_permissions.add(Permission.objects.get(codename="change_retentionpolicy"))

    after = [label for label, _ in nav_links(client.get(reverse("home")))]

    assert before == ["Home", "Business plans", "Actions", "Rating scales", "E-mail log"]
    assert after == ["Home", "Business plans", "Actions", "Rating scales", "E-mail log", "Retention"]


def test_only_the_current_pages_link_is_marked(contributor_client):
    nav = main_nav(contributor_client.get(reverse("objectives:action_list")))

    assert nav.count('aria-current="page"') == 1
    assert (
        f'<a class="nav-link active" aria-current="page" href="{reverse("objectives:action_list")}">Actions</a>' in nav
    )


def test_links_follow_the_address_the_site_is_served_under(contributor_client):
    # As gunicorn behind a proxy serving the site under /scp/ sets it for each request.
    set_script_prefix("/scp/")
    try:
        under_prefix = dict(nav_links(contributor_client.get("/")))
    finally:
        set_script_prefix("/")
    at_root = dict(nav_links(contributor_client.get("/")))

    assert under_prefix["Actions"] == "/scp/actions/"
    assert at_root["Actions"] == "/actions/"


def test_nobody_signed_in_gets_no_links(client):
    content = client.get(reverse("login")).content.decode()

    assert 'id="main-nav"' not in content
