"""The statutory clock: 5 and 15 working days, skipping weekends and England and Wales bank holidays."""

import importlib
from datetime import date

import pytest

from reviews.clock import add_working_days, statutory_deadlines
from reviews.models import BankHoliday
from tests.reviews.factories import ReviewFactory

pytestmark = pytest.mark.django_db

filled = importlib.import_module("reviews.migrations.0002_fill_bank_holidays_2012_to_2030")


def days(year):
    return [day for day, _name in filled.bank_holidays(year)]


def test_2012_has_the_diamond_jubilee_and_the_moved_spring_holiday():
    assert days(2012) == [
        date(2012, 1, 2),
        date(2012, 4, 6),
        date(2012, 4, 9),
        date(2012, 5, 7),
        date(2012, 6, 4),
        date(2012, 6, 5),
        date(2012, 8, 27),
        date(2012, 12, 25),
        date(2012, 12, 26),
    ]


def test_2020_moved_the_early_may_holiday_to_ve_day_and_boxing_day_to_monday():
    assert date(2020, 5, 8) in days(2020)
    assert date(2020, 5, 4) not in days(2020)
    assert date(2020, 12, 28) in days(2020)


def test_2022_has_the_platinum_jubilee_the_state_funeral_and_christmas_substitutes():
    assert days(2022) == [
        date(2022, 1, 3),
        date(2022, 4, 15),
        date(2022, 4, 18),
        date(2022, 5, 2),
        date(2022, 6, 2),
        date(2022, 6, 3),
        date(2022, 8, 29),
        date(2022, 9, 19),
        date(2022, 12, 26),
        date(2022, 12, 27),
    ]


def test_2023_has_the_coronation():
    assert date(2023, 5, 8) in days(2023)


def test_a_saturday_christmas_moves_both_holidays_to_monday_and_tuesday():
    assert days(2027)[-2:] == [date(2027, 12, 27), date(2027, 12, 28)]


def test_easter_follows_the_moon():
    assert date(2027, 3, 26) in days(2027)  # Good Friday
    assert date(2027, 3, 29) in days(2027)  # Easter Monday


def test_the_migration_fills_2012_to_2030():
    assert (filled.FIRST_YEAR, filled.LAST_YEAR) == (2012, 2030)
    assert all(8 <= len(days(year)) <= 10 for year in range(2012, 2031))


def test_working_days_skip_the_weekend():
    panel, _rapid = statutory_deadlines(date(2025, 3, 5))

    assert panel == date(2025, 3, 12)


def test_working_days_skip_easter():
    panel, _rapid = statutory_deadlines(date(2025, 4, 17))

    assert panel == date(2025, 4, 28)


def test_working_days_count_back_over_christmas_and_new_year():
    assert add_working_days(date(2025, 1, 2), -3) == date(2024, 12, 27)


def test_a_notice_on_the_friday_before_christmas():
    notice = date(2024, 12, 20)

    panel, rapid = statutory_deadlines(notice)

    assert panel == date(2024, 12, 31)
    assert rapid == date(2025, 1, 15)


def test_a_holiday_the_admin_adds_moves_the_deadline():
    before = add_working_days(date(2025, 3, 5), 5)
    BankHoliday.objects.create(on=date(2025, 3, 10), name="A one-off holiday")

    assert before == date(2025, 3, 12)
    assert add_working_days(date(2025, 3, 5), 5) == date(2025, 3, 13)


def test_a_holiday_added_later_moves_the_stored_deadlines_of_the_reviews_it_falls_within():
    running = ReviewFactory(incident_notified_on=date(2025, 3, 5))
    long_done = ReviewFactory(incident_notified_on=date(2025, 1, 6))
    history_before = long_done.history.count()

    holiday = BankHoliday.objects.create(on=date(2025, 3, 10), name="A one-off holiday")

    running.refresh_from_db()
    long_done.refresh_from_db()
    assert (running.panel_due_on, running.rapid_review_due_on) == (date(2025, 3, 13), date(2025, 3, 27))
    assert running.history.first().panel_due_on == date(2025, 3, 13)
    assert (long_done.panel_due_on, long_done.history.count()) == (date(2025, 1, 13), history_before)

    holiday.on = date(2025, 6, 30)  # moved out of the review's clock altogether
    holiday.save()

    running.refresh_from_db()
    assert (running.panel_due_on, running.rapid_review_due_on) == (date(2025, 3, 12), date(2025, 3, 26))

    holiday.on = date(2025, 3, 20)  # moved back, past the panel's deadline but inside the rapid review's
    holiday.save()

    running.refresh_from_db()
    assert (running.panel_due_on, running.rapid_review_due_on) == (date(2025, 3, 12), date(2025, 3, 27))

    holiday.delete()

    running.refresh_from_db()
    assert (running.panel_due_on, running.rapid_review_due_on) == (date(2025, 3, 12), date(2025, 3, 26))
