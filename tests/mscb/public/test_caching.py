"""The public pages answer conditional GETs cheaply, let browsers keep them five minutes, and never keep serving
a withdrawn document; their queries do not grow with the documents."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from mscb.models import PublicProfile
from mscb.public import services

from .conftest import publish, publish_yearly

pytestmark = pytest.mark.django_db

INDEX = "/public/"


def test_the_index_carries_its_validators_and_may_be_kept_five_minutes(client, board_manager, progress_round):
    publish(progress_round, public_by=board_manager)

    response = client.get(INDEX)

    assert response["ETag"]
    assert response["Last-Modified"]
    assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=300"}


def test_an_unchanged_index_answers_304(client, board_manager, progress_round):
    publish(progress_round, public_by=board_manager)
    etag = client.get(INDEX)["ETag"]

    response = client.get(INDEX, headers={"if-none-match": etag})

    assert response.status_code == HTTPStatus.NOT_MODIFIED
    assert response["ETag"] == etag


def test_withdrawing_changes_the_index_and_the_report_is_gone_at_once(client, board_manager, progress_round):
    report = publish(progress_round, public_by=board_manager)
    page_url = reverse("public:report_detail", args=[report.pk])
    etag = client.get(INDEX)["ETag"]
    assert client.get(page_url).status_code == HTTPStatus.OK

    services.withdraw(document=report, by=board_manager)

    again = client.get(INDEX, headers={"if-none-match": etag})
    assert again.status_code == HTTPStatus.OK
    assert report.title not in again.content.decode()
    assert client.get(page_url).status_code == HTTPStatus.NOT_FOUND


def test_new_words_or_showing_progress_change_the_etag(client, board_manager, progress_round):
    report = publish(progress_round, public_by=board_manager)
    first = client.get(INDEX)["ETag"]
    services.show_progress_text(report=report, show=True, by=board_manager)
    second = client.get(INDEX)["ETag"]
    profile = PublicProfile.current()
    profile.purpose = "New words."
    profile.save()

    assert len({first, second, client.get(INDEX)["ETag"]}) == 3


def test_a_file_answers_304_to_its_own_fingerprint(client, board_manager, progress_round):
    report = publish(progress_round, public_by=board_manager)
    url = reverse("public:report_file", args=[report.pk, "pdf"])

    response = client.get(url, headers={"if-none-match": f'"{report.pdf_sha256}"'})

    assert response.status_code == HTTPStatus.NOT_MODIFIED
    assert "public" in response["Cache-Control"]


def _documents(progress_round, board_manager, count):
    for _ in range(count):
        publish(progress_round, public_by=board_manager)
        publish_yearly(progress_round.plan, public_by=board_manager)


@pytest.mark.parametrize("count", [1, 4])
def test_the_index_queries_do_not_grow_with_the_documents(
    client, board_manager, progress_round, django_assert_num_queries, count
):
    PublicProfile.current()
    _documents(progress_round, board_manager, count)

    # words, current plan, public committee reports, public yearly reports, the two kinds' latest history (for
    # Last-Modified), the plan's report's snapshot
    with django_assert_num_queries(7):
        response = client.get(INDEX)

    assert response.status_code == HTTPStatus.OK


@pytest.mark.parametrize("count", [1, 4])
def test_an_unchanged_index_costs_its_validators_only(
    client, board_manager, progress_round, django_assert_num_queries, count
):
    _documents(progress_round, board_manager, count)
    etag = client.get(INDEX)["ETag"]

    # words, current plan, public committee reports, public yearly reports, the two kinds' latest history
    with django_assert_num_queries(6):
        response = client.get(INDEX, headers={"if-none-match": etag})

    assert response.status_code == HTTPStatus.NOT_MODIFIED


def test_a_document_page_and_file_cost_two_queries_each(
    client, board_manager, progress_round, django_assert_num_queries
):
    report = publish(progress_round, public_by=board_manager)

    # the public document (for its validators too), then its HTML
    with django_assert_num_queries(2):
        page = client.get(reverse("public:report_detail", args=[report.pk]))
    # the public document with its plan and round (for its name), then the file
    with django_assert_num_queries(2):
        file = client.get(reverse("public:report_file", args=[report.pk, "docx"]))

    assert (page.status_code, file.status_code) == (HTTPStatus.OK, HTTPStatus.OK)


def test_the_manage_page_queries_do_not_grow_with_the_documents(
    manager_client, board_manager, progress_round, django_assert_num_queries
):
    _documents(progress_round, board_manager, 3)

    # session, user, the user's and their groups' permissions, public committee reports and yearly reports (each
    # with who made it public), the words
    with django_assert_num_queries(6):
        response = manager_client.get(reverse("public:manage"))

    assert response.status_code == HTTPStatus.OK
