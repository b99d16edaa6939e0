"""Nothing typed is lost through an ended session: a form's text sent signed out is kept and put back to its writer."""

import time
from datetime import date
from http import HTTPStatus

import pytest
from django.conf import settings
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from core.kept_text import NO_FORM_MESSAGE, PUT_BACK_MESSAGE, SESSION_KEY, keeps_typed_text
from mscb.middleware import ACTIVE_AT_KEY
from mscb.session_keep import KEPT_MESSAGE, SIGNED_IN_AS_COOKIE
from objectives import roles
from objectives.models import ProgressRound
from tests.factories import ActionFactory, ObjectiveFactory, ProgressRoundFactory, UserFactory
from tests.reviews.factories import ReviewFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
WRITTEN = "Repeat referrals down from 24% to 17% after the new triage."


@pytest.fixture
def action(lead_agency):
    return ActionFactory(lead_agencies=[lead_agency])


@pytest.fixture
def progress_url(action):
    december = ProgressRoundFactory(plan=action.plan, as_of=date(2025, 12, 31))
    return reverse("objectives:progress_edit", args=[action.pk, december.pk])


def signed_in(username) -> Client:
    """A browser signed in through the sign-in page, as a person would be."""
    client = Client()
    response = client.post(reverse("login"), {"username": username, "password": PASSWORD})
    assert response.status_code == HTTPStatus.FOUND
    return client


def sign_in_again(client, username, next_url):
    return client.post(reverse("login"), {"username": username, "password": PASSWORD, "next": next_url})


def session_ends(client, *, cookie_dropped=True):
    """The idle limit passes: the browser drops the session cookie, or sends one the server then finds too old."""
    if cookie_dropped:
        del client.cookies[settings.SESSION_COOKIE_NAME]
        return
    session = client.session
    session[ACTIVE_AT_KEY] = int(time.time()) - settings.SESSION_COOKIE_AGE - 60
    session.save()


def progress_post(**extra) -> dict:
    return {"rag": "green", "progress": WRITTEN, "impact": "Fewer children re-referred.", "version": "", **extra}


@pytest.mark.parametrize("cookie_dropped", [True, False], ids=["cookie dropped", "session found idle"])
def test_progress_saved_after_the_session_ended_comes_back_to_its_writer_once(
    contributor, progress_url, cookie_dropped
):
    client = signed_in("contributor")
    client.get(progress_url)
    session_ends(client, cookie_dropped=cookie_dropped)

    saved = client.post(progress_url, progress_post(intent="save"), follow=True)
    signed_in_again = sign_in_again(client, "contributor", progress_url)
    page = client.get(signed_in_again.url)
    again = client.get(progress_url)

    assert saved.redirect_chain[0][0].startswith(reverse("login"))
    assert KEPT_MESSAGE in saved.content.decode()
    assert signed_in_again.url == progress_url
    form = page.context["form"]
    assert form["progress"].value() == WRITTEN
    assert form["impact"].value() == "Fewer children re-referred."
    assert form["rag"].value() == "green"
    assert not form.is_bound
    assert PUT_BACK_MESSAGE in page.content.decode()
    assert again.context["form"]["progress"].value() != WRITTEN
    assert PUT_BACK_MESSAGE not in again.content.decode()


def test_text_kept_for_an_update_closed_meanwhile_is_shown_to_copy_instead(contributor, progress_url):
    client = signed_in("contributor")
    client.get(progress_url)
    session_ends(client)
    client.post(progress_url, progress_post(intent="save"))
    ProgressRound.objects.update(closed_at=timezone.now())

    sign_in_again(client, "contributor", progress_url)
    content = client.get(progress_url).content.decode()

    assert NO_FORM_MESSAGE in content
    assert f"Progress: {WRITTEN}" in content
    assert PUT_BACK_MESSAGE not in content


def test_another_person_signing_in_on_the_same_browser_does_not_get_it(contributor, lead_agency, progress_url):
    UserFactory(username="colleague", roles=[roles.AGENCY_CONTRIBUTORS], agencies=[lead_agency])
    client = signed_in("contributor")
    client.get(progress_url)
    session_ends(client)
    client.post(progress_url, progress_post(intent="save"))

    sign_in_again(client, "colleague", progress_url)
    page = client.get(progress_url)

    assert page.status_code == HTTPStatus.OK
    assert page.context["form"]["progress"].value() != WRITTEN
    assert PUT_BACK_MESSAGE not in page.content.decode()
    assert SESSION_KEY not in client.session or not client.session[SESSION_KEY]


