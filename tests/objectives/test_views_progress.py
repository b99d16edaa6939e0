import re
from datetime import date
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from core.models import RatingScale
from objectives.models import Action, ProgressUpdate
from tests.factories import ActionFactory, ProgressRoundFactory, ProgressUpdateFactory, UserFactory

pytestmark = pytest.mark.django_db

State = ProgressUpdate.State


@pytest.fixture
def action(lead_agency):
    return ActionFactory(
        ref="1.1.1",
        objective__ref="1.1",
        objective__aim__number=1,
        text="Audit repeat referrals",
        lead_agencies=[lead_agency],
    )


@pytest.fixture
def december(action):
    return ProgressRoundFactory(plan=action.plan, as_of=date(2025, 12, 31), deadline=date(2025, 12, 12))


def edit_url(action, progress_round):
    return reverse("objectives:progress_edit", args=[action.pk, progress_round.pk])


def post_data(intent="save", version="", **fields):
    return {"rag": "green", "progress": "Audit done.", "impact": "", "version": version, "intent": intent, **fields}


def buttons(response) -> list[str]:
    return re.findall(
        r'<button type="submit" name="intent" value="\w+"[^>]*>([^<]+)</button>', response.content.decode()
    )


def test_progress_page_sends_anonymous_visitors_to_sign_in(client, action, december):
    response = client.get(edit_url(action, december))

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("login"))


# What the page offers


def test_progress_page_for_a_new_update_says_write(contributor_client, action, december):
    response = contributor_client.get(edit_url(action, december))

    content = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "<h1>Write progress for Progress report December 2025</h1>" in content
    assert "<title>Write progress for Progress report December 2025 – Action 1.1.1 –" in content
    assert "Audit repeat referrals" in content
    assert "Deadline for updates: 12 December 2025" in content
    assert 'aria-label="Breadcrumb"' in content


def test_a_new_update_shows_last_rounds_accepted_progress_and_presets_no_rating(contributor_client, action, december):
    september = ProgressRoundFactory(plan=action.plan, as_of=date(2025, 9, 30))
    june = ProgressRoundFactory(plan=action.plan, as_of=date(2025, 6, 30))
    ProgressUpdateFactory(action=action, round=june, progress="June's words.", rag="red")
    ProgressUpdateFactory(action=action, round=september, progress="Audit half done.", rag="amber")

    content = contributor_client.get(edit_url(action, december)).content.decode()

    assert '<h2 id="last-round-heading" class="h5">Last round: Progress report September 2025</h2>' in content
    assert "Audit half done." in content
    assert "Amber" in content
    assert "June&#x27;s words." not in content
    rating = content.split('name="rag"')[1].split("</select>")[0]
    assert re.findall(r"<option[^>]*selected[^>]*>([^<]*)", rating) == ["No rating"]


def test_last_rounds_progress_is_left_out_unless_accepted(contributor_client, action, december):
    september = ProgressRoundFactory(plan=action.plan, as_of=date(2025, 9, 30))
    ProgressUpdateFactory(action=action, round=september, progress="Draft words.", state=State.DRAFT)

    content = contributor_client.get(edit_url(action, december)).content.decode()

    assert "Last round:" not in content
    assert "Draft words." not in content


def test_a_contributor_can_save_a_draft_or_submit(contributor_client, action, december):
    response = contributor_client.get(edit_url(action, december))

    assert buttons(response) == ["Save draft", "Submit to the board manager"]


def test_the_board_manager_can_save_a_draft_or_save_and_accept(manager_client, action, december):
    response = manager_client.get(edit_url(action, december))

    assert buttons(response) == ["Save draft", "Save and accept"]


def test_progress_page_is_prefilled_with_the_draft_and_its_version(contributor_client, action, december):
    ProgressUpdateFactory(
        action=action, round=december, state=State.DRAFT, rag="amber", progress="Half done.", impact="Fewer referrals."
    )

    response = contributor_client.get(edit_url(action, december))

    content = response.content.decode()
    assert "<h1>Edit progress for Progress report December 2025</h1>" in content
    assert '<option value="amber" selected>Amber</option>' in content
    assert "Half done.</textarea>" in content
    assert "Fewer referrals.</textarea>" in content
    assert '<input type="hidden" name="version" value="1"' in content
    assert "<strong>Draft</strong>: not yet sent to the board manager." in content


