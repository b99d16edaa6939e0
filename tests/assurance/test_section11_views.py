"""The Section 11 pages: who sees which rows and returns, and each step of a return through the browser's forms."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from assurance.models import Section11Cycle, Section11Return
from assurance.services import section11 as services
from tests.assurance.section11_world import fill_in, moderate, open_test_cycle, submitted
from tests.factories import BusinessPlanFactory, ProgressRoundFactory, StandardFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cycle(lead_agency, other_agency):
    standards = [StandardFactory(number=301, title="Safer recruitment"), StandardFactory(number=302, title="Training")]
    return open_test_cycle(agencies=[lead_agency, other_agency], standards=standards, title="S11 2025", code="S11")


def own_return(cycle, agency):
    return cycle.returns.get(agency=agency)


def formset_data(section11_return, values: dict, *, version=None):
    """The POST of the return (or moderation) form: `values` maps a field name to the value for every standard."""
    assessments = list(section11_return.assessments.order_by("standard__number"))
    data = {
        "standards-TOTAL_FORMS": len(assessments),
        "standards-INITIAL_FORMS": len(assessments),
        "version": section11_return.version if version is None else version,
    }
    for index, assessment in enumerate(assessments):
        data[f"standards-{index}-id"] = assessment.pk
        data.update({f"standards-{index}-{name}": value for name, value in values.items()})
    return data


def test_the_manager_opens_a_cycle_from_the_form(manager_client, lead_agency):
    plan = BusinessPlanFactory()
    standard = StandardFactory()
    data = {
        "title": "Section 11 2026/27",
        "code": "S1127",
        "plan": plan.pk,
        "scale": Section11Cycle._meta.get_field("scale").related_model.objects.get(name="section-11").pk,
        "standards": [standard.pk],
        "agencies": [lead_agency.pk],
        "opens_on": "2026-09-01",
        "deadline": "2026-11-30",
    }

    response = manager_client.post(reverse("assurance:cycle_create"), data)

    cycle = Section11Cycle.objects.get(code="S1127")
    assert response.url == cycle.get_absolute_url()
    assert cycle.returns.get().agency == lead_agency


def test_a_cycle_due_before_it_opens_is_refused_with_a_message(manager_client):
    response = manager_client.post(
        reverse("assurance:cycle_create"), {"opens_on": "2026-09-01", "deadline": "2026-01-01"}
    )

    assert response.status_code == HTTPStatus.OK
    assert "Returns cannot be due before the cycle opens." in response.content.decode()
    assert not Section11Cycle.objects.exists()


def test_before_publication_the_manager_sees_every_agency(manager_client, cycle, lead_agency, other_agency):
    response = manager_client.get(cycle.get_absolute_url())

    assert [row.section11_return.agency for row in response.context["grid"].rows] == [other_agency, lead_agency]


def test_before_publication_a_contributor_sees_only_their_own_row(contributor_client, cycle, lead_agency):
    response = contributor_client.get(cycle.get_absolute_url())

    assert [row.section11_return.agency for row in response.context["grid"].rows] == [lead_agency]
    assert "you see only your own agency" in response.content.decode()


def test_before_publication_a_reader_is_told_it_is_not_yet_published(reader_client, cycle):
    response = reader_client.get(cycle.get_absolute_url())

    assert response.context["grid"].rows == []
    assert "The grid is not yet published." in response.content.decode()


def test_after_publication_everyone_sees_every_row(reader_client, cycle, board_manager):
    services.publish_cycle(cycle=cycle, user=board_manager, confirm_unmoderated=True)

    response = reader_client.get(cycle.get_absolute_url())

    assert len(response.context["grid"].rows) == 2


def test_the_grid_shows_agreed_ratings_in_words_and_self_assessed_ones_marked(
    manager_client, cycle, lead_agency, other_agency, contributor, board_manager
):
    moderate(submitted(own_return(cycle, lead_agency), contributor), board_manager, "not_met")
    fill_in(own_return(cycle, other_agency), "met")

    page = manager_client.get(cycle.get_absolute_url()).content.decode()

    assert page.count(">Not met</span>") == 2
    assert page.count(">Fully met</span>") == 2
    assert page.count("self-assessed</small>") == 2
    assert "Moderated, 2 of 2 rated" in page


def test_the_grid_says_what_changed_since_the_last_cycle(manager_client, lead_agency, contributor, board_manager):
    standards = [StandardFactory(number=311), StandardFactory(number=312), StandardFactory(number=313)]
    last = open_test_cycle(agencies=[lead_agency], standards=standards, opens_on="2024-09-01")
    last_return = submitted(last.returns.get(), contributor)
    answers = dict(zip([s.pk for s in standards], ["partly_met", "partly_met", "partly_met"], strict=True))
    agreed = {pk: services.ModerationInput("", rating) for pk, rating in answers.items()}
    services.moderate_return(section11_return=last_return, user=board_manager, expected_version=3, answers=agreed)
    this = open_test_cycle(agencies=[lead_agency], standards=standards)
    return_ = this.returns.get()
    now = {standards[0].pk: "met", standards[1].pk: "partly_met", standards[2].pk: "not_met"}
    inputs = {pk: services.AssessmentInput(rating, "", "") for pk, rating in now.items()}
    services.save_return(section11_return=return_, expected_version=1, answers=inputs)

    response = manager_client.get(this.get_absolute_url())

    assert [cell.change for cell in response.context["grid"].rows[0].cells] == ["better", "same", "worse"]
    assert "Better: was Partially met" in response.content.decode()


def test_another_agencys_return_is_not_found_before_publication(other_contributor_client, cycle, lead_agency):
    response = other_contributor_client.get(own_return(cycle, lead_agency).get_absolute_url())

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_another_agencys_return_can_be_read_once_published(other_contributor_client, cycle, lead_agency, board_manager):
    services.publish_cycle(cycle=cycle, user=board_manager, confirm_unmoderated=True)

    response = other_contributor_client.get(own_return(cycle, lead_agency).get_absolute_url())

    assert response.status_code == HTTPStatus.OK


def test_another_agencys_return_cannot_be_edited(other_contributor_client, cycle, lead_agency):
    url = reverse("assurance:return_edit", args=[own_return(cycle, lead_agency).pk])

    assert other_contributor_client.get(url).status_code == HTTPStatus.NOT_FOUND


def test_a_contributor_saves_their_return(contributor_client, cycle, lead_agency):
    return_ = own_return(cycle, lead_agency)
    data = formset_data(return_, {"rating": "met", "evidence": "Audit 2025", "improvement_actions": ""})

    response = contributor_client.post(reverse("assurance:return_edit", args=[return_.pk]), data)

    assert response.url == return_.get_absolute_url()
    assert {a.rating for a in return_.assessments.all()} == {"met"}


def test_the_return_form_labels_each_standards_block(contributor_client, cycle, lead_agency):
    response = contributor_client.get(reverse("assurance:return_edit", args=[own_return(cycle, lead_agency).pk]))

    page = response.content.decode()
    assert '<legend class="h5">Standard 301: Safer recruitment</legend>' in page
    assert page.count("Self-assessed rating") == 2


def test_a_stale_save_shows_the_conflict_and_keeps_the_typed_text(contributor_client, cycle, lead_agency):
    return_ = own_return(cycle, lead_agency)
    data = formset_data(return_, {"rating": "not_met", "evidence": "Mine", "improvement_actions": ""})
    fill_in(Section11Return.objects.get(pk=return_.pk), "met")

    response = contributor_client.post(reverse("assurance:return_edit", args=[return_.pk]), data)

    page = response.content.decode()
    assert "after you opened it, so your changes were not saved" in page
    assert "Mine" in page
    assert {a.rating for a in return_.assessments.all()} == {"met"}


def test_a_submitted_return_is_not_saved_again(contributor_client, cycle, lead_agency, contributor):
    return_ = submitted(own_return(cycle, lead_agency), contributor, "met")
    data = formset_data(return_, {"rating": "not_met", "evidence": "", "improvement_actions": ""})

    response = contributor_client.post(reverse("assurance:return_edit", args=[return_.pk]), data)

    assert "can no longer be changed" in response.content.decode()
    assert {a.rating for a in return_.assessments.all()} == {"met"}


def test_submitting_with_standards_unrated_names_them(contributor_client, cycle, lead_agency):
    return_ = own_return(cycle, lead_agency)

    response = contributor_client.post(reverse("assurance:return_submit", args=[return_.pk]), follow=True)

    assert "Not rated yet: standard 301 (Safer recruitment) and 302 (Training)" in response.content.decode()
    return_.refresh_from_db()
    assert return_.status == Section11Return.Status.DRAFT


def test_a_contributor_submits_a_complete_return(contributor_client, cycle, lead_agency):
    return_ = fill_in(own_return(cycle, lead_agency), "met")

    contributor_client.post(reverse("assurance:return_submit", args=[return_.pk]))

    return_.refresh_from_db()
    assert return_.status == Section11Return.Status.SUBMITTED


def test_the_manager_sends_a_return_back(manager_client, cycle, lead_agency, contributor):
    return_ = submitted(own_return(cycle, lead_agency), contributor)

    manager_client.post(reverse("assurance:return_send_back", args=[return_.pk]))

    return_.refresh_from_db()
    assert return_.status == Section11Return.Status.DRAFT


def test_the_manager_moderates_a_return(manager_client, cycle, lead_agency, contributor, board_manager):
    return_ = submitted(own_return(cycle, lead_agency), contributor)
    data = formset_data(return_, {"challenge": "Show the audit", "agreed_rating": "partly_met"})

    manager_client.post(reverse("assurance:return_moderate", args=[return_.pk]), data)

    assessment = return_.assessments.first()
    assert (assessment.agreed_rating, assessment.challenge) == ("partly_met", "Show the audit")
    assert assessment.moderated_by == board_manager


def test_moderation_without_an_agreed_rating_says_so(manager_client, cycle, lead_agency, contributor):
    return_ = submitted(own_return(cycle, lead_agency), contributor)
    data = formset_data(return_, {"challenge": "", "agreed_rating": ""})

    response = manager_client.post(reverse("assurance:return_moderate", args=[return_.pk]), data)

    assert "Choose the rating the board agreed." in response.content.decode()


def test_publishing_with_returns_unmoderated_asks_for_confirmation(manager_client, cycle, other_agency):
    url = reverse("assurance:cycle_publish", args=[cycle.pk])

    refused = manager_client.post(url, {})
    manager_client.post(url, {"confirm_unmoderated": "on"})

    assert f"Not moderated yet: {other_agency}" in refused.content.decode()
    cycle.refresh_from_db()
    assert cycle.is_published


def test_an_agreed_improvement_action_is_in_the_agencys_my_actions(
    manager_client, client, cycle, lead_agency, contributor, board_manager
):
    return_ = moderate(submitted(own_return(cycle, lead_agency), contributor), board_manager)
    assessment = return_.assessments.get(standard__number=301)
    ProgressRoundFactory(plan=cycle.plan)
    url = reverse("assurance:improvement_action_create", args=[assessment.pk])

    response = manager_client.post(url, {"text": "Audit the recruitment files", "target": "March 2026"})

    assert response.url == return_.get_absolute_url()
    client.force_login(contributor)
    my_actions = client.get(reverse("objectives:my_actions")).content.decode()
    assert "S11-301.1" in my_actions
    assert "Audit the recruitment files" in my_actions


def test_an_improvement_action_with_a_bad_target_says_what_is_wrong(manager_client, cycle, lead_agency, contributor):
    return_ = submitted(own_return(cycle, lead_agency), contributor)
    url = reverse("assurance:improvement_action_create", args=[return_.assessments.first().pk])

    response = manager_client.post(url, {"text": "Audit", "target": "someday"})

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["target"]


def test_the_manager_edits_a_cycles_dates(manager_client, cycle):
    data = {"title": "S11 2025/26", "plan": cycle.plan_id, "opens_on": "2025-09-01", "deadline": "2025-12-31"}

    response = manager_client.post(reverse("assurance:cycle_edit", args=[cycle.pk]), {**data, "version": 1})

    cycle.refresh_from_db()
    assert response.url == cycle.get_absolute_url()
    assert (cycle.title, str(cycle.deadline), cycle.version) == ("S11 2025/26", "2025-12-31", 2)


def test_a_stale_cycle_edit_is_refused(manager_client, cycle):
    cycle.version = 2
    cycle.save()
    data = {"title": "Renamed", "plan": cycle.plan_id, "opens_on": "2025-09-01", "deadline": "2025-12-31"}

    response = manager_client.post(reverse("assurance:cycle_edit", args=[cycle.pk]), {**data, "version": 1})

    assert "your changes were not saved" in response.content.decode()
    cycle.refresh_from_db()
    assert cycle.title == "S11 2025"


def test_the_publish_page_lists_the_returns_not_moderated(manager_client, cycle, lead_agency, other_agency):
    response = manager_client.get(reverse("assurance:cycle_publish", args=[cycle.pk]))

    assert [return_.agency for return_ in response.context["waiting"]] == [other_agency, lead_agency]
