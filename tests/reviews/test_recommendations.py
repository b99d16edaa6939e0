"""A review's recommendations and their actions: adding, editing, refusing bad input, and who may do it."""

from datetime import date
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.urls import reverse

from objectives.models import Action
from reviews import services
from reviews.models import Recommendation
from reviews.views.recommendations import RecommendationCreateView
from tests.factories import AgencyFactory, BusinessPlanFactory, UserFactory
from tests.reviews.factories import RecommendationFactory, ReviewFactory

pytestmark = pytest.mark.django_db

NHS_NUMBER = "943 476 5919"  # passes the modulus 11 check


@pytest.fixture
def review():
    return ReviewFactory(name="Child S", code="CS")


@pytest.fixture
def plan():
    return BusinessPlanFactory(title="2025/26", starts_on=date(2025, 4, 1), ends_on=date(2026, 3, 31))


@pytest.fixture
def recommendation(review, lead_agency):
    return RecommendationFactory(review=review, number=2, text="Share chronologies.", agencies=[lead_agency])


def create_url(review):
    return reverse("reviews:recommendation_create", args=[review.pk])


def update_url(recommendation):
    return reverse("reviews:recommendation_update", args=[recommendation.pk])


def action_url(recommendation):
    return reverse("reviews:recommendation_action_create", args=[recommendation.pk])


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def edit_data(recommendation, **changes):
    data = {
        "number": recommendation.number,
        "text": recommendation.text,
        "agencies": [agency.pk for agency in recommendation.agencies.all()],
        "version": recommendation.version,
    }
    return {**data, **changes}


# Who may add and edit


@pytest.mark.parametrize("persona", ["reader", "contributor", "other_contributor", "training_admin"])
@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("url_of", [create_url, update_url, action_url])
def test_only_the_board_manager_may_add_or_edit_recommendations_and_their_actions(
    request, client, recommendation, persona, method, url_of
):
    url = url_of(recommendation.review if url_of is create_url else recommendation)
    client.force_login(request.getfixturevalue(persona))

    response = getattr(client, method)(url, {"number": "9", "text": "Sneaked in"})

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert Recommendation.objects.count() == 1
    assert not Action.objects.exists()


@pytest.mark.parametrize("url_of", [create_url, update_url, action_url])
def test_anonymous_visitors_are_sent_to_sign_in(client, recommendation, url_of):
    response = client.get(url_of(recommendation.review if url_of is create_url else recommendation))

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("login"))


def test_adding_an_action_needs_the_right_to_change_recommendations_as_well_as_to_add_actions(client, recommendation):
    planner = UserFactory()
    planner.user_permissions.set(
        Permission.objects.filter(content_type__app_label="objectives", codename__in=["add_action", "view_action"])
    )
    client.force_login(planner)

    response = client.get(action_url(recommendation))

    assert response.status_code == HTTPStatus.FORBIDDEN


@pytest.mark.parametrize(
    "url",
    [
        reverse("reviews:recommendation_create", args=[999]),
        reverse("reviews:recommendation_update", args=[999]),
        reverse("reviews:recommendation_action_create", args=[999]),
    ],
)
def test_an_unknown_review_or_recommendation_is_not_found(manager_client, url):
    assert manager_client.get(url).status_code == HTTPStatus.NOT_FOUND


# Adding a recommendation


def test_the_new_recommendation_form_suggests_the_next_number_and_lists_active_agencies(manager_client, review):
    RecommendationFactory(review=review, number=1)
    RecommendationFactory(review=review, number=4)
    RecommendationFactory(number=7)  # another review's
    AgencyFactory(name="Fenbridge Police")
    AgencyFactory(name="Connexions", is_active=False)

    response = manager_client.get(create_url(review))

    content = response.content.decode()
    assert response.context["form"]["number"].value() == 5
    assert response.context["heading"] == "New recommendation for Child S"
    assert 'type="checkbox"' in content
    assert "Fenbridge Police" in content
    assert "Connexions" not in content


