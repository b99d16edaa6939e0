"""The covering report pages: who may write, saving, a stale save, starting from the previous paper, the headings."""

from datetime import date
from http import HTTPStatus

import pytest
from django.urls import reverse

from objectives.models import CommitteeHeading, CoveringReport
from tests.factories import CoveringReportFactory, CoveringSectionFactory, ProgressRoundFactory

pytestmark = pytest.mark.django_db

HEADINGS_URL = reverse("objectives:committee_headings")


@pytest.fixture
def december():
    return ProgressRoundFactory(plan__title="2025/26", as_of=date(2025, 12, 31))


def _url(progress_round) -> str:
    return reverse("objectives:covering_report", args=[progress_round.pk])


def _box(heading: str) -> str:
    return f"section_{CommitteeHeading.objects.get(heading=heading).pk}"


def _form_data(**changes) -> dict:
    return {"committee": "Children's Services Scrutiny Committee", "title": "A paper", "version": "", **changes}


def test_a_reader_may_neither_open_nor_save_the_covering_report(reader_client, december):
    assert reader_client.get(_url(december)).status_code == HTTPStatus.FORBIDDEN
    assert reader_client.post(_url(december), _form_data()).status_code == HTTPStatus.FORBIDDEN
    assert not CoveringReport.objects.exists()


def test_the_round_and_report_pages_link_the_manager_to_the_covering_report(manager_client, december):
    round_page = manager_client.get(reverse("objectives:round_detail", args=[december.pk])).content.decode()
    report_page = manager_client.get(december.get_absolute_url()).content.decode()

    assert f'href="{_url(december)}"' in round_page
    assert f'href="{_url(december)}"' in report_page


def test_readers_get_no_link_to_the_covering_report(reader_client, december):
    report_page = reader_client.get(december.get_absolute_url()).content.decode()

    assert _url(december) not in report_page


def test_a_new_covering_report_offers_the_boards_committee_and_the_usual_title(manager_client, settings, december):
    settings.COMMITTEE_NAME = "Children and Young People Scrutiny Committee"

    form = manager_client.get(_url(december)).context["form"]

    assert form.initial["committee"] == "Children and Young People Scrutiny Committee"
    assert form.initial["title"] == "Business plan 2025/26: progress report December 2025"


def test_saving_keeps_the_sections_written_in_the_templates_order(manager_client, board_manager, december):
    data = _form_data(**{_box("Background"): "Why.", _box("Recommendations"): "- Note it.", "summary": "In short."})

    response = manager_client.post(_url(december), data)

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == december.get_absolute_url()
    report = CoveringReport.objects.get(round=december)
    assert report.summary == "In short."
    assert [(section.heading, section.text) for section in report.sections.all()] == [
        ("Recommendations", "- Note it."),
        ("Background", "Why."),
    ]
    assert report.history.latest().history_user == board_manager


def test_clearing_a_box_removes_its_section(manager_client, december):
    report = CoveringReportFactory(round=december)
    CoveringSectionFactory(report=report, heading="Background", text="Old text.")

    manager_client.post(_url(december), _form_data(version=report.version, **{_box("Background"): ""}))

    assert not report.sections.exists()


def test_a_stale_save_is_refused_and_the_typed_text_kept(manager_client, december):
    report = CoveringReportFactory(round=december, summary="Saved by someone else.")
    report.summary, report.version = "Saved meanwhile.", report.version + 1
    report.save()

    response = manager_client.post(_url(december), _form_data(version=1, summary="My own summary."))

    assert response.status_code == HTTPStatus.OK
    assert "after you opened it, so your changes were not saved" in response.content.decode()
    assert response.context["form"]["summary"].value() == "My own summary."
    report.refresh_from_db()
    assert report.summary == "Saved meanwhile."


def test_a_second_first_report_for_the_round_is_refused(manager_client, december):
    CoveringReportFactory(round=december, summary="Started first by someone else.")

    response = manager_client.post(_url(december), _form_data(summary="Mine."))

    assert response.status_code == HTTPStatus.OK
    assert "your changes were not saved" in response.content.decode()
    assert CoveringReport.objects.get(round=december).summary == "Started first by someone else."


