from datetime import date, datetime

import pytest

from objectives.dates import DateFormatError, add_months, parse_flexible_date
from objectives.refs import natural_sort_key
from objectives.text import progress_html


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-31", (date(2026, 3, 31), False)),
        ("2026-03", (date(2026, 3, 31), True)),
        ("March 2026", (date(2026, 3, 31), True)),
        ("february 2028", (date(2028, 2, 29), True)),
        ("Sept 2026", None),
        ("Sep 2026", (date(2026, 9, 30), True)),
        ("31/03/2026", (date(2026, 3, 31), False)),
        (" 5 March 2026 ", (date(2026, 3, 5), False)),
    ],
)
def test_flexible_dates(text, expected):
    if expected is None:
        with pytest.raises(DateFormatError):
            parse_flexible_date(text)
    else:
        assert parse_flexible_date(text) == expected


def test_a_spreadsheet_datetime_is_a_day():
    assert parse_flexible_date(datetime(2026, 3, 1, 0, 0)) == (date(2026, 3, 1), False)


@pytest.mark.parametrize("text", ["soon", "2026-13", "31/02/2026", "13 2026", "0000-03", "March 0000"])
def test_nonsense_dates_are_refused_with_the_accepted_forms(text):
    with pytest.raises(DateFormatError, match="2026-03"):
        parse_flexible_date(text)


def test_natural_sort_key_orders_numbers_by_value():
    refs = ["1.10", "1.9", "10.1", "2.1"]

    assert sorted(refs, key=natural_sort_key) == ["1.9", "1.10", "2.1", "10.1"]


def test_progress_keeps_paragraphs_and_bullets():
    html = progress_html("First paragraph\nsame paragraph.\n\nWe did:\n- one\n- two\n\nLast.")

    assert html == (
        "<p>First paragraph<br>same paragraph.</p>\n<p>We did:</p>\n<ul><li>one</li><li>two</li></ul>\n<p>Last.</p>"
    )


def test_progress_escapes_what_the_user_typed():
    html = progress_html('<script>alert("x")</script>\n- <b>bold</b>')

    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<li>&lt;b&gt;bold&lt;/b&gt;</li>" in html


def test_word_bullets_become_list_items():
    assert progress_html("• one\n– two") == "<ul><li>one</li><li>two</li></ul>"


def test_a_month_later_on_a_shorter_month_is_its_last_day():
    assert add_months(date(2013, 8, 31), 6) == date(2014, 2, 28)
    assert add_months(date(2012, 11, 15), 2) == date(2013, 1, 15)


def test_progress_reads_lines_as_typed_in_any_editor():
    """Windows and old Mac line ends, a line of spaces as a blank line, an indented line continuing its bullet, a
    mark with no space after it as plain text, and "&" escaped once (the text is escaped before it is split)."""
    text = "Tom & Jerry\r\n  \r\n-  one\r\n   more\r- \n*two\n\t\n· three & four"

    assert progress_html(text) == (
        "<p>Tom &amp; Jerry</p>\n<ul><li>one more</li></ul>\n<p>-<br>*two</p>\n<ul><li>three &amp; four</li></ul>"
    )
