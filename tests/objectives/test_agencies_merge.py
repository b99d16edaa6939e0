"""Merging one agency into another: the preview, the move of everything it has, and the refusals."""

from http import HTTPStatus

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse

from objectives.models import Action, Agency
from objectives.services import agencies
from tests.budget.factories import PartnerContributionFactory
from tests.factories import ActionFactory, AgencyFactory, IndicatorFactory, UserFactory
from tests.reviews.factories import RecommendationFactory
from tests.training.factories import AgencyWorkforceFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

CLASH = (
    "Agency workforce “Police: 100” would clash with Kent Police’s: Agency workforce with this Agency already exists."
)


@pytest.fixture
def police():
    return AgencyFactory(name="Police", short_name="")


@pytest.fixture
def kent_police():
    return AgencyFactory(name="Kent Police", short_name="KP")


def merge_url(agency, into=None):
    url = reverse("objectives:agency_merge", args=[agency.pk])
    return f"{url}?into={into.pk}" if into else url


def preview(client, merged, kept):
    """The preview page and the fingerprint its confirm button would send."""
    response = client.get(merge_url(merged, kept))
    return response, response.context["form"]["fingerprint"].value()


def confirm(client, merged, kept, fingerprint):
    return client.post(merge_url(merged), {"into": kept.pk, "fingerprint": fingerprint})


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_the_choice_offers_the_other_active_agencies(manager_client, police, kent_police):
    AgencyFactory(name="Old Police", is_active=False)

    response = manager_client.get(merge_url(police))

    assert list(response.context["form"].fields["into"].queryset) == [kent_police]


def test_the_preview_says_what_moves_from_every_app(manager_client, police, kent_police):
    ActionFactory.create_batch(4, lead_agencies=[police])
    UserFactory.create_batch(2, agencies=[police])
    RecommendationFactory(agencies=[police])
    RegistrationFactory(agency=police)
    IndicatorFactory(owner=police)

    response, _ = preview(manager_client, police, kent_police)

    page = response.content.decode()
    counts = {rows.key: rows.count for rows in response.context["plan"].moving}
    assert counts == {
        "objectives.agency.members": 2,
        "objectives.action.lead_agencies": 4,
        "reviews.recommendation.agencies": 1,
        "training.registration.agency": 1,
        "training.agencyworkforce.agency": 0,
        "objectives.indicator.owner": 1,
        "assurance.section11cycle.agencies": 0,
        "assurance.section11return.agency": 0,
        "assurance.caseaudit.agencies": 0,
        "assurance.auditgrading.agency": 0,
        "assurance.assurancerecommendation.agencies": 0,
        "budget.partnercontribution.agency": 0,
    }
    assert (
        "2 contributors, 4 actions, 1 indicator, 1 registration and 1 recommendation will move to Kent Police" in page
    )
    assert "Police is then removed" in page
    assert Agency.objects.filter(pk=police.pk).exists()


def test_confirming_moves_everything_and_removes_the_merged_agency(manager_client, police, kent_police):
    actions = ActionFactory.create_batch(4, lead_agencies=[police])
    people = UserFactory.create_batch(2, agencies=[police])
    recommendation = RecommendationFactory(agencies=[police])
    registration = RegistrationFactory(agency=police)
    workforce = AgencyWorkforceFactory(agency=police)
    indicator = IndicatorFactory(owner=police)
    _, fingerprint = preview(manager_client, police, kent_police)

    response = confirm(manager_client, police, kent_police, fingerprint)

    assert response.status_code == HTTPStatus.FOUND
    assert messages_of(response) == ["Police merged into Kent Police: 4 actions and 2 people moved."]
    assert not Agency.objects.filter(pk=police.pk).exists()
    assert set(kent_police.led_actions.all()) == set(actions)
    assert set(kent_police.members.all()) == set(people)
    assert list(recommendation.agencies.all()) == [kent_police]
    registration.refresh_from_db()
    workforce.refresh_from_db()
    assert (registration.agency, workforce.agency) == (kent_police, kent_police)
    indicator.refresh_from_db()
    assert indicator.owner == kent_police


def test_links_the_kept_agency_already_has_are_not_doubled(manager_client, police, kent_police):
    action = ActionFactory(lead_agencies=[police, kent_police])
    person = UserFactory(agencies=[police, kent_police])
    _, fingerprint = preview(manager_client, police, kent_police)

    confirm(manager_client, police, kent_police, fingerprint)

    assert Action.lead_agencies.through.objects.filter(action=action).count() == 1
    assert Agency.members.through.objects.filter(user=person).count() == 1
    assert list(action.lead_agencies.all()) == [kent_police]


def test_the_moves_are_in_the_history_with_who_made_them(manager_client, board_manager, police, kent_police):
    action = ActionFactory(lead_agencies=[police])
    registration = RegistrationFactory(agency=police)
    _, fingerprint = preview(manager_client, police, kent_police)

    confirm(manager_client, police, kent_police, fingerprint)

    latest = action.history.first()
    assert [link.agency_id for link in latest.lead_agencies.all()] == [kent_police.pk]
    assert latest.history_user == board_manager
    assert registration.history.first().agency_id == kent_police.pk
    assert Agency.history.filter(id=police.pk).first().history_type == "-"


