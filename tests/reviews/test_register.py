"""The review register: the filtered list, a review's page with its action plan, and adding and editing reviews."""

import re
from datetime import date, timedelta
from http import HTTPStatus

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from objectives.models import Action, ProgressUpdate
from reviews import services
from reviews.forms.reviews import ReviewForm
from reviews.models import Review, Subgroup
from tests.factories import (
    AgencyFactory,
    AimFactory,
    BusinessPlanFactory,
    ObjectiveFactory,
    ProgressRoundFactory,
    ProgressUpdateFactory,
    UserFactory,
)
from tests.reviews.factories import RecommendationFactory, ReviewFactory

pytestmark = pytest.mark.django_db

Rag, State = ProgressUpdate.Rag, ProgressUpdate.State
LIST_URL = reverse("reviews:review_list")
CREATE_URL = reverse("reviews:review_create")
NHS_NUMBER = "943 476 5919"  # passes the modulus 11 check
NOT_AN_NHS_NUMBER = "943 476 5918"  # fails it
# A Monday with no bank holiday for weeks either side: the panel was due Monday 13, the rapid review Monday 27.
LONG_AGO = date(2020, 1, 6)


def overdue_review(**fields):
    """A review whose national panel was never told, long after the deadline."""
    return ReviewFactory(**{"incident_notified_on": LONG_AGO, "status": Review.Status.NOTIFIED, **fields})


def on_time_review(**fields):
    """A review whose next step, completing the report, is due in a month."""
    return ReviewFactory(**{"due_on": timezone.localdate() + timedelta(days=30), **fields})


def update_url(review):
    return reverse("reviews:review_update", args=[review.pk])


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def listed_names(response) -> list[str]:
    return [review.name for review in response.context["reviews"]]


def row_of(html: str, name: str) -> str:
    """The register's table row for the review called `name`."""
    rows = re.findall(r"<tr[^>]*>.*?</tr>", html, flags=re.DOTALL)
    matching = [row for row in rows if f">{name}</a>" in row]
    assert len(matching) == 1, f"{name} is not listed once"
    return matching[0]


@pytest.fixture
def plan():
    return BusinessPlanFactory(title="2025/26", starts_on=date(2025, 4, 1), ends_on=date(2026, 3, 31))


@pytest.fixture
def june(plan):
    return ProgressRoundFactory(plan=plan, as_of=date(2025, 6, 30), deadline=date(2025, 6, 20))


@pytest.fixture
def december(plan):
    return ProgressRoundFactory(plan=plan, as_of=date(2025, 12, 31), deadline=date(2025, 12, 12))


def review_action(recommendation, plan, *, lead_agencies=(), text="Audit the chronologies.", **fields):
    return services.add_recommendation_action(
        recommendation, plan=plan, text=text, lead_agencies=list(lead_agencies), **fields
    )


# The list


def test_list_shows_each_review_with_its_kind_status_subgroup_and_next_step(reader_client):
    subgroup = Subgroup.objects.create(name="Learning and development subgroup")
    ReviewFactory(
        name="Child S",
        kind=Review.Kind.SERIOUS_CASE_REVIEW,
        status=Review.Status.DRAFT_REPORT,
        subgroup=subgroup,
        due_on=timezone.localdate() + timedelta(days=10),
    )

    response = reader_client.get(LIST_URL)

    assert response.status_code == HTTPStatus.OK
    row = row_of(response.content.decode(), "Child S")
    review = Review.objects.get()
    assert f'href="{review.get_absolute_url()}"' in row
    assert "Serious case review" in row
    assert "Draft report" in row
    assert "Learning and development subgroup" in row
    due = timezone.localdate() + timedelta(days=10)
    assert f'Complete the review, due <time datetime="{due:%Y-%m-%d}">{due.day} {due:%B %Y}</time>' in row
    assert "Overdue" not in row