def test_the_csrf_token_and_passwords_are_never_kept(contributor, progress_url):
    client = signed_in("contributor")
    client.get(progress_url)
    session_ends(client)

    client.post(progress_url, progress_post(csrfmiddlewaretoken="token", password="secret", new_password1="secret"))

    kept = client.session[SESSION_KEY][progress_url]
    assert kept["fields"]["progress"] == [WRITTEN]
    assert {"csrfmiddlewaretoken", "password", "new_password1"}.isdisjoint(kept["fields"])
    assert kept["owner"] == str(contributor.pk)


def test_a_form_not_listed_is_not_kept(board_manager):
    url = reverse("objectives:agency_create")
    client = signed_in("manager")
    client.get(url)
    session_ends(client)

    response = client.post(url, {"name": "Fenbridge Schools", "short_name": "Schools"})

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("login"))
    assert SESSION_KEY not in client.session


def test_without_knowing_who_was_signed_in_nothing_is_kept(contributor, progress_url):
    client = signed_in("contributor")
    client.get(progress_url)
    session_ends(client)
    del client.cookies[SIGNED_IN_AS_COOKIE]

    response = client.post(progress_url, progress_post(intent="save"))

    assert response.status_code == HTTPStatus.FOUND
    assert SESSION_KEY not in client.session


def test_a_forged_signed_in_as_cookie_is_not_believed(contributor, progress_url):
    client = signed_in("contributor")
    session_ends(client)
    client.cookies[SIGNED_IN_AS_COOKIE] = str(contributor.pk)

    client.post(progress_url, progress_post(intent="save"))

    assert SESSION_KEY not in client.session


def test_signing_in_sets_the_signed_in_as_cookie_and_later_pages_leave_it_alone(contributor):
    client = Client()
    response = client.post(reverse("login"), {"username": "contributor", "password": PASSWORD})
    later = client.get(reverse("objectives:plan_list"))

    cookie = response.cookies[SIGNED_IN_AS_COOKIE]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert not cookie["max-age"]
    assert SIGNED_IN_AS_COOKIE not in later.cookies


def test_a_review_edited_by_the_board_manager_comes_back_with_its_ticked_objectives(board_manager):
    review = ReviewFactory()
    objectives = ObjectiveFactory.create_batch(2)
    url = reverse("reviews:review_update", args=[review.pk])
    client = signed_in("manager")
    loaded = client.get(url).context["form"]
    session_ends(client)
    sent = {name: loaded[name].value() for name in loaded.fields}
    sent = {name: "" if value is None else value for name, value in sent.items()}
    sent.update(summary="The panel met twice; agencies shared chronologies.", objectives=[o.pk for o in objectives])

    client.post(url, sent)
    sign_in_again(client, "manager", url)
    form = client.get(url).context["form"]

    assert form["summary"].value() == "The panel met twice; agencies shared chronologies."
    assert sorted(int(pk) for pk in form["objectives"].value()) == sorted(o.pk for o in objectives)


def named_views(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from named_views(pattern.url_patterns, inner)
        elif pattern.name:
            yield f"{namespace}{pattern.name}", pattern.callback


def test_the_pages_that_keep_text_are_the_ones_people_write_at_length_in():
    keeping = {name for name, view in named_views(get_resolver().url_patterns) if keeps_typed_text(view)}

    assert keeping == {
        "objectives:progress_edit",
        "objectives:progress_review",
        "objectives:covering_report",
        "reviews:review_create",
        "reviews:review_update",
        "reviews:recommendation_create",
        "reviews:recommendation_update",
        "reviews:recommendation_action_create",
        "assurance:audit_cases_create",
        "assurance:audit_complete",
        "assurance:audit_create",
        "assurance:audit_question_create",
        "assurance:audit_recommendation_action_create",
        "assurance:audit_recommendation_create",
        "assurance:audit_update",
        "assurance:recommendation_action_create",
        "assurance:recommendation_create",
        "assurance:recommendation_update",
        "assurance:source_create",
        "assurance:source_update",
        "assurance:return_edit",
        "assurance:return_moderate",
        "feedback:create",
        "feedback:update",
        "yearly:narrative_edit",
        "public:profile_edit",
    }