def _start_from_previous(client, progress_round, **typed):
    return client.post(_url(progress_round), _form_data(start_from_previous="1", **typed))


def test_start_from_previous_fills_the_blank_boxes_and_keeps_what_was_typed(manager_client, december):
    september = ProgressRoundFactory(plan=december.plan, as_of=date(2025, 9, 30))
    previous = CoveringReportFactory(round=september, summary="September summary.", report_from_role="Chair")
    CoveringSectionFactory(report=previous, heading="Background", text="September background.")
    CoveringSectionFactory(report=previous, heading="Recommendations", text="September recommendations.")

    response = _start_from_previous(manager_client, december, **{_box("Recommendations"): "My recommendations."})

    form = response.context["form"]
    assert form.initial["summary"] == "September summary."
    assert form.initial["report_from_role"] == "Chair"
    assert form.initial[_box("Background")] == "September background."
    assert form.initial[_box("Recommendations")] == "My recommendations."
    message = str(list(response.context["messages"])[0])
    assert "from the covering report of Progress report September 2025" in message
    assert "left as they were: 1. Recommendations" in message
    assert not CoveringReport.objects.filter(round=december).exists()


def test_start_from_previous_takes_the_latest_earlier_report_of_the_same_plan(manager_client, december):
    CoveringReportFactory(round=ProgressRoundFactory(plan=december.plan, as_of=date(2025, 6, 30)), summary="June.")
    CoveringReportFactory(round=ProgressRoundFactory(plan=december.plan, as_of=date(2025, 9, 30)), summary="Sept.")
    CoveringReportFactory(round=ProgressRoundFactory(plan=december.plan, as_of=date(2026, 3, 31)), summary="Later.")
    CoveringReportFactory(round=ProgressRoundFactory(as_of=date(2025, 11, 30)), summary="Another plan's.")

    response = _start_from_previous(manager_client, december)

    assert response.context["form"].initial["summary"] == "Sept."


def test_start_from_previous_says_when_there_is_none(manager_client, december):
    response = _start_from_previous(manager_client, december, summary="Typed so far.")

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].initial["summary"] == "Typed so far."
    message = str(list(response.context["messages"])[0])
    assert message.startswith("There is no covering report of an earlier round of business plan 2025/26")


def test_the_manager_saves_the_template_headings_and_returns_to_the_round(manager_client, december):
    page = manager_client.get(f"{HEADINGS_URL}?round={december.pk}")
    # as a browser sends a textarea's lines
    data = {"headings": "Recommendations\r\nBackground\r\nNext steps", "loaded": page.context["form"]["loaded"].value()}

    response = manager_client.post(f"{HEADINGS_URL}?round={december.pk}", data)

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == _url(december)
    assert list(CommitteeHeading.objects.values_list("heading", flat=True)) == [
        "Recommendations",
        "Background",
        "Next steps",
    ]


def test_headings_changed_since_the_page_opened_are_not_overwritten(manager_client):
    loaded = manager_client.get(HEADINGS_URL).context["form"]["loaded"].value()
    CommitteeHeading.objects.create(position=99, heading="Added meanwhile")

    response = manager_client.post(HEADINGS_URL, {"headings": "Only mine", "loaded": loaded})

    assert response.status_code == HTTPStatus.OK
    assert "Someone changed the headings after you opened this page" in response.content.decode()
    assert response.context["form"]["headings"].value() == "Only mine"
    assert CommitteeHeading.objects.filter(heading="Added meanwhile").exists()
    # Saving again, after merging, goes ahead knowingly.
    again = manager_client.post(
        HEADINGS_URL, {"headings": "Only mine", "loaded": response.context["form"]["loaded"].value()}
    )
    assert again.status_code == HTTPStatus.FOUND
    assert list(CommitteeHeading.objects.values_list("heading", flat=True)) == ["Only mine"]


def test_a_reader_may_not_change_the_template_headings(reader_client):
    response = reader_client.post(HEADINGS_URL, {"headings": "Mine", "loaded": ""})

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not CommitteeHeading.objects.filter(heading="Mine").exists()
