"""The yearly report's training section counts as training's own pages and selectors do, over the plan's year."""

import json
from datetime import date, datetime

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from mscb.demo.times import LONDON
from mscb.yearly.sections.training import SECTION
from tests.factories import AgencyFactory, BusinessPlanFactory
from tests.training.factories import (
    AgencyWorkforceFactory,
    CourseFactory,
    EvaluationFactory,
    RegistrationFactory,
    TrainingFigureFactory,
    TrainingSessionFactory,
)
from training import selectors
from training.models import Evaluation, Registration

from .word import tables, written

pytestmark = pytest.mark.django_db
Status = Registration.Status


def session_on(course, day: date):
    starts_at = datetime(day.year, day.month, day.day, 9, 30, tzinfo=LONDON)
    return TrainingSessionFactory(course=course, starts_at=starts_at, ends_at=starts_at.replace(hour=12))


@pytest.fixture
def plan():
    return BusinessPlanFactory(title="The year under test")


@pytest.fixture
def world(plan):
    police = AgencyFactory(name="Fenbridge Police")
    health = AgencyFactory(name="Fenbridge Community Health")
    AgencyWorkforceFactory(agency=police, staff_count=40)
    neglect = CourseFactory(title="Neglect")
    exploitation = CourseFactory(title="Exploitation")
    june = session_on(neglect, date(2025, 6, 10))
    for status in [Status.ATTENDED, Status.ATTENDED, Status.DID_NOT_ATTEND, Status.BOOKED]:
        RegistrationFactory(session=june, agency=police, status=status)
    answered = RegistrationFactory(session=june, agency=health, status=Status.ATTENDED)
    EvaluationFactory(registration=answered, relevance=5, quality=4, confidence_before=2, confidence_after=5)
    EvaluationFactory(
        registration=answered, kind=Evaluation.Kind.FOLLOW_UP, practice_changed="partly", example="I ask."
    )
    january = session_on(exploitation, date(2026, 1, 20))
    RegistrationFactory(session=january, agency=health, status=Status.DID_NOT_ATTEND)
    # Before the year: counted on no table of this report.
    earlier = RegistrationFactory(session=session_on(neglect, date(2025, 3, 20)), agency=police, status=Status.ATTENDED)
    EvaluationFactory(registration=earlier, relevance=1, quality=1, confidence_before=5, confidence_after=1)
    TrainingFigureFactory(
        course_title="Safer sleep (health visitors)",
        starts_on=date(2025, 5, 14),
        ends_on=date(2025, 5, 14),
        attended=38,
        provider="Community Health",
    )
    TrainingFigureFactory(course_title="Before the year")
    return {"neglect": neglect, "exploitation": exploitation, "june": june, "january": january}


def test_uptake_is_the_selectors_uptake_for_the_plans_year(plan, world):
    figures = SECTION.build(plan)

    period = selectors.Period(plan.starts_on, plan.ends_on)
    agencies = selectors.agency_uptake(period, Registration.objects.all())
    courses = selectors.course_uptake(period, Registration.objects.all())
    total, summary = selectors.overall_uptake(period, Registration.objects.all())
    assert [(row["label"], row["attended"], row["did_not_attend"], row["booked"]) for row in figures["agencies"]] == [
        (row.label, row.attended, row.did_not_attend, row.booked) for row in agencies
    ]
    assert [(row["label"], row["staff_count"], row["per_100_staff_text"]) for row in figures["agencies"]] == [
        ("Fenbridge Community Health", None, "not recorded"),
        ("Fenbridge Police", 40, "5.0"),
    ]
    assert [(row["label"], row["sessions_run"], row["attended"]) for row in figures["courses"]] == [
        (row.label, row.sessions_run, row.attended) for row in courses
    ]
    assert figures["total"]["attended"] == total.attended == 3
    assert figures["summary"] == summary.sentence
    assert json.loads(json.dumps(figures)) == figures


def test_uptake_matches_the_uptake_page_for_the_same_dates(plan, world, manager_client):
    page = manager_client.get(reverse("training:uptake"), {"starts_on": "2025-04-01", "ends_on": "2026-03-31"})

    figures = SECTION.build(plan)

    assert [(row["label"], row["attended"], row["dna_rate"]) for row in figures["agencies"]] == [
        (row.label, row.attended, row.dna_rate_text) for row in page.context["agencies"]
    ]
    assert [(row["label"], row["booked"]) for row in figures["courses"]] == [
        (row.label, row.booked) for row in page.context["courses"]
    ]


