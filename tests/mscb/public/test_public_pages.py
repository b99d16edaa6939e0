"""The public pages, as anyone sees them without signing in: the words, the plan's ratings, the public reports."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from mscb.models import PublicProfile

from .conftest import PROGRESS, publish, publish_yearly

pytestmark = pytest.mark.django_db


def test_anyone_reads_the_board_s_words_and_the_plan_s_published_ratings(client, board_manager, progress_round):
    PublicProfile.objects.create(pk=1, purpose="Partners keep children safe.", raise_a_concern="Call 01234 567890.")
    report = publish(progress_round, public_by=board_manager)

    response = client.get(reverse("public:index"))

    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Partners keep children safe." in page
    assert "Call 01234 567890." in page
    assert "Children are safe at home" in page
    assert "Extend the triage" in page
    assert "Fenbridge Police" in page
    assert "Amber" in page
    assert report.title in page
    assert PROGRESS not in page


def test_progress_text_shows_only_when_the_manager_made_it_public(client, board_manager, progress_round):
    publish(progress_round, public_by=board_manager, progress_is_public=True)

    response = client.get(reverse("public:index"))

    assert PROGRESS in response.content.decode()
