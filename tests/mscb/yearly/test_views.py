"""The yearly report's pages: who may read and write them, what they show, and their queries."""

from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse

from mscb.models import PublishedYearlyReport, YearlyNarrative, YearlyReport
from mscb.yearly import services
from mscb.yearly.registry import sections

from .conftest import add_actions

pytestmark = pytest.mark.django_db


def test_the_list_shows_each_plan_and_its_report_state(reader_client, report):
    response = reader_client.get(reverse("yearly:report_list"))

    assert response.status_code == HTTPStatus.OK
    assert report.title in response.content.decode()


def test_the_list_leads_to_the_feedback_its_section_is_drawn_from(reader_client, report):
    page = reader_client.get(reverse("yearly:report_list")).content.decode()

    assert f'<a href="{reverse("feedback:list")}">feedback from children and families</a>' in page


def test_the_report_page_shows_every_section_title_in_order_with_its_narrative(reader_client, report, board_manager):
    services.save_narrative(
        report=report, section="impact", text="Fewer re-referrals.", by=board_manager, expected_version=None
    )

    page = reader_client.get(reverse("yearly:report_detail", args=[report.plan_id])).content.decode()

    positions = [page.index(f'<h2 id="section-{section.key}-heading">') for section in sections()]
    assert positions == sorted(positions)
    assert "Fewer re-referrals." in page
    assert "Regenerate figures" not in page


def test_the_manager_sees_generate_edit_and_publish(manager_client, report):
    page = manager_client.get(reverse("yearly:report_detail", args=[report.plan_id])).content.decode()

    assert "Regenerate figures" in page
    assert reverse("yearly:narrative_edit", args=[report.plan_id, "partners"]) in page
    assert reverse("yearly:report_publish", args=[report.plan_id]) in page


def test_an_unknown_plan_is_not_found(reader_client, manager_client):
    assert reader_client.get(reverse("yearly:report_detail", args=[999999])).status_code == HTTPStatus.NOT_FOUND
    assert (
        manager_client.get(reverse("yearly:narrative_edit", args=[999999, "partners"])).status_code
        == HTTPStatus.NOT_FOUND
    )


def test_an_unknown_section_is_not_found(manager_client, report):
    response = manager_client.get(reverse("yearly:narrative_edit", args=[report.plan_id, "gossip"]))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_generate_is_post_only_and_for_managers(manager_client, reader, year_plan):
    url = reverse("yearly:report_generate", args=[year_plan.pk])
    reader_browser = Client()
    reader_browser.force_login(reader)

    assert manager_client.get(url).status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert reader_browser.post(url).status_code == HTTPStatus.FORBIDDEN
    response = manager_client.post(url)

    assert response.status_code == HTTPStatus.FOUND
    assert YearlyReport.objects.get(plan=year_plan).generated_at is not None


def test_the_manager_writes_a_narrative_before_any_figures_exist(manager_client, year_plan):
    url = reverse("yearly:narrative_edit", args=[year_plan.pk, "partners"])

    response = manager_client.post(url, {"text": "We met every quarter.", "version": ""})

    assert response.status_code == HTTPStatus.FOUND
    assert YearlyNarrative.objects.get(report__plan=year_plan, section="partners").text == "We met every quarter."


def test_the_narrative_page_shows_what_the_section_asks_for(manager_client, report):
    page = manager_client.get(reverse("yearly:narrative_edit", args=[report.plan_id, "little-progress"]))

    assert page.status_code == HTTPStatus.OK
    assert "An analysis of any areas where there has been little or no evidence" in page.content.decode()


def test_a_stale_narrative_save_shows_both_texts(manager_client, report, board_manager):
    url = reverse("yearly:narrative_edit", args=[report.plan_id, "partners"])
    first = services.save_narrative(
        report=report, section="partners", text="Mine.", by=board_manager, expected_version=None
    )
    services.save_narrative(
        report=report, section="partners", text="Theirs.", by=board_manager, expected_version=first.version
    )

    response = manager_client.post(url, {"text": "Late words.", "version": first.version})

    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Theirs." in page
    assert "Late words." in page
    assert YearlyNarrative.objects.get(report=report, section="partners").text == "Theirs."


@pytest.mark.parametrize("file_format", ["docx", "pdf", "html"])
def test_the_draft_downloads_in_each_format(reader_client, report, file_format):
    response = reader_client.get(reverse("yearly:report_download", args=[report.plan_id, file_format]))

    assert response.status_code == HTTPStatus.OK
    assert "attachment" in response["Content-Disposition"]


def test_an_unknown_format_or_ungenerated_report_is_not_found(reader_client, report, year_plan):
    assert reader_client.get(reverse("yearly:report_download", args=[report.plan_id, "xls"])).status_code == 404
    YearlyReport.objects.filter(pk=report.pk).update(generated_at=None)
    assert reader_client.get(reverse("yearly:report_download", args=[report.plan_id, "pdf"])).status_code == 404


def test_publishing_asks_first_then_freezes_the_report(manager_client, report):
    url = reverse("yearly:report_publish", args=[report.plan_id])

    confirm = manager_client.get(url)
    response = manager_client.post(url)

    assert confirm.status_code == HTTPStatus.OK
    publication = PublishedYearlyReport.objects.get(report=report)
    assert response.url == publication.get_absolute_url()
    page = manager_client.get(response.url).content.decode()
    assert report.title in page


def test_a_publications_files_download(reader_client, report, board_manager):
    publication = services.publish_yearly_report(report=report, by=board_manager)

    for file_format in ("pdf", "docx", "html"):
        response = reader_client.get(reverse("yearly:published_file", args=[publication.pk, file_format]))
        assert response.status_code == HTTPStatus.OK
    assert reader_client.get(reverse("yearly:published_file", args=[publication.pk, "xls"])).status_code == 404


def test_the_report_page_queries_do_not_grow_with_rows(
    manager_client, report, year_plan, board_manager, django_assert_num_queries
):
    services.save_narrative(report=report, section="partners", text="Words.", by=board_manager, expected_version=None)
    url = reverse("yearly:report_detail", args=[year_plan.pk])
    manager_client.get(url)

    # session, user, the user's permissions (user's and groups'), the plan with its report and who generated it,
    # the publications, the narratives
    with django_assert_num_queries(QUERIES_REPORT_PAGE):
        manager_client.get(url)
    add_actions(year_plan, 4)
    services.generate_yearly_report(plan=year_plan, by=board_manager)
    services.publish_yearly_report(report=YearlyReport.objects.get(plan=year_plan), by=board_manager)
    with django_assert_num_queries(QUERIES_REPORT_PAGE):
        manager_client.get(url)


QUERIES_REPORT_PAGE = 6


def test_generating_takes_a_fixed_number_of_queries(year_plan, board_manager, django_assert_num_queries):
    services.generate_yearly_report(plan=year_plan, by=board_manager)

    with django_assert_num_queries(QUERIES_GENERATE):
        services.generate_yearly_report(plan=year_plan, by=board_manager)
    add_actions(year_plan, 4)
    with django_assert_num_queries(QUERIES_GENERATE):
        services.generate_yearly_report(plan=year_plan, by=board_manager)


# savepoint, the report (get_or_create, then locked), the plan with its scale levels and rounds (3); for each of
# partners, priorities, little-progress and impact the actions, their lead agencies and the ratings (3 each), with
# the plan's aims and objectives, the updates by round, the latest accepted updates and the indicators and their
# values; then the other sections' own reads (training 12, case reviews and the register, CDOP, feedback 2, budget 2)
# and the save.
QUERIES_GENERATE = 47
