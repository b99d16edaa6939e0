from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from core.models import RatingScale
from objectives.models import Indicator, IndicatorValue
from tests.factories import BusinessPlanFactory, IndicatorFactory, IndicatorValueFactory

pytestmark = pytest.mark.django_db


def test_an_indicator_has_one_value_per_period_end():
    value = IndicatorValueFactory(period_end=date(2025, 6, 30))

    with pytest.raises(IntegrityError):
        IndicatorValueFactory(indicator=value.indicator, period_end=date(2025, 6, 30))


def test_two_indicators_of_a_plan_cannot_share_a_name():
    indicator = IndicatorFactory(name="Re-referrals")

    with pytest.raises(IntegrityError):
        IndicatorFactory(plan=indicator.plan, name="Re-referrals")


def test_only_a_rate_is_per_something_in_the_database():
    with pytest.raises(IntegrityError):
        IndicatorFactory(unit=Indicator.Unit.NUMBER, rate_per="10,000 children")


def test_a_rate_must_say_what_it_is_per():
    indicator = IndicatorFactory.build(plan=BusinessPlanFactory(), unit=Indicator.Unit.RATE, rate_per=" ")

    with pytest.raises(ValidationError) as error:
        indicator.full_clean()

    assert "per" in str(error.value.message_dict["rate_per"])


def test_thresholds_must_be_levels_of_the_plans_scale():
    indicator = IndicatorFactory.build(plan=BusinessPlanFactory(), thresholds={"purple": "4"})

    with pytest.raises(ValidationError) as error:
        indicator.full_clean()

    assert "“purple” is not a level" in error.value.message_dict["thresholds"][0]


def test_thresholds_must_be_numbers():
    indicator = IndicatorFactory.build(plan=BusinessPlanFactory(), thresholds={"green": "lots"})

    with pytest.raises(ValidationError) as error:
        indicator.full_clean()

    assert error.value.message_dict["thresholds"] == ["The threshold for Green must be a number, not “lots”."]


def test_a_plan_with_no_scale_takes_no_thresholds():
    plan = BusinessPlanFactory(rating_scale=RatingScale.objects.get(name="none"))
    indicator = IndicatorFactory.build(plan=plan, thresholds={"green": "4"})

    with pytest.raises(ValidationError) as error:
        indicator.full_clean()

    assert "no rating scale" in error.value.message_dict["thresholds"][0]


@pytest.mark.parametrize(
    ("period", "period_end", "words"),
    [
        (IndicatorValue.Period.MONTH, date(2026, 6, 30), "June 2026"),
        (IndicatorValue.Period.QUARTER, date(2026, 6, 30), "quarter to June 2026"),
        (IndicatorValue.Period.YEAR, date(2011, 12, 31), "2011"),
        (IndicatorValue.Period.YEAR, date(2011, 3, 31), "year to March 2011"),
        (IndicatorValue.Period.PART_YEAR, date(2012, 9, 30), "to September 2012"),
    ],
)
def test_a_period_reads_as_boards_write_it(period, period_end, words):
    value = IndicatorValue(period=period, period_end=period_end, value=Decimal(1))

    assert value.period_text == words


def test_indicator_edits_are_kept_in_history():
    indicator = IndicatorFactory(name="Before")
    indicator.name = "After"
    indicator.save()

    assert [entry.name for entry in indicator.history.order_by("history_date")] == ["Before", "After"]
