"""Publishing a committee report, making it public and withdrawing it are logged, done through their pages."""

import pytest
from django.urls import reverse

from audit.models import SecurityEvent
from objectives.models import PublishedReport
from tests.audit.conftest import events
from tests.factories import ActionFactory, ProgressRoundFactory, ProgressUpdateFactory
from tests.mscb.public.conftest import publish_yearly

Kind = SecurityEvent.Kind
pytestmark = pytest.mark.django_db


@pytest.fixture
def progress_round():
    action = ActionFactory(ref="1.1.1")
    december = ProgressRoundFactory(plan=action.objective.aim.plan)
    ProgressUpdateFactory(action=action, round=december)
    return december


def test_publishing_a_committee_report_through_its_page_is_logged(manager_client, board_manager, progress_round):
    manager_client.post(reverse("objectives:report_publish", args=[progress_round.plan_id, progress_round.pk]))

    report = PublishedReport.objects.get()
    [event] = events(Kind.PUBLISHED)
    assert (event.user, event.detail) == (board_manager, f"published report {report.pk}: {report.title}")
    assert event.path == reverse("objectives:report_publish", args=[progress_round.plan_id, progress_round.pk])


def test_making_a_yearly_report_public_then_withdrawing_it_is_logged(manager_client, board_manager, progress_round):
    yearly = publish_yearly(progress_round.plan)

    manager_client.post(reverse("public:make_public", args=["yearly-reports", yearly.pk]))
    manager_client.post(reverse("public:withdraw", args=["yearly-reports", yearly.pk]))

    made_public, withdrawn = events(Kind.MADE_PUBLIC) + events(Kind.WITHDRAWN)
    assert (made_public.user, withdrawn.user) == (board_manager, board_manager)
    assert withdrawn.detail == f"published yearly report {yearly.pk}: Annual report 2025/26"


def test_making_public_again_what_is_public_logs_nothing_more(manager_client, progress_round):
    yearly = publish_yearly(progress_round.plan)
    url = reverse("public:make_public", args=["yearly-reports", yearly.pk])

    manager_client.post(url)
    manager_client.post(url)

    assert len(events(Kind.MADE_PUBLIC)) == 1
