"""The table rows drawn in Python (core/table_rows.py) say exactly what django-tables2's own template says.

Each table here is drawn twice: by tables2's template loop over row.items, and by {% table_body %}; the two <tbody>s
must be the same HTML (whitespace between tags aside).
"""

import re
from datetime import date

import django_tables2 as tables
import pytest
from django.template import Context, Template
from django.test.html import parse_html
from django.utils.html import format_html

from audit import tables as audit_tables
from core.table_rows import ColumnDrawer
from mscb.retention import tables as retention_tables
from objectives import tables as objectives_tables
from objectives.models import Action
from objectives.notifications import tables as notification_tables
from objectives.tables import ActionTable
from reviews import tables as reviews_tables
from tests.factories import ActionFactory, AgencyFactory
from training import tables as training_tables

TABLES2_TBODY = Template(
    """{% load django_tables2 l10n %}<tbody {{ table.attrs.tbody.as_html }}>
    {% for row in table.paginated_rows %}<tr {{ row.attrs.as_html }}>{% for column, cell in row.items %}
    <td {{ column.attrs.td.as_html }}>{% if column.localize == None %}{{ cell }}{% else %}{% if column.localize %}\
{{ cell|localize }}{% else %}{{ cell|unlocalize }}{% endif %}{% endif %}</td>{% endfor %}</tr>
    {% empty %}{% if table.empty_text %}<tr><td colspan="{{ table.columns|length }}">{{ table.empty_text }}</td></tr>\
{% endif %}{% endfor %}</tbody>"""
)
OURS = Template("{% load core_tables %}{% table_body table %}")


def both_ways(table_class, data, **kwargs):
    theirs = TABLES2_TBODY.render(Context({"table": table_class(data, **kwargs)}))
    ours = OURS.render(Context({"table": table_class(data, **kwargs)}))
    return parse_html(theirs), parse_html(ours), ours


class Thing:
    def __init__(self, name, count=None, when=None, url="/things/1/"):
        self.name, self.count, self.when, self.url = name, count, when, url

    def get_absolute_url(self):
        return self.url


class EverythingTable(tables.Table):
    caption = "Things"
    name = tables.Column(linkify=True, attrs={"td": {"class": "name"}})
    count = tables.Column(default="None given", attrs={"td": {"data-label": lambda bound_column: bound_column.header}})
    when = tables.DateColumn("j F Y")
    shouted = tables.Column(accessor="name", empty_values=())
    nothing = tables.Column(empty_values=())
    kwargs = tables.Column(accessor="count", empty_values=(), localize=True)
    wants_more = tables.Column(accessor="name")
    plain = tables.Column(accessor="name")

    def render_shouted(self, value, record, bound_row):
        return format_html("<b>{}</b> {}", value.upper(), bound_row.row_counter)

    def render_nothing(self):
        return None

    def render_kwargs(self, **kwargs):
        return kwargs["value"]

    def render_wants_more(self, value, something_tables2_never_offers):
        return "never drawn"


def test_cells_are_the_same_as_tables2s_linkified_defaulted_rendered_escaped_and_localised():
    things = [Thing("<Pear & co>", 3, date(2026, 3, 1)), Thing("Apple", None, None, url="/a?b=1&c=2"), Thing("", 1234)]

    theirs, ours, html = both_ways(EverythingTable, things)

    assert ours == theirs
    assert "&lt;PEAR &amp; CO&gt;" in html
    assert ">&lt;Pear &amp; co&gt;</td>" in html
    assert 'href="/a?b=1&amp;c=2"' in html


def test_a_model_fields_choices_print_as_their_words_as_in_tables2(db):
    ActionFactory(status=Action.Status.WITHDRAWN, lead_agencies=[AgencyFactory(name="Police")])
    actions = Action.objects.for_table()

    theirs, ours, html = both_ways(ActionTable, actions)

    assert ours == theirs
    assert ">Withdrawn</td>" in html


class RowAttrsTable(tables.Table):
    caption = "Things"
    name = tables.Column(attrs={"td": {"class": lambda record: "odd-one" if record.name == "Pear" else None}})
    count = tables.Column(attrs={"td": {"data-value": lambda value: value}})

    class Meta:
        row_attrs = {"data-name": lambda record: record.name}


def test_td_attributes_that_ask_for_the_row_are_worked_out_for_each_row():
    theirs, ours, html = both_ways(RowAttrsTable, [Thing("Pear", 1), Thing("Apple", 2)])

    assert ours == theirs
    assert '<td class="odd-one">Pear</td>' in html
    assert '<td data-value="2">2</td>' in html


def test_an_empty_table_says_its_empty_text_across_every_column():
    class EmptyTable(tables.Table):
        caption = "Nothing"
        name = tables.Column()
        count = tables.Column()

        class Meta:
            empty_text = "Nothing <here> yet."

    theirs, ours, html = both_ways(EmptyTable, [])

    assert ours == theirs
    assert '<td colspan="2">Nothing &lt;here&gt; yet.</td>' in html


def test_a_row_header_table_heads_each_row_with_its_first_cell():
    html = Template("{% load core_tables %}{% table_body table row_header=True %}").render(
        Context({"table": EverythingTable([Thing("Pear", 3)])})
    )

    assert re.search(r'<th scope="row" class="name"><a href="/things/1/">Pear</a></th>', html)


SITE_TABLES = [
    table
    for module in (
        objectives_tables,
        reviews_tables,
        training_tables,
        audit_tables,
        retention_tables,
        notification_tables,
    )
    for table in vars(module).values()
    if isinstance(table, type) and issubclass(table, tables.Table) and table.__module__ == module.__name__
]


@pytest.mark.parametrize("table_class", SITE_TABLES, ids=lambda table: table.__name__)
def test_the_sites_tables_work_out_each_columns_td_attributes_once(table_class):
    # A td attribute that takes the row would be worked out again for every cell: right, but slow on a long list.
    table = table_class([])

    assert not [column.name for column in table.columns if ColumnDrawer(column, table).td_depends_on_row]