def test_adding_a_recommendation_saves_it_and_returns_to_it_on_the_review(manager_client, review, lead_agency):
    response = manager_client.post(
        create_url(review), {"number": "1", "text": "Agencies share chronologies.", "agencies": [lead_agency.pk]}
    )

    recommendation = Recommendation.objects.get()
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == reverse("reviews:review_detail", args=[review.pk]) + "#recommendation-1"
    assert (recommendation.review, recommendation.number) == (review, 1)
    assert recommendation.text == "Agencies share chronologies."
    assert list(recommendation.agencies.all()) == [lead_agency]
    assert messages_of(response) == ["Recommendation 1 added."]


def test_a_number_already_in_the_review_is_named_and_nothing_is_saved(manager_client, review):
    RecommendationFactory(review=review, number=3)
    RecommendationFactory(number=4)  # another review's number is free here

    refused = manager_client.post(create_url(review), {"number": "3", "text": "Again"})
    allowed = manager_client.post(create_url(review), {"number": "4", "text": "Fine"})

    assert refused.status_code == HTTPStatus.OK
    assert "Recommendation 3 already exists in Child S." in refused.content.decode()
    assert allowed.status_code == HTTPStatus.FOUND
    assert sorted(review.recommendations.values_list("number", flat=True)) == [3, 4]


def test_a_number_taken_between_checking_and_saving_is_named_not_a_server_error(rf, board_manager, review):
    request = rf.post(create_url(review), {"number": "5", "text": "Audit the referrals."})
    request.user = board_manager
    view = RecommendationCreateView()
    view.setup(request, review_pk=review.pk)
    view.object = None  # as CreateView.post() leaves it
    form = view.get_form()
    assert form.is_valid()
    RecommendationFactory(review=review, number=5, text="Saved by someone else first.")

    response = view.form_valid(form)

    assert response.status_code == HTTPStatus.OK
    assert form.errors["number"] == ["Recommendation 5 was added just now by someone else."]
    assert list(review.recommendations.values_list("text", flat=True)) == ["Saved by someone else first."]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"number": "abc", "text": "x"}, "Enter a whole number."),
        ({"number": "0", "text": "x"}, "Ensure this value is greater than or equal to 1."),
        ({"number": "-2", "text": "x"}, "Ensure this value is greater than or equal to 1."),
        ({"number": "99999999999999999999", "text": "x"}, "Ensure this value is less than or equal to 999."),
        ({"number": "1", "text": ""}, "This field is required."),
        ({"number": "1", "text": "x", "agencies": ["abc"]}, "“abc” is not a valid value."),
        ({"number": "1", "text": "x", "agencies": ["99999"]}, "Select a valid choice. 99999 is not one of"),
        ({"number": "", "text": "x"}, "This field is required."),
    ],
)
def test_bad_input_for_a_recommendation_is_named_and_nothing_is_saved(
    manager_client, review, lead_agency, data, message
):
    response = manager_client.post(create_url(review), data)

    assert response.status_code == HTTPStatus.OK
    assert message in response.content.decode().replace("&quot;", '"')
    assert not Recommendation.objects.exists()


def test_a_recommendation_may_not_name_an_inactive_agency_anew(manager_client, review, lead_agency):
    closed = AgencyFactory(name="Connexions", is_active=False)

    response = manager_client.post(create_url(review), {"number": "1", "text": "x", "agencies": [closed.pk]})

    assert f"Select a valid choice. {closed.pk} is not one of the available choices." in response.content.decode()
    assert not Recommendation.objects.exists()


def test_an_nhs_number_in_a_recommendation_warns_but_saves(manager_client, review):
    response = manager_client.post(create_url(review), {"number": "1", "text": f"See the child, {NHS_NUMBER}."})

    assert response.status_code == HTTPStatus.FOUND
    assert Recommendation.objects.get().text == f"See the child, {NHS_NUMBER}."
    assert messages_of(response)[0] == "Recommendation 1 added."
    assert f"The recommendation holds “{NHS_NUMBER}”, which looks like an NHS number." in messages_of(response)[1]


def test_a_plain_recommendation_raises_no_warning(manager_client, review):
    response = manager_client.post(create_url(review), {"number": "1", "text": "Review by March 2026."})

    assert messages_of(response) == ["Recommendation 1 added."]


