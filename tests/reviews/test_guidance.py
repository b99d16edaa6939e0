"""Working Together by edition: the words and clocks a review follows are those in force on the day it began."""

from datetime import date
from http import HTTPStatus

import pytest
from django.urls import reverse

from reviews import guidance
from reviews.models import Review
from tests.reviews.factories import ReviewFactory
from tests.reviews.test_register import CREATE_URL, form_data

pytestmark = pytest.mark.django_db

SCR, CSPR = Review.Kind.SERIOUS_CASE_REVIEW, Review.Kind.PRACTICE_REVIEW


@pytest.mark.parametrize(
    ("day", "edition"),
    [
        (date(2005, 1, 10), "Working Together 2006"),
        (date(2008, 8, 31), "Working Together 2006"),
        (date(2012, 5, 14), "Working Together 2010"),
        (date(2014, 2, 3), "Working Together 2013"),
        (date(2018, 6, 28), "Working Together 2015"),
        (date(2018, 6, 29), "Working Together 2018"),
        (date(2023, 12, 15), "Working Together 2023"),
        (None, "Working Together 2023"),
    ],
)
def test_the_edition_is_the_one_in_force_on_the_day(day, edition):
    assert guidance.edition_on(day).name == edition


def test_every_rule_names_where_the_guidance_says_it():
    for edition in guidance.EDITIONS:
        assert edition.in_force_source
        for rule in (edition.completion_months, edition.panel_working_days, edition.rapid_review_working_days):
            assert rule is None or (rule.source.startswith(edition.name) and rule.is_verified == bool(rule.checked_at))


def test_only_the_2018_guidance_on_has_a_national_panel_and_rapid_review():
    with_panel = [edition.name for edition in guidance.EDITIONS if edition.has_national_panel]

    assert with_panel == ["Working Together 2018", "Working Together 2023"]
    assert date(2018, 6, 29) == guidance.NATIONAL_PANEL_FROM


@pytest.mark.parametrize(
    ("as_of", "title"),
    [
        (date(2012, 12, 31), "Serious case reviews"),
        (date(2018, 3, 31), "Serious case reviews"),
        (date(2018, 12, 31), "Child safeguarding practice reviews and serious case reviews"),
        (date(2019, 9, 28), "Child safeguarding practice reviews and serious case reviews"),
        (date(2019, 9, 29), "Child safeguarding practice reviews"),
        (date(2025, 12, 31), "Child safeguarding practice reviews"),
    ],
)
def test_the_section_title_is_in_the_words_of_its_day(as_of, title):
    assert guidance.section_title(as_of) == title


# Clocks by edition


def test_a_2012_serious_case_review_has_no_panel_deadline_and_is_due_six_months_after_the_decision():
    review = ReviewFactory(kind=SCR, incident_notified_on=date(2012, 5, 14), decided_on=date(2012, 5, 28))

    assert review.edition.name == "Working Together 2010"
    assert (review.panel_due_on, review.rapid_review_due_on) == (None, None)
    assert review.completion_due_on == date(2012, 11, 28)
    assert (review.next_step.label, review.next_step.due_on) == ("Complete the review", date(2012, 11, 28))


def test_a_2008_serious_case_review_is_due_four_months_after_the_decision():
    review = ReviewFactory(kind=SCR, decided_on=date(2008, 8, 31))

    assert review.completion_due_on == date(2008, 12, 31)


def test_a_due_date_the_board_gives_comes_before_the_guidance_timescale():
    review = ReviewFactory(kind=SCR, decided_on=date(2014, 2, 3), due_on=date(2014, 12, 19))

    assert review.completion_due_on == date(2014, 12, 19)


def test_only_a_local_review_takes_the_guidance_timescale():
    review = ReviewFactory(kind=Review.Kind.DOMESTIC_HOMICIDE_REVIEW, decided_on=date(2014, 2, 3))

    assert review.completion_due_on is None
    assert review.next_step is None


def test_a_2019_review_tells_the_panel_within_5_working_days_and_holds_the_rapid_review_within_15():
    review = ReviewFactory(kind=CSPR, incident_notified_on=date(2019, 10, 7))

    assert review.panel_due_on == date(2019, 10, 14)
    assert review.rapid_review_due_on == date(2019, 10, 28)
    assert review.completion_due_on is None


def test_an_scr_overdue_by_the_guidance_timescale_is_in_the_registers_overdue_list():
    late = ReviewFactory(kind=SCR, decided_on=date(2013, 6, 3))
    ReviewFactory(kind=SCR, decided_on=date(2013, 6, 3), completed_on=date(2013, 11, 29))

    assert list(Review.objects.overdue(date(2014, 1, 6))) == [late]


# Names by edition


@pytest.mark.parametrize(
    ("kind", "began", "term"),
    [
        (CSPR, date(2014, 2, 3), "Serious case review"),
        (SCR, date(2014, 2, 3), "Serious case review"),
        (SCR, date(2019, 1, 10), "Serious case review"),
        (CSPR, date(2019, 1, 10), "Child safeguarding practice review"),
        (SCR, date(2020, 1, 6), "Child safeguarding practice review"),
        (Review.Kind.DOMESTIC_HOMICIDE_REVIEW, date(2014, 2, 3), "Domestic homicide review"),
        (SCR, None, "Serious case review"),
    ],
)
def test_a_local_review_goes_by_the_name_of_its_guidance(kind, began, term):
    assert ReviewFactory(kind=kind, decided_on=began).kind_term == term


# The register's pages


def test_the_page_of_a_review_from_before_2018_offers_no_national_panel_deadline(reader_client):
    review = ReviewFactory(kind=SCR, incident_notified_on=date(2012, 5, 14), decided_on=date(2012, 5, 28))

    response = reader_client.get(reverse("reviews:review_detail", args=[review.pk]))

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "National panel" not in html
    assert "Working Together 2010" in html
    assert "no national panel to tell and no rapid review" in html
    assert "28 November 2012 (the guidance's timescale from the decision)" in html


def test_the_page_of_a_2019_review_shows_its_national_panel_deadline(reader_client):
    review = ReviewFactory(kind=CSPR, incident_notified_on=date(2019, 10, 7))

    html = reader_client.get(reverse("reviews:review_detail", args=[review.pk])).content.decode()

    assert "<dt>National panel to be told by</dt><dd>14 October 2019</dd>" in html
    assert "<dt>Rapid review due by</dt><dd>28 October 2019</dd>" in html


def test_the_form_saves_the_decision_and_the_closing_and_works_out_the_deadline_from_the_decision(manager_client):
    data = form_data(kind=SCR, status=Review.Status.CLOSED, decided_on="2014-02-03", closed_on="2015-03-02")

    response = manager_client.post(CREATE_URL, data)

    assert response.status_code == HTTPStatus.FOUND
    review = Review.objects.get()
    assert (review.decided_on, review.closed_on) == (date(2014, 2, 3), date(2015, 3, 2))
    assert review.completion_due_on == date(2014, 8, 3)


def test_the_form_says_the_national_panel_clock_runs_only_from_29_june_2018(manager_client):
    html = manager_client.get(CREATE_URL).content.decode()

    assert "For an incident from 29 June 2018 on, the national panel must be told within 5 working days" in html
