"""Nothing shown to a signed-in person may be kept by a browser or proxy; public pages stay cacheable for
visitors who are not signed in. The pages are every route of the authorization matrix a manager may open."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from tests.mscb.test_authorization_matrix import GET_EXPECTED, ROLES, clients, path_for, project_routes, world  # noqa: F401

pytestmark = pytest.mark.django_db

MANAGER = ROLES.index("manager")


def cache_control(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def test_every_page_a_manager_opens_says_private_no_store(clients, world):  # noqa: F811
    opened = {}
    for route in dict.fromkeys(project_routes()):
        if GET_EXPECTED[route][MANAGER] == HTTPStatus.OK:
            opened[route] = clients["manager"].get(path_for(route, world))

    stored = {
        route: response.get("Cache-Control")
        for route, response in opened.items()
        if not {"private", "no-store"} <= cache_control(response)
    }
    assert len(opened) > 100
    assert not stored, f"Pages a manager sees that a browser may keep: {stored}"


def test_a_file_download_says_private_no_store(clients, world):  # noqa: F811
    response = clients["manager"].get(reverse("objectives:plan_export", args=[world.plan.pk, "xlsx"]))

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Disposition"].startswith("attachment")
    assert {"private", "no-store"} <= cache_control(response)


def test_the_two_factor_set_up_page_showing_the_secret_says_no_store(client, board_manager):
    client.force_login(board_manager)
    # The secret shows once the password is typed again (mscb.fresh_password).
    client.post(reverse("two_factor_password"), {"password": "a-long-test-password"})

    response = client.get(reverse("two_factor_enrol"))

    assert response.status_code == HTTPStatus.OK
    assert {"private", "no-store"} <= cache_control(response)


def test_a_public_page_stays_cacheable_for_a_visitor_not_signed_in(client):
    response = client.get(reverse("public:index"))

    assert response.status_code == HTTPStatus.OK
    assert cache_control(response) == {"public", "max-age=300"}
    assert response.has_header("ETag")


def test_a_public_page_is_not_kept_for_a_signed_in_visitor(manager_client):
    response = manager_client.get(reverse("public:index"))

    assert {"private", "no-store"} <= cache_control(response)
    assert "public" not in cache_control(response)
    assert "max-age=300" not in cache_control(response)
