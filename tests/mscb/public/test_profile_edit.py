"""The board manager writes the public pages' words; a stale save is refused, not lost."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from mscb.models import PublicProfile

pytestmark = pytest.mark.django_db

URL = "/public/manage/words/"


def test_the_manager_writes_the_words_the_public_pages_open_with(manager_client, client):
    manager_client.get(URL)

    response = manager_client.post(
        URL, {"purpose": "Partners work together.", "raise_a_concern": "Call 01632 960 100.", "version": "1"}
    )

    assert response.url == reverse("public:manage")
    assert PublicProfile.current().version == 2
    assert "Call 01632 960 100." in client.get(reverse("public:index")).content.decode()


def test_a_save_over_someone_else_s_is_refused_and_shows_theirs(manager_client):
    profile = PublicProfile.current()
    profile.purpose, profile.version = "Saved by someone else.", 3
    profile.save()

    response = manager_client.post(URL, {"purpose": "Mine.", "raise_a_concern": "", "version": "1"})

    assert response.status_code == HTTPStatus.OK
    assert "Saved by someone else." in response.content.decode()
    assert PublicProfile.current().purpose == "Saved by someone else."


def test_only_the_manager_edits_the_words(reader_client, contributor_client):
    assert reader_client.get(URL).status_code == HTTPStatus.FORBIDDEN
    assert contributor_client.post(URL, {"purpose": "x", "version": "1"}).status_code == HTTPStatus.FORBIDDEN
