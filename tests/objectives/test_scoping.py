"""Who may see and change what: the owner is allowed, a reader reads, an outsider gets 404 or 403."""

from datetime import date
from http import HTTPStatus

import pytest
from django.urls import reverse

from objectives.models import Action, Aim, BusinessPlan, Objective, ProgressRound, ProgressUpdate
from tests.factories import (
    ActionFactory,
    AimFactory,
    ObjectiveFactory,
    ProgressRoundFactory,
    ProgressUpdateFactory,
    UserFactory,
)
from tests.objectives.plan_data import plan_form_data

pytestmark = pytest.mark.django_db

State = ProgressUpdate.State


@pytest.fixture
def nobody_client(client):
    client.force_login(UserFactory(username="no.role"))
    return client


@pytest.fixture
def action(lead_agency):
    return ActionFactory(ref="1.1.1", objective__ref="1.1", objective__aim__number=1, lead_agencies=[lead_agency])


@pytest.fixture
def december(action):
    return ProgressRoundFactory(plan=action.plan, as_of=date(2025, 12, 31))


@pytest.fixture
def draft(action, december, contributor):
    return ProgressUpdateFactory(
        action=action, round=december, state=State.DRAFT, author=contributor, progress="Police draft words."
    )


def edit_url(action, progress_round):
    return reverse("objectives:progress_edit", args=[action.pk, progress_round.pk])


# Reading


@pytest.mark.parametrize(
    "persona", ["manager_client", "contributor_client", "other_contributor_client", "reader_client"]
)
def test_everyone_with_a_role_reads_the_whole_plan(request, action, persona):
    client = request.getfixturevalue(persona)

    pages = [
        reverse("objectives:plan_list"),
        action.plan.get_absolute_url(),
        reverse("objectives:action_list"),
        action.get_absolute_url(),
    ]

    assert [client.get(page).status_code for page in pages] == [HTTPStatus.OK] * 4


def test_someone_signed_in_without_a_role_sees_nothing(nobody_client, action):
    pages = [
        reverse("objectives:plan_list"),
        action.plan.get_absolute_url(),
        reverse("objectives:action_list"),
        action.get_absolute_url(),
    ]

    assert [nobody_client.get(page).status_code for page in pages] == [HTTPStatus.FORBIDDEN] * 4


def test_a_deleted_action_is_not_found_or_listed(reader_client, action):
    action.is_deleted = True
    action.save()

    page = reader_client.get(action.get_absolute_url())
    listing = reader_client.get(reverse("objectives:action_list"))

    assert page.status_code == HTTPStatus.NOT_FOUND
    assert list(listing.context["table"].page.object_list.data) == []


# Changing the plan: board managers only


def plan_pages(action):
    """(URL name, kwargs, form data, what must not change) for each create and edit page of the plan."""
    plan, objective, aim = action.plan, action.objective, action.objective.aim
    progress_round = ProgressRoundFactory(plan=plan, as_of=date(2025, 9, 30))
    return [
        ("plan_create", {}, plan_form_data(title="2030/31", starts_on="2030-04-01", ends_on="2031-03-31")),
        ("plan_update", {"pk": plan.pk}, plan_form_data(title="Renamed", starts_on="2025-04-01", ends_on="2026-03-31")),
        ("aim_create", {"plan_pk": plan.pk}, {"number": "9", "title": "New aim"}),
        ("aim_update", {"pk": aim.pk}, {"number": str(aim.number), "title": "Renamed", "version": "1"}),
        ("objective_create", {"aim_pk": aim.pk}, {"ref": f"{aim.number}.9", "title": "New objective"}),
        ("objective_update", {"pk": objective.pk}, {"ref": objective.ref, "title": "Renamed", "version": "1"}),
        (
            "action_create",
            {"objective_pk": objective.pk},
            {"ref": f"{objective.ref}.9", "text": "New", "status": "open"},
        ),
        ("action_update", {"pk": action.pk}, {"ref": action.ref, "text": "Renamed", "status": "open", "version": "1"}),
        ("round_create", {"plan_pk": plan.pk}, {"as_of": "2026-03-31", "deadline": ""}),
        ("round_update", {"pk": progress_round.pk}, {"as_of": "2025-10-31", "deadline": "", "version": "1"}),
    ]


def snapshot():
    return [
        list(model.objects.order_by("pk").values()) for model in (BusinessPlan, Aim, Objective, Action, ProgressRound)
    ]


