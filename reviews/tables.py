"""The review register and the CDOP years. Columns only format: the views fetch what they show."""

import django_tables2 as tables
from django.template.loader import render_to_string

from core.formats import DATE_FORMAT

from .models import NOT_RECORDED, CdopYear, Review

# Figures line up on the right, under a heading that does too.
NUMBER = {"th": {"class": "text-end"}, "td": {"class": "text-end"}}


class ReviewTable(tables.Table):
    caption = "Case reviews by anonymised name, with the next step each waits for"
    name = tables.Column(linkify=True, verbose_name="Review")
    kind = tables.Column()
    status = tables.Column()
    subgroup = tables.Column(accessor="subgroup__name", verbose_name="Owning subgroup", default="None")
    next_step = tables.Column(verbose_name="Next step", empty_values=())

    class Meta:
        model = Review
        fields = ("name", "kind", "status", "subgroup", "next_step")
        orderable = False

    def render_kind(self, record):
        # In the words of the guidance the review began under: a local review from before 2018 is a serious case review.
        return record.kind_term

    def render_next_step(self, record):
        return render_to_string("reviews/_next_step.html", {"step": record.next_step})


class CdopYearTable(tables.Table):
    caption = "CDOP years, newest first"
    title = tables.Column(linkify=True, verbose_name="Year")
    ends_on = tables.DateColumn(DATE_FORMAT, verbose_name="Year ends")
    # Blank in the database means the report did not give the figure, which is not 0.
    deaths_reviewed = tables.Column(verbose_name="Deaths reviewed", attrs=NUMBER, default=NOT_RECORDED)
    with_modifiable_factors = tables.Column(verbose_name="With modifiable factors", attrs=NUMBER, default=NOT_RECORDED)
    action_count = tables.Column(verbose_name="Actions", attrs=NUMBER)
    rag_counts = tables.Column(verbose_name="Actions by latest rating", empty_values=())

    class Meta:
        model = CdopYear
        fields = ("title", "ends_on", "deaths_reviewed", "with_modifiable_factors", "action_count", "rag_counts")
        orderable = False

    def render_with_modifiable_factors(self, value, record):
        percent = record.modifiable_percent
        return value if percent is None else f"{value} ({percent}%)"

    def render_rag_counts(self, value, record):
        if not record.action_count:
            return "No actions yet"
        return render_to_string("objectives/_rating_tallies.html", {"tallies": value})
