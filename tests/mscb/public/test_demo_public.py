"""The demo puts its latest reported round on the public pages, with the partnership's words, once."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from mscb.demo import public as demo_public
from mscb.models import PublicProfile
from objectives.models import PublishedReport
from tests.mscb.demo_loaded import DEMO_DAY, MAIN_PLAN, load_demo

pytestmark = pytest.mark.django_db


def test_the_demo_command_publishes_its_latest_reported_round_and_makes_it_public_once(demo_output, client):
    report = PublishedReport.objects.public().get()
    output = load_demo()

    assert "put it on the public pages" in demo_output
    assert report.plan.title == MAIN_PLAN
    assert report.round == report.plan.rounds.filter(closed_at__isnull=False).latest("as_of")
    assert report.made_public_by.username == "manager"
    assert PublicProfile.current().raise_a_concern == demo_public.RAISE_A_CONCERN
    assert demo_public.make_demo_public(DEMO_DAY) is None
    assert "public pages" not in output
    assert PublishedReport.objects.count() == 1
    page = client.get(reverse("public:index"))
    assert page.status_code == HTTPStatus.OK
    assert report.title in page.content.decode()
