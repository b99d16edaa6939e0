"""Every table is named by its caption, and scrolls sideways in a region a keyboard reaches and a screen reader names.

The browser test tests/browser/test_reflow.py shows the region at work on a 320 px screen.
"""

import re

import django_tables2 as tables
import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.test import RequestFactory

from objectives import tables as objectives_tables
from reviews import tables as reviews_tables
from training import tables as training_tables

OUR_TABLES = [
    table
    for module in (objectives_tables, reviews_tables, training_tables)
    for table in vars(module).values()
    if isinstance(table, type) and issubclass(table, tables.Table) and table is not tables.Table
]


def test_the_apps_tables_are_all_found():
    assert {table.__name__ for table in OUR_TABLES} >= {"PlanTable", "ActionTable", "PersonTable", "CourseTable"}


@pytest.mark.parametrize("table", OUR_TABLES, ids=lambda table: table.__name__)
def test_every_table_has_a_caption_to_name_its_scroll_region(table):
    assert table.caption.strip()


class FruitTable(tables.Table):
    caption = "Fruit, sweetest first"
    name = tables.Column()


def test_a_table_scrolls_inside_a_focusable_region_named_by_its_caption():
    html = FruitTable([{"name": "Pear"}]).as_html(RequestFactory().get("/"))

    region = re.search(r'<div class="table-scroll" role="region" tabindex="0" aria-label="([^"]*)">\s*<table', html)
    assert region
    assert region[1] == "Fruit, sweetest first"
    assert '<caption class="visually-hidden">Fruit, sweetest first</caption>' in html


def test_the_scroll_region_is_named_by_its_tables_caption_in_the_words_read_out():
    html = Template(
        "{% load core_tables %}{% scroll_region %}<table><caption class='visually-hidden'>Sessions of <b>{{ name }}</b>"
        "\n  in 2025</caption></table>{% endscroll_region %}"
    ).render(Context({"name": "Child S & Child T"}))

    assert html.startswith(
        '<div class="table-scroll" role="region" tabindex="0" aria-label="Sessions of Child S &amp; Child T in 2025">'
    )


def test_a_scroll_region_round_a_table_without_a_caption_is_refused():
    template = Template("{% load core_tables %}{% scroll_region %}<table></table>{% endscroll_region %}")

    with pytest.raises(TemplateSyntaxError, match="needs a table with a caption"):
        template.render(Context())