def test_a_returned_update_shows_the_managers_comment(contributor_client, action, december):
    ProgressUpdateFactory(action=action, round=december, state=State.RETURNED, return_comment="Please add figures.")

    content = contributor_client.get(edit_url(action, december)).content.decode()

    assert "The board manager returned this update</h2>" in content
    assert "<p>Please add figures.</p>" in content


def test_the_manager_cannot_accept_an_agency_draft_from_the_progress_page(
    manager_client, contributor, action, december
):
    ProgressUpdateFactory(action=action, round=december, state=State.DRAFT, author=contributor)

    response = manager_client.get(edit_url(action, december))

    assert buttons(response) == ["Save draft"]
    assert "The agency has not submitted this update yet" in response.content.decode()


def test_the_manager_is_pointed_to_the_review_of_a_submitted_update(manager_client, action, december):
    update = ProgressUpdateFactory(action=action, round=december, state=State.SUBMITTED)

    response = manager_client.get(edit_url(action, december))

    assert reverse("objectives:progress_review", args=[update.pk]) in response.content.decode()
    assert buttons(response) == ["Save changes", "Save and accept"]


@pytest.mark.parametrize(
    ("state", "note"),
    [
        (State.SUBMITTED, "This update has been submitted to the board manager, so it can no longer be changed here."),
        (State.ACCEPTED, "The board manager has accepted this update, so it can no longer be changed."),
    ],
)
def test_a_contributor_sees_an_update_that_left_their_hands_read_only(
    contributor_client, action, december, state, note
):
    ProgressUpdateFactory(action=action, round=december, state=state, progress="As sent.")

    response = contributor_client.get(edit_url(action, december))

    content = response.content.decode()
    assert "<h1>Progress for Progress report December 2025</h1>" in content
    assert note in content
    assert "<p>As sent.</p>" in content
    assert buttons(response) == []
    assert 'name="progress"' not in content


@pytest.mark.parametrize("persona", ["manager_client", "contributor_client"])
def test_a_closed_round_is_read_only_for_everyone(request, action, persona):
    closed = ProgressRoundFactory(plan=action.plan, as_of=date(2025, 12, 31), closed_at=timezone.now())
    ProgressUpdateFactory(action=action, round=closed, state=State.DRAFT)

    response = request.getfixturevalue(persona).get(edit_url(action, closed))

    assert "Progress report December 2025 is closed: its progress can no longer be changed." in (
        response.content.decode()
    )
    assert buttons(response) == []


# Saving


def test_saving_a_draft_keeps_it_with_the_agency(contributor_client, contributor, action, december):
    response = contributor_client.post(edit_url(action, december), post_data(progress="Started.", impact="None yet."))

    update = ProgressUpdate.objects.get()
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == action.get_absolute_url()
    assert (update.action, update.round, update.author, update.state) == (action, december, contributor, "draft")
    assert (update.rag, update.progress, update.impact) == ("green", "Started.", "None yet.")


def test_saving_a_draft_says_so_on_the_action_page(contributor_client, action, december):
    response = contributor_client.post(edit_url(action, december), post_data(), follow=True)

    assert "Progress report December 2025: progress for Action 1.1.1 saved as a draft." in response.content.decode()


def test_submitting_sends_the_update_to_the_board_manager(contributor_client, contributor, action, december):
    response = contributor_client.post(edit_url(action, december), post_data(intent="submit"), follow=True)

    update = ProgressUpdate.objects.get()
    assert (update.state, update.submitted_by) == (State.SUBMITTED, contributor)
    assert "progress for Action 1.1.1 submitted to the board manager." in response.content.decode()


def test_submitting_without_progress_says_what_is_missing_and_saves_nothing(contributor_client, action, december):
    response = contributor_client.post(edit_url(action, december), post_data(intent="submit", progress=""))

    assert response.status_code == HTTPStatus.OK
    assert "Write the progress before submitting it to the board manager." in response.content.decode()
    assert not ProgressUpdate.objects.exists()


def test_editing_a_draft_changes_the_same_update(contributor_client, action, december):
    officer = UserFactory(username="officer")
    ProgressUpdateFactory(action=action, round=december, state=State.DRAFT, rag="red", author=officer)

    contributor_client.post(edit_url(action, december), post_data(rag="amber", progress="Moving again.", version="1"))

    update = ProgressUpdate.objects.get()
    assert (update.rag, update.progress, update.version) == ("amber", "Moving again.", 2)
    assert update.author == officer


def test_save_and_accept_accepts_the_managers_own_progress(manager_client, board_manager, action, december):
    response = manager_client.post(edit_url(action, december), post_data(intent="accept"), follow=True)

    update = ProgressUpdate.objects.get()
    assert (update.state, update.accepted_by) == (State.ACCEPTED, board_manager)
    assert "progress for Action 1.1.1 accepted." in response.content.decode()