def test_deleted_actions_move_too(manager_client, police, kent_police):
    hidden = ActionFactory(lead_agencies=[police], is_deleted=True)
    _, fingerprint = preview(manager_client, police, kent_police)

    confirm(manager_client, police, kent_police, fingerprint)

    assert list(hidden.lead_agencies.all()) == [kent_police]


def test_an_agency_cannot_be_merged_into_itself(police):
    with pytest.raises(ValidationError, match="cannot be merged into itself"):
        agencies.plan_merge(merged=police, kept=police)


def test_the_page_does_not_offer_merging_into_itself(manager_client, police, kent_police):
    response = manager_client.get(merge_url(police, police))

    assert response.context["form"].errors["into"] == [
        "Choose one of the active agencies listed: an agency cannot be merged into itself."
    ]
    assert "plan" not in response.context


def test_the_kept_agency_must_be_active(police):
    inactive = AgencyFactory(name="Old Police", is_active=False)

    with pytest.raises(ValidationError, match="Old Police is inactive"):
        agencies.plan_merge(merged=police, kept=inactive)


def test_a_confirmation_naming_an_inactive_agency_merges_nothing(manager_client, police, kent_police):
    ActionFactory(lead_agencies=[police])
    _, fingerprint = preview(manager_client, police, kent_police)
    kent_police.is_active = False
    kent_police.save()

    response = confirm(manager_client, police, kent_police, fingerprint)

    assert response.status_code == HTTPStatus.OK
    assert Agency.objects.filter(pk=police.pk).exists()


def test_a_unique_clash_is_named_and_nothing_changes(manager_client, police, kent_police):
    action = ActionFactory(lead_agencies=[police])
    AgencyWorkforceFactory(agency=police)
    AgencyWorkforceFactory(agency=kent_police)

    response, fingerprint = preview(manager_client, police, kent_police)

    assert response.context["plan"].clashes == (CLASH,)
    assert "Merge Police into Kent Police</button>" not in response.content.decode()
    response = confirm(manager_client, police, kent_police, fingerprint)
    assert messages_of(response) == [f"Police cannot be merged into Kent Police: nothing was changed. {CLASH}"]
    assert list(action.lead_agencies.all()) == [police]


def test_two_contributions_to_one_plan_clash_and_nothing_changes(manager_client, police, kent_police):
    ours = PartnerContributionFactory(agency=police)
    PartnerContributionFactory(agency=kent_police, plan=ours.plan)

    response, fingerprint = preview(manager_client, police, kent_police)

    [clash] = response.context["plan"].clashes
    assert clash.startswith(f"Partner contribution “Police – {ours.plan.title}” would clash with Kent Police’s")
    confirm(manager_client, police, kent_police, fingerprint)
    ours.refresh_from_db()
    assert ours.agency == police


def test_a_stale_preview_is_shown_again_and_nothing_is_merged(manager_client, police, kent_police):
    ActionFactory.create_batch(4, lead_agencies=[police])
    _, fingerprint = preview(manager_client, police, kent_police)
    ActionFactory(lead_agencies=[police])

    response = confirm(manager_client, police, kent_police, fingerprint)

    assert response.status_code == HTTPStatus.OK
    assert "The agencies changed since you looked: nothing was merged." in response.content.decode()
    assert response.context["plan"].action_count == 5
    assert police.led_actions.count() == 5
    response = confirm(manager_client, police, kent_police, response.context["form"]["fingerprint"].value())
    assert messages_of(response)[-1] == "Police merged into Kent Police: 5 actions and 0 people moved."


def test_a_wrong_fingerprint_merges_nothing(police, kent_police):
    with pytest.raises(agencies.StaleMergeError):
        agencies.merge_agencies(merged=police, kept=kent_police, fingerprint="not what was shown")

    assert Agency.objects.filter(pk=police.pk).exists()


def test_readers_and_contributors_may_not_merge(contributor_client, police, kent_police):
    plan = agencies.plan_merge(merged=police, kept=kent_police)

    response = confirm(contributor_client, police, kent_police, plan.fingerprint)

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert Agency.objects.filter(pk=police.pk).exists()


@pytest.mark.parametrize("row_count", [2, 6])
def test_the_preview_queries_do_not_grow_with_what_moves(
    manager_client, police, kent_police, django_assert_num_queries, row_count
):
    ActionFactory.create_batch(row_count, lead_agencies=[police])
    UserFactory.create_batch(row_count, agencies=[police])
    RegistrationFactory.create_batch(row_count, agency=police)

    # session, user, the merged agency, permissions (own, groups), the kept agency among the active ones;
    # then contributors and actions (ids, then the links the kept agency has too), registrations, workforce and
    # recommendations (ids; no unique rule of a registration involves its agency, so none is checked row by row),
    # the indicators the agency owns (ids), and assurance's Section 11 cycles, returns, case audits, audit
    # gradings and recommendations (ids), and the budget's partner contributions (ids)
    with django_assert_num_queries(19):
        response = manager_client.get(merge_url(police, kent_police))

    assert response.context["plan"].action_count == row_count