def test_list_marks_a_review_whose_next_step_is_late_as_overdue_in_words(reader_client):
    overdue_review(name="Child L")
    on_time_review(name="Child M")

    html = reader_client.get(LIST_URL).content.decode()

    late = row_of(html, "Child L")
    assert "Overdue</strong>" in late
    assert "Tell the national panel, due" in late
    assert "13 January 2020" in late
    assert 'class="table-danger review-overdue"' in late
    assert "Overdue" not in row_of(html, "Child M")


def test_list_shows_closed_reviews_too_in_name_order(reader_client):
    ReviewFactory(name="Child T", status=Review.Status.CLOSED)
    ReviewFactory(name="Child B")
    ReviewFactory(name="Child K", status=Review.Status.PUBLISHED)

    response = reader_client.get(LIST_URL)

    assert listed_names(response) == ["Child B", "Child K", "Child T"]
    assert "Nothing due" in row_of(response.content.decode(), "Child T")


def test_list_filters_by_kind(reader_client):
    ReviewFactory(name="Child D", kind=Review.Kind.DOMESTIC_HOMICIDE_REVIEW)
    ReviewFactory(name="Child P", kind=Review.Kind.PRACTICE_REVIEW)

    response = reader_client.get(LIST_URL, {"kind": Review.Kind.DOMESTIC_HOMICIDE_REVIEW})

    assert listed_names(response) == ["Child D"]


def test_list_filters_by_status(reader_client):
    ReviewFactory(name="Child C", status=Review.Status.COMMISSIONED)
    ReviewFactory(name="Child P", status=Review.Status.PUBLISHED)

    response = reader_client.get(LIST_URL, {"status": Review.Status.PUBLISHED})

    assert listed_names(response) == ["Child P"]


def test_list_filter_any_but_closed_hides_closed_reviews(reader_client):
    ReviewFactory(name="Child C", status=Review.Status.CLOSED)
    ReviewFactory(name="Child P", status=Review.Status.PUBLISHED)

    response = reader_client.get(LIST_URL, {"status": "not_closed"})

    assert listed_names(response) == ["Child P"]


@pytest.mark.parametrize(("overdue", "expected"), [("yes", ["Child L"]), ("no", ["Child M", "Child Z"])])
def test_list_filters_by_overdue(reader_client, overdue, expected):
    overdue_review(name="Child L")
    on_time_review(name="Child M")
    # Closed reviews wait for nothing, however old their dates.
    overdue_review(name="Child Z", status=Review.Status.CLOSED)

    response = reader_client.get(LIST_URL, {"overdue": overdue})

    assert listed_names(response) == expected


def test_list_filters_by_agency_through_recommendations_or_the_actions_it_leads(
    reader_client, plan, lead_agency, other_agency
):
    for_agency = RecommendationFactory(review=ReviewFactory(name="Child A"), agencies=[lead_agency])
    # Listed once however many of its recommendations and actions name the agency.
    RecommendationFactory(review=for_agency.review, agencies=[lead_agency, other_agency])
    review_action(for_agency, plan, lead_agencies=[lead_agency])
    led_elsewhere = RecommendationFactory(review=ReviewFactory(name="Child B"), agencies=[other_agency])
    review_action(led_elsewhere, plan, lead_agencies=[lead_agency])
    RecommendationFactory(review=ReviewFactory(name="Child C"), agencies=[other_agency])
    ReviewFactory(name="Child D")

    response = reader_client.get(LIST_URL, {"agency": lead_agency.pk})

    assert listed_names(response) == ["Child A", "Child B"]


def test_list_agency_filter_ignores_hidden_actions(reader_client, plan, lead_agency, other_agency):
    recommendation = RecommendationFactory(review=ReviewFactory(name="Child H"), agencies=[other_agency])
    action = review_action(recommendation, plan, lead_agencies=[lead_agency])
    Action.objects.filter(pk=action.pk).update(is_deleted=True)

    response = reader_client.get(LIST_URL, {"agency": lead_agency.pk})

    assert listed_names(response) == []
    assert "No reviews match these filters." in response.content.decode()


