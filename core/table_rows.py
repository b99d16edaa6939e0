"""A django-tables2 table's <tbody>, drawn in Python: the same cells as tables2's template, at a fraction of the cost.

tables2 works out every cell through BoundRow.get_cell, which inspects the render method's signature and builds the
column's <td> attributes again for each cell, and its template then loops over them in Django's template language:
on a list of 25 rows and 8 columns that was most of the page's time. Here each column's accessor, render method's
arguments and <td> attributes are worked out once per table, and the cells are joined as strings.

The values are tables2's own: the same accessor lookups (with get_FOO_display for choices), empty values and
defaults, render_FOO methods, linkify, and a cell printed as `{{ cell }}` would print it (escaped, localised).
A <td> attribute that asks for the row's `record` or `value` is still worked out for each cell, as tables2 does;
tests/core/test_table_rows.py draws every table of the site both ways and compares them.
"""

from functools import cache

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.template import Template
from django.template.base import VariableNode
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe
from django_tables2.columns.linkcolumn import BaseLinkColumn
from django_tables2.columns.manytomanycolumn import ManyToManyColumn
from django_tables2.utils import A, signature

# What tables2 offers a render method, by name (BoundRow._optional_cell_arguments).
CELL_ARGUMENTS = ("value", "record", "column", "bound_column", "bound_row", "table")
ROW_ARGUMENTS = {"record", "value"}


@cache
def _cell_nodes() -> dict:
    """`{{ cell }}` as the site's table template prints it, by the column's `localize` (None, True or False)."""
    nodes = Template("{% load l10n %}{{ cell }}{{ cell|localize }}{{ cell|unlocalize }}").nodelist
    plain, localized, unlocalized = nodes.get_nodes_by_type(VariableNode)
    return {None: plain, True: localized, False: unlocalized}


def depends_on_row(attrs: dict) -> bool:
    """Whether any callable in these attributes (at any depth) takes the row's record or value."""
    for value in attrs.values():
        if callable(value):
            arguments, catch_all = signature(value)
            if catch_all or ROW_ARGUMENTS.intersection(arguments):
                return True
        if isinstance(value, dict) and depends_on_row(value):
            return True
    return False


