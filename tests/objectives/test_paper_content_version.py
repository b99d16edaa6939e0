"""A download or report page of an unchanged committee paper is found by the content version without building the
paper, and any change to what the paper shows, however it is written, makes the next download and page show it.

Transactional: the version is raised when a writer commits (PostgreSQL), and is trusted only outside a transaction.
"""

import re
from datetime import date
from http import HTTPStatus

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.models import GeneratedFile, RatingLevel
from objectives import roles
from objectives.models import Action, Agency, CoveringReport, ProgressUpdate
from objectives.paper.build import author_for, build_paper
from objectives.paper.html import paper_context
from objectives.services import progress
from reviews.services import add_cdop_action, add_recommendation_action
from tests.factories import (
    ActionFactory,
    AgencyFactory,
    AimFactory,
    CoveringReportFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    ObjectiveFactory,
    ProgressRoundFactory,
    ProgressUpdateFactory,
    UserFactory,
)
from tests.objectives.paper_reading import paper_page, paper_word_text
from tests.reviews.factories import CdopYearFactory, RecommendationFactory, ReviewFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
State = ProgressUpdate.State


def round_of(action_count: int, agency=None):
    progress_round = ProgressRoundFactory(plan__title="2025/26", as_of=date(2025, 12, 31))
    objective = ObjectiveFactory(aim=AimFactory(plan=progress_round.plan, number=1), ref="1.1")
    for number in range(1, action_count + 1):
        action = ActionFactory(objective=objective, ref=f"1.1.{number}", text=f"Action number {number}")
        if agency is not None:
            action.lead_agencies.add(agency)
        ProgressUpdateFactory(action=action, round=progress_round, rag="green", progress=f"Progress {number}.")
    return progress_round


def docx_url(progress_round) -> str:
    return reverse("objectives:report_docx", args=[progress_round.plan_id, progress_round.pk])


def report_url(progress_round) -> str:
    return reverse("objectives:report", args=[progress_round.plan_id, progress_round.pk])


def without_per_request_tokens(html: str) -> str:
    """A page's HTML but for the script nonce and the sign-out form's CSRF token, new on every request."""
    return re.sub(r'(nonce|name="csrfmiddlewaretoken" value)="[^"]*"', "", html)


def files_made() -> int:
    return GeneratedFile.objects.count()


@pytest.mark.parametrize("action_count", [5, 200])
def test_an_unchanged_paper_is_served_without_building_it(reader_client, action_count, django_assert_num_queries):
    progress_round = round_of(action_count)
    first = reader_client.get(docx_url(progress_round))
    assert first.status_code == HTTPStatus.OK

    # Session, user, permissions; the round with its plan and scale, the scale's levels; the file, found by the
    # content version without building the paper; the download in the audit log.
    with django_assert_num_queries(7):
        again = reader_client.get(docx_url(progress_round))

    assert again.status_code == HTTPStatus.OK
    assert again.content == first.content


@pytest.mark.parametrize("action_count", [5, 200])
def test_an_unchanged_report_page_is_shown_without_building_the_paper(
    reader_client, action_count, django_assert_num_queries
):
    progress_round = round_of(action_count)
    first = reader_client.get(report_url(progress_round))

    # Session, user, permissions; the round with its plan and scale, the scale's levels; the page's paper, found
    # by the content version.
    with django_assert_num_queries(6):
        again = reader_client.get(report_url(progress_round))

    assert again.status_code == HTTPStatus.OK
    assert without_per_request_tokens(again.content.decode()) == without_per_request_tokens(first.content.decode())


def test_the_report_page_shows_the_paper_as_built_now(reader_client, reader):
    progress_round = round_of(3)
    reader_client.get(report_url(progress_round))  # kept

    found = reader_client.get(report_url(progress_round)).content.decode()

    paper = build_paper(progress_round=progress_round, author=author_for(reader))
    context = paper_context(paper)
    assert render_to_string("objectives/_report_body.html", context) in found
    assert f"{context['page_css']}\n{context['badge_css']}</style>" in found
    assert f"<title>Committee report: {paper.round_label} – Business plan {paper.plan_title}" in found


def test_the_pdf_and_word_files_and_each_author_are_kept_apart(reader_client, board_manager):
    progress_round = round_of(2)
    word = reader_client.get(docx_url(progress_round)).content
    pdf = reader_client.get(reverse("objectives:report_pdf", args=[progress_round.plan_id, progress_round.pk]))

    assert pdf.content.startswith(b"%PDF")
    assert reader_client.get(docx_url(progress_round)).content == word
    # The manager's paper names them as its author; the reader's names nobody.
    manager_client = Client()
    manager_client.force_login(board_manager)
    assert "Morgan Manager" in paper_word_text(manager_client, progress_round)
    assert "Morgan Manager" not in paper_word_text(reader_client, progress_round)


def _action_saved(progress_round):
    action = Action.objects.get(ref="1.1.1")
    action.text = "Changed through the model"
    action.save()
    return "Changed through the model"


