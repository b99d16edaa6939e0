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


def test_a_public_report_s_page_shows_its_html_and_links_to_its_files(client, board_manager, progress_round):
    report = publish(progress_round, public_by=board_manager)

    response = client.get(reverse("public:report_detail", args=[report.pk]))

    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Extend the triage" in page
    assert reverse("public:report_file", args=[report.pk, "pdf"]) in page
    assert reverse("public:report_file", args=[report.pk, "docx"]) in page
    assert "Sign out" not in page


@pytest.mark.parametrize(
    ("file_format", "content_type", "extension"),
    [
        ("pdf", "application/pdf", "pdf"),
        ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    ],
)
def test_a_public_report_s_files_come_with_their_type_name_and_fingerprint(
    client, board_manager, progress_round, file_format, content_type, extension
):
    report = publish(progress_round, public_by=board_manager)

    response = client.get(reverse("public:report_file", args=[report.pk, file_format]))

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == content_type
    name = f"2025-26 progress report December 2025.{extension}"
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    assert response["ETag"] == f'"{getattr(report, f"{file_format}_sha256")}"'
    assert bytes(response.content) == bytes(getattr(report, file_format))


def test_a_public_yearly_report_shows_its_html_without_links_out_and_serves_its_files(
    client, board_manager, progress_round
):
    yearly = publish_yearly(progress_round.plan, public_by=board_manager)

    page = client.get(reverse("public:yearly_detail", args=[yearly.pk]))
    pdf = client.get(reverse("public:yearly_file", args=[yearly.pk, "pdf"]))

    assert page.status_code == HTTPStatus.OK
    assert "Annual report 2025/26" in page.content.decode()
    assert "See the plan." in page.content.decode()
    assert f"/plans/{progress_round.plan_id}/" not in page.content.decode()
    assert pdf["Content-Disposition"] == 'attachment; filename="Annual report 2025-26.pdf"'


def test_the_public_list_names_both_kinds_newest_first(client, board_manager, progress_round):
    report = publish(progress_round, public_by=board_manager)
    yearly = publish_yearly(progress_round.plan, public_by=board_manager)

    page = client.get(reverse("public:index")).content.decode()

    assert page.index(reverse("public:yearly_detail", args=[yearly.pk])) < page.rindex(
        reverse("public:report_detail", args=[report.pk])
    )


def test_no_personal_data_reaches_the_public_plan(client, board_manager, contributor, progress_round):
    progress_round.plan.actions.update(lead_officer="Dr Jo Bloggs")
    publish(progress_round, public_by=board_manager, progress_is_public=True)

    page = client.get(reverse("public:index")).content.decode()

    for personal in ("Dr Jo Bloggs", "Morgan", "Manager", "Pat Officer", "@"):
        assert personal not in page