@pytest.mark.parametrize("persona", ["contributor_client", "reader_client", "nobody_client"])
def test_only_the_board_manager_may_create_or_edit_the_plan(request, action, persona):
    client = request.getfixturevalue(persona)
    pages = plan_pages(action)
    before = snapshot()

    statuses = {
        name: (client.get(reverse(f"objectives:{name}", kwargs=kwargs)).status_code,
               client.post(reverse(f"objectives:{name}", kwargs=kwargs), data).status_code)
        for name, kwargs, data in pages
    }  # fmt: skip

    assert statuses == {name: (HTTPStatus.FORBIDDEN, HTTPStatus.FORBIDDEN) for name, _, _ in pages}
    assert snapshot() == before


def test_the_board_manager_may_create_and_edit_the_plan(manager_client, action):
    pages = plan_pages(action)

    statuses = {name: manager_client.post(reverse(f"objectives:{name}", kwargs=kwargs), data).status_code
                for name, kwargs, data in pages}  # fmt: skip

    assert statuses == {name: HTTPStatus.FOUND for name, _, _ in pages}


def test_a_refused_visitor_learns_nothing_about_a_missing_plan(contributor_client):
    response = contributor_client.get(reverse("objectives:aim_create", args=[999]))

    assert response.status_code == HTTPStatus.FORBIDDEN


def test_plan_page_hides_the_managers_controls_from_others(contributor_client, action):
    ProgressRoundFactory(plan=action.plan)

    content = contributor_client.get(action.plan.get_absolute_url()).content.decode()

    for name, kwargs in [
        ("plan_update", {"pk": action.plan.pk}),
        ("aim_create", {"plan_pk": action.plan.pk}),
        ("aim_update", {"pk": action.objective.aim.pk}),
        ("objective_create", {"aim_pk": action.objective.aim.pk}),
        ("objective_update", {"pk": action.objective.pk}),
        ("action_create", {"objective_pk": action.objective.pk}),
        ("round_create", {"plan_pk": action.plan.pk}),
    ]:
        assert reverse(f"objectives:{name}", kwargs=kwargs) not in content
    assert "Edit<span" not in content


def test_plan_list_hides_new_plan_from_others(reader_client):
    content = reader_client.get(reverse("objectives:plan_list")).content.decode()

    assert reverse("objectives:plan_create") not in content


def test_action_page_hides_edit_action_from_others(contributor_client, action):
    content = contributor_client.get(action.get_absolute_url()).content.decode()

    assert reverse("objectives:action_update", args=[action.pk]) not in content


def test_plan_page_hides_deleted_aims_objectives_and_actions(manager_client, action):
    gone_aim = AimFactory(plan=action.plan, number=5, title="Deleted aim", is_deleted=True)
    gone_objective = ObjectiveFactory(aim=action.objective.aim, ref="1.5", title="Deleted objective", is_deleted=True)
    ActionFactory(objective=action.objective, ref="1.1.5", text="Deleted action", is_deleted=True)

    content = manager_client.get(action.plan.get_absolute_url()).content.decode()

    assert gone_aim.title not in content
    assert gone_objective.title not in content
    assert "Deleted action" not in content
    assert manager_client.get(reverse("objectives:aim_update", args=[gone_aim.pk])).status_code == 404


# Writing progress: the lead agency and the board manager


@pytest.mark.parametrize("persona", ["contributor_client", "manager_client"])
def test_the_lead_agency_and_the_manager_may_write_progress(request, action, december, persona):
    response = request.getfixturevalue(persona).get(edit_url(action, december))

    assert response.status_code == HTTPStatus.OK


def test_another_agencys_draft_is_not_found(other_contributor_client, action, december, draft):
    response = other_contributor_client.get(edit_url(action, december))

    assert response.status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("intent", ["save", "submit"])
def test_posting_to_another_agencys_draft_changes_nothing(other_contributor_client, action, december, draft, intent):
    response = other_contributor_client.post(
        edit_url(action, december),
        {"rag": "red", "progress": "Overwritten.", "impact": "", "version": "1", "intent": intent},
    )

    draft.refresh_from_db()
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert (draft.progress, draft.state, draft.version) == ("Police draft words.", State.DRAFT, 1)


@pytest.mark.parametrize(("persona", "status"), [("reader_client", 403), ("nobody_client", 403)])
def test_people_who_only_read_cannot_write_progress(request, action, december, draft, persona, status):
    client = request.getfixturevalue(persona)

    get = client.get(edit_url(action, december))
    post = client.post(edit_url(action, december), {"rag": "red", "progress": "No.", "impact": "", "version": "1"})

    draft.refresh_from_db()
    assert (get.status_code, post.status_code) == (status, status)
    assert draft.progress == "Police draft words."


