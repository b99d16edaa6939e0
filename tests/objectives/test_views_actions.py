import re
from datetime import date
from http import HTTPStatus

import pytest
from django.urls import reverse

from objectives import roles
from objectives.models import Action, ProgressUpdate
from objectives.services import progress
from tests.factories import (
    ActionFactory,
    AgencyFactory,
    BusinessPlanFactory,
    ObjectiveFactory,
    ProgressRoundFactory,
    ProgressUpdateFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

LIST_URL = reverse("objectives:action_list")


@pytest.fixture
def objective():
    plan = BusinessPlanFactory(title="2025/26", starts_on=date(2025, 4, 1), ends_on=date(2026, 3, 31))
    return ObjectiveFactory(aim__plan=plan, aim__number=1, ref="1.1", title="Show how partners' work helps")


def listed_refs(response) -> list[str]:
    return [row.ref for row in response.context["table"].page.object_list.data]


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("action_list", {}),
        ("action_create", {"objective_pk": 1}),
        ("action_detail", {"pk": 1}),
        ("action_update", {"pk": 1}),
    ],
)
def test_action_pages_send_anonymous_visitors_to_sign_in(client, name, kwargs):
    response = client.get(reverse(f"objectives:{name}", kwargs=kwargs))

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("login"))


# Action list


def test_action_list_shows_each_action_with_its_columns(manager_client, objective):
    police = AgencyFactory(short_name="Police")
    action = ActionFactory(
        objective=objective,
        ref="1.1.1",
        text="Audit repeat referrals",
        lead_agencies=[police],
        target_on=date(2020, 3, 31),
        target_is_month=True,
    )
    ProgressUpdateFactory(action=action, rag=ProgressUpdate.Rag.RED)

    response = manager_client.get(LIST_URL)

    content = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "<title>Actions –" in content
    assert f'<a href="{action.get_absolute_url()}">1.1.1</a>' in content
    assert f'<a href="{action.get_absolute_url()}">Audit repeat referrals</a>' in content
    assert "2025/26" in content
    assert "Police" in content
    assert 'March 2020 <strong class="overdue">Overdue</strong>' in content
    assert '<span class="rag rag-red">Red</span>' in content


def test_action_list_filter_form_is_a_labelled_get_form(manager_client, objective):
    # With a plan, whose RAG scale gives the rating filter its levels.
    content = manager_client.get(LIST_URL).content.decode()

    assert '<form method="get"' in content
    for field in ["q", "plan", "objective", "lead_agency", "rag", "status", "overdue"]:
        assert f'for="id_{field}"' in content


def test_action_list_sorts_refs_naturally_by_default(manager_client, objective):
    for ref in ["1.1.10", "1.1.2", "1.1.9", "1.1.1"]:
        ActionFactory(objective=objective, ref=ref)

    response = manager_client.get(LIST_URL)

    assert listed_refs(response) == ["1.1.1", "1.1.2", "1.1.9", "1.1.10"]


def test_sorting_by_ref_is_natural_both_ways(manager_client, objective):
    for ref in ["1.1.10", "1.1.2", "1.1.9", "1.1.1"]:
        ActionFactory(objective=objective, ref=ref)

    ascending = manager_client.get(LIST_URL, {"sort": "ref"})
    descending = manager_client.get(LIST_URL, {"sort": "-ref"})

    assert listed_refs(ascending) == ["1.1.1", "1.1.2", "1.1.9", "1.1.10"]
    assert listed_refs(descending) == ["1.1.10", "1.1.9", "1.1.2", "1.1.1"]


def test_sorting_by_objective_is_natural(manager_client, objective):
    later = ObjectiveFactory(aim=objective.aim, ref="1.10")
    ActionFactory(objective=later, ref="1.10.1")
    ActionFactory(objective=objective, ref="1.1.1")

    response = manager_client.get(LIST_URL, {"sort": "objective"})

    assert listed_refs(response) == ["1.1.1", "1.10.1"]


