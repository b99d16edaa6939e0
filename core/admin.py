"""The admin's shared bases: every app's ModelAdmin and inline builds on these, so each form control has a name.

Django's admin leaves some controls nameless for a screen reader: the two inputs of a date-and-time field
(their "Date:" and "Time:" are bare text), every input and Delete tick in a tabular inline and every input in an
editable change list (their column heading is no <label>), and the filter_horizontal box (its script puts
aria-label on a <span>).
Nothing is registered here; the apps' admin.py files use these instead of Django's own classes.
"""

from functools import partial

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AdminSplitDateTime
from django.db import models
from django.forms.formsets import DELETION_FIELD_NAME
from django.forms.models import BaseInlineFormSet
from django.utils.html import format_html
from django.utils.text import capfirst
from simple_history.admin import SimpleHistoryAdmin


class LabelledSplitDateTime(AdminSplitDateTime):
    """The admin's date and time inputs, each named for its field: "Starts at: date", "Starts at: time"."""

    def __init__(self, label: str, attrs=None):
        super().__init__(attrs)
        date_input, time_input = self.widgets
        date_input.attrs["aria-label"] = f"{capfirst(label)}: date"
        time_input.attrs["aria-label"] = f"{capfirst(label)}: time"


class TickList(forms.CheckboxSelectMultiple):
    """Ticks in a group named for their field, so a screen reader says which list a tick belongs to.

    The admin's label for a many-to-many field points at no input, so the group needs a name of its own.
    """

    group_label = ""

    def render(self, name, value, attrs=None, renderer=None):
        ticks = super().render(name, value, attrs, renderer)
        return format_html('<div role="group" aria-label="{}">{}</div>', self.group_label, ticks)


def name_the_inputs(formfield, *, by_aria_label: bool):
    """Give a date-and-time field's two inputs names; with `by_aria_label`, name a one-input field too.

    A field in a table (an inline row, an editable change list) has a column heading but no <label>.
    """
    if formfield is None:
        return formfield
    widget = getattr(formfield.widget, "widget", formfield.widget)  # inside RelatedFieldWidgetWrapper
    if isinstance(widget, AdminSplitDateTime):
        formfield.widget = LabelledSplitDateTime(formfield.label, attrs=widget.attrs)
    elif isinstance(widget, TickList):
        widget.group_label = capfirst(formfield.label)
    elif by_aria_label:
        widget.attrs["aria-label"] = capfirst(formfield.label)
    return formfield


class NamedControlsMixin:
    """Names every control an admin form renders; ticks in place of filter_horizontal's inaccessible box."""

    formfield_overrides = {models.ManyToManyField: {"widget": TickList}}
    # Whether the form's fields sit in a table, under column headings rather than beside labels.
    fields_sit_in_a_table = False

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        return name_the_inputs(formfield, by_aria_label=self.fields_sit_in_a_table)

    def get_changelist_formset(self, request, **kwargs):
        # list_editable's inputs sit in the change list's table, each under its column heading.
        kwargs.setdefault("formfield_callback", partial(self._formfield_in_a_table, request=request))
        return super().get_changelist_formset(request, **kwargs)

    def _formfield_in_a_table(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        return name_the_inputs(formfield, by_aria_label=True)


class NamedDeleteTicks(BaseInlineFormSet):
    """Each saved row's Delete tick named for its row, "Delete Round 2", as the tick has no <label> in a table."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if DELETION_FIELD_NAME in form.fields and form.instance.pk is not None:
            form.fields[DELETION_FIELD_NAME].widget.attrs["aria-label"] = f"Delete {form.instance}"


class ModelAdmin(NamedControlsMixin, admin.ModelAdmin):
    pass


class HistoryAdmin(NamedControlsMixin, SimpleHistoryAdmin):
    # simple_history's own list, wrapped in a scroll region a keyboard can reach, so the page reflows at 320 px.
    object_history_list_template = "admin/change_history_region.html"


class TabularInline(NamedControlsMixin, admin.TabularInline):
    fields_sit_in_a_table = True
    formset = NamedDeleteTicks


class StackedInline(NamedControlsMixin, admin.StackedInline):
    pass