def test_progress_of_a_deleted_action_is_not_found(contributor_client, action, december):
    action.is_deleted = True
    action.save()

    response = contributor_client.get(edit_url(action, december))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_extra_posted_fields_change_nothing_they_name(contributor_client, contributor, action, december):
    intruder = UserFactory(username="intruder")
    other_action = ActionFactory(objective=action.objective, ref="1.1.2")

    contributor_client.post(
        edit_url(action, december),
        {
            "rag": "green",
            "progress": "Honest words.",
            "impact": "",
            "version": "",
            "intent": "save",
            "state": "accepted",
            "author": intruder.pk,
            "accepted_by": intruder.pk,
            "submitted_by": intruder.pk,
            "action": other_action.pk,
            "round": 999,
            "agency": 999,
            "return_comment": "Forged.",
        },
    )

    update = ProgressUpdate.objects.get()
    assert (update.action, update.round, update.state) == (action, december, State.DRAFT)
    assert (update.author, update.accepted_by, update.submitted_by) == (contributor, None, None)
    assert update.return_comment == ""


def test_extra_fields_posted_to_an_action_change_nothing_they_name(manager_client, action):
    manager_client.post(
        reverse("objectives:action_update", args=[action.pk]),
        {"ref": "1.1.1", "text": "New", "status": "open", "version": "1", "is_deleted": "on", "plan": 999},
    )

    action.refresh_from_db()
    assert (action.text, action.is_deleted, action.version) == ("New", False, 2)


@pytest.mark.parametrize("version", ["7", "0", "-1", "not-a-number", ""])
def test_a_tampered_version_changes_nothing(contributor_client, action, december, draft, version):
    response = contributor_client.post(
        edit_url(action, december),
        {"rag": "red", "progress": "Forced.", "impact": "", "version": version, "intent": "save"},
    )

    draft.refresh_from_db()
    assert response.status_code == HTTPStatus.OK
    assert "after you opened it, so your changes were not saved" in response.content.decode()
    assert (draft.progress, draft.version) == ("Police draft words.", 1)


# What each person sees of progress


@pytest.mark.parametrize("persona", ["reader_client", "other_contributor_client"])
def test_readers_and_other_agencies_see_only_accepted_progress(request, action, december, draft, persona):
    september = ProgressRoundFactory(plan=action.plan, as_of=date(2025, 9, 30))
    ProgressUpdateFactory(action=action, round=september, state=State.ACCEPTED, progress="Accepted words.")

    content = request.getfixturevalue(persona).get(action.get_absolute_url()).content.decode()

    assert "Accepted words." in content
    assert "Police draft words." not in content
    assert "No accepted progress yet." in content
    assert edit_url(action, december) not in content


def test_the_lead_agency_sees_its_own_draft_and_may_edit_it(contributor_client, action, december, draft):
    content = contributor_client.get(action.get_absolute_url()).content.decode()

    assert "Police draft words." in content
    assert "<strong>Draft</strong>" in content
    assert edit_url(action, december) in content


def test_history_hides_drafts_and_the_words_before_acceptance_from_readers(
    reader_client, board_manager, action, december, draft
):
    draft.state = State.SUBMITTED
    draft.save()
    accepted = ProgressUpdate.objects.get(pk=draft.pk)
    accepted.progress, accepted.state, accepted.accepted_by = "Accepted wording.", State.ACCEPTED, board_manager
    accepted.save()

    response = reader_client.get(action.get_absolute_url())

    content = response.content.decode()
    assert "Police draft words." not in content
    assert [entry.summary for entry in response.context["history"]][0] == (
        "Progress for Progress report December 2025 accepted"
    )
    assert "Accepted wording." in content


@pytest.mark.parametrize("persona", ["contributor_client", "reader_client", "other_contributor_client"])
def test_the_review_page_is_for_the_board_manager_only(request, action, december, persona):
    update = ProgressUpdateFactory(action=action, round=december, state=State.SUBMITTED, progress="As sent.")
    url = reverse("objectives:progress_review", args=[update.pk])
    client = request.getfixturevalue(persona)

    get = client.get(url)
    post = client.post(url, {"intent": "accept", "rag": "green", "progress": "Forced.", "impact": "", "version": "1"})

    update.refresh_from_db()
    assert (get.status_code, post.status_code) == (HTTPStatus.FORBIDDEN, HTTPStatus.FORBIDDEN)
    assert (update.state, update.progress) == (State.SUBMITTED, "As sent.")