def test_accepting_complete_progress_marks_the_action_completed(manager_client, action, december):
    manager_client.post(edit_url(action, december), post_data(intent="accept", rag="complete"))

    action.refresh_from_db()
    assert action.status == Action.Status.COMPLETED


def test_saving_a_complete_draft_leaves_the_action_open(manager_client, action, december):
    manager_client.post(edit_url(action, december), post_data(rag="complete"))

    action.refresh_from_db()
    assert action.status == Action.Status.OPEN


def test_a_contributor_cannot_accept_by_posting_the_managers_button(contributor_client, action, december):
    response = contributor_client.post(edit_url(action, december), post_data(intent="accept"))

    assert "Choose one of the buttons below the form" in response.content.decode()
    assert not ProgressUpdate.objects.exists()


def test_a_post_to_a_submitted_update_changes_nothing(contributor_client, action, december):
    ProgressUpdateFactory(action=action, round=december, state=State.SUBMITTED, progress="As sent.")

    response = contributor_client.post(edit_url(action, december), post_data(progress="Changed after.", version="1"))

    assert response.status_code == HTTPStatus.OK
    assert "can no longer be changed" in response.content.decode()
    assert ProgressUpdate.objects.get().progress == "As sent."


def test_a_post_to_a_closed_round_changes_nothing_and_keeps_the_text_to_copy(manager_client, action):
    closed = ProgressRoundFactory(plan=action.plan, as_of=date(2025, 12, 31), closed_at=timezone.now())
    ProgressUpdateFactory(action=action, round=closed, state=State.ACCEPTED, progress="As reported.")

    response = manager_client.post(edit_url(action, closed), post_data(progress="Too late.", version="1"))

    content = response.content.decode()
    assert "Your text, not saved" in content
    assert "Too late.</textarea>" in content
    assert ProgressUpdate.objects.get().progress == "As reported."


def test_progress_without_a_valid_rag_says_so_and_saves_nothing(manager_client, action, december):
    response = manager_client.post(edit_url(action, december), post_data(rag="purple"))

    assert response.status_code == HTTPStatus.OK
    assert "Select a valid choice. purple is not one of the available choices." in response.content.decode()
    assert not ProgressUpdate.objects.exists()


def test_a_round_of_another_plan_is_not_found(manager_client, action):
    other_round = ProgressRoundFactory()

    response = manager_client.post(edit_url(action, other_round), post_data())

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert not ProgressUpdate.objects.exists()


def test_an_unknown_action_is_not_found(manager_client, december):
    response = manager_client.get(reverse("objectives:progress_edit", args=[999, december.pk]))

    assert response.status_code == HTTPStatus.NOT_FOUND


# The rating, on the plan's own scale


def test_a_new_update_starts_with_no_rating_chosen(contributor_client, action, december):
    content = contributor_client.get(edit_url(action, december)).content.decode()

    assert '<option value="" selected>No rating</option>' in content
    assert '<option value="not_started">Not started</option>' in content


def test_saving_with_no_rating_keeps_the_update_blank(contributor_client, action, december):
    contributor_client.post(edit_url(action, december), post_data(rag=""))

    assert ProgressUpdate.objects.get().rag == ""


def test_the_rating_offers_the_plans_own_scale(contributor_client, action, december):
    action.plan.rating_scale = RatingScale.objects.get(name="four-point")
    action.plan.save()

    content = contributor_client.get(edit_url(action, december)).content.decode()

    assert '<option value="3">3 Slipped</option>' in content
    assert '<option value="green">' not in content


def test_a_rating_off_the_plans_scale_is_refused(contributor_client, action, december):
    action.plan.rating_scale = RatingScale.objects.get(name="four-point")
    action.plan.save()

    response = contributor_client.post(edit_url(action, december), post_data(rag="green"))

    assert "Select a valid choice. green is not one of the available choices." in response.content.decode()
    assert not ProgressUpdate.objects.exists()


def test_a_plan_that_rates_nothing_has_no_rating_field(contributor_client, action, december):
    action.plan.rating_scale = RatingScale.objects.get(name="none")
    action.plan.save()

    response = contributor_client.get(edit_url(action, december))
    contributor_client.post(edit_url(action, december), post_data(rag="green"))

    assert 'name="rag"' not in response.content.decode()
    assert ProgressUpdate.objects.get().rag == ""
