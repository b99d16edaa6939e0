"""On a narrow screen the report's cells stack, each after its column's name, written in report.css: the same names."""

import re

from django.contrib.staticfiles import finders

from objectives.models.shapes import ReportColumn

# The columns whose cells are named when stacked: ref and action say what they are by themselves.
NAMED = [ReportColumn.LEAD, ReportColumn.TARGET, ReportColumn.SUCCESS_MEASURE, ReportColumn.RATING]


def _stacked_names() -> dict[str, str]:
    with open(finders.find("css/report.css"), encoding="utf-8") as css:
        text = css.read()
    return dict(re.findall(r'td\.report-([\w-]+)::before \{ content: "([^"]*): "; content: "\2: " / ""; \}', text))


def test_a_stacked_cell_is_named_as_the_column_heading_names_it():
    names = _stacked_names()

    assert {column.value.replace("_", "-"): column.label for column in NAMED}.items() <= names.items()
    assert names["progress"] == ReportColumn.PROGRESS.label
