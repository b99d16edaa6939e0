"""The chair's and readers' overview: each current plan's latest round and its accepted ratings, in words."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from objectives.models import ProgressUpdate
from reviews.models import Review
from tests.factories import ActionFactory, BusinessPlanFactory, ProgressRoundFactory
from tests.factories import ProgressUpdateFactory as UpdateFactory
from tests.reviews.factories import ReviewFactory

State = ProgressUpdate.State
Rag = ProgressUpdate.Rag


def home(client):
    response = client.get(reverse("home"))
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def rate(plan, progress_round, rag, state=State.ACCEPTED):
    UpdateFactory(action=ActionFactory(objective__aim__plan=plan), round=progress_round, rag=rag, state=state)


def test_the_latest_rounds_accepted_ratings_are_counted_in_words(reader_client, plan, open_round):
    earlier = ProgressRoundFactory(plan=plan, as_of=open_round.as_of - timedelta(days=90))
    rate(plan, open_round, Rag.GREEN)
    rate(plan, open_round, Rag.GREEN)
    rate(plan, open_round, Rag.RED)
    rate(plan, earlier, Rag.AMBER)

    html = home(reader_client)

    assert "Overview" in html
    assert f"Latest round: <strong>{open_round.label}</strong> (open)" in html
    assert "Accepted ratings, 3 in all:" in html
    assert '<span class="rag rag-green">Green</span> <span class="rag-count">2</span>' in html
    assert '<span class="rag rag-red">Red</span> <span class="rag-count">1</span>' in html
    assert "rag-amber" not in html


def test_a_reader_sees_no_draft_or_submitted_rating(reader_client, plan, open_round):
    rate(plan, open_round, Rag.RED, state=State.DRAFT)
    rate(plan, open_round, Rag.AMBER, state=State.SUBMITTED)

    html = home(reader_client)

    assert "No rating has been accepted in this round yet." in html
    assert "rag-red" not in html
    assert "rag-amber" not in html


def test_the_overview_links_to_the_paper_the_dashboard_the_published_reports_and_the_reviews(
    reader_client, plan, open_round
):
    ReviewFactory()
    ReviewFactory(status=Review.Status.CLOSED)

    html = home(reader_client)

    assert f'href="{reverse("objectives:report", args=[plan.pk, open_round.pk])}">The committee paper for' in html
    assert f'href="{reverse("dashboard")}">Dashboard</a>' in html
    assert f'href="{reverse("objectives:published_list")}">Published reports</a>' in html
    assert f'href="{reverse("reviews:review_list")}">Case reviews</a>: 1 open.' in html


def test_only_plans_running_today_are_shown(reader_client, plan, today):
    BusinessPlanFactory(title="2024/25", starts_on=today - timedelta(days=800), ends_on=today - timedelta(days=435))

    html = home(reader_client)

    assert "Business plan <a" in html
    assert ">2026/27</a>" in html
    assert "2024/25" not in html
    assert "No progress round yet." in html


def test_between_plans_the_latest_one_is_shown(reader_client, today):
    BusinessPlanFactory(title="2024/25", starts_on=today - timedelta(days=800), ends_on=today - timedelta(days=435))
    BusinessPlanFactory(title="2025/26", starts_on=today - timedelta(days=400), ends_on=today - timedelta(days=35))

    html = home(reader_client)

    assert ">2025/26</a>" in html
    assert "2024/25" not in html


@pytest.mark.parametrize("more", [False, True])
def test_the_readers_home_page_reads_in_the_same_queries_however_much_there_is(
    reader_client, plan, open_round, more, django_assert_num_queries
):
    rate(plan, open_round, Rag.GREEN)
    ReviewFactory()
    if more:
        second = BusinessPlanFactory(starts_on=plan.starts_on, ends_on=plan.ends_on)
        for progress_round in (open_round, ProgressRoundFactory(plan=second, closed_at=timezone.now())):
            ProgressRoundFactory(plan=progress_round.plan, as_of=progress_round.as_of - timedelta(days=90))
            for rag in (Rag.RED, Rag.AMBER, Rag.GREEN):
                rate(progress_round.plan, progress_round, rag)
        ReviewFactory()

    # session, user, the user's groups (panels), user and group permissions; plans with their scales, the
    # scales' levels; the plans' rounds; the rating counts; open reviews
    with django_assert_num_queries(9):
        html = home(reader_client)

    assert "Overview" in html