def test_sorting_by_latest_rag_follows_the_scale(manager_client, objective):
    progress_round = ProgressRoundFactory(plan=objective.plan)
    for ref, rag in [("1.1.1", "green"), ("1.1.2", "red"), ("1.1.3", None), ("1.1.4", "complete")]:
        action = ActionFactory(objective=objective, ref=ref)
        if rag:
            ProgressUpdateFactory(action=action, round=progress_round, rag=rag)

    response = manager_client.get(LIST_URL, {"sort": "latest_rag"})

    assert listed_refs(response) == ["1.1.3", "1.1.2", "1.1.1", "1.1.4"]


@pytest.mark.parametrize("column", ["plan", "target_on", "status", "-latest_rag"])
def test_each_sortable_column_sorts(manager_client, objective, column):
    ActionFactory.create_batch(2, objective=objective)

    response = manager_client.get(LIST_URL, {"sort": column})

    assert response.status_code == HTTPStatus.OK
    assert len(listed_refs(response)) == 2


def test_action_list_pages_by_25(manager_client, objective):
    ActionFactory.create_batch(26, objective=objective)

    first = manager_client.get(LIST_URL)
    second = manager_client.get(LIST_URL, {"page": "2"})

    assert len(listed_refs(first)) == 25
    assert len(listed_refs(second)) == 1


@pytest.mark.parametrize("rows", [5, 100])
def test_action_list_queries_do_not_grow_with_actions(manager_client, objective, rows, django_assert_num_queries):
    agencies = AgencyFactory.create_batch(2)
    progress_round = ProgressRoundFactory(plan=objective.plan)
    for _ in range(rows):
        ProgressUpdateFactory(action__objective=objective, action__lead_agencies=agencies, round=progress_round)

    # session, user, the user's and their groups' permissions, the plans' rating scales and their levels (for the
    # rating filter and column), count, one page of actions with plan, scale, objective and latest rating, their
    # lead agencies, and the choices of the plan, objective and lead agency filters
    with django_assert_num_queries(11):
        response = manager_client.get(LIST_URL)

    assert response.status_code == HTTPStatus.OK
    assert len(listed_refs(response)) == min(rows, 25)


# Filters


def test_filter_by_plan(manager_client, objective):
    ActionFactory(objective=objective, ref="1.1.1")
    other = ActionFactory(objective__aim__number=1, objective__ref="1.1", ref="1.1.2")

    response = manager_client.get(LIST_URL, {"plan": other.plan.pk})

    assert listed_refs(response) == ["1.1.2"]


def test_filter_by_objective(manager_client, objective):
    ActionFactory(objective=objective, ref="1.1.1")
    ActionFactory(objective=ObjectiveFactory(aim=objective.aim, ref="1.2"), ref="1.2.1")

    response = manager_client.get(LIST_URL, {"objective": objective.pk})

    assert listed_refs(response) == ["1.1.1"]


def test_objective_choices_say_which_plan(manager_client, objective):
    content = manager_client.get(LIST_URL).content.decode()

    assert f'<option value="{objective.pk}">1.1 Show how partners&#x27; work helps (2025/26)</option>' in content


def test_filter_by_lead_agency(manager_client, objective):
    police, health = AgencyFactory(), AgencyFactory()
    ActionFactory(objective=objective, ref="1.1.1", lead_agencies=[police, health])
    ActionFactory(objective=objective, ref="1.1.2", lead_agencies=[health])
    ActionFactory(objective=objective, ref="1.1.3")

    response = manager_client.get(LIST_URL, {"lead_agency": police.pk})

    assert listed_refs(response) == ["1.1.1"]


def test_filter_by_latest_rag_ignores_earlier_rounds(manager_client, objective):
    september = ProgressRoundFactory(plan=objective.plan, as_of=date(2025, 9, 30))
    december = ProgressRoundFactory(plan=objective.plan, as_of=date(2025, 12, 31))
    recovered = ActionFactory(objective=objective, ref="1.1.1")
    ProgressUpdateFactory(action=recovered, round=september, rag="red")
    ProgressUpdateFactory(action=recovered, round=december, rag="green")
    ProgressUpdateFactory(action__objective=objective, action__ref="1.1.2", round=december, rag="red")

    response = manager_client.get(LIST_URL, {"rag": f"{objective.plan.rating_scale_id}:red"})

    assert listed_refs(response) == ["1.1.2"]


