"""The board manager makes published reports public and withdraws them; nobody else can."""

from http import HTTPStatus

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from mscb.public import services
from objectives.models import PublishedReport

from .conftest import publish, publish_yearly

pytestmark = pytest.mark.django_db


def test_making_public_records_who_and_when_in_the_history(board_manager, progress_round):
    report = publish(progress_round)

    services.make_public(document=report, by=board_manager)

    report.refresh_from_db()
    assert report.is_public
    assert report.made_public_by == board_manager
    last = report.history.first()
    assert (last.history_user, last.public_since) == (board_manager, report.public_since)


def test_making_public_again_keeps_who_first_did_it_and_when(board_manager, progress_round):
    report = services.make_public(document=publish(progress_round), by=board_manager)
    changes = report.history.count()

    again = services.make_public(document=report, by=board_manager)

    assert again.public_since == report.public_since
    assert report.history.count() == changes


def test_withdrawing_takes_the_progress_text_with_it_and_is_recorded(board_manager, progress_round):
    report = publish(progress_round, public_by=board_manager, progress_is_public=True)

    services.withdraw(document=report, by=board_manager)
    services.withdraw(document=report, by=board_manager)

    report.refresh_from_db()
    assert (report.public_since, report.made_public_by, report.progress_is_public) == (None, None, False)
    # Published (public from the start, here), then withdrawn once: the second withdrawal changes nothing.
    assert report.history.count() == 2
    assert report.history.first().history_user == board_manager


def test_progress_text_can_be_shown_only_while_the_report_is_public(board_manager, progress_round):
    report = publish(progress_round)

    with pytest.raises(ValidationError):
        services.show_progress_text(report=report, show=True, by=board_manager)


@pytest.mark.parametrize("step", [services.make_public, services.withdraw])
def test_only_a_manager_may_mark_a_document(reader, contributor, progress_round, step):
    report = publish(progress_round)

    for person in (reader, contributor):
        with pytest.raises(PermissionDenied):
            step(document=report, by=person)


def test_the_manager_confirms_then_makes_a_report_public_from_its_page(manager_client, progress_round):
    report = publish(progress_round)
    url = reverse("public:make_public", args=["reports", report.pk])

    published_page = manager_client.get(report.get_absolute_url())
    confirm = manager_client.get(url)
    response = manager_client.post(url)

    assert url in published_page.content.decode()
    assert confirm.status_code == HTTPStatus.OK
    assert "Anyone will be able to read this report" in confirm.content.decode()
    assert response.url == report.get_absolute_url()
    assert PublishedReport.objects.get().is_public
    page = manager_client.get(report.get_absolute_url()).content.decode()
    assert "made public by Morgan Manager" in page
    assert reverse("public:withdraw", args=["reports", report.pk]) in page


def test_the_manager_withdraws_a_yearly_report(manager_client, board_manager, progress_round):
    yearly = publish_yearly(progress_round.plan, public_by=board_manager)

    response = manager_client.post(reverse("public:withdraw", args=["yearly-reports", yearly.pk]))

    yearly.refresh_from_db()
    assert response.status_code == HTTPStatus.FOUND
    assert not yearly.is_public


def test_the_manager_shows_and_hides_the_progress_text(manager_client, board_manager, progress_round):
    report = publish(progress_round, public_by=board_manager)
    url = reverse("public:report_progress", args=[report.pk])

    manager_client.post(url, {"show": "yes"})
    shown = PublishedReport.objects.get().progress_is_public
    manager_client.post(url, {"show": "no"})

    assert shown is True
    assert PublishedReport.objects.get().progress_is_public is False
    assert manager_client.get(url).status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_others_see_whether_a_report_is_public_but_no_controls(reader_client, board_manager, progress_round):
    report = publish(progress_round, public_by=board_manager)

    page = reader_client.get(report.get_absolute_url()).content.decode()
    refused = reader_client.post(reverse("public:withdraw", args=["reports", report.pk]))

    assert "Public since" in page
    assert reverse("public:withdraw", args=["reports", report.pk]) not in page
    assert refused.status_code == HTTPStatus.FORBIDDEN
    assert PublishedReport.objects.get().is_public


def test_an_unknown_kind_of_document_is_not_found(manager_client, progress_round):
    report = publish(progress_round)

    response = manager_client.post(reverse("public:make_public", args=["papers", report.pk]))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_the_manage_page_lists_what_is_public_and_is_linked_from_the_published_reports(
    manager_client, reader, board_manager, progress_round
):
    reader_client = Client()
    reader_client.force_login(reader)
    public = publish(progress_round, public_by=board_manager)
    hidden = publish(progress_round)
    hidden.title = "Not for the public"
    hidden.save()

    page = manager_client.get(reverse("public:manage")).content.decode()
    listing = manager_client.get(reverse("objectives:published_list")).content.decode()
    reader_listing = reader_client.get(reverse("objectives:published_list")).content.decode()

    assert public.title in page
    assert "Not for the public" not in page
    assert reverse("public:index") in page
    assert reverse("public:manage") in listing
    assert reverse("public:manage") not in reader_listing