@pytest.mark.parametrize("query", [{"kind": "nonsense"}, {"agency": "abc"}, {"agency": "99999"}, {"overdue": "maybe"}])
def test_list_refuses_a_nonsense_filter_with_a_message_not_an_error(reader_client, query):
    ReviewFactory(name="Child S")

    response = reader_client.get(LIST_URL, query)

    assert response.status_code == HTTPStatus.OK
    assert "There is a problem" in response.content.decode()


def test_list_offers_a_new_review_button_only_to_those_who_may_add_reviews(manager_client, client, reader):
    assert CREATE_URL in manager_client.get(LIST_URL).content.decode()

    client.force_login(reader)

    assert CREATE_URL not in client.get(LIST_URL).content.decode()


def test_empty_register_says_so(reader_client):
    response = reader_client.get(LIST_URL)

    assert "No reviews yet." in response.content.decode()


@pytest.mark.parametrize("count", [1, 5])
def test_list_queries_do_not_grow_with_reviews(manager_client, plan, lead_agency, count, django_assert_num_queries):
    for number in range(count):
        review = overdue_review(name=f"Child {number}", subgroup=Subgroup.objects.create(name=f"Subgroup {number}"))
        recommendation = RecommendationFactory(review=review, agencies=[lead_agency])
        review_action(recommendation, plan, lead_agencies=[lead_agency])

    # session, user, the user's and the groups' permissions, the reviews with their subgroups,
    # the agencies the filter offers
    with django_assert_num_queries(5):
        response = manager_client.get(LIST_URL)

    assert response.status_code == HTTPStatus.OK
    assert len(response.context["reviews"]) == count


# Who may see and change the register


@pytest.mark.parametrize("persona", ["reader", "contributor", "training_admin", "board_manager"])
def test_every_role_may_read_the_register_and_a_review(request, client, persona):
    review = ReviewFactory(name="Child S")
    client.force_login(request.getfixturevalue(persona))

    assert client.get(LIST_URL).status_code == HTTPStatus.OK
    assert client.get(review.get_absolute_url()).status_code == HTTPStatus.OK