def test_filter_by_no_update(manager_client, objective):
    ProgressUpdateFactory(action__objective=objective, action__ref="1.1.1")
    ActionFactory(objective=objective, ref="1.1.2")

    response = manager_client.get(LIST_URL, {"rag": "none"})

    assert listed_refs(response) == ["1.1.2"]


def test_filter_by_status(manager_client, objective):
    ActionFactory(objective=objective, ref="1.1.1")
    ActionFactory(objective=objective, ref="1.1.2", status=Action.Status.WITHDRAWN)

    response = manager_client.get(LIST_URL, {"status": "withdrawn"})

    assert listed_refs(response) == ["1.1.2"]


@pytest.mark.parametrize(("overdue", "expected"), [("yes", ["1.1.1"]), ("no", ["1.1.2", "1.1.3", "1.1.4"])])
def test_filter_by_overdue(manager_client, objective, overdue, expected):
    ActionFactory(objective=objective, ref="1.1.1", target_on=date(2020, 3, 31))
    ActionFactory(objective=objective, ref="1.1.2", target_on=date(2099, 3, 31))
    ActionFactory(objective=objective, ref="1.1.3")
    ActionFactory(objective=objective, ref="1.1.4", target_on=date(2020, 3, 31), status=Action.Status.COMPLETED)

    response = manager_client.get(LIST_URL, {"overdue": overdue})

    assert listed_refs(response) == expected


@pytest.mark.parametrize(("search", "expected"), [("1.1.1", ["1.1.1", "1.1.10"]), ("early HELP", ["1.1.2"])])
def test_search_looks_in_refs_and_action_text(manager_client, objective, search, expected):
    ActionFactory(objective=objective, ref="1.1.1", text="Audit referrals")
    ActionFactory(objective=objective, ref="1.1.2", text="Extend the framework to early help")
    ActionFactory(objective=objective, ref="1.1.10", text="Train staff")
    ActionFactory(objective=ObjectiveFactory(aim=objective.aim, ref="1.2"), ref="1.2.1", text="Publish 1.1.1 report")

    response = manager_client.get(LIST_URL, {"q": search})

    assert listed_refs(response)[: len(expected)] == expected


def test_an_impossible_filter_value_is_explained_not_an_error(manager_client, objective):
    ActionFactory(objective=objective)

    response = manager_client.get(LIST_URL, {"plan": "not-a-plan", "rag": "purple", "sort": "nonsense", "page": "x"})

    content = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "There is a problem" in content
    assert "Select a valid choice" in content
    assert listed_refs(response) == []


# Action page


def test_action_page_shows_the_action(manager_client, objective):
    action = ActionFactory(
        objective=objective,
        ref="1.1.1",
        text="Audit repeat referrals.\n\nReport to the board.",
        lead_agencies=[AgencyFactory(short_name="Police"), AgencyFactory(short_name="Health")],
        target_on=date(2020, 3, 31),
        target_is_month=True,
    )

    response = manager_client.get(action.get_absolute_url())

    content = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "<title>Action 1.1.1 – Business plan 2025/26 –" in content
    assert content.count("<h1") == 1
    assert "<h1>Action 1.1.1</h1>" in content
    assert "Objective 1.1: Show how partners&#x27; work helps" in content
    assert "Aim 1: " in content
    assert "<p>Audit repeat referrals.</p>\n<p>Report to the board.</p>" in content
    assert "Health, Police" in content or "Police, Health" in content
    assert 'March 2020 <strong class="overdue">Overdue</strong>' in content
    assert "<dd>Open</dd>" in content
    assert 'aria-label="Breadcrumb"' in content


