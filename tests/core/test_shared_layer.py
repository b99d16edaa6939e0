"""The shared layer: downloads, the period form, command-line parsing, and that core stands on no feature app."""

import ast
from datetime import date
from pathlib import Path

import pytest
from django.core.management.base import CommandError

from core.commands import parse_base_url, parse_day
from core.forms import PeriodForm
from core.responses import attachment, csv_bytes, csv_response, guard_formula

CORE = Path(__file__).resolve().parents[2] / "core"
FEATURE_APPS = {"objectives", "reviews", "training", "mscb"}


def test_core_imports_no_feature_app():
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                assert node.module.split(".")[0] not in FEATURE_APPS, f"{path.name} imports {node.module}"
            if isinstance(node, ast.Import):
                assert not {alias.name.split(".")[0] for alias in node.names} & FEATURE_APPS, path.name


def test_an_ascii_name_goes_out_as_it_is():
    response = attachment(b"x", name="business-plan-2025-26.csv", content_type="text/csv")
    assert response["Content-Disposition"] == 'attachment; filename="business-plan-2025-26.csv"'
    assert response["Cache-Control"] == "private"


def test_a_name_with_accents_gets_an_ascii_fallback_and_the_utf8_name():
    response = attachment(b"x", name="Café – uptake.csv", content_type="text/csv")
    assert response["Content-Disposition"] == (
        "attachment; filename=\"Cafe - uptake.csv\"; filename*=UTF-8''Caf%C3%A9%20%E2%80%93%20uptake.csv"
    )


def test_csv_starts_with_a_byte_order_mark_and_neutralises_formulas():
    content = csv_bytes(["Name", "Count"], [["=SUM(A1)", 3], ["Plain", 0]])
    assert content.decode("utf-8") == "\ufeffName,Count\r\n'=SUM(A1),3\r\nPlain,0\r\n"
    assert guard_formula("'=x") == "''=x"


def test_csv_response_is_an_attachment():
    response = csv_response("figures.csv", ["A"], [["b"]])
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="figures.csv"'


@pytest.mark.parametrize(("start", "end"), [("starts_on", "ends_on"), ("date_from", "date_to")])
def test_the_period_form_names_its_fields_as_the_page_asks(start, end):
    form = PeriodForm({start: "01/04/2025", end: "2026-03-31"}, start=start, end=end)
    assert form.is_valid(), form.errors
    assert form.period() == (date(2025, 4, 1), date(2026, 3, 31))


def test_the_period_must_not_end_before_it_starts():
    form = PeriodForm({"starts_on": "2026-04-01", "ends_on": "2025-04-01"})
    assert not form.is_valid()
    assert form.errors["ends_on"] == ["The end of the period must be on or after its start."]


@pytest.mark.parametrize(
    ("query", "period"),
    [
        ({}, (date(2025, 4, 1), date(2026, 3, 31))),
        ({"date_from": "2025-06-01", "date_to": "2025-06-30"}, (date(2025, 6, 1), date(2025, 6, 30))),
        ({"date_to": "2025-06-30"}, None),
        ({"date_from": "2025-07-01", "date_to": "2025-06-30"}, None),
    ],
)
def test_a_report_period_is_the_financial_year_unless_the_address_names_a_valid_one(query, period):
    form, dates = PeriodForm.for_report(query, today=date(2026, 3, 6), start="date_from", end="date_to")
    assert dates == period
    assert form.is_bound == bool(query)


def test_commands_read_a_day_and_an_address():
    assert parse_day("2026-03-06") == date(2026, 3, 6)
    assert parse_base_url("https://scp.example.org") == "https://scp.example.org"
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        parse_day("6 March")
    with pytest.raises(CommandError, match="web address"):
        parse_base_url("scp.example.org")