# Editing a recommendation


def test_editing_a_recommendation_saves_it_and_returns_to_it(manager_client, recommendation, other_agency):
    response = manager_client.post(
        update_url(recommendation), edit_data(recommendation, text="Share chronologies within a week.",
                                               agencies=[other_agency.pk])
    )  # fmt: skip

    recommendation.refresh_from_db()
    assert response.url == recommendation.get_absolute_url()
    assert recommendation.text == "Share chronologies within a week."
    assert list(recommendation.agencies.all()) == [other_agency]
    assert recommendation.version == 2
    assert messages_of(response) == ["Recommendation 2 saved."]


def test_editing_keeps_an_inactive_agency_the_recommendation_is_already_for(manager_client, recommendation):
    closed = AgencyFactory(name="Connexions", is_active=False)
    recommendation.agencies.add(closed)

    page = manager_client.get(update_url(recommendation))
    manager_client.post(update_url(recommendation), edit_data(recommendation, text="Reworded"))

    assert "Connexions" in page.content.decode()
    assert closed in recommendation.agencies.all()


def test_a_stale_edit_is_refused_and_the_writers_text_kept(manager_client, board_manager, recommendation):
    stale = edit_data(recommendation, text="My wording")
    manager_client.post(update_url(recommendation), edit_data(recommendation, text="Their wording"))

    response = manager_client.post(update_url(recommendation), stale)

    recommendation.refresh_from_db()
    content = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert recommendation.text == "Their wording"
    assert "Morgan Manager saved recommendation 2 at" in content
    assert "after you opened it, so your changes were not saved." in content
    assert response.context["form"]["text"].value() == "My wording"
    assert response.context["form"]["version"].value() == 2


def test_saving_again_after_a_conflict_goes_through(manager_client, recommendation):
    manager_client.post(update_url(recommendation), edit_data(recommendation, text="Their wording"))
    conflict = manager_client.post(update_url(recommendation), edit_data(recommendation, text="Merged"))

    response = manager_client.post(update_url(recommendation), conflict.context["form"].data)

    recommendation.refresh_from_db()
    assert response.status_code == HTTPStatus.FOUND
    assert recommendation.text == "Merged"


@pytest.mark.parametrize("version", ["", "abc", "-1", "99"])
def test_a_missing_or_garbled_version_is_refused_as_stale(manager_client, recommendation, version):
    response = manager_client.post(update_url(recommendation), edit_data(recommendation, text="New", version=version))

    recommendation.refresh_from_db()
    assert response.status_code == HTTPStatus.OK
    assert "so your changes were not saved" in response.content.decode()
    assert recommendation.text == "Share chronologies."


def test_the_number_of_a_recommendation_with_actions_cannot_change(manager_client, recommendation, plan):
    services.add_recommendation_action(recommendation, plan=plan, text="Audit", lead_agencies=[])

    response = manager_client.post(update_url(recommendation), edit_data(recommendation, number=5))

    recommendation.refresh_from_db()
    assert response.status_code == HTTPStatus.OK
    assert (
        "Recommendation 2 has actions numbered CS-2.1 and so on, so its number cannot change."
        in response.content.decode()
    )
    assert recommendation.number == 2


def test_the_number_of_a_recommendation_without_actions_may_change(manager_client, recommendation):
    response = manager_client.post(update_url(recommendation), edit_data(recommendation, number=5))

    recommendation.refresh_from_db()
    assert response.url.endswith("#recommendation-5")
    assert recommendation.number == 5


def test_editing_to_a_number_in_use_is_named(manager_client, recommendation):
    RecommendationFactory(review=recommendation.review, number=3)

    response = manager_client.post(update_url(recommendation), edit_data(recommendation, number=3))

    assert "Recommendation 3 already exists in Child S." in response.content.decode()


def test_a_failed_edit_keeps_the_pages_heading(manager_client, recommendation):
    response = manager_client.post(update_url(recommendation), edit_data(recommendation, number="abc"))

    assert response.context["heading"] == "Edit Child S, recommendation 2"