def test_action_page_shows_progress_of_every_round_newest_first(manager_client, objective):
    action = ActionFactory(objective=objective)
    september = ProgressRoundFactory(plan=objective.plan, as_of=date(2025, 9, 30))
    december = ProgressRoundFactory(plan=objective.plan, as_of=date(2025, 12, 31))
    ProgressUpdateFactory(
        action=action,
        round=september,
        rag="amber",
        progress="- Audit started\n- Panel met",
        impact="Referrals down from 24% to 17%.",
        author=UserFactory(first_name="Pat", last_name="Officer"),
    )

    content = manager_client.get(action.get_absolute_url()).content.decode()

    assert content.index("Progress report December 2025") < content.index("Progress report September 2025")
    assert "<ul><li>Audit started</li><li>Panel met</li></ul>" in content
    assert "<p>Referrals down from 24% to 17%.</p>" in content
    assert '<span class="rag rag-amber">Amber</span>' in content
    assert "Written by Pat Officer" in content
    write_url = reverse("objectives:progress_edit", args=[action.pk, december.pk])
    edit_url = reverse("objectives:progress_edit", args=[action.pk, september.pk])
    assert f'href="{write_url}">Write progress for Progress report December 2025</a>' in content
    assert f'href="{edit_url}">Edit progress' in content


def test_action_page_history_says_who_changed_what(manager_client, board_manager, objective):
    police, health = AgencyFactory(short_name="Police"), AgencyFactory(short_name="Health")
    action = ActionFactory(objective=objective, ref="1.1.1", text="Old wording", lead_agencies=[police])
    progress_round = ProgressRoundFactory(plan=objective.plan)
    manager_client.post(
        reverse("objectives:action_update", args=[action.pk]),
        {
            "ref": "1.1.1",
            "text": "New wording",
            "lead_agencies": [health.pk],
            "target": "March 2026",
            "status": "open",
            "version": "1",
        },
    )
    progress_url = reverse("objectives:progress_edit", args=[action.pk, progress_round.pk])
    manager_client.post(progress_url, {"rag": "red", "progress": "Stalled.", "impact": "", "version": ""})
    manager_client.post(progress_url, {"rag": "amber", "progress": "Moving again.", "impact": "", "version": "1"})

    response = manager_client.get(action.get_absolute_url())

    history = response.context["history"]
    # The form's save and its lead-agency changes read as one edit; so do the factory's.
    assert [entry.summary for entry in history] == [
        "Progress for Progress report December 2025 changed",
        "Progress for Progress report December 2025 added",
        "Action 1.1.1 changed",
        "Action 1.1.1 added",
    ]
    assert {entry.who for entry in history[:3]} == {"Morgan Manager"}
    rag_change = next(change for change in history[0].changes if change.field == "Rating")
    assert (rag_change.old, rag_change.new) == ("Red", "Amber")
    action_changes = {change.field: (change.old, change.new) for change in history[2].changes}
    assert action_changes["Action"] == ("Old wording", "New wording")
    assert action_changes["Target date"] == ("", "March 2026")
    assert action_changes["Month only"] == ("No", "Yes")
    content = response.content.decode()
    assert '<th scope="row">Lead agencies</th>' in content
    assert re.search(r"<td>Police</td>\s*<td>Health</td>", content)


def test_action_page_history_shows_what_a_new_update_was_written_with(manager_client, objective):
    action = ActionFactory(objective=objective)
    progress_round = ProgressRoundFactory(plan=objective.plan)
    manager_client.post(
        reverse("objectives:progress_edit", args=[action.pk, progress_round.pk]),
        {"rag": "red", "progress": "Stalled.", "impact": "", "version": ""},
    )

    history = manager_client.get(action.get_absolute_url()).context["history"]

    assert {change.field: (change.old, change.new) for change in history[0].changes} == {
        "Rating": ("", "Red"),
        "Progress": ("", "Stalled."),
    }


