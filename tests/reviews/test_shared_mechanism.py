"""A review's and the panel's actions are the plan's own tracked actions.

They appear in the lead agency contributor's "My actions", in the reminders and on the round page;
the contributor writes and submits progress on them, the manager accepts it, and the action's page
says where the action comes from.
"""

import re
from datetime import date
from http import HTTPStatus
from io import StringIO

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.urls import reverse

from objectives import action_sources
from objectives.models import Action, ProgressUpdate
from objectives.selectors.report import latest_accepted_updates
from reviews import services
from tests.factories import ActionFactory, BusinessPlanFactory, ObjectiveFactory, ProgressRoundFactory, UserFactory
from tests.reviews.factories import CdopYearFactory, RecommendationFactory, ReviewFactory

pytestmark = pytest.mark.django_db

State = ProgressUpdate.State
DEADLINE = date(2026, 3, 13)


@pytest.fixture
def plan():
    return BusinessPlanFactory(title="2025/26", starts_on=date(2025, 4, 1), ends_on=date(2026, 3, 31))


@pytest.fixture
def march(plan):
    return ProgressRoundFactory(plan=plan, as_of=date(2026, 3, 31), deadline=DEADLINE)


@pytest.fixture
def recommendation(lead_agency):
    review = ReviewFactory(name="Child S", code="CS")
    return RecommendationFactory(review=review, number=1, text="Share chronologies.", agencies=[lead_agency])


@pytest.fixture
def cdop_year():
    return CdopYearFactory(title="2024/25", ends_on=date(2025, 3, 31))


@pytest.fixture
def review_action(recommendation, plan, lead_agency):
    return services.add_recommendation_action(
        recommendation,
        plan=plan,
        text="Audit chronologies for children seen by two agencies",
        lead_agencies=[lead_agency],
    )


@pytest.fixture
def cdop_action(cdop_year, plan, lead_agency):
    return services.add_cdop_action(
        cdop_year, plan=plan, text="Promote safe sleep advice at every health visit", lead_agencies=[lead_agency]
    )


@pytest.fixture
def another_agencys_action(recommendation, plan, other_agency):
    return services.add_recommendation_action(
        recommendation, plan=plan, text="Train school staff", lead_agencies=[other_agency]
    )


@pytest.fixture
def actions(request):
    """The review action or the CDOP action, by name."""
    return {"review": request.getfixturevalue("review_action"), "cdop": request.getfixturevalue("cdop_action")}


def edit_url(action, progress_round):
    return reverse("objectives:progress_edit", args=[action.pk, progress_round.pk])


# Found wherever plan actions are found


def test_review_and_cdop_actions_are_in_the_contributors_my_actions(
    contributor_client, march, review_action, cdop_action, another_agencys_action
):
    response = contributor_client.get(reverse("objectives:my_actions"))

    content = response.content.decode()
    listed = [row.action for section in response.context["sections"] for row in section["rows"]]
    assert listed == [cdop_action, review_action]
    assert "Audit chronologies for children seen by two agencies" in content
    assert edit_url(review_action, march) in content
    assert edit_url(cdop_action, march) in content
    assert "Train school staff" not in content


def test_the_reminder_e_mail_names_review_and_cdop_actions(
    settings, mailoutbox, contributor, march, review_action, cdop_action, another_agencys_action
):
    settings.REMINDER_DAYS_BEFORE_DEADLINE = 7

    call_command("send_reminders", "--date", "2026-03-14", "--base-url", "https://board.example.org", stdout=StringIO())

    to_contributor = [message for message in mailoutbox if message.to == [contributor.email]]
    assert len(to_contributor) == 1
    body = to_contributor[0].body
    assert "These 2 actions, which your agency leads, do not have a submitted update yet:" in body
    assert "- Action CS-1.1: Audit chronologies for children seen by two agencies" in body
    assert "- Action CDOP25-1: Promote safe sleep advice at every health visit" in body
    assert f"https://board.example.org{edit_url(review_action, march)}" in body
    assert f"https://board.example.org{edit_url(cdop_action, march)}" in body
    assert "Train school staff" not in body


def test_the_round_page_lists_review_and_cdop_actions(manager_client, march, review_action, cdop_action):
    response = manager_client.get(reverse("objectives:round_detail", args=[march.pk]))

    content = response.content.decode()
    assert [row.action for row in response.context["status"].rows] == [cdop_action, review_action]
    assert re.search(r'<th scope="row"[^>]*>CS-1.1</th>', content)
    assert f'<a href="{review_action.get_absolute_url()}">Audit chronologies' in content
    assert f'<a href="{cdop_action.get_absolute_url()}">Promote safe sleep' in content


def test_the_contributors_round_page_shows_their_review_actions(contributor_client, march, review_action):
    response = contributor_client.get(reverse("objectives:round_detail", args=[march.pk]))

    assert [row.action for row in response.context["status"].rows] == [review_action]


# Written, submitted and accepted like any plan action


