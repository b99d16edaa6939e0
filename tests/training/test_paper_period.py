"""The period each round's Training section covers, and the recorded figures it prints: page, PDF, Word, snapshot."""

from datetime import date
from http import HTTPStatus

import pytest
from django.urls import reverse

from objectives.paper.build import build_paper
from objectives.paper.files import FILE_FORMATS
from objectives.paper.snapshot import from_snapshot, to_snapshot
from tests import board_2012
from tests.factories import BusinessPlanFactory, ProgressRoundFactory
from tests.objectives.paper_reading import paper_page, paper_pdf_text, paper_word
from tests.page_text import text_of
from tests.training.factories import TrainingFigureFactory
from tests.training.uptake_samples import hand_counted_world
from training import paper as paper_section
from training.models import PaperPeriod

# The 2012/13 plan and its December 2012 round, as fixtures of this module.
plan, december = board_2012.plan, board_2012.december

pytestmark = pytest.mark.django_db

SINCE_MARCH_2011 = ["Domestic abuse (full day)", "1 March 2011 to 31 December 2012", "111", "The board", ""]


@pytest.fixture
def since_march_2011():
    """111 practitioners on the full-day domestic abuse course since March 2011, booked outside the system."""
    return TrainingFigureFactory(
        course_title="Domestic abuse (full day)", starts_on=date(2011, 3, 1), ends_on=date(2012, 12, 31), attended=111
    )


def choose(december, starts_on) -> PaperPeriod:
    return PaperPeriod.objects.create(progress_round=december, starts_on=starts_on)


# Which figures the section prints


def test_by_default_the_section_starts_at_the_plans_start_and_leaves_out_earlier_figures(december, since_march_2011):
    TrainingFigureFactory(course_title="Safer sleep briefing", starts_on=date(2012, 5, 5), ends_on=date(2012, 5, 5))

    section = paper_section.build(plan=december.plan, progress_round=december)

    assert section.data["starts_on"] == "2012-04-01"
    assert paper_section.recorded_rows(section) == [["Safer sleep briefing", "5 May 2012", "20", "The board", ""]]


def test_choosing_an_earlier_start_brings_in_the_figures_since_then(december, since_march_2011):
    choose(december, date(2011, 3, 1))

    section = paper_section.build(plan=december.plan, progress_round=december)

    assert section.data["starts_on"] == "2011-03-01"
    assert section.data["recorded_caption"] == "Training recorded by the board from 1 March 2011 to 31 December 2012"
    assert paper_section.recorded_rows(section) == [SINCE_MARCH_2011]


def test_a_figure_running_past_the_rounds_date_is_left_out(december):
    choose(december, date(2011, 3, 1))
    TrainingFigureFactory(starts_on=date(2011, 3, 1), ends_on=date(2013, 1, 1))

    assert paper_section.build(plan=december.plan, progress_round=december) is None


def test_the_chosen_start_changes_the_booked_figures_too(db):
    plan = BusinessPlanFactory(title="2025/26", starts_on=date(2025, 4, 1), ends_on=date(2026, 3, 31))
    december = ProgressRoundFactory(plan=plan, as_of=date(2025, 12, 31), deadline=date(2025, 12, 12))
    hand_counted_world()
    # The hand-counted year has a Neglect session on 31 March 2025, before the plan starts, besides A1 and A2.
    choose(december, date(2025, 3, 1))

    section = paper_section.build(plan=plan, progress_round=december)

    assert section.data["summary"].startswith("From 1 March 2025 to 31 December 2025,")
    assert paper_section.table_rows(section)[0][:3] == ["Neglect: recognising and responding", "3", "42"]


def test_the_period_of_one_round_leaves_another_rounds_alone(plan, december, since_march_2011):
    march = ProgressRoundFactory(plan=plan, as_of=date(2013, 3, 31), deadline=date(2013, 3, 12))
    choose(december, date(2011, 3, 1))

    assert paper_section.build(plan=plan, progress_round=march) is None


# How the section prints them


def test_recorded_figures_print_on_the_page_without_booked_sessions(manager_client, december, since_march_2011):
    choose(december, date(2011, 3, 1))

    html = " ".join(paper_page(manager_client, december).split())

    assert '<h2 id="report-section-training">Training</h2>' in html
    assert "<caption>Training recorded by the board from 1 March 2011 to 31 December 2012</caption>" in html
    assert (
        '<th scope="row">Domestic abuse (full day)</th> <td>1 March 2011 to 31 December 2012</td> <td>111</td>' in html
    )
    assert "Multi-agency training by course" not in html


def test_recorded_figures_print_in_the_word_file(manager_client, december, since_march_2011):
    choose(december, date(2011, 3, 1))

    paragraphs, tables = paper_word(manager_client, december)

    assert "Training recorded by the board from 1 March 2011 to 31 December 2012" in paragraphs
    assert tables[-1] == [paper_section.RECORDED_HEADER, SINCE_MARCH_2011]


def test_recorded_figures_print_in_the_pdf(manager_client, december, since_march_2011, tmp_path):
    choose(december, date(2011, 3, 1))

    text = paper_pdf_text(manager_client, december, tmp_path)

    assert "Training recorded by the board from 1 March 2011 to 31 December 2012" in text
    assert "Domestic abuse (full day) 1 March 2011 to 31 December 2012 111 The board" in text


def test_a_published_paper_keeps_the_recorded_figures(board_manager, december, since_march_2011):
    choose(december, date(2011, 3, 1))
    paper = build_paper(progress_round=december, author="")

    frozen = from_snapshot(to_snapshot(paper))
    since_march_2011.delete()

    assert frozen.sections == paper.sections
    assert "Domestic abuse (full day)" in FILE_FORMATS["html"].render(frozen).decode()


