"""Issue 16's High finding: a board manager in the admin can make nobody superuser or staff, give no permission,
and reach neither the site admin's account nor another manager's (mscb/admin.py)."""

from http import HTTPStatus

import lxml.html
import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from mscb.admin import STAFF_ADMIN_MODELS
from objectives import roles
from tests.factories import UserFactory
from tests.mscb.authorization_world import admin_object_for, build_world

pytestmark = pytest.mark.django_db

User = get_user_model()
PRIVILEGE_FIELDS = ("is_superuser", "is_staff", "user_permissions", "groups", "permissions")
REFUSED = {HTTPStatus.FORBIDDEN, HTTPStatus.NOT_FOUND}
REGISTERED = sorted(admin.site._registry, key=lambda model: model._meta.label)


@pytest.fixture
def world(board_manager, lead_agency, other_agency):
    return build_world(lead_agency=lead_agency, other_agency=other_agency, board_manager=board_manager)


def admin_pages(model, world) -> list[str]:
    """The model's change list, add form and, where a row exists, its change form."""
    name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    pages = [reverse(f"{name}_changelist"), reverse(f"{name}_add")]
    row = admin_object_for(model._meta.app_label, model._meta.model_name, world)
    if row is not None:
        pages.append(reverse(f"{name}_change", args=[row.pk]))
    return pages


def privileges() -> tuple:
    """Who holds superuser or staff status, and every user's own permissions and groups, as they stand."""
    return (
        set(User.objects.filter(is_superuser=True).values_list("pk", flat=True)),
        set(User.objects.filter(is_staff=True).values_list("pk", flat=True)),
        set(User.user_permissions.through.objects.values_list("user_id", "permission_id")),
        set(User.groups.through.objects.values_list("user_id", "group_id")),
    )


def forged_privileges() -> dict:
    everything = Permission.objects.get(content_type__app_label="auth", codename="delete_user")
    return {
        "is_superuser": "on",
        "is_staff": "on",
        "user_permissions": [everything.pk],
        "groups": [Group.objects.get(name=roles.BOARD_MANAGERS).pk],
        "permissions": [everything.pk],
    }


def privilege_controls(response) -> list[str]:
    page = lxml.html.fromstring(response.content)
    return [control.get("name") for control in page.xpath("//*[@name]") if control.get("name") in PRIVILEGE_FIELDS]


@pytest.mark.parametrize("model", REGISTERED, ids=lambda model: model._meta.label)
def test_no_admin_page_offers_or_takes_a_privilege_from_a_board_manager(model, manager_client, world, admin_user):
    before = privileges()

    for url in admin_pages(model, world):
        shown = manager_client.get(url)
        if shown.status_code not in REFUSED:
            assert privilege_controls(shown) == [], url
        posted = manager_client.post(url, forged_privileges())
        assert posted.status_code != HTTPStatus.INTERNAL_SERVER_ERROR, url

    assert privileges() == before


def test_a_manager_cannot_tick_their_own_superuser_status(manager_client, board_manager):
    url = reverse("admin:auth_user_change", args=[board_manager.pk])
    form = {"username": board_manager.username, "date_joined_0": "2025-01-01", "date_joined_1": "09:00"}

    assert manager_client.get(url).status_code == HTTPStatus.FORBIDDEN
    response = manager_client.post(url, {**form, "is_active": "on", "is_staff": "on", "is_superuser": "on"})

    assert response.status_code == HTTPStatus.FORBIDDEN
    board_manager.refresh_from_db()
    assert not board_manager.is_superuser


def test_a_manager_cannot_set_the_site_admins_password(manager_client, admin_user):
    url = reverse("admin:auth_user_password_change", args=[admin_user.pk])

    assert manager_client.get(url).status_code == HTTPStatus.FORBIDDEN
    response = manager_client.post(url, {"password1": "Taken-Over-2025!", "password2": "Taken-Over-2025!"})

    assert response.status_code == HTTPStatus.FORBIDDEN
    admin_user.refresh_from_db()
    assert admin_user.check_password("password")


def test_a_manager_cannot_set_another_managers_password(manager_client):
    other = UserFactory(roles=[roles.BOARD_MANAGERS], password="Their-Own-Secret-91")
    url = reverse("admin:auth_user_password_change", args=[other.pk])

    response = manager_client.post(url, {"password1": "Taken-Over-2025!", "password2": "Taken-Over-2025!"})

    assert response.status_code == HTTPStatus.FORBIDDEN
    other.refresh_from_db()
    assert other.check_password("Their-Own-Secret-91")


@pytest.mark.parametrize("url_name", ["admin:auth_user_changelist", "admin:auth_group_changelist"])
def test_only_a_superuser_reaches_the_user_and_group_admins(url_name, manager_client, admin_user):
    site_admin = Client()
    site_admin.force_login(admin_user)

    assert manager_client.get(reverse(url_name)).status_code == HTTPStatus.FORBIDDEN
    assert site_admin.get(reverse(url_name)).status_code == HTTPStatus.OK


def test_the_admin_index_lists_no_user_or_group_admin_for_a_manager(manager_client):
    response = manager_client.get(reverse("admin:index"))

    assert reverse("admin:auth_user_changelist") not in response.content.decode()
    assert reverse("admin:auth_group_changelist") not in response.content.decode()


@pytest.mark.parametrize("model", REGISTERED, ids=lambda model: model._meta.label)
def test_a_manager_reaches_only_the_admin_lists_the_app_has_no_page_for(model, manager_client, world, admin_user):
    site_admin = Client()
    site_admin.force_login(admin_user)
    allowed = model._meta.label_lower in STAFF_ADMIN_MODELS

    for url in admin_pages(model, world):
        assert (manager_client.get(url).status_code == HTTPStatus.OK) is allowed, url
    # The site admin keeps every list (and each admin's own rules, such as a published report's having no add form).
    assert site_admin.get(admin_pages(model, world)[0]).status_code == HTTPStatus.OK


def test_the_admin_index_lists_a_manager_only_those_lists(manager_client):
    page = lxml.html.fromstring(manager_client.get(reverse("admin:index")).content)
    listed = {link.get("href") for link in page.xpath("//main//a[contains(@href, '/admin/')]")}

    # Each model's list, beside its add link and its app's heading link.
    changelists = {href for href in listed if href.count("/") == 4 and not href.endswith("/add/")}
    expected = {reverse(f"admin:{label.replace('.', '_')}_changelist") for label in STAFF_ADMIN_MODELS}
    assert changelists == expected
