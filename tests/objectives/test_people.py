import re
from http import HTTPStatus

import pytest
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.sessions.models import Session
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client
from django.urls import reverse

from objectives import roles
from objectives.models import Action, Agency
from objectives.services import people
from tests.factories import AgencyFactory, UserFactory

pytestmark = pytest.mark.django_db

User = get_user_model()
NEW_PASSWORD = "Tangerine-Lighthouse-82"


@pytest.fixture
def person(lead_agency):
    someone = UserFactory(
        username="sam.officer@police.example",
        email="sam.officer@police.example",
        first_name="Sam",
        last_name="Officer",
        roles=[roles.AGENCY_CONTRIBUTORS],
    )
    lead_agency.members.add(someone)
    return someone


@pytest.fixture
def person_client(person):
    # A second browser: the manager acts in `client`, the person in this one.
    browser = Client()
    browser.force_login(person)
    return browser


def person_data(**changes):
    data = {"first_name": "Jo", "last_name": "Bloggs", "email": "Jo.Bloggs@Police.example", "role": roles.READERS}
    return {**data, **changes}


def edit_data(person, **changes):
    data = {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "email": person.email,
        "role": roles.role_of(person),
        "agencies": [agency.pk for agency in person.agencies.all()],
    }
    return {**data, **changes}


def signs_in(username: str, password: str) -> bool:
    """Whether the sign-in page lets this username and password in, in a fresh browser."""
    browser = Client()
    browser.post(reverse("login"), {"username": username, "password": password})
    return SESSION_KEY in browser.session


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


PAGES = [
    ("get", "person_list", False),
    ("get", "person_create", False),
    ("post", "person_create", False),
    ("get", "person_update", True),
    ("post", "person_update", True),
    ("post", "person_deactivate", True),
    ("post", "person_reactivate", True),
]


@pytest.mark.parametrize(("method", "name", "needs_pk"), PAGES)
def test_people_pages_send_anonymous_visitors_to_sign_in(client, person, method, name, needs_pk):
    url = reverse(f"objectives:{name}", args=[person.pk] if needs_pk else [])

    response = getattr(client, method)(url)

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("persona", ["reader_client", "contributor_client"])
@pytest.mark.parametrize(("method", "name", "needs_pk"), PAGES)
def test_people_pages_are_forbidden_to_readers_and_contributors(request, person, persona, method, name, needs_pk):
    browser = request.getfixturevalue(persona)
    url = reverse(f"objectives:{name}", args=[person.pk] if needs_pk else [])

    response = getattr(browser, method)(url, person_data() if method == "post" else None)

    assert response.status_code == HTTPStatus.FORBIDDEN
    person.refresh_from_db()
    assert person.is_active
    assert not User.objects.filter(email__iexact="jo.bloggs@police.example").exists()


# The list


def test_person_list_shows_agencies_role_and_whether_active_in_words(manager_client, person, reader):
    reader.is_active = False
    reader.save()

    response = manager_client.get(reverse("objectives:person_list"))

    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert f'<a href="{reverse("objectives:person_update", args=[person.pk])}">Sam Officer</a>' in content
    assert "sam.officer@police.example" in content
    assert "Fenbridge Police" in content
    assert "Agency contributor" in content
    assert "Board manager" in content
    assert "Deactivated" in content
    assert "Never" in content


def test_person_list_names_site_admins_without_an_edit_link(manager_client, admin_user):
    response = manager_client.get(reverse("objectives:person_list"))

    content = response.content.decode()
    assert "Site admin" in content
    assert reverse("objectives:person_update", args=[admin_user.pk]) not in content


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ({"agency": "lead"}, "Sam Officer", "Morgan Manager"),
        ({"role": roles.BOARD_MANAGERS}, "Morgan Manager", "Sam Officer"),
        ({"active": "no"}, "Dee Activated", "Sam Officer"),
        ({"active": "yes"}, "Sam Officer", "Dee Activated"),
    ],
)
def test_person_list_filters_by_agency_role_and_active(manager_client, person, lead_agency, query, shown, hidden):
    UserFactory(first_name="Dee", last_name="Activated", is_active=False, roles=[roles.READERS])
    if query.get("agency") == "lead":
        query = {"agency": lead_agency.pk}

    response = manager_client.get(reverse("objectives:person_list"), query)

    listed = {person.get_full_name() for person in response.context["table"].data}
    assert shown in listed
    assert hidden not in listed