def test_a_snapshot_from_before_recorded_figures_still_renders(december, since_march_2011):
    choose(december, date(2011, 3, 1))
    snapshot = to_snapshot(build_paper(progress_round=december, author=""))
    training = next(section for section in snapshot["sections"] if section["kind"] == "training")
    training["data"] = {
        "starts_on": "2012-04-01",
        "ends_on": "2012-12-31",
        "summary": "From 1 April 2012 to 31 December 2012, 3 practitioners from 2 agencies attended.",
        "courses": [
            {
                "title": "Neglect",
                "sessions_run": 2,
                "places": 30,
                "attended": 4,
                "did_not_attend": 2,
                "dna_rate": "33%",
                "confidence_gain": "+1.5",
            }
        ],
    }
    paper = from_snapshot(snapshot)

    html = " ".join(FILE_FORMATS["html"].render(paper).decode().split())

    assert '<th scope="row">Neglect</th> <td>2</td>' in html
    assert "Training recorded by the board" not in html
    assert paper_section.recorded_rows(paper.sections[-1]) == []
    assert FILE_FORMATS["docx"].render(paper).startswith(b"PK")


# Choosing the period


def test_the_rounds_list_says_where_each_rounds_training_starts(reader_client, plan, december):
    march = ProgressRoundFactory(plan=plan, as_of=date(2013, 3, 31), deadline=date(2013, 3, 12))
    choose(march, date(2011, 3, 1))

    content = text_of(reader_client.get(reverse("training:paper_period_list")))

    assert "1 April 2012 (the plan's start)" in content
    assert "1 March 2011" in content
    assert reverse("training:paper_period", args=[march.pk]) not in content


def test_the_board_manager_chooses_a_rounds_start(manager_client, board_manager, december):
    url = reverse("training:paper_period", args=[december.pk])

    form = text_of(manager_client.get(url))
    response = manager_client.post(url, {"starts_on": "2011-03-01", "version": ""})

    period = PaperPeriod.objects.get()
    assert 'name="starts_on" value="2012-04-01"' in form
    assert response.status_code == HTTPStatus.FOUND
    assert (period.progress_round, period.starts_on) == (december, date(2011, 3, 1))
    assert period.history.get().history_user == board_manager


def test_choosing_again_changes_the_same_period(manager_client, december):
    period = choose(december, date(2011, 3, 1))

    manager_client.post(
        reverse("training:paper_period", args=[december.pk]), {"starts_on": "2010-04-01", "version": period.version}
    )

    period.refresh_from_db()
    assert (period.starts_on, period.version) == (date(2010, 4, 1), 2)


def test_a_stale_choice_is_refused(manager_client, december):
    url = reverse("training:paper_period", args=[december.pk])
    manager_client.post(url, {"starts_on": "2011-03-01", "version": ""})

    response = manager_client.post(url, {"starts_on": "2010-04-01", "version": ""})

    assert "after you opened it, so your changes were not saved" in text_of(response)
    assert PaperPeriod.objects.get().starts_on == date(2011, 3, 1)


@pytest.mark.parametrize(
    ("starts_on", "message"),
    [
        ("2013-01-01", "The period must start on or before the round's as-of date, 31 December 2012."),
        ("March 2011", "Enter the date the figures start from, such as 1 March 2011."),
        ("", "This field is required."),
    ],
)
def test_a_bad_start_is_named_and_nothing_is_saved(manager_client, december, starts_on, message):
    response = manager_client.post(
        reverse("training:paper_period", args=[december.pk]), {"starts_on": starts_on, "version": ""}
    )

    assert response.status_code == HTTPStatus.OK
    assert message in text_of(response)
    assert not PaperPeriod.objects.exists()


@pytest.mark.parametrize("client_name", ["reader_client", "contributor_client", "training_admin_client"])
def test_only_the_board_manager_chooses_the_period(request, client_name, december):
    client = request.getfixturevalue(client_name)
    url = reverse("training:paper_period", args=[december.pk])

    assert client.get(url).status_code == HTTPStatus.FORBIDDEN
    assert client.post(url, {"starts_on": "2011-03-01", "version": ""}).status_code == HTTPStatus.FORBIDDEN
    assert not PaperPeriod.objects.exists()


def test_choosing_the_period_of_an_unknown_round_is_not_found(manager_client):
    assert manager_client.get(reverse("training:paper_period", args=[999_999])).status_code == HTTPStatus.NOT_FOUND


# Queries


@pytest.mark.parametrize("count", [1, 4])
def test_section_queries_do_not_grow_with_recorded_figures(december, count, django_assert_num_queries):
    choose(december, date(2011, 3, 1))
    TrainingFigureFactory.create_batch(count, starts_on=date(2011, 3, 1), ends_on=date(2012, 3, 31))

    # the round's chosen start, the courses with a session in the period (none), the recorded figures
    with django_assert_num_queries(3):
        section = paper_section.build(plan=december.plan, progress_round=december)

    assert len(section.data["recorded"]) == count


@pytest.mark.parametrize("count", [1, 4])
def test_the_rounds_list_queries_do_not_grow_with_rounds(manager_client, plan, count, django_assert_num_queries):
    for month in range(1, count + 1):
        round_ = ProgressRoundFactory(plan=plan, as_of=date(2012, 4 + month, 28), deadline=date(2012, 4 + month, 20))
        choose(round_, date(2011, 3, 1))

    # session, user, the user's own and their groups' permissions, the count for the pager, one page of rounds
    # with their plans and periods
    with django_assert_num_queries(5):
        response = manager_client.get(reverse("training:paper_period_list"))

    assert response.status_code == HTTPStatus.OK