class ColumnDrawer:
    """One column's cells; what does not change from row to row is worked out once."""

    def __init__(self, bound_column, table):
        column = bound_column.column
        self.bound_column, self.column, self.table = bound_column, column, table
        self.accessor = A(bound_column.accessor)
        path, _, self.remainder = self.accessor.rpartition(self.accessor.SEPARATOR)
        self.path = A(path)
        self.display_method = f"get_{self.remainder}_display"
        self.choices_by_model = {}
        self.is_link_with_text = isinstance(column, BaseLinkColumn) and column.text is not None
        self.is_many_to_many = isinstance(column, ManyToManyColumn)
        self.empty_values = column.empty_values
        self.default = bound_column.default
        self.render_function = bound_column.render
        arguments, catch_all = signature(self.render_function)
        self.passes_all = bool(catch_all)
        self.arguments = arguments
        # tables2 calls no render method that asks for something it does not offer, and prints None.
        self.renders_nothing = not catch_all and any(name not in CELL_ARGUMENTS for name in arguments)
        self.link = bound_column.link
        # tables2 looks the value up even for a render method that ignores it, only to test it for emptiness: a
        # column with no empty values whose method takes no `value` skips the lookup (for a many-to-many accessor,
        # a related manager built anew, class and all, for every row).
        self.needs_value = bool(
            self.empty_values or self.is_many_to_many or self.link or catch_all or "value" in arguments
        )
        self.node = _cell_nodes()[bound_column.localize]
        self.td_depends_on_row = depends_on_row(self._td_attrs())
        self.td_attrs = None if self.td_depends_on_row else self._td_html()

    def _td_attrs(self) -> dict:
        # As BoundColumn.attrs merges them: the column's attributes over the table's, "td" else "cell".
        attrs = {**self.table.attrs, **self.column.attrs}
        return attrs.get("td", attrs.get("cell", {}))

    def _td_html(self) -> str:
        html = self.bound_column.attrs["td"].as_html()
        return f"<td {html}>" if html else "<td>"

    def _has_choices(self, record) -> bool:
        model = type(record)
        if model not in self.choices_by_model:
            try:
                field = self.accessor.get_field(record)
            except FieldDoesNotExist:
                field = None
            self.choices_by_model[model] = bool(getattr(field, "choices", ()))
        return self.choices_by_model[model]

    def value(self, row):
        """The cell's content, as BoundRow.get_cell gives it."""
        if not self.needs_value:
            return self.render(row, None)
        record = row.record
        value = None
        remainder = self.remainder
        penultimate = self.path.resolve(record, quiet=True)
        if isinstance(penultimate, models.Model) and self._has_choices(record):
            display = getattr(penultimate, self.display_method, None)
            if display:
                value = display()
                remainder = None
        if remainder:
            try:
                value = self.accessor.resolve(record)
            except Exception:
                if self.is_link_with_text:
                    return self.render(row, None)
        if value in self.empty_values or (self.is_many_to_many and not value.exists()):
            return self.default
        return self.render(row, value)

    def render(self, row, value):
        offered = {
            "value": value,
            "record": row.record,
            "column": self.column,
            "bound_column": self.bound_column,
            "bound_row": row,
            "table": self.table,
        }
        if self.passes_all:
            content = self.render_function(**offered)
        elif self.renders_nothing:
            content = None
        else:
            content = self.render_function(**{name: offered[name] for name in self.arguments})
        return self.link(content, **offered) if self.link else content

    def td(self, row, value) -> str:
        if not self.td_depends_on_row:
            return self.td_attrs
        # As BoundRow.items() leaves them for BoundColumn.attrs to pass to the callables.
        self.bound_column.current_value, self.bound_column.current_record = value, row.record
        return self._td_html()

    def printed(self, value, context) -> str:
        """`value` as `{{ cell }}` prints it: the common cases directly, anything else through the template."""
        if context.autoescape:
            if type(value) is SafeString:
                return value
            if type(value) is str:
                return escape(value)
        with context.push(cell=value):
            return self.node.render(context)


def tbody_html(table, context, *, row_header: bool = False) -> SafeString:
    """The table's <tbody>: a row per record on the page, or the empty text; the first cell a row header if asked."""
    drawers = [ColumnDrawer(bound_column, table) for bound_column in table.columns]
    parts = [_tag("tbody", table.attrs["tbody"].as_html())]
    row, values = None, []
    for row in table.paginated_rows:
        parts.append(_tag("tr", row.attrs.as_html()))
        values = [drawer.value(row) for drawer in drawers]
        for index, (drawer, value) in enumerate(zip(drawers, values, strict=True)):
            td = drawer.td(row, value)
            content = drawer.printed(value, context)
            if row_header and index == 0:
                parts.append(f'<th scope="row"{td[3:]}{content}</th>')
            else:
                parts.append(f"{td}{content}</td>")
        parts.append("</tr>\n")
    if row is None:
        if table.empty_text:
            parts.append(f'<tr><td colspan="{len(table.columns)}">{conditional_escape(table.empty_text)}</td></tr>\n')
    else:
        # BoundRow.items() leaves each column holding the last row's cell, which its footer's attributes may read.
        for drawer, value in zip(drawers, values, strict=True):
            drawer.bound_column.current_value, drawer.bound_column.current_record = value, row.record
    parts.append("</tbody>")
    # Every part above is escaped, or safe HTML from tables2 or a render method.
    return mark_safe("".join(parts))


def _tag(name: str, attrs: str) -> str:
    return f"<{name} {attrs}>\n" if attrs else f"<{name}>\n"