def test_person_list_queries_do_not_grow_with_people(manager_client, django_assert_num_queries):
    agency = AgencyFactory()
    for number in range(6):
        someone = UserFactory(roles=[roles.AGENCY_CONTRIBUTORS], last_name=f"Officer {number}")
        agency.members.add(someone)

    # session, manager, manager's own and group permissions, agency filter choices,
    # count, one page of people, their agencies, their groups
    with django_assert_num_queries(8):
        response = manager_client.get(reverse("objectives:person_list"))

    assert response.status_code == HTTPStatus.OK
    assert "Officer 5" in response.content.decode()


# Adding a person


def test_the_add_form_says_agencies_are_required_for_contributors(manager_client):
    response = manager_client.get(reverse("objectives:person_create"))

    assert response.status_code == HTTPStatus.OK
    assert "Required for agency contributors" in response.content.decode()


def test_adding_a_person_gives_exactly_the_chosen_role_and_agencies(manager_client, lead_agency, other_agency):
    data = person_data(role=roles.AGENCY_CONTRIBUTORS, agencies=[lead_agency.pk, other_agency.pk])

    response = manager_client.post(reverse("objectives:person_create"), data)

    assert response.status_code == HTTPStatus.FOUND
    added = User.objects.get(email="Jo.Bloggs@Police.example")
    assert added.username == "jo.bloggs@police.example"
    assert (added.first_name, added.last_name) == ("Jo", "Bloggs")
    assert [group.name for group in added.groups.all()] == [roles.AGENCY_CONTRIBUTORS]
    assert set(added.agencies.all()) == {lead_agency, other_agency}
    assert not added.has_usable_password()


def test_adding_a_person_emails_an_invitation_saying_who_invited_them_to_which_board(
    manager_client, mailoutbox, settings, lead_agency
):
    settings.BOARD_NAME = "Fenbridge Safeguarding Children Partnership"
    data = person_data(role=roles.AGENCY_CONTRIBUTORS, agencies=[lead_agency.pk])

    response = manager_client.post(reverse("objectives:person_create"), data, follow=True)

    assert "Jo Bloggs added. An invitation" in messages_of(response)[0]
    (mail,) = mailoutbox
    assert mail.to == ["Jo.Bloggs@Police.example"]
    assert "Fenbridge Safeguarding Children Partnership" in mail.subject
    assert "Morgan Manager has invited you to the Fenbridge Safeguarding Children Partnership's" in mail.body
    assert "Your role: Agency contributor, for Fenbridge Police." in mail.body
    assert re.search(r"http://testserver/accounts/reset/\S+/\S+/", mail.body)
    assert "sign in at http://testserver/accounts/login/ with your username, jo.bloggs@police.example" in mail.body


def test_the_invitation_link_lets_them_choose_a_password_and_sign_in(manager_client, mailoutbox):
    manager_client.post(reverse("objectives:person_create"), person_data())
    link = re.search(r"http://testserver(/accounts/reset/\S+)", mailoutbox[0].body).group(1)
    browser = Client()

    form_page = browser.get(link, follow=True)
    chosen = browser.post(
        form_page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )

    assert chosen.status_code == HTTPStatus.FOUND
    assert chosen.url == reverse("password_reset_complete")
    assert signs_in("jo.bloggs@police.example", NEW_PASSWORD)


def test_the_invitation_link_stops_working_once_a_password_is_chosen(manager_client, mailoutbox):
    manager_client.post(reverse("objectives:person_create"), person_data())
    link = re.search(r"http://testserver(/accounts/reset/\S+)", mailoutbox[0].body).group(1)
    added = User.objects.get(username="jo.bloggs@police.example")
    added.set_password(NEW_PASSWORD)
    added.save()

    response = Client().get(link, follow=True)

    assert response.context["validlink"] is False


def test_adding_someone_whose_email_is_taken_is_refused_whatever_the_capitals(manager_client, mailoutbox, person):
    response = manager_client.post(reverse("objectives:person_create"), person_data(email="Sam.Officer@POLICE.example"))

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["email"] == [
        "Someone here already has the e-mail address Sam.Officer@POLICE.example (capital letters make no difference)."
    ]
    assert User.objects.filter(email__iexact="sam.officer@police.example").count() == 1
    assert mailoutbox == []