def test_an_identifier_in_an_edited_recommendation_warns_but_saves(manager_client, recommendation):
    response = manager_client.post(update_url(recommendation), edit_data(recommendation, text="DOB: 03/05/2019"))

    recommendation.refresh_from_db()
    assert recommendation.text == "DOB: 03/05/2019"
    assert "looks like a date of birth" in messages_of(response)[1]


# Adding an action to a recommendation


def test_the_new_action_form_starts_with_the_latest_plan_and_the_recommendations_agencies(
    manager_client, recommendation, plan, lead_agency, other_agency
):
    BusinessPlanFactory(title="2024/25", starts_on=date(2024, 4, 1), ends_on=date(2025, 3, 31))
    closed = AgencyFactory(name="Connexions", is_active=False)
    recommendation.agencies.add(closed)

    response = manager_client.get(action_url(recommendation))

    form, content = response.context["form"], response.content.decode()
    assert form["plan"].value() == plan.pk
    assert form["lead_agencies"].value() == [lead_agency.pk]
    assert "Reports in" in content
    assert "written, reminded and accepted in this plan's progress rounds" in content
    assert "Business plan 2025/26" in content
    assert "Share chronologies." in content  # the recommendation it carries out
    assert other_agency.name in content
    assert "Connexions" not in content
    assert response.context["heading"] == "New action for Child S, recommendation 2"


def test_adding_an_action_makes_a_plan_action_with_the_next_reference(
    manager_client, recommendation, plan, lead_agency
):
    data = {"plan": plan.pk, "text": "Audit chronologies", "lead_agencies": [lead_agency.pk], "target": "March 2026"}

    first = manager_client.post(action_url(recommendation), data)
    second = manager_client.post(action_url(recommendation), {**data, "target": ""})

    action = Action.objects.get(ref="CS-2.1")
    assert first.url == recommendation.get_absolute_url()
    assert messages_of(first) == ["Action CS-2.1 added."]
    assert messages_of(second)[-1] == "Action CS-2.2 added."
    assert (action.plan, action.objective, action.text) == (plan, None, "Audit chronologies")
    assert list(action.lead_agencies.all()) == [lead_agency]
    assert (action.target_on, action.target_is_month) == (date(2026, 3, 31), True)
    assert action.recommendation_link.recommendation == recommendation
    assert Action.objects.get(ref="CS-2.2").target_on is None


def test_an_action_may_report_in_an_earlier_plan(manager_client, recommendation):
    earlier = BusinessPlanFactory(title="2024/25", starts_on=date(2024, 4, 1), ends_on=date(2025, 3, 31))
    BusinessPlanFactory(title="2025/26", starts_on=date(2025, 4, 1), ends_on=date(2026, 3, 31))

    manager_client.post(action_url(recommendation), {"plan": earlier.pk, "text": "Audit", "target": "2025-03-31"})

    action = Action.objects.get()
    assert action.plan == earlier
    assert (action.target_on, action.target_is_month) == (date(2025, 3, 31), False)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": "Audit", "target": "Marchember 2026"}, "is not a date: write 2026-03-31, 2026-03 or March 2026."),
        ({"text": "Audit", "target": "2026-13"}, "has no month 13"),
        ({"text": "Audit", "target": "x" * 41}, "Ensure this value has at most 40 characters (it has 41)."),
        ({"text": ""}, "Write what the action is."),
        ({"text": "Audit", "plan": "abc"}, "Choose one of the business plans listed."),
        ({"text": "Audit", "plan": "99999"}, "Choose one of the business plans listed."),
        ({"text": "Audit", "plan": ""}, "Choose the business plan this action reports in."),
        ({"text": "Audit", "lead_agencies": ["abc"]}, "Choose from the agencies listed."),
        ({"text": "Audit", "lead_agencies": ["99999"]}, "Choose from the agencies listed."),
    ],
)
def test_bad_input_for_an_action_is_named_and_nothing_is_saved(manager_client, recommendation, plan, data, message):
    response = manager_client.post(action_url(recommendation), {"plan": plan.pk, **data})

    assert response.status_code == HTTPStatus.OK
    assert message in response.content.decode().replace("&quot;", '"')
    assert not Action.objects.exists()


