"""The invitation and the page it leads to say the same thing: the username to sign in with, and "set your password"."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from objectives import roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

INVITED = {"first_name": "Jo", "last_name": "Bloggs", "email": "Jo.Bloggs@Police.example", "role": roles.READERS}
PASSWORD = "Tangerine-Lighthouse-82"


@pytest.fixture
def invitation(manager_client, mailoutbox):
    manager_client.post(reverse("objectives:person_create"), INVITED)
    (mail,) = mailoutbox
    return mail


def opened(link_in: str):
    """The page a link in an e-mail leads to, in a browser of its own (Django redirects it to hide the token)."""
    path = re.search(r"http://testserver(/accounts/reset/\S+)", link_in).group(1)
    return Client().get(path, follow=True)


def test_the_invitation_gives_the_username_the_sign_in_form_asks_for(invitation):
    sign_in_form = Client().get(reverse("login")).context["form"]

    assert sign_in_form.fields["username"].label == "Username"
    assert "Your username: jo.bloggs@police.example\n" in invitation.body
    assert (
        "sign in at http://testserver/accounts/login/ with your username, jo.bloggs@police.example," in invitation.body
    )
    assert "work e-mail" not in invitation.body


def test_the_invitation_and_its_page_both_say_set_your_password(invitation):
    page = opened(invitation.body).content.decode()

    assert "First, set your password by opening this link" in invitation.body
    assert '<h1 class="h3 mb-3">Set your password</h1>' in page
    assert "Your username is <strong>jo.bloggs@police.example</strong>" in page
    assert "Set my password</button>" in page
    assert "new password" not in page.split("<form")[0].lower()
    assert "Change my password" not in page


def test_a_password_reset_still_reads_as_a_reset(client, mailoutbox):
    sam = UserFactory(username="sam", email="sam@example.org", roles=[roles.READERS])
    sam.set_password(PASSWORD)
    sam.save()
    client.post(reverse("password_reset"), {"email": sam.email})

    page = opened(mailoutbox[0].body).content.decode()

    assert '<h1 class="h3 mb-3">Choose a new password</h1>' in page
    assert "Change my password</button>" in page


def test_setting_the_password_from_the_invitation_then_signing_in_with_the_username_works(invitation):
    browser = Client()
    path = re.search(r"http://testserver(/accounts/reset/\S+)", invitation.body).group(1)
    form_page = browser.get(path, follow=True)

    done = browser.post(form_page.redirect_chain[-1][0], {"new_password1": PASSWORD, "new_password2": PASSWORD})
    complete = browser.get(done.url).content.decode()
    signed_in = browser.post(reverse("login"), {"username": "jo.bloggs@police.example", "password": PASSWORD})

    assert '<h1 class="h3 mb-3">Your password is set</h1>' in complete
    assert signed_in.url == reverse("home")