def test_adding_an_agency_contributor_without_an_agency_is_refused(manager_client, mailoutbox):
    response = manager_client.post(reverse("objectives:person_create"), person_data(role=roles.AGENCY_CONTRIBUTORS))

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["agencies"] == [
        "Choose the agency or agencies an agency contributor writes progress for."
    ]
    assert not User.objects.filter(username="jo.bloggs@police.example").exists()
    assert mailoutbox == []


def test_adding_a_person_with_a_made_up_role_is_refused(manager_client):
    response = manager_client.post(reverse("objectives:person_create"), person_data(role="Superheroes"))

    assert response.status_code == HTTPStatus.OK
    assert "role" in response.context["form"].errors
    assert not User.objects.filter(username="jo.bloggs@police.example").exists()


class RefusingEmailBackend(BaseEmailBackend):
    """The outside world failing: the mail server refuses the connection."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("The mail server is down.")


def test_adding_a_person_when_email_fails_adds_nobody_and_says_so(manager_client, settings):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingEmailBackend"

    response = manager_client.post(reverse("objectives:person_create"), person_data())

    assert response.status_code == HTTPStatus.OK
    assert "The invitation e-mail could not be sent" in response.content.decode()
    assert not User.objects.filter(username="jo.bloggs@police.example").exists()


def test_adding_a_person_is_recorded_in_the_admin_log(manager_client, board_manager, lead_agency):
    data = person_data(role=roles.AGENCY_CONTRIBUTORS, agencies=[lead_agency.pk])

    manager_client.post(reverse("objectives:person_create"), data)

    entry = LogEntry.objects.get(object_id=str(User.objects.get(username="jo.bloggs@police.example").pk))
    assert entry.user == board_manager
    assert entry.action_flag == ADDITION
    assert entry.change_message == "Invited as Agency contributor for Fenbridge Police; invitation e-mailed."


# Changing a person


def test_the_edit_page_shows_the_person_as_they_are(manager_client, person):
    response = manager_client.get(reverse("objectives:person_update", args=[person.pk]))

    assert response.status_code == HTTPStatus.OK
    form = response.context["form"]
    assert form.initial["email"] == "sam.officer@police.example"
    assert form.initial["role"] == roles.AGENCY_CONTRIBUTORS
    assert [agency.name for agency in form.initial["agencies"]] == ["Fenbridge Police"]
    assert "Deactivate Sam Officer" in response.content.decode()


def test_changing_a_role_takes_effect_at_once(manager_client, person, person_client):
    before = person_client.get(reverse("objectives:person_list"))

    manager_client.post(
        reverse("objectives:person_update", args=[person.pk]), edit_data(person, role=roles.BOARD_MANAGERS)
    )
    after = person_client.get(reverse("objectives:person_list"))

    assert before.status_code == HTTPStatus.FORBIDDEN
    assert after.status_code == HTTPStatus.OK
    assert [group.name for group in person.groups.all()] == [roles.BOARD_MANAGERS]


def test_changing_agencies_changes_which_actions_they_write_for(manager_client, person, led_action, other_agency):
    other_action = Action.objects.get(pk=led_action.pk)
    other_action.pk, other_action.ref = None, f"{led_action.objective.ref}.99"
    other_action.save()
    other_action.lead_agencies.set([other_agency])

    manager_client.post(
        reverse("objectives:person_update", args=[person.pk]), edit_data(person, agencies=[other_agency.pk])
    )

    assert list(Action.objects.editable_by(person)) == [other_action]


def test_agency_membership_changes_are_in_the_agencies_history(
    manager_client, person, lead_agency, other_agency, board_manager
):
    manager_client.post(
        reverse("objectives:person_update", args=[person.pk]), edit_data(person, agencies=[other_agency.pk])
    )

    record = lead_agency.history.latest()
    assert record.history_user == board_manager
    assert list(record.members.all()) == []


def test_changing_the_email_changes_the_username_they_sign_in_with(manager_client, person):
    data = edit_data(person, email="Sam.Officer@Fenbridge.example")

    manager_client.post(reverse("objectives:person_update", args=[person.pk]), data)

    person.refresh_from_db()
    assert (person.email, person.username) == ("Sam.Officer@Fenbridge.example", "sam.officer@fenbridge.example")


def test_changing_the_email_to_someone_elses_is_refused(manager_client, person, reader):
    response = manager_client.post(
        reverse("objectives:person_update", args=[person.pk]), edit_data(person, email=reader.email.upper())
    )

    assert response.status_code == HTTPStatus.OK
    assert "email" in response.context["form"].errors
    person.refresh_from_db()
    assert person.email == "sam.officer@police.example"


def test_a_contributor_cannot_be_left_without_an_agency(manager_client, person):
    response = manager_client.post(
        reverse("objectives:person_update", args=[person.pk]), edit_data(person, agencies=[])
    )

    assert response.status_code == HTTPStatus.OK
    assert "agencies" in response.context["form"].errors
    assert person.agencies.count() == 1


def test_a_manager_cannot_remove_their_own_manager_role(manager_client, board_manager):
    url = reverse("objectives:person_update", args=[board_manager.pk])

    response = manager_client.post(url, edit_data(board_manager, role=roles.READERS))

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["role"] == [
        "You cannot remove your own board manager role. Ask the site admin to do it."
    ]
    assert roles.role_of(board_manager) == roles.BOARD_MANAGERS


def test_only_the_site_admin_removes_another_managers_role(manager_client, admin_user):
    other = UserFactory(roles=[roles.BOARD_MANAGERS])
    url = reverse("objectives:person_update", args=[other.pk])

    manager_client.post(url, edit_data(other, role=roles.READERS))
    assert roles.role_of(other) == roles.BOARD_MANAGERS

    site_admin = Client()
    site_admin.force_login(admin_user)
    site_admin.post(url, edit_data(other, role=roles.READERS))
    assert roles.role_of(other) == roles.READERS


def test_changing_a_role_keeps_groups_that_are_not_roles(manager_client, person):
    training = person.groups.create(name="Training admins")

    manager_client.post(reverse("objectives:person_update", args=[person.pk]), edit_data(person, role=roles.READERS))

    assert set(person.groups.all()) == {training, person.groups.get(name=roles.READERS)}


def test_changes_are_recorded_in_the_admin_log_and_shown_on_the_edit_page(manager_client, person, board_manager):
    url = reverse("objectives:person_update", args=[person.pk])

    manager_client.post(url, edit_data(person, first_name="Samantha", role=roles.READERS))
    page = manager_client.get(url)

    entry = LogEntry.objects.get(object_id=str(person.pk))
    assert entry.user == board_manager
    assert entry.action_flag == CHANGE
    assert entry.change_message == "Changed name to Samantha Officer and role from Agency contributor to Reader " + (
        "(chair, board member, councillor)."
    )
    assert entry.change_message in page.content.decode()


def test_the_admin_history_of_a_user_shows_the_recorded_changes(admin_client, manager_client, person):
    manager_client.post(reverse("objectives:person_update", args=[person.pk]), edit_data(person, first_name="Samantha"))

    response = admin_client.get(reverse("admin:auth_user_history", args=[person.pk]))

    assert "Changed name to Samantha Officer." in response.content.decode()


def test_saving_without_changes_records_nothing(manager_client, person):
    response = manager_client.post(
        reverse("objectives:person_update", args=[person.pk]), edit_data(person), follow=True
    )

    assert messages_of(response) == ["Nothing to change for Sam Officer."]
    assert not LogEntry.objects.exists()


def test_someone_who_has_not_chosen_a_password_can_be_sent_a_new_invitation(manager_client, person, mailoutbox):
    person.set_unusable_password()
    person.save()

    response = manager_client.post(
        reverse("objectives:person_update", args=[person.pk]), edit_data(person, resend_invitation="on"), follow=True
    )

    assert "A new invitation has been e-mailed to sam.officer@police.example." in messages_of(response)
    assert mailoutbox[0].to == ["sam.officer@police.example"]


def test_the_new_invitation_is_not_offered_once_a_password_is_chosen(manager_client, person):
    response = manager_client.get(reverse("objectives:person_update", args=[person.pk]))

    assert "resend_invitation" not in response.context["form"].fields


def test_editing_someone_who_does_not_exist_is_not_found(manager_client):
    response = manager_client.get(reverse("objectives:person_update", args=[999999]))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_site_admins_are_changed_only_in_the_admin(manager_client, admin_user):
    response = manager_client.get(reverse("objectives:person_update", args=[admin_user.pk]), follow=True)

    assert messages_of(response) == ["admin is a site admin and can only be changed in the admin."]
    assert response.redirect_chain[-1][0] == reverse("objectives:person_list")


def test_site_admins_cannot_be_deactivated_here(manager_client, admin_user):
    response = manager_client.post(reverse("objectives:person_deactivate", args=[admin_user.pk]), follow=True)

    assert messages_of(response) == ["admin is a site admin and can only be changed in the admin."]
    admin_user.refresh_from_db()
    assert admin_user.is_active


# Deactivating and reactivating


def test_deactivating_a_person_stops_them_signing_in(manager_client, person):
    response = manager_client.post(reverse("objectives:person_deactivate", args=[person.pk]), follow=True)

    person.refresh_from_db()
    assert not person.is_active
    assert messages_of(response) == ["Sam Officer deactivated: they can no longer sign in."]
    assert not signs_in(person.username, "a-long-test-password")


def test_deactivating_a_person_ends_their_sessions_at_once(manager_client, person, person_client):
    session_key = person_client.session.session_key
    other_session = Client()
    other_session.force_login(UserFactory())

    response = manager_client.post(reverse("objectives:person_deactivate", args=[person.pk]), follow=True)

    assert not Session.objects.filter(session_key=session_key).exists()
    assert Session.objects.filter(session_key=other_session.session.session_key).exists()
    assert "and 1 signed-in session was ended" in messages_of(response)[0]


def test_a_deactivated_persons_next_request_goes_to_sign_in(manager_client, person, person_client):
    manager_client.post(reverse("objectives:person_deactivate", args=[person.pk]))

    response = person_client.get(reverse("objectives:plan_list"))

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("login"))


def test_deactivating_is_recorded_in_the_admin_log(manager_client, person, person_client, board_manager):
    manager_client.post(reverse("objectives:person_deactivate", args=[person.pk]))

    entry = LogEntry.objects.get(object_id=str(person.pk))
    assert (entry.user, entry.change_message) == (board_manager, "Deactivated; 1 signed-in session ended.")


def test_a_manager_cannot_deactivate_themselves(manager_client, board_manager):
    response = manager_client.post(reverse("objectives:person_deactivate", args=[board_manager.pk]), follow=True)

    board_manager.refresh_from_db()
    assert board_manager.is_active
    assert messages_of(response) == ["You cannot deactivate yourself. Ask the site admin to do it."]


def test_deactivating_by_get_is_not_allowed(manager_client, person):
    response = manager_client.get(reverse("objectives:person_deactivate", args=[person.pk]))

    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED
    person.refresh_from_db()
    assert person.is_active


def test_reactivating_lets_them_sign_in_again(manager_client, person, board_manager):
    person.is_active = False
    person.save()

    response = manager_client.post(reverse("objectives:person_reactivate", args=[person.pk]), follow=True)

    assert messages_of(response) == ["Sam Officer reactivated: they can sign in again."]
    assert signs_in(person.username, "a-long-test-password")
    assert LogEntry.objects.get(object_id=str(person.pk)).change_message == "Reactivated."


def test_reactivating_someone_already_active_says_so(manager_client, person):
    response = manager_client.post(reverse("objectives:person_reactivate", args=[person.pk]), follow=True)

    assert messages_of(response) == ["Sam Officer is already active."]
    assert not LogEntry.objects.exists()


def test_the_service_refuses_a_role_that_does_not_exist(board_manager, person):
    with pytest.raises(people.ValidationError):
        people.update_person(
            changed_by=board_manager,
            person=person,
            first_name="Sam",
            last_name="Officer",
            email=person.email,
            role="Superheroes",
            agencies=list(Agency.objects.all()),
        )


def test_the_invitation_writes_names_as_they_are_not_as_html(manager_client, mailoutbox):
    manager_client.post(reverse("objectives:person_create"), person_data(first_name="D'Arcy"))

    assert mailoutbox[0].body.startswith("Hello D'Arcy,")


def test_a_new_invitation_sent_with_a_change_states_the_new_role(manager_client, person, mailoutbox):
    person.set_unusable_password()
    person.save()
    data = edit_data(person, role=roles.READERS, agencies=[], resend_invitation="on")

    manager_client.post(reverse("objectives:person_update", args=[person.pk]), data)

    assert "Your role: Reader (chair, board member, councillor)." in mailoutbox[0].body
