"""Which panels each role's home page shows, in the order it shows them."""

from http import HTTPStatus

from django.urls import reverse

from mscb.home.panels import CONTRIBUTOR, MANAGER, OVERVIEW, SECTION11, TRAINING, panels_for
from objectives import roles
from tests.factories import UserFactory
from training.roles import TRAINING_ADMINS


def test_each_role_has_its_panel(board_manager, contributor, reader, training_admin):
    assert panels_for(board_manager) == [MANAGER]
    assert panels_for(contributor) == [CONTRIBUTOR, SECTION11]
    assert panels_for(reader) == [OVERVIEW]
    assert panels_for(training_admin) == [TRAINING]


def test_someone_with_several_roles_sees_each_panel_the_work_first(lead_agency):
    person = UserFactory(roles=[roles.AGENCY_CONTRIBUTORS, TRAINING_ADMINS, roles.READERS], agencies=[lead_agency])
    manager_who_trains = UserFactory(roles=[roles.BOARD_MANAGERS, TRAINING_ADMINS])

    assert panels_for(person) == [CONTRIBUTOR, SECTION11, TRAINING]
    assert panels_for(manager_who_trains) == [MANAGER, TRAINING]


def test_the_site_admin_sees_the_managers_panel(admin_user):
    assert panels_for(admin_user) == [MANAGER]


def test_someone_without_a_role_gets_a_plain_page_pointing_to_the_plans(client, db):
    client.force_login(UserFactory())

    response = client.get(reverse("home"))

    assert response.status_code == HTTPStatus.OK
    assert f'href="{reverse("objectives:plan_list")}">business plans</a>' in response.content.decode()


def test_the_home_page_asks_for_signing_in(client, db):
    response = client.get(reverse("home"))

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("login"))


def test_home_comes_first_in_the_navigation(reader_client):
    html = reader_client.get(reverse("objectives:plan_list")).content.decode()

    nav = html[html.index('id="main-nav"') :]
    assert nav.index(">Home</a>") < nav.index(">Business plans</a>")
