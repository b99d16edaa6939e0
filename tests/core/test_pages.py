"""The shared page pieces: breadcrumb trails, the table template and the "someone saved before you" panel."""

from types import SimpleNamespace

import django_tables2 as tables
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from core.views import trail


class Page:
    def __init__(self, name: str, url: str):
        self.name, self.url = name, url

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return self.url


def test_a_trail_starts_at_the_list_and_skips_what_is_missing():
    plan = Page("2025/26", "/plans/1/")

    assert trail("Business plans", "objectives:plan_list", plan, None) == [
        ("Business plans", reverse("objectives:plan_list")),
        ("2025/26", "/plans/1/"),
    ]


class FruitTable(tables.Table):
    caption = "Fruit, sweetest first"
    name = tables.Column()
    count = tables.Column(attrs={"td": {"class": "text-end"}})

    class Meta:
        orderable = False
        template_name = "includes/table.html"


def test_the_table_template_names_each_row_and_reads_out_its_caption():
    html = FruitTable([{"name": "Pear", "count": 3}]).as_html(RequestFactory().get("/"))

    assert '<table class="table table-striped align-middle">' in html
    assert '<caption class="visually-hidden">Fruit, sweetest first</caption>' in html
    assert '<th scope="row">Pear</th>' in html
    assert '<td class="text-end">3</td>' in html


def test_the_conflict_panel_names_who_saved_and_keeps_the_writers_text():
    conflict = SimpleNamespace(saved_by="Dee Puty", message="Dee Puty saved it at 10:00.", saved=Page("Child S", "/"))

    context = {"conflict": conflict, "conflict_noun": "this review"}

    html = render_to_string(
        "includes/_conflict.html", {**context, "conflict_template": "reviews/_recommendation_saved.html"}
    )

    assert "Dee Puty saved this review while you were editing it" in html
    assert "Your changes are still in the form below. Merge the two, then save again." in html