def test_action_page_history_tells_the_workflow_in_words(manager_client, board_manager, objective):
    officer = UserFactory(first_name="Pat", last_name="Officer", roles=[roles.AGENCY_CONTRIBUTORS])
    action = ActionFactory(objective=objective)
    progress_round = ProgressRoundFactory(plan=objective.plan)
    fields = {"action": action, "progress_round": progress_round, "rag": "green", "impact": ""}
    update = progress.submit_progress(author=officer, progress="Agency words.", expected_version=None, **fields)
    progress.return_progress(update=update, manager=board_manager, comment="Add figures.", expected_version=1)
    progress.submit_progress(author=officer, progress="Agency words: 17%.", expected_version=2, **fields)
    update.refresh_from_db()
    progress.accept_progress(
        update=update, manager=board_manager, rag="amber", progress="Edited: 17%.", impact="", expected_version=3
    )

    history = manager_client.get(action.get_absolute_url()).context["history"]

    assert [entry.summary for entry in history[:4]] == [
        "Progress for Progress report December 2025 accepted",
        "Progress for Progress report December 2025 resubmitted",
        "Progress for Progress report December 2025 returned with comment: Add figures.",
        "Progress for Progress report December 2025 added and submitted",
    ]
    accepted = {change.field: (change.old, change.new) for change in history[0].changes}
    assert accepted["State"] == ("Submitted", "Accepted")
    assert accepted["Progress"] == ("Agency words: 17%.", "Edited: 17%.")
    assert accepted["Rating"] == ("Green", "Amber")
    assert accepted["Accepted by"] == ("", "Morgan Manager")
    returned = {change.field: (change.old, change.new) for change in history[2].changes}
    assert returned["State"] == ("Submitted", "Returned")
    assert returned["Comment"] == ("", "Add figures.")
    submitted = {change.field: change.new for change in history[3].changes}
    assert submitted["Submitted by"] == "Pat Officer"
    assert re.fullmatch(r"\d{1,2} \w+ \d{4}, \d\d:\d\d", submitted["Submitted at"])


def test_action_page_timeline_says_where_each_update_stands(manager_client, objective):
    action = ActionFactory(objective=objective)
    september = ProgressRoundFactory(plan=objective.plan, as_of=date(2025, 9, 30))
    december = ProgressRoundFactory(plan=objective.plan, as_of=date(2025, 12, 31))
    ProgressUpdateFactory(action=action, round=september, state=ProgressUpdate.State.ACCEPTED)
    submitted = ProgressUpdateFactory(action=action, round=december, state=ProgressUpdate.State.SUBMITTED)

    content = manager_client.get(action.get_absolute_url()).content.decode()

    assert "<strong>Submitted</strong>: sent to the board manager by the agency; waiting for review." in content
    assert "<strong>Accepted</strong> by the board manager." in content
    assert reverse("objectives:progress_review", args=[submitted.pk]) in content


@pytest.mark.parametrize("edits", [1, 6])
def test_action_page_queries_do_not_grow_with_rounds_or_history(
    manager_client, board_manager, objective, edits, django_assert_num_queries
):
    agency = AgencyFactory()
    action = ActionFactory(objective=objective, lead_agencies=[agency])
    author = UserFactory(roles=[roles.AGENCY_CONTRIBUTORS])
    for month in range(1, edits + 1):
        progress_round = ProgressRoundFactory(plan=objective.plan, as_of=date(2025, month, 28))
        fields = {"action": action, "progress_round": progress_round, "impact": ""}
        progress.save_progress(author=author, rag="amber", progress="One", expected_version=None, **fields)
        progress.submit_progress(author=author, rag="green", progress="Two", expected_version=1, **fields)
        update = action.progress_updates.get(round=progress_round)
        progress.accept_progress(
            update=update, manager=board_manager, rag="green", progress="Three", impact="", expected_version=2
        )
        action.text = f"Wording {month}"
        action.save()

    # session, user, the user's and their groups' permissions, action with objective, aim, plan and its rating
    # scale, its lead agencies, the scale's levels (ratings in the history in its words), the plan's rounds, its
    # updates with their people, action history, update history, lead agencies in the action history, and the
    # people named in the changes
    with django_assert_num_queries(12):
        response = manager_client.get(action.get_absolute_url())

    assert response.status_code == HTTPStatus.OK
    # The action added, and per round: progress written, submitted and accepted, and the action reworded.
    assert len(response.context["history"]) == 1 + 4 * edits


