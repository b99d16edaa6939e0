from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.template import Context, Template

from core import formats

User = get_user_model()


def test_a_long_date_has_no_leading_zero():
    assert formats.long_date(date(2026, 3, 6)) == "6 March 2026"


def test_a_long_date_of_an_aware_moment_is_the_uk_day():
    # 23:30 UTC on 31 May is already 1 June in London (BST).
    assert formats.long_date(datetime(2026, 5, 31, 23, 30, tzinfo=ZoneInfo("UTC"))) == "1 June 2026"


def test_a_moment_reads_with_its_uk_time():
    assert formats.long_datetime(datetime(2026, 3, 6, 9, 5, tzinfo=ZoneInfo("UTC"))) == "6 March 2026, 09:05"


def test_a_month_reads_without_its_day():
    assert formats.month_year(date(2026, 3, 31)) == "March 2026"


def test_the_date_filter_follows_the_same_rule():
    rendered = Template('{{ day|date }} / {{ moment|date:"DATETIME_FORMAT" }}').render(
        Context({"day": date(2026, 3, 6), "moment": datetime(2026, 3, 6, 9, 5, tzinfo=ZoneInfo("UTC"))})
    )

    assert rendered == f"{formats.long_date(date(2026, 3, 6))} / 6 March 2026, 09:05"


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (date(2026, 3, 31), (date(2025, 4, 1), date(2026, 3, 31))),
        (date(2026, 4, 1), (date(2026, 4, 1), date(2027, 3, 31))),
    ],
)
def test_the_financial_year_turns_on_1_april(day, year):
    assert formats.financial_year(day) == year


def test_a_financial_year_label_names_both_years():
    assert formats.financial_year_label(date(2026, 3, 31)) == "2025/26"
    assert formats.financial_year_label(date(2026, 4, 1)) == "2026/27"


def test_a_financial_year_label_names_the_year_it_came_from():
    assert formats.financial_year_named(formats.financial_year_label(date(2099, 12, 1))) == formats.financial_year(
        date(2099, 12, 1)
    )


@pytest.mark.parametrize(("number", "expected"), [(0, "0 reminders"), (1, "1 reminder"), (2, "2 reminders")])
def test_plural_adds_an_s_unless_there_is_one(number, expected):
    assert formats.plural(number, "reminder") == expected


def test_plural_takes_an_irregular_plural():
    assert formats.plural(1, "person", "people") == "1 person"
    assert formats.plural(3, "person", "people") == "3 people"


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [("Sam", "Jones", "Sam Jones"), ("", "", "sjones"), ("Sam", "", "Sam")],
)
def test_a_person_is_named_by_full_name_else_username(first, last, expected):
    person = User(username="sjones", first_name=first, last_name=last)

    assert formats.display_name(person) == expected


def test_nobody_is_named_as_the_caller_says():
    assert formats.display_name(None) == ""
    assert formats.display_name(None, missing="Unknown") == "Unknown"


def test_the_display_name_filter_uses_the_same_rule():
    template = Template('{% load core_formats %}{{ person|display_name }}|{{ nobody|display_name:"the agency" }}')

    rendered = template.render(Context({"person": User(username="sjones"), "nobody": None}))

    assert rendered == "sjones|the agency"


@pytest.mark.parametrize(
    ("items", "last", "said"),
    [
        ([], "and", ""),
        (["red"], "or", "red"),
        (["red", "amber"], "or", "red or amber"),
        (["a", "b", "c"], "and", "a, b and c"),
    ],
)
def test_a_list_reads_as_a_sentence_says_it(items, last, said):
    assert formats.in_words(items, last) == said
