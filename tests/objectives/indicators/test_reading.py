from datetime import date
from decimal import Decimal

import pytest

from core import rating
from objectives.models import Indicator, IndicatorValue
from objectives.selectors.indicators import Direction, direction_of, number_text, rating_of, readings
from tests.factories import IndicatorFactory, IndicatorValueFactory

pytestmark = pytest.mark.django_db

THRESHOLDS = {"green": "400", "amber": "300", "red": "0"}


def _indicator(better=Indicator.Better.HIGHER, thresholds=None, unit=Indicator.Unit.NUMBER):
    return Indicator(name="Early help", better=better, thresholds=thresholds or THRESHOLDS, unit=unit)


@pytest.mark.parametrize(("value", "label"), [(450, "Green"), (400, "Green"), (350, "Amber"), (10, "Red")])
def test_higher_is_better_takes_the_best_level_reached(value, label):
    assert rating_of(_indicator(), Decimal(value), rating.RAG).label == label


@pytest.mark.parametrize(("value", "label"), [(Decimal("12.5"), "Green"), (15, "Amber"), (30, "Red")])
def test_lower_is_better_takes_the_best_level_reached_going_down(value, label):
    indicator = _indicator(Indicator.Better.LOWER, {"green": "12.5", "amber": "20", "red": "100"})

    assert rating_of(indicator, Decimal(value), rating.RAG).label == label


def test_a_value_short_of_every_threshold_has_no_rating():
    indicator = _indicator(thresholds={"green": "400", "amber": "300"})

    assert rating_of(indicator, Decimal(299), rating.RAG) is None


def test_a_plan_with_no_scale_rates_no_indicator():
    assert rating_of(_indicator(), Decimal(450), rating.NO_RATING) is None


def _values(*numbers):
    return [IndicatorValue(value=Decimal(number), period_end=date(2025, 3, 31)) for number in numbers]


@pytest.mark.parametrize(
    ("better", "numbers", "direction"),
    [
        (Indicator.Better.HIGHER, (199, 409), Direction.IMPROVING),
        (Indicator.Better.HIGHER, (409, 199), Direction.WORSENING),
        (Indicator.Better.LOWER, (24, 17), Direction.IMPROVING),
        (Indicator.Better.LOWER, (17, 24), Direction.WORSENING),
        (Indicator.Better.LOWER, (17, 17), Direction.NO_CHANGE),
        (Indicator.Better.HIGHER, (17,), Direction.FIRST),
    ],
)
def test_direction_of_travel_is_judged_by_the_better_direction(better, numbers, direction):
    assert direction_of(_indicator(better), _values(*numbers)) == direction


def test_numbers_print_without_trailing_zeros_and_percentages_with_their_sign():
    assert number_text(Decimal("1204.0000"), _indicator()) == "1,204"
    assert number_text(Decimal("17.5000"), _indicator(unit=Indicator.Unit.PERCENTAGE)) == "17.5%"


def test_a_reading_counts_only_values_up_to_its_date(django_assert_num_queries):
    indicators = IndicatorFactory.create_batch(3, thresholds=THRESHOLDS)
    for indicator in indicators:
        for period_end, number in ((date(2010, 12, 31), 199), (date(2011, 12, 31), 409), (date(2013, 3, 31), 999)):
            IndicatorValueFactory(indicator=indicator, period_end=period_end, value=number, period="year")

    # the values of all three indicators
    with django_assert_num_queries(1):
        found = readings(indicators, date(2012, 9, 30), rating.RAG)

    assert [reading.trend_words for reading in found] == ["199 (2010) → 409 (2011)"] * 3
    assert found[0].rating.label == "Green"
    assert found[0].direction == Direction.IMPROVING