@pytest.mark.parametrize("kind", ["review", "cdop"])
def test_the_contributor_submits_progress_and_the_manager_accepts_it(
    client, contributor, board_manager, march, actions, kind
):
    action = actions[kind]
    client.force_login(contributor)
    submitted = client.post(
        edit_url(action, march),
        {"rag": "amber", "progress": "Two audits done.", "impact": "Repeat referrals down from 24% to 17%.",
         "version": "", "intent": "submit"},
    )  # fmt: skip
    update = ProgressUpdate.objects.get(action=action, round=march)
    client.force_login(board_manager)

    accepted = client.post(
        reverse("objectives:progress_review", args=[update.pk]),
        {"rag": "green", "progress": "Two audits done.", "impact": "Repeat referrals down from 24% to 17%.",
         "return_comment": "", "version": update.version, "intent": "accept"},
    )  # fmt: skip

    update.refresh_from_db()
    assert submitted.status_code == accepted.status_code == HTTPStatus.FOUND
    assert (update.state, update.rag, update.author, update.accepted_by) == (
        State.ACCEPTED, "green", contributor, board_manager
    )  # fmt: skip
    assert latest_accepted_updates(actions=Action.objects.filter(pk=action.pk), progress_round=march) == {
        action.pk: update
    }


def test_another_agency_cannot_write_progress_on_a_review_action(other_contributor_client, march, review_action):
    response = other_contributor_client.post(
        edit_url(review_action, march), {"rag": "green", "progress": "Not ours", "version": "", "intent": "submit"}
    )

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert not ProgressUpdate.objects.exists()


# The action's page says where the action comes from


def test_a_review_actions_page_links_to_its_recommendation(reader_client, review_action, recommendation):
    response = reader_client.get(review_action.get_absolute_url())

    content = response.content.decode()
    assert response.context["source"] == ("Child S, recommendation 1", recommendation.get_absolute_url())
    assert f'From: <a href="{recommendation.get_absolute_url()}">Child S, recommendation 1</a>' in content
    assert f'<a href="{review_action.plan.get_absolute_url()}">Business plan 2025/26</a>' in content


def test_a_cdop_actions_page_links_to_its_years_report(contributor_client, cdop_action, cdop_year):
    response = contributor_client.get(cdop_action.get_absolute_url())

    year_url = reverse("reviews:cdop_detail", args=[cdop_year.pk])
    assert f'From: <a href="{year_url}">CDOP 2024/25 annual report</a>' in response.content.decode()


@pytest.mark.parametrize("source", ["review", "cdop"])
def test_editing_a_review_or_cdop_action_keeps_its_reference(manager_client, actions, source):
    action = actions[source]
    ref = action.ref

    response = manager_client.post(
        reverse("objectives:action_update", args=[action.pk]),
        {
            "ref": "9.9.9",
            "text": "Reworded by the manager",
            "lead_agencies": [agency.pk for agency in action.lead_agencies.all()],
            "status": action.status,
            "version": action.version,
        },
    )

    action.refresh_from_db()
    assert response.status_code == HTTPStatus.FOUND
    assert (action.ref, action.text) == (ref, "Reworded by the manager")


def test_a_plan_actions_page_names_its_objective_and_no_other_source(manager_client, plan):
    action = ActionFactory(objective=ObjectiveFactory(aim__plan=plan, aim__number=1, ref="1.1"), ref="1.1.1")

    response = manager_client.get(action.get_absolute_url())

    assert response.context["source"] is None
    assert "From:" not in response.content.decode()


def test_someone_who_may_not_read_reviews_is_not_told_where_an_action_comes_from(client, review_action, cdop_action):
    # Plan actions only: no reading of case reviews or of the panel's figures.
    outsider = UserFactory()
    outsider.user_permissions.set(Permission.objects.filter(codename="view_action"))
    client.force_login(outsider)

    for action in (review_action, cdop_action):
        response = client.get(action.get_absolute_url())

        assert response.status_code == HTTPStatus.OK
        assert response.context["source"] is None


@pytest.mark.parametrize("rows", [1, 5])
def test_a_review_actions_page_queries_do_not_grow_with_the_review(
    manager_client, recommendation, plan, review_action, rows, django_assert_num_queries
):
    for number in range(2, rows + 2):
        other = RecommendationFactory(review=recommendation.review, number=number)
        services.add_recommendation_action(other, plan=plan, text="More", lead_agencies=[])
    ProgressRoundFactory(plan=plan)

    # session, user, the user's and their groups' permissions, the action with its plan and rating
    # scale, its lead agencies, the scale's levels, the plan's rounds, its updates, which recommendation it
    # carries out, which CDOP report it comes from, which assurance standard or recommendation it carries out,
    # action history, update history, lead agencies in the action history
    with django_assert_num_queries(14):
        response = manager_client.get(review_action.get_absolute_url())

    assert response.context["source"].label == "Child S, recommendation 1"


@pytest.mark.parametrize("rows", [1, 5])
def test_every_actions_source_is_found_in_one_query_per_source(
    board_manager, recommendation, cdop_year, plan, rows, django_assert_num_queries
):
    made = []
    for number in range(1, rows + 1):
        made.append(services.add_recommendation_action(recommendation, plan=plan, text="R", lead_agencies=[]))
        made.append(services.add_cdop_action(cdop_year, plan=plan, text="C", lead_agencies=[]))
        made.append(ActionFactory(objective__aim__plan=plan, ref=f"{number}.1.1", objective__ref=f"{number}.1"))
    actions = list(Action.objects.filter(pk__in=[action.pk for action in made]))

    # the user's and their groups' permissions, the recommendations, the CDOP years, the assurance links
    with django_assert_num_queries(4):
        found = action_sources.sources_of(actions, user=board_manager)

    assert sorted(label for label, _ in found.values()) == sorted(
        ["Child S, recommendation 1"] * rows + ["CDOP 2024/25 annual report"] * rows
    )