def test_an_inactive_agency_cannot_lead_a_new_action(manager_client, recommendation, plan):
    closed = AgencyFactory(name="Connexions", is_active=False)

    response = manager_client.post(
        action_url(recommendation), {"plan": plan.pk, "text": "Audit", "lead_agencies": [closed.pk]}
    )

    assert response.status_code == HTTPStatus.OK
    assert "Choose from the agencies listed." in response.content.decode()
    assert not Action.objects.exists()


def test_an_identifier_in_a_new_action_warns_but_saves(manager_client, recommendation, plan):
    response = manager_client.post(action_url(recommendation), {"plan": plan.pk, "text": f"Trace {NHS_NUMBER}"})

    assert Action.objects.get().text == f"Trace {NHS_NUMBER}"
    assert messages_of(response)[0] == "Action CS-2.1 added."
    assert f"The action holds “{NHS_NUMBER}”, which looks like an NHS number." in messages_of(response)[1]


# A review's action is edited afterwards on the plan's own action page


def review_action_edit(action, **changes):
    data = {"ref": action.ref, "text": action.text, "target": "", "status": "open", "version": action.version}
    return {**data, **changes}


def test_a_review_action_is_edited_on_the_plans_action_page(manager_client, recommendation, plan, lead_agency):
    action = services.add_recommendation_action(recommendation, plan=plan, text="Audit", lead_agencies=[lead_agency])

    page = manager_client.get(reverse("objectives:action_update", args=[action.pk]))
    response = manager_client.post(
        reverse("objectives:action_update", args=[action.pk]),
        review_action_edit(action, text="Audit every chronology", lead_agencies=[lead_agency.pk], target="June 2026"),
    )

    action.refresh_from_db()
    assert page.status_code == HTTPStatus.OK
    assert response.status_code == HTTPStatus.FOUND
    assert (action.ref, action.objective, action.text) == ("CS-2.1", None, "Audit every chronology")
    assert (action.target_on, action.version) == (date(2026, 6, 30), 2)
    assert action.recommendation_link.recommendation == recommendation


# Queries: the pages cost the same however many recommendations, agencies and plans there are


@pytest.mark.parametrize("rows", [1, 5])
def test_the_new_recommendation_page_queries_do_not_grow(manager_client, review, rows, django_assert_num_queries):
    for number in range(1, rows + 1):
        RecommendationFactory(review=review, number=number, agencies=[AgencyFactory()])

    # session, user, the user's and their groups' permissions, the review, the highest number,
    # the agencies to choose from
    with django_assert_num_queries(6):
        response = manager_client.get(create_url(review))

    assert response.status_code == HTTPStatus.OK


@pytest.mark.parametrize("rows", [1, 5])
def test_the_edit_recommendation_page_queries_do_not_grow(
    manager_client, recommendation, rows, django_assert_num_queries
):
    recommendation.agencies.set(AgencyFactory.create_batch(rows))
    AgencyFactory.create_batch(rows)

    # session, user, the user's and their groups' permissions, the recommendation with its review,
    # the ticked agencies, the agencies to choose from (active or already ticked)
    with django_assert_num_queries(6):
        response = manager_client.get(update_url(recommendation))

    assert response.status_code == HTTPStatus.OK


@pytest.mark.parametrize("rows", [1, 5])
def test_the_new_action_page_queries_do_not_grow(manager_client, recommendation, rows, django_assert_num_queries):
    for year in range(rows):
        BusinessPlanFactory(starts_on=date(2020 + year, 4, 1), ends_on=date(2021 + year, 3, 31))
    recommendation.agencies.set(AgencyFactory.create_batch(rows))

    # session, user, the user's and their groups' permissions, the recommendation with its review,
    # the latest plan, the recommendation's agencies, the plans to choose from twice (the select's required
    # attribute reads the first choice again), the agencies to choose from
    with django_assert_num_queries(9):
        response = manager_client.get(action_url(recommendation))

    assert response.status_code == HTTPStatus.OK