@pytest.mark.parametrize("persona", ["reader", "contributor", "training_admin"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_only_the_board_manager_may_add_or_edit_reviews(request, client, persona, method):
    review = ReviewFactory(name="Child S", code="CS")
    client.force_login(request.getfixturevalue(persona))
    data = {"name": "Child Q", "code": "CQ", "kind": Review.Kind.RAPID_REVIEW, "status": Review.Status.NOTIFIED}

    created = getattr(client, method)(CREATE_URL, data)
    edited = getattr(client, method)(update_url(review), {**data, "version": review.version})

    assert created.status_code == HTTPStatus.FORBIDDEN
    assert edited.status_code == HTTPStatus.FORBIDDEN
    assert list(Review.objects.values_list("name", flat=True)) == ["Child S"]


def test_someone_without_a_role_may_not_see_the_register(client):
    review = ReviewFactory()
    client.force_login(UserFactory(username="nobody"))

    assert client.get(LIST_URL).status_code == HTTPStatus.FORBIDDEN
    assert client.get(review.get_absolute_url()).status_code == HTTPStatus.FORBIDDEN


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get(LIST_URL)

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("url_name", ["reviews:review_detail", "reviews:review_update"])
def test_an_unknown_review_is_not_found(manager_client, url_name):
    assert manager_client.get(reverse(url_name, args=[999_999])).status_code == HTTPStatus.NOT_FOUND


# A review's page


def test_detail_shows_the_review_fields_and_its_key_dates(reader_client):
    aim = AimFactory(number=1, plan=BusinessPlanFactory(title="2025/26"))
    informed = ObjectiveFactory(aim=aim, ref="1.2", title="Learning reaches front-line staff")
    removed = ObjectiveFactory(aim=aim, ref="1.3", title="A deleted objective", is_deleted=True)
    review = ReviewFactory(
        name="Child S",
        code="CS",
        kind=Review.Kind.PRACTICE_REVIEW,
        status=Review.Status.COMMISSIONED,
        summary="First paragraph.\n\n- a bullet\n- another",
        subgroup=Subgroup.objects.create(name="Case review subgroup"),
        incident_notified_on=LONG_AGO,
        panel_notified_on=date(2020, 1, 9),
        rapid_review_on=date(2020, 1, 24),
        commissioned_on=date(2020, 2, 3),
        due_on=timezone.localdate() + timedelta(days=90),
    )
    review.objectives.set([informed, removed])

    response = reader_client.get(review.get_absolute_url())

    html = response.content.decode()
    assert "<h1>Child S</h1>" in html
    assert "Child safeguarding practice review" in html
    assert "Commissioned" in html
    assert "<p>First paragraph.</p>" in html
    assert "<li>a bullet</li>" in html
    assert "Case review subgroup" in html
    assert f'<a href="{informed.get_absolute_url()}">1.2 Learning reaches front-line staff</a>' in html
    assert "A deleted objective" not in html
    assert "<dt>National panel to be told by</dt><dd>13 January 2020</dd>" in html
    assert "<dt>National panel told</dt><dd>9 January 2020</dd>" in html
    assert "<dt>Rapid review due by</dt><dd>27 January 2020</dd>" in html
    assert "<dt>Rapid review held</dt><dd>24 January 2020</dd>" in html
    assert "<dt>Review commissioned</dt><dd>3 February 2020</dd>" in html
    assert "<dt>Report published</dt><dd>Not yet</dd>" in html


def test_detail_shows_an_overdue_next_step_in_words(reader_client):
    review = overdue_review(name="Child L")

    html = reader_client.get(review.get_absolute_url()).content.decode()

    assert re.search(
        r'role="status">\s*<p class="mb-0"><strong>Overdue:</strong> Tell the national panel, due 13 January 2020',
        html,
    )


def test_detail_shows_a_next_step_on_time_without_the_overdue_marker(reader_client):
    review = on_time_review(name="Child M")
    due = timezone.localdate() + timedelta(days=30)

    html = reader_client.get(review.get_absolute_url()).content.decode()

    assert f"Complete the review, due {due.day} {due:%B %Y}." in html
    assert "Overdue" not in html


def test_detail_shows_each_recommendation_with_its_actions_and_latest_accepted_progress(
    reader_client, plan, june, december, lead_agency, other_agency
):
    review = ReviewFactory(name="Child S", code="CS")
    first = RecommendationFactory(review=review, number=1, text="Share chronologies.", agencies=[lead_agency])
    second = RecommendationFactory(
        review=review, number=2, text="Train staff on neglect.", agencies=[lead_agency, other_agency]
    )
    progressed = review_action(
        first,
        plan,
        lead_agencies=[lead_agency, other_agency],
        text="Agree a chronology template.",
        target_on=date(2026, 3, 31),
    )
    ProgressUpdateFactory(action=progressed, round=june, rag=Rag.AMBER, progress="Template drafted.")
    # Submitted but not yet accepted: the page keeps showing June's accepted progress.
    ProgressUpdateFactory(action=progressed, round=december, rag=Rag.GREEN, progress="Not yet", state=State.SUBMITTED)
    withdrawn = review_action(second, plan, lead_agencies=[other_agency], text="Run a neglect course.")
    Action.objects.filter(pk=withdrawn.pk).update(status=Action.Status.WITHDRAWN)
    ProgressUpdateFactory(action=withdrawn, round=june, rag=Rag.RED, progress="Stalled in June.")
    ProgressUpdateFactory(action=withdrawn, round=december, rag=Rag.COMPLETE, progress="Replaced by e-learning.")
    review_action(second, plan, lead_agencies=[lead_agency], text="Audit neglect referrals.")

    response = reader_client.get(review.get_absolute_url())

    html = response.content.decode()
    first_section = html[html.index('id="recommendation-1"') : html.index('id="recommendation-2"')]
    second_section = html[html.index('id="recommendation-2"') :]
    assert "Share chronologies." in first_section
    assert "<strong>For:</strong> Fenbridge Police</p>" in first_section
    assert f'<a href="{reverse("objectives:action_detail", args=[progressed.pk])}">CS-1.1</a>' in first_section
    assert "Agree a chronology template." in first_section
    assert "Fenbridge Community Health, Fenbridge Police" in first_section
    assert "31 March 2026" in first_section
    assert '<span class="rag rag-amber">Amber</span> <span class="small">Progress report June 2025</span>' in (
        first_section
    )
    assert "Template drafted." in first_section
    assert "Not yet" not in first_section
    assert "<strong>For:</strong> Fenbridge Community Health, Fenbridge Police</p>" in second_section
    assert "<strong>Withdrawn</strong>" in second_section
    assert (
        '<span class="rag rag-complete">Complete</span> <span class="small">Progress report December 2025</span>'
        in (second_section)
    )
    assert "Replaced by e-learning." in second_section
    assert "Stalled in June." not in second_section
    untouched_row = row_of(second_section, "CS-2.2")
    assert "Audit neglect referrals." in untouched_row
    assert "No progress yet" in untouched_row


def test_detail_counts_the_whole_review_by_rag_and_leaves_out_hidden_actions(reader_client, plan, december):
    review = ReviewFactory(name="Child S", code="CS")
    first, second = RecommendationFactory(review=review, number=1), RecommendationFactory(review=review, number=2)
    for recommendation, rag in [(first, Rag.GREEN), (first, Rag.RED), (second, Rag.GREEN)]:
        ProgressUpdateFactory(action=review_action(recommendation, plan), round=december, rag=rag)
    review_action(second, plan)  # no update yet
    hidden = review_action(second, plan, text="A hidden action.")
    ProgressUpdateFactory(action=hidden, round=december, rag=Rag.AMBER)
    Action.objects.filter(pk=hidden.pk).update(is_deleted=True)
    # Another review's action is not this review's.
    ProgressUpdateFactory(action=review_action(RecommendationFactory(), plan), round=december, rag=Rag.RED)

    response = reader_client.get(review.get_absolute_url())

    [tally] = response.context["action_plan"].rag_counts
    assert tally.counts == {"red": 1, "amber": 0, "green": 2, "complete": 0, "not_started": 0, "none": 1}
    html = response.content.decode()
    assert "Latest rating of the review's 4 actions" in html
    assert '<span class="rag rag-green">Green</span> <span class="rag-count">2</span>' in html
    assert '<span class="rag rag-none">No update</span> <span class="rag-count">1</span>' in html
    assert "A hidden action." not in html


def test_detail_without_recommendations_says_so(reader_client):
    review = ReviewFactory()

    html = reader_client.get(review.get_absolute_url()).content.decode()

    assert "No recommendations yet." in html
    assert "No actions yet." in html


def test_detail_offers_the_manager_every_way_to_change_the_review(manager_client):
    recommendation = RecommendationFactory(review=ReviewFactory(name="Child S"), number=3)
    review = recommendation.review

    html = manager_client.get(review.get_absolute_url()).content.decode()

    assert f'href="{update_url(review)}">Edit review' in html
    assert f'href="{reverse("reviews:recommendation_create", args=[review.pk])}">Add recommendation' in html
    assert f'href="{reverse("reviews:review_import_upload", args=[review.pk])}">Import recommendations' in html
    assert f'href="{reverse("reviews:recommendation_update", args=[recommendation.pk])}">Edit recommendation' in html
    assert f'href="{reverse("reviews:recommendation_action_create", args=[recommendation.pk])}">Add action' in html


def test_detail_offers_readers_no_way_to_change_anything(reader_client):
    recommendation = RecommendationFactory(review=ReviewFactory(name="Child S"))

    html = reader_client.get(recommendation.review.get_absolute_url()).content.decode()

    for text in ["Edit review", "Add recommendation", "Import recommendations", "Edit recommendation", "Add action"]:
        assert text not in html


@pytest.mark.parametrize("count", [1, 5])
def test_detail_queries_do_not_grow_with_recommendations_or_actions(
    manager_client, plan, june, december, lead_agency, other_agency, count, django_assert_num_queries
):
    review = ReviewFactory(name="Child S", code="CS")
    for number in range(1, count + 1):
        recommendation = RecommendationFactory(review=review, number=number, agencies=[lead_agency, other_agency])
        for _ in range(count):
            action = review_action(recommendation, plan, lead_agencies=[lead_agency, other_agency])
            ProgressUpdateFactory(action=action, round=june, rag=Rag.RED)
            ProgressUpdateFactory(action=action, round=december, rag=Rag.GREEN)
        review.objectives.add(ObjectiveFactory())

    # session, user, the user's and the groups' permissions (one query), the review with its subgroup, its objectives
    # with their plans, the recommendations, their agencies, the actions, their lead agencies, their latest accepted
    # updates with rounds, the actions' plans' scales' levels; the rating counts come from those actions, no query
    with django_assert_num_queries(11):
        response = manager_client.get(review.get_absolute_url())

    assert response.status_code == HTTPStatus.OK
    assert response.context["action_plan"].action_count == count * count


# Adding and editing a review


def form_data(**changes):
    data = {
        "name": "Child Q",
        "code": "CQ",
        "kind": Review.Kind.PRACTICE_REVIEW,
        "status": Review.Status.NOTIFIED,
        "subgroup": "",
        "summary": "",
        "objectives": [],
        "incident_notified_on": "",
        "panel_notified_on": "",
        "rapid_review_on": "",
        "decided_on": "",
        "commissioned_on": "",
        "due_on": "",
        "completed_on": "",
        "published_on": "",
        "closed_on": "",
    }
    return {**data, **changes}


def edit_data(review, **changes):
    data = form_data(
        name=review.name,
        code=review.code,
        kind=review.kind,
        status=review.status,
        subgroup=review.subgroup_id or "",
        summary=review.summary,
        objectives=[objective.pk for objective in review.objectives.all()],
        version=review.version,
    )
    for name in ["incident_notified_on", "panel_notified_on", "rapid_review_on", "commissioned_on", "due_on"]:
        value = getattr(review, name)
        data[name] = value.isoformat() if value else ""
    return {**data, **changes}


def test_the_new_review_form_offers_live_objectives_named_by_ref_title_and_plan(manager_client):
    plan = BusinessPlanFactory(title="2025/26")
    live = ObjectiveFactory(aim=AimFactory(plan=plan, number=1), ref="1.2", title="Learning reaches staff")
    ObjectiveFactory(aim=live.aim, ref="1.3", title="Deleted objective", is_deleted=True)
    ObjectiveFactory(aim=AimFactory(plan=plan, number=2, is_deleted=True), ref="2.1", title="Under a deleted aim")

    response = manager_client.get(CREATE_URL)

    assert response.status_code == HTTPStatus.OK
    choices = [label for _, label in response.context["form"].fields["objectives"].choices]
    assert choices == ["1.2 Learning reaches staff (2025/26)"]
    html = response.content.decode()
    assert 'type="checkbox"' in html
    assert "Never the child’s real name." in html
    assert 'type="date"' in html


def test_the_manager_adds_a_review_with_its_dates_and_objectives(manager_client, board_manager):
    objective = ObjectiveFactory(title="Learning reaches staff")
    subgroup = Subgroup.objects.create(name="Case review subgroup")

    response = manager_client.post(
        CREATE_URL,
        form_data(
            name="  Child   Q ",
            code="cq",
            summary="A review of neglect.",
            subgroup=subgroup.pk,
            objectives=[objective.pk],
            incident_notified_on="2020-01-06",
            due_on="2020-07-31",
        ),
    )

    review = Review.objects.get()
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == review.get_absolute_url()
    assert (review.name, review.code, review.subgroup, review.summary) == (
        "Child Q",
        "CQ",
        subgroup,
        "A review of neglect.",
    )
    assert list(review.objectives.all()) == [objective]
    assert (review.incident_notified_on, review.due_on) == (LONG_AGO, date(2020, 7, 31))
    assert (review.panel_due_on, review.rapid_review_due_on) == (date(2020, 1, 13), date(2020, 1, 27))
    assert {record.history_user for record in review.history.all()} == {board_manager}
    assert messages_of(response) == ["Child Q added to the register."]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": "Child S"}, "name", "A review called “Child S” already exists."),
        ({"name": "child s"}, "name", "A review called “child s” already exists."),
        ({"code": "CS"}, "code", "Another review already uses the reference prefix CS."),
        ({"code": "C-S"}, "code", "A reference prefix is up to 10 capital letters and digits"),
        ({"name": ""}, "name", "This field is required."),
        ({"kind": "tribunal"}, "kind", "Select a valid choice."),
        ({"incident_notified_on": "31/02/2025"}, "incident_notified_on", "Enter a valid date."),
        ({"objectives": ["abc"]}, "objectives", "“abc” is not a valid value."),
        ({"subgroup": "99999"}, "subgroup", "Select a valid choice."),
        (
            {"incident_notified_on": "2025-03-10", "panel_notified_on": "2025-03-07"},
            "panel_notified_on",
            "The national panel notified date cannot be before the serious incident notified date.",
        ),
        (
            {"completed_on": "2025-05-01", "published_on": "2025-04-30"},
            "published_on",
            "The published date cannot be before the completed date.",
        ),
        (
            {"incident_notified_on": "2014-02-03", "decided_on": "2014-01-31"},
            "decided_on",
            "The decision to initiate date cannot be before the serious incident notified date.",
        ),
        (
            {"decided_on": "2014-02-03", "closed_on": "2014-01-31"},
            "closed_on",
            "The closed date cannot be before the decision to initiate date.",
        ),
    ],
)
def test_a_new_review_with_a_problem_is_refused_with_a_clear_message(manager_client, changes, field, message):
    ReviewFactory(name="Child S", code="CS")

    response = manager_client.post(CREATE_URL, form_data(**changes))

    assert response.status_code == HTTPStatus.OK
    errors = response.context["form"].errors[field]
    assert any(error.startswith(message) for error in errors), errors
    assert f'<a href="#id_{field}" class="alert-link">' in response.content.decode()
    assert Review.objects.count() == 1


