"""The action list filter's selects: drawn in Python, the same HTML as Django's templates; options in one query."""

from django import forms
from django.db import connection
from django.test.utils import CaptureQueriesContext

from objectives.filters import ActionFilter, Select
from objectives.models import Action
from tests.factories import AgencyFactory, BusinessPlanFactory

CHOICES = [
    ("", "Any <rating>"),
    ("Scale & co", [("1:red", "Red"), ("1:amber", 'Amber & "orange"')]),
    ("none", "No update"),
    (7, 7),
]


def test_the_select_is_djangos_own_html_with_groups_selection_escaping_and_attributes():
    attrs = {"id": "id_rag", "class": "select form-select", "required": True, "disabled": False, "data-x": "a<b"}
    for value in ("", "1:amber", "none", 7, None):
        ours = Select(choices=CHOICES).render("rag", value, attrs=attrs)
        djangos = forms.Select(choices=CHOICES).render("rag", value, attrs=attrs)

        assert ours == djangos


def test_the_filter_form_draws_its_model_choices_without_a_server_side_cursor(db):
    AgencyFactory(short_name="Police & Crime")
    BusinessPlanFactory(title="2025/26")
    form = ActionFilter({}, queryset=Action.objects.all(), rating_scales=[]).form

    with CaptureQueriesContext(connection) as queries:
        html = str(form["lead_agency"]) + str(form["plan"]) + str(form["objective"])

    assert "Police &amp; Crime</option>" in html
    assert len(queries) == 3
    assert not [query for query in queries if "CURSOR" in query["sql"].upper()]
