"""The demo's calendar moves the story's dates and words to the year it is loaded in."""

from datetime import date

from mscb.demo.loader import ROUNDS
from mscb.demo.times import DemoCalendar


def test_the_calendar_titles_the_plan_by_the_financial_year_containing_the_day():
    assert DemoCalendar(date(2026, 12, 3)).plan_title == "2026/27"
    assert DemoCalendar(date(2027, 3, 31)).plan_title == "2026/27"
    assert DemoCalendar(date(2027, 4, 1)).plan_title == "2027/28"


def test_the_calendar_moves_a_rounds_months_and_days_as_the_rounds_moved():
    calendar = DemoCalendar(date(2026, 12, 3))

    assert calendar.months == 9
    text = calendar.progress_text("Booked for 20 November; raised between April 2024 and March 2025, as in 2023.")
    assert text == "Booked for 20 August; raised between January 2025 and December 2025, as in 2024."


def test_the_calendar_keeps_a_moved_day_within_its_month():
    calendar = DemoCalendar(date(2026, 4, 1))

    assert calendar.months == 1
    assert calendar.progress_text("The survey closes on 30 January.") == "The survey closes on 28 February."


def test_the_calendar_moves_only_the_years_of_words_about_the_plan():
    calendar = DemoCalendar(date(2026, 12, 3))

    text = calendar.plan_text("Across financial year 2025/26, on the website by the end of March, fewer than in 2023.")
    assert text == "Across financial year 2026/27, on the website by the end of March, fewer than in 2024."


def test_the_calendar_spreads_what_was_still_to_come_over_the_rest_of_the_year():
    calendar = DemoCalendar(date(2026, 12, 3))

    assert calendar.target("March 2026") == "March 2027"
    assert date(2026, 12, 3) < calendar.day(date(2026, 3, 20)) < date(2027, 3, 31)
    assert calendar.day(date(2026, 4, 30)) == date(2027, 4, 30)


def test_the_calendar_moves_what_had_happened_by_as_long_before_the_day():
    calendar = DemoCalendar(date(2026, 12, 3))

    assert date(2026, 12, 3) - calendar.day(date(2025, 11, 27)) == date(2026, 3, 13) - date(2025, 11, 27)


def test_the_calendar_leaves_out_rounds_that_would_fall_before_the_plan_began():
    rounds = [DemoCalendar(date(2026, 4, 1)).progress_round(spec) for spec in ROUNDS]

    assert rounds[:2] == [None, None]
    assert rounds[2]["as_of"] == date(2026, 4, 30)


def test_the_calendar_keeps_a_day_target_on_a_months_end_on_one():
    calendar = DemoCalendar(date(2026, 12, 3))

    assert calendar.target("2025-10-31") == "2026-07-31"
    assert calendar.target("2025-11-27") == (date(2025, 11, 27) + calendar.shift).isoformat()
