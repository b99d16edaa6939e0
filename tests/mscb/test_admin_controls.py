"""The admin's shared bases (core/admin.py) and templates (templates/admin/) give every control a name and the
change list's and history list's tables a scroll region a keyboard can reach. What static/js/admin.js does for a
tabular inline (its region, its headings' words) is checked in a browser: tests/browser/test_admin_regions.py."""

from http import HTTPStatus

import lxml.html
import pytest
from django.urls import reverse

from tests.factories import ActionFactory, AgencyFactory, ProgressRoundFactory, ProgressUpdateFactory, UserFactory
from tests.training.factories import CourseFactory, TrainingSessionFactory

pytestmark = pytest.mark.django_db


def page_of(client, url: str):
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    return lxml.html.fromstring(response.content)


def test_a_date_and_time_field_names_its_two_inputs_after_the_field(admin_client):
    session = TrainingSessionFactory()

    page = page_of(admin_client, reverse("admin:training_trainingsession_change", args=[session.pk]))

    assert page.get_element_by_id("id_starts_at_0").get("aria-label") == "Starts: date"
    assert page.get_element_by_id("id_starts_at_1").get("aria-label") == "Starts: time"


def test_a_tabular_inline_names_each_input_after_its_column(admin_client):
    session = TrainingSessionFactory()

    page = page_of(admin_client, reverse("admin:training_course_change", args=[session.course.pk]))

    assert page.get_element_by_id("id_sessions-0-venue").get("aria-label") == "Venue"
    assert page.get_element_by_id("id_sessions-0-starts_at_0").get("aria-label") == "Starts: date"


def test_a_stacked_inline_leaves_its_inputs_to_their_labels(admin_client):
    update = ProgressUpdateFactory()

    page = page_of(admin_client, reverse("admin:objectives_action_change", args=[update.action.pk]))

    assert page.get_element_by_id("id_progress_updates-0-progress").get("aria-label") is None
    assert page.xpath('//label[@for="id_progress_updates-0-progress"]')


def test_an_editable_change_list_names_each_input_after_its_column(admin_client):
    page = page_of(admin_client, reverse("admin:reviews_cdopcategory_changelist"))

    assert page.get_element_by_id("id_form-0-position").get("aria-label") == "Position"
    assert page.get_element_by_id("id_form-0-is_active").get("aria-label") == "In use"


def test_many_to_many_fields_are_ticks_not_filter_horizontals_boxes(admin_client):
    action = ActionFactory()  # an objective to tick on the course
    AgencyFactory()

    pages = [
        page_of(admin_client, reverse("admin:objectives_action_change", args=[action.pk])),
        page_of(admin_client, reverse("admin:objectives_agency_add")),
        page_of(admin_client, reverse("admin:training_course_add")),
        page_of(admin_client, reverse("admin:auth_user_change", args=[UserFactory().pk])),
    ]

    names = ["lead_agencies", "members", "objectives", "groups"]
    for page, name in zip(pages, names, strict=True):
        assert page.xpath(f'//*[@role="group"]//input[@type="checkbox"][@name="{name}"]'), name
        assert not page.xpath('//*[contains(@class, "selectfilter")]'), name


def test_a_many_to_many_fields_ticks_are_a_group_named_for_the_field(admin_client):
    AgencyFactory()

    page = page_of(admin_client, reverse("admin:objectives_action_add"))

    tick = page.get_element_by_id("id_lead_agencies_0")
    assert [group.get("aria-label") for group in tick.iterancestors() if group.get("role") == "group"] == [
        "Lead agencies"
    ]


def test_a_tabular_inlines_delete_ticks_are_each_named_for_their_row(admin_client):
    progress_round = ProgressRoundFactory()

    page = page_of(admin_client, reverse("admin:objectives_businessplan_change", args=[progress_round.plan.pk]))

    assert page.get_element_by_id("id_rounds-0-DELETE").get("aria-label") == f"Delete {progress_round}"


def test_a_wide_change_list_scrolls_in_a_named_region_a_keyboard_reaches(admin_client):
    TrainingSessionFactory()

    page = page_of(admin_client, reverse("admin:training_course_changelist"))

    region = page.get_element_by_id("result_list").xpath('ancestor::*[@role="region"]')[0]
    assert region.get("tabindex") == "0"
    assert region.get("aria-label") == "Courses"


def test_an_empty_change_list_has_no_scroll_region(admin_client):
    page = page_of(admin_client, reverse("admin:training_course_changelist"))

    assert not page.xpath('//*[@role="region"]')


def test_the_history_list_scrolls_in_a_named_region_a_keyboard_reaches(admin_client):
    course = CourseFactory()

    page = page_of(admin_client, reverse("admin:training_course_history", args=[course.pk]))

    region = page.get_element_by_id("change-history").xpath('ancestor::*[@role="region"]')[0]
    assert region.get("tabindex") == "0"
    assert region.get("aria-label") == "Change history"


def test_the_rating_filter_names_the_blank_rating(admin_client):
    ProgressUpdateFactory(rag="")

    page = page_of(admin_client, reverse("admin:objectives_progressupdate_changelist"))

    links = page.xpath('//*[@id="changelist-filter"]//a[@href="?rag="]')
    assert [link.text_content().strip() for link in links] == ["No rating"]


def test_admin_pages_carry_the_sites_icon_and_our_stylesheet_last(admin_client):
    page = page_of(admin_client, reverse("admin:training_course_changelist"))

    assert page.xpath('//link[@rel="icon"][contains(@href, "img/favicon.svg")]')
    stylesheets = [link.get("href") for link in page.xpath('//head/link[@rel="stylesheet"]')]
    assert stylesheets[-1].endswith("css/admin.css")
