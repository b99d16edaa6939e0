"""A round published more than once: each publication keeps a title of its own in the list."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date

from objectives.services.publishing import publish_report
from tests.factories import ActionFactory, BusinessPlanFactory, ObjectiveFactory, ProgressRoundFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def september():
    plan = BusinessPlanFactory(title="2025/26")
    ActionFactory(objective=ObjectiveFactory(aim__plan=plan, aim__number=1, ref="1.1"), ref="1.1.1")
    return ProgressRoundFactory(plan=plan, as_of=date(2025, 9, 30))


def test_publishing_a_round_again_numbers_and_dates_the_new_title(board_manager, september):
    first = publish_report(progress_round=september, published_by=board_manager)

    second = publish_report(progress_round=september, published_by=board_manager)
    third = publish_report(progress_round=september, published_by=board_manager)

    today = format_date(timezone.localdate(), "j F Y")
    assert first.title == "Business plan 2025/26: Progress report September 2025"
    assert second.title == f"Business plan 2025/26: Progress report September 2025 (publication 2, {today})"
    assert third.title == f"Business plan 2025/26: Progress report September 2025 (publication 3, {today})"


def test_the_published_list_shows_two_publications_of_a_round_apart(manager_client, board_manager, september):
    publish_report(progress_round=september, published_by=board_manager)
    publish_report(progress_round=september, published_by=board_manager)

    content = manager_client.get(reverse("objectives:published_list")).content.decode()

    assert ">Business plan 2025/26: Progress report September 2025 (publication 2," in content
    assert ">Business plan 2025/26: Progress report September 2025</a>" in content