def test_the_manager_edits_a_review(manager_client):
    review = ReviewFactory(name="Child S", code="CS", status=Review.Status.NOTIFIED, incident_notified_on=LONG_AGO)

    response = manager_client.post(
        update_url(review), edit_data(review, status=Review.Status.RAPID_REVIEW, panel_notified_on="2020-01-10")
    )

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == review.get_absolute_url()
    review.refresh_from_db()
    assert (review.status, review.panel_notified_on, review.version) == (
        Review.Status.RAPID_REVIEW,
        date(2020, 1, 10),
        2,
    )
    assert messages_of(response) == ["Child S saved."]


def test_the_edit_form_is_filled_with_the_review(manager_client):
    review = ReviewFactory(name="Child S", code="CS", incident_notified_on=LONG_AGO)

    response = manager_client.get(update_url(review))

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "<h1>Edit Child S</h1>" in html
    assert 'value="2020-01-06"' in html
    assert 'name="version" value="1"' in html


def test_a_review_keeps_its_name_when_saved_unchanged(manager_client):
    review = ReviewFactory(name="Child S", code="CS")

    response = manager_client.post(update_url(review), edit_data(review))

    assert response.status_code == HTTPStatus.FOUND


def test_editing_keeps_a_link_to_an_objective_deleted_since(manager_client):
    review = ReviewFactory(name="Child S")
    deleted = ObjectiveFactory(title="Since deleted", is_deleted=True)
    review.objectives.set([deleted])

    response = manager_client.get(update_url(review))

    assert any(label.endswith("(deleted)") for _, label in response.context["form"].fields["objectives"].choices)
    manager_client.post(update_url(review), edit_data(review, summary="Edited."))
    assert list(review.objectives.all()) == [deleted]