def _action_updated_in_bulk(progress_round):
    Action.objects.filter(ref="1.1.1").update(text="Changed through update()")
    return "Changed through update()"


def _action_bulk_updated(progress_round):
    actions = list(Action.objects.filter(ref__in=["1.1.1", "1.1.2"]))
    for action in actions:
        action.text = f"Changed through bulk_update {action.ref}"
    Action.objects.bulk_update(actions, ["text"])
    return "Changed through bulk_update 1.1.2"


def _agency_renamed(progress_round):
    Agency.objects.filter(name="Old agency name").update(name="Renamed agency")
    return "Renamed agency"


def _progress_accepted(progress_round):
    action = ActionFactory(objective=Action.objects.get(ref="1.1.1").objective, ref="1.1.9", text="A late action")
    update = ProgressUpdateFactory(action=action, round=progress_round, state=State.SUBMITTED, progress="Waiting.")
    manager = UserFactory(roles=[roles.BOARD_MANAGERS])
    progress.accept_progress(
        update=update,
        manager=manager,
        expected_version=update.version,
        rag="green",
        progress="Accepted now.",
        impact="",
    )
    return "Accepted now."


def _covering_report_edited(progress_round):
    covering = CoveringReportFactory(round=progress_round, summary="The first summary.")
    CoveringReport.objects.filter(pk=covering.pk).update(summary="An edited summary.")
    return "An edited summary."


def _indicator_value(progress_round):
    indicator = IndicatorFactory(plan=progress_round.plan, name="Repeat referrals")
    indicator.objectives.add(Action.objects.get(ref="1.1.1").objective)
    IndicatorValueFactory(indicator=indicator, period_end=date(2025, 12, 31), value=17)
    return "Repeat referrals"


def _case_review_action(progress_round):
    recommendation = RecommendationFactory(review=ReviewFactory(name="Child Q"))
    action = add_recommendation_action(
        recommendation, plan=progress_round.plan, text="A review's action", lead_agencies=[AgencyFactory()]
    )
    ProgressUpdateFactory(action=action, round=progress_round, rag="green", progress="Review progress written.")
    return "Review progress written."


def _cdop_action(progress_round):
    action = add_cdop_action(
        CdopYearFactory(), plan=progress_round.plan, text="Run a safe sleep campaign", lead_agencies=[AgencyFactory()]
    )
    ProgressUpdateFactory(action=action, round=progress_round, rag="green", progress="Safe sleep progress.")
    return "Safe sleep progress."


def _scale_relabelled(progress_round):
    RatingLevel.objects.filter(scale=progress_round.plan.rating_scale, code="green").update(label="On course")
    return "On course"


@pytest.mark.parametrize(
    "change",
    [
        _action_saved,
        _action_updated_in_bulk,
        _action_bulk_updated,
        _agency_renamed,
        _progress_accepted,
        _covering_report_edited,
        _indicator_value,
        _case_review_action,
        _cdop_action,
        _scale_relabelled,
    ],
)
def test_a_change_to_what_the_paper_shows_is_in_the_next_download(reader_client, change):
    progress_round = round_of(2, agency=AgencyFactory(name="Old agency name"))
    before = paper_word_text(reader_client, progress_round)
    page_before = paper_page(reader_client, progress_round)

    shown = change(progress_round)

    assert shown not in before
    assert shown not in page_before
    assert shown in paper_word_text(reader_client, progress_round)
    assert shown in paper_page(reader_client, progress_round)


def test_the_next_day_the_paper_says_so(reader_client, monkeypatch):
    progress_round = round_of(2)
    today = paper_word_text(reader_client, progress_round)
    page_today = paper_page(reader_client, progress_round)

    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: date(2031, 5, 6))

    assert "6 May 2031" not in today + page_today
    assert "6 May 2031" in paper_word_text(reader_client, progress_round)
    assert "6 May 2031" in paper_page(reader_client, progress_round)


def test_making_a_file_does_not_make_the_paper_look_changed(reader_client):
    progress_round = round_of(2)
    reader_client.get(docx_url(progress_round))
    made = files_made()

    reader_client.get(docx_url(progress_round))

    assert files_made() == made


def test_a_draft_saved_leaves_the_report_page_found_without_building_it(reader_client, django_assert_num_queries):
    """Officers save drafts all through a round; no paper shows one, so none makes the next page build the paper."""
    progress_round = round_of(3)
    officer = UserFactory(roles=[roles.AGENCY_CONTRIBUTORS])
    action = ActionFactory(objective=Action.objects.first().objective, ref="1.1.4")
    fields = {"action": action, "progress_round": progress_round, "rag": "red", "impact": ""}
    first = reader_client.get(report_url(progress_round))
    progress.save_progress(author=officer, progress="A draft no paper shows.", expected_version=None, **fields)

    # As for an unchanged page: found by the content version.
    with django_assert_num_queries(6):
        again = reader_client.get(report_url(progress_round))

    assert without_per_request_tokens(again.content.decode()) == without_per_request_tokens(first.content.decode())