def test_a_courses_evaluations_are_its_results_page_when_all_its_sessions_fall_in_the_year(plan, world):
    figures = SECTION.build(plan)

    exploitation = next(row for row in figures["course_evaluations"] if row["label"] == "Exploitation")
    results = selectors.results_for(course=world["exploitation"])
    assert exploitation["attended"] == results.attended == 0
    june = selectors.results_for(session=world["june"])
    neglect = next(row for row in figures["course_evaluations"] if row["label"] == "Neglect")
    assert (neglect["attended"], neglect["answered"]) == (june.attended, june.after_session["answered"]) == (3, 1)
    assert neglect["mean_gain"] == june.after_session["mean_gain"] == 3
    assert neglect["mean_relevance"] == june.after_session["mean_relevance"] == 5
    assert neglect["practice_changed"] == [
        {"label": "Yes", "count": 0},
        {"label": "Partly", "count": 1},
        {"label": "No", "count": 0},
    ]
    assert (neglect["follow_up_sent"], neglect["follow_up_answered"]) == (june.follow_up_sent, 1)


def test_the_years_evaluations_leave_out_sessions_before_it(plan, world):
    whole_year = SECTION.build(plan)["evaluation"]

    assert (whole_year["answered"], whole_year["scores"]["relevance"], whole_year["gain"]) == (1, "5.0", "+3.00")


def test_recorded_figures_are_those_within_the_year(plan, world):
    recorded = SECTION.build(plan)["recorded"]

    assert [(figure["course"], figure["attended"]) for figure in recorded] == [("Safer sleep (health visitors)", 38)]


def test_the_template_shows_the_key_figures(plan, world):
    html = render_to_string(SECTION.template_name, {"figures": SECTION.build(plan)})

    assert "<caption>Uptake by agency against its workforce</caption>" in html
    assert "5.0" in html
    assert "Safer sleep (health visitors)" in html
    assert "+3.00" in html
    assert "<h3>Uptake by course</h3>" in html


def test_the_word_file_has_the_tables(plan, world):
    agencies, courses, evaluations, follow_ups, recorded = tables(written(SECTION, SECTION.build(plan)))

    assert agencies[2] == ["Fenbridge Police", "40", "4", "2", "1", "33%", "5.0"]
    assert courses[-1][0] == "All courses"
    assert evaluations[1] == [
        "Exploitation",
        "0 of 0",
        "no answers",
        "no answers",
        "no answers",
        "no answers",
        "no answers",
    ]
    assert follow_ups[2][:3] == ["Neglect", "1", "1"]
    assert recorded[1][:3] == ["Safer sleep (health visitors)", "14 May 2025", "38"]


def test_a_year_without_training_writes_only_its_sentence():
    plan = BusinessPlanFactory()
    figures = SECTION.build(plan)

    document = written(SECTION, figures)
    html = render_to_string(SECTION.template_name, {"figures": figures})

    assert figures["agencies"] == figures["courses"] == figures["recorded"] == []
    assert not document.tables
    assert "nobody attended multi-agency training" in html


def _add_course_with_answers(title: str) -> None:
    registration = RegistrationFactory(session=session_on(CourseFactory(title=title), date(2025, 11, 4)))
    registration.status = Status.ATTENDED
    registration.save()
    EvaluationFactory(registration=registration, relevance=4, quality=4, confidence_before=3, confidence_after=4)


def test_building_the_section_asks_the_same_queries_however_many_courses(plan, world, django_assert_num_queries):
    SECTION.build(plan)
    with django_assert_num_queries(QUERIES_BUILD):
        figures = SECTION.build(plan)
    _add_course_with_answers("Online safety")
    _add_course_with_answers("Parental conflict")
    with django_assert_num_queries(QUERIES_BUILD):
        more = SECTION.build(plan)
    assert len(more["course_evaluations"]) == len(figures["course_evaluations"]) + 2


# Uptake overall, by course and by agency with its workforce; the year's evaluations (3) and each course's (3,
# grouped by course); the recorded figures.
QUERIES_BUILD = 12