@pytest.mark.parametrize("rounds", [1, 5])
def test_action_page_queries_for_a_contributor_do_not_grow(
    client, lead_agency, objective, rounds, django_assert_num_queries
):
    contributor = UserFactory(roles=[roles.AGENCY_CONTRIBUTORS])
    lead_agency.members.add(contributor)
    action = ActionFactory(objective=objective, lead_agencies=[lead_agency])
    for month in range(1, rounds + 1):
        progress_round = ProgressRoundFactory(plan=objective.plan, as_of=date(2025, month, 28))
        progress.submit_progress(
            action=action, progress_round=progress_round, author=contributor, rag="green", progress="Done.",
            impact="", expected_version=None,
        )  # fmt: skip
    client.force_login(contributor)

    # session, user, the user's and their groups' permissions, action with objective, aim, plan and its rating
    # scale, whether the user may write its progress, its lead agencies, the scale's levels, the plan's rounds,
    # its updates with their people, action history, update history, lead agencies in the action history,
    # people named
    with django_assert_num_queries(13):
        response = client.get(action.get_absolute_url())

    assert response.status_code == HTTPStatus.OK
    assert len(response.context["timeline"]) == rounds


def test_an_unknown_action_is_not_found(manager_client):
    response = manager_client.get(reverse("objectives:action_detail", args=[999]))

    assert response.status_code == HTTPStatus.NOT_FOUND


# Action create and edit


def test_adding_an_action_sets_its_objective_plan_agencies_and_target(manager_client, objective):
    police = AgencyFactory()

    response = manager_client.post(
        reverse("objectives:action_create", args=[objective.pk]),
        {
            "ref": "1.1.1",
            "text": "Audit referrals",
            "lead_agencies": [police.pk],
            "target": "March 2026",
            "status": "open",
        },
    )

    action = Action.objects.get()
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == action.get_absolute_url()
    assert (action.objective, action.plan, action.ref) == (objective, objective.plan, "1.1.1")
    assert list(action.lead_agencies.all()) == [police]
    assert (action.target_on, action.target_is_month) == (date(2026, 3, 31), True)


def test_new_action_form_suggests_the_next_ref_and_ticks_active_agencies_only(manager_client, objective):
    ActionFactory(objective=objective, ref="1.1.1")
    AgencyFactory(name="Police", short_name="Police")
    AgencyFactory(name="Connexions", short_name="Connexions", is_active=False)

    response = manager_client.get(reverse("objectives:action_create", args=[objective.pk]))

    content = response.content.decode()
    assert response.context["form"]["ref"].value() == "1.1.2"
    assert 'type="checkbox"' in content
    assert "Police" in content
    assert "Connexions" not in content


def test_adding_an_action_with_a_ref_in_use_says_so_and_saves_nothing(manager_client, objective):
    ActionFactory(objective=objective, ref="1.1.1")

    response = manager_client.post(
        reverse("objectives:action_create", args=[objective.pk]),
        {"ref": "1.1.1", "text": "Again", "target": "", "status": "open"},
    )

    assert response.status_code == HTTPStatus.OK
    assert "Action 1.1.1 already exists under objective 1.1." in response.content.decode()
    assert Action.objects.count() == 1


def test_adding_an_action_with_an_unreadable_target_says_so_and_saves_nothing(manager_client, objective):
    response = manager_client.post(
        reverse("objectives:action_create", args=[objective.pk]),
        {"ref": "1.1.1", "text": "Audit", "target": "Marchember 2026", "status": "open"},
    )

    assert "is not a date: write 2026-03-31, 2026-03 or March 2026." in response.content.decode()
    assert not Action.objects.exists()


def test_editing_an_action_saves_the_change(manager_client, objective):
    action = ActionFactory(objective=objective, ref="1.1.1", text="Old")

    response = manager_client.post(
        reverse("objectives:action_update", args=[action.pk]),
        {"ref": "1.1.1", "text": "New", "target": "2026-03-31", "status": "completed", "version": "1"},
    )

    action.refresh_from_db()
    assert response.url == action.get_absolute_url()
    assert (action.text, action.target_on, action.target_is_month) == ("New", date(2026, 3, 31), False)
    assert action.status == Action.Status.COMPLETED
    assert action.completed_on is not None