def test_the_prefix_of_a_review_with_actions_cannot_change(manager_client, plan):
    review = ReviewFactory(name="Child S", code="CS")
    review_action(RecommendationFactory(review=review, number=1), plan)

    response = manager_client.post(update_url(review), edit_data(review, code="CX"))

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["code"] == [
        "Child S has actions numbered CS-1.1 and so on, so its reference prefix cannot change."
    ]
    review.refresh_from_db()
    assert review.code == "CS"


def test_the_prefix_of_a_review_without_actions_may_change(manager_client):
    review = ReviewFactory(name="Child S", code="CS")
    RecommendationFactory(review=review)

    response = manager_client.post(update_url(review), edit_data(review, code="CX"))

    assert response.status_code == HTTPStatus.FOUND
    review.refresh_from_db()
    assert review.code == "CX"


def test_a_stale_save_is_refused_and_loses_nothing(manager_client, client):
    review = ReviewFactory(name="Child S", code="CS", summary="Original.")
    stale = edit_data(review, summary="My summary.")
    other_manager = UserFactory(username="deputy", first_name="Dee", last_name="Puty", roles=["Board managers"])
    client.force_login(other_manager)
    client.post(update_url(review), edit_data(review, summary="Their summary."))

    response = manager_client.post(update_url(review), stale)

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Dee Puty saved this review while you were editing it" in html
    assert "after you opened it, so your changes were not saved." in html
    assert "Their summary." in html  # what they saved, shown beside the form
    assert response.context["form"]["summary"].value() == "My summary."
    assert response.context["form"]["version"].value() == 2
    review.refresh_from_db()
    assert (review.summary, review.version) == ("Their summary.", 2)

    merged = manager_client.post(update_url(review), {**stale, "version": 2})

    assert merged.status_code == HTTPStatus.FOUND
    review.refresh_from_db()
    assert (review.summary, review.version) == ("My summary.", 3)


