from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from objectives.importing.indicators import check_indicator_rows
from objectives.importing.readers import read_plan_file
from objectives.models import Indicator, IndicatorValue
from tests.factories import IndicatorFactory, IndicatorValueFactory, ObjectiveFactory

pytestmark = pytest.mark.django_db

HEADER = "plan,objective,indicator,unit,period_end,value,target,period"
ROWS = [
    "2025/26,1.1,Early help assessments started by partners,number,2010-12-31,199,,year",
    "2025/26,1.1,Early help assessments started by partners,number,2011-12-31,409,450,year",
    "2025/26,1.1,Early help assessments started by partners,number,2012-09,413,450,part-year",
    "2025/26,,Children subject to a plan,rate per 10000 children,2025-06-30,45.2,40,",
]


@pytest.fixture
def objective():
    return ObjectiveFactory(aim__plan__title="2025/26", aim__number="1", ref="1.1")


def _csv(tmp_path, *rows, name="indicators.csv"):
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def _import(path, *arguments):
    output = StringIO()
    call_command("import_indicators", str(path), *arguments, stdout=output)
    return output.getvalue()


def test_a_csv_makes_indicators_under_their_objectives_with_their_values(tmp_path, objective):
    output = _import(_csv(tmp_path, *ROWS))

    early_help = Indicator.objects.get(name="Early help assessments started by partners")
    assert list(early_help.objectives.all()) == [objective]
    assert [(value.period_text, value.value) for value in early_help.values.all()] == [
        ("2010", Decimal(199)),
        ("2011", Decimal(409)),
        ("to September 2012", Decimal(413)),
    ]
    rate = Indicator.objects.get(name="Children subject to a plan")
    assert (rate.unit, rate.rate_per, list(rate.objectives.all())) == ("rate", "10000 children", [])
    assert "2 new indicators, 1 link to an objective, 4 new values, 0 changed values" in output


def test_importing_the_same_file_again_changes_nothing(tmp_path, objective):
    path = _csv(tmp_path, *ROWS)
    _import(path)
    history = IndicatorValue.history.count()

    output = _import(path)

    assert "0 new indicators, 0 links to objectives, 0 new values, 0 changed values" in output
    assert IndicatorValue.history.count() == history


def test_a_changed_value_is_updated_and_said(tmp_path, objective):
    indicator = IndicatorFactory(plan=objective.plan, name="Early help assessments started by partners")
    stored = IndicatorValueFactory(indicator=indicator, period_end=date(2011, 12, 31), value=400, period="year")

    output = _import(_csv(tmp_path, *ROWS))

    stored.refresh_from_db()
    assert stored.value == 409
    assert stored.version == 2
    assert "Changed Early help assessments started by partners, 2011: 400 → 409" in output


def test_a_dry_run_writes_nothing(tmp_path, objective):
    output = _import(_csv(tmp_path, *ROWS), "--dry-run")

    assert "Dry run: nothing was saved" in output
    assert not Indicator.objects.exists()


@pytest.mark.parametrize(
    ("bad_row", "message"),
    [
        ("2025/26,1.1,Early help,number,31/02/2026,1,,", "Row 3, period_end:"),
        ("2025/26,1.1,Early help,number,2026-03-31,lots,,", "Row 3, value: “lots” is not a number"),
        ("2024/25,1.1,Early help,number,2026-03-31,1,,", "Row 3, plan: “2024/25” is not a plan here"),
        ("2025/26,9.9,Early help,number,2026-03-31,1,,", "Row 3, objective: “9.9” is not objective of plan 2025/26"),
        ("2025/26,1.1,Early help,miles,2026-03-31,1,,", "Row 3, unit: “miles” is not a unit"),
    ],
)
def test_a_bad_row_is_named_and_nothing_is_imported(tmp_path, objective, bad_row, message):
    with pytest.raises(CommandError) as error:
        _import(_csv(tmp_path, ROWS[0], bad_row))

    assert "has 1 problem; nothing was imported." in str(error.value)
    assert message in str(error.value)
    assert not Indicator.objects.exists()


def test_an_xlsx_imports_like_a_csv(tmp_path, objective):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(","))
    sheet.append(
        ["2025/26", "1.1", "Re-referrals within 12 months", "percentage", date(2025, 6, 30), 17.5, 15, "quarter"]
    )
    path = tmp_path / "indicators.xlsx"
    workbook.save(path)

    _import(path)

    value = IndicatorValue.objects.get()
    assert (value.indicator.unit, value.value, value.target, value.period_text) == (
        "percentage",
        Decimal("17.5"),
        15,
        "quarter to June 2025",
    )


@pytest.mark.parametrize("count", [2, 20])
def test_the_import_checks_in_the_same_queries_however_many_rows(objective, count, django_assert_num_queries):
    for number in range(count):
        indicator = IndicatorFactory(plan=objective.plan, name=f"Indicator {number}", objectives=[objective])
        IndicatorValueFactory(indicator=indicator, period_end=date(2025, 3, 31))
    many = [f"2025/26,1.1,Indicator {n},number,2025-06-30,{n},," for n in range(count)]
    rows = read_plan_file("\n".join([HEADER, *many]).encode(), "indicators.csv")

    # plans with their scales, the scales' levels, objectives, indicators, their objectives, stored values
    with django_assert_num_queries(6):
        changes = check_indicator_rows(rows)

    assert len(changes.new_values) == count