@pytest.mark.parametrize("version", ["", "abc", "0"])
def test_a_save_without_a_usable_version_is_refused_as_stale(manager_client, version):
    review = ReviewFactory(name="Child S", code="CS", summary="Original.")

    response = manager_client.post(update_url(review), edit_data(review, summary="Changed.", version=version))

    assert response.status_code == HTTPStatus.OK
    assert "so your changes were not saved" in response.content.decode()
    review.refresh_from_db()
    assert review.summary == "Original."


def test_a_summary_with_an_nhs_number_is_saved_with_a_warning(manager_client):
    response = manager_client.post(CREATE_URL, form_data(summary=f"The child ({NHS_NUMBER}) was known to services."))

    assert response.status_code == HTTPStatus.FOUND
    assert NHS_NUMBER in Review.objects.get().summary
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert len(warnings) == 1
    assert f"The summary holds “{NHS_NUMBER}”, which looks like an NHS number." in warnings[0]


def test_an_edited_summary_with_a_date_of_birth_is_saved_with_a_warning(manager_client):
    review = ReviewFactory(name="Child S", code="CS")

    response = manager_client.post(update_url(review), edit_data(review, summary="Born on 3 May 2019."))

    assert response.status_code == HTTPStatus.FOUND
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert len(warnings) == 1
    assert "looks like a date of birth" in warnings[0]


def test_a_summary_with_ten_digits_that_are_not_an_nhs_number_gets_no_warning(manager_client):
    response = manager_client.post(CREATE_URL, form_data(summary=f"Call reference {NOT_AN_NHS_NUMBER}."))

    assert response.status_code == HTTPStatus.FOUND
    assert messages_of(response) == ["Child Q added to the register."]


def test_saving_refuses_a_name_taken_after_the_form_was_checked():
    form = ReviewForm(data=form_data(name="Child Q", code="CQ"))
    assert form.is_valid()
    ReviewFactory(name="Child Q", code="CZ")

    with pytest.raises(ValidationError, match="was saved just now"):
        services.save_review(review=form.instance, objectives=form.cleaned_data["objectives"], expected_version=None)

    assert Review.objects.count() == 1


def test_list_filtered_by_an_agency_no_review_names_lists_none(reader_client, lead_agency):
    RecommendationFactory(review=ReviewFactory(name="Child A"), agencies=[lead_agency])

    response = reader_client.get(LIST_URL, {"agency": AgencyFactory(name="Fenbridge Schools").pk})

    assert listed_names(response) == []
