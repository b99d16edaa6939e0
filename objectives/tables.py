"""The lists of plans, actions, people, published reports and deleted items.

Columns only format: the views' querysets fetch what they show, but for the action list's lead agencies, which
ActionTable reads for the page it shows in one query.
"""

from collections.abc import Iterable

import django_tables2 as tables
from django.contrib.auth import get_user_model
from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.template.defaultfilters import truncatewords
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from core import rating
from core.formats import DATE_FORMAT, DATETIME_FORMAT, display_name
from core.models import RatingLevel

from .models import Action, Agency, BusinessPlan
from .selectors.report import lead_agency_lists
from .services import people
from .templatetags.objectives_tags import action_target

User = get_user_model()

# Ascending rating follows each plan's own scale by the levels' ranks (RAG: not started, red, amber, green,
# complete); no update (or a code the scale lacks) sorts first. Worked out in SQL, so sorting costs no query.
RATING_RANK = Coalesce(
    Subquery(
        RatingLevel.objects.filter(scale_id=OuterRef("plan__rating_scale_id"), code=OuterRef("latest_rag")).values(
            "rank"
        )[:1]
    ),
    Value(rating.NO_UPDATE.rank),
)


class PlanTable(tables.Table):
    caption = "Business plans"
    title = tables.Column(linkify=True, verbose_name="Business plan")
    starts_on = tables.DateColumn(DATE_FORMAT)
    ends_on = tables.DateColumn(DATE_FORMAT)
    action_count = tables.Column(verbose_name="Actions", attrs={"td": {"class": "text-end"}})
    # Not BusinessPlan.latest_round, which would query once per row; read from the prefetched rounds instead.
    latest_round = tables.Column(verbose_name="Latest progress round", accessor="pk", orderable=False)

    class Meta:
        model = BusinessPlan
        fields = ("title", "starts_on", "ends_on", "action_count", "latest_round")
        order_by = ("-starts_on",)
        empty_text = "There are no business plans yet."

    def render_latest_round(self, record):
        rounds = record.rounds.all()
        if not rounds:
            return "None yet"
        latest = rounds[0]
        return format_html('<a href="{}">{}</a>', latest.get_absolute_url(), latest.label)


# The action list is a stacked table (static/css/stacked.css): below the lg breakpoint each row is a block and each
# cell shows its column's heading from data-label. Its headings are sort links, which stay on screen as a row of links
# (has-sort-links). Every part has its ARIA role too, for browsers that drop a table's semantics when it is restyled;
# the header row's <tr> is the shared template's (templates/includes/sortable_table.html) and keeps its implicit row.
STACKED_TABLE_ATTRS = {
    "class": "table table-striped align-middle stacked-table has-sort-links",
    "role": "table",
    "thead": {"role": "rowgroup"},
    "tbody": {"role": "rowgroup"},
    "th": {"role": "columnheader"},
    "td": {"role": "cell", "data-label": lambda bound_column: bound_column.header},
}


class ActionTable(tables.Table):
    caption = "Actions matching the filters"
    ref = tables.Column(order_by=("sort_key", "plan__starts_on", "pk"), verbose_name="Ref")
    text = tables.Column(verbose_name="Action", orderable=False)
    plan = tables.Column(verbose_name="Plan", accessor="plan__title", order_by=("plan__starts_on", "sort_key", "pk"))
    # An action's place in its plan: its objective, a two-level plan's priority, nothing in a list plan.
    objective = tables.Column(
        verbose_name="Part of", accessor="objective__ref", order_by=("objective__sort_key", "sort_key", "pk")
    )
    lead_agencies = tables.Column(verbose_name="Lead agencies", empty_values=(), orderable=False)
    target_on = tables.Column(verbose_name="Target", order_by=("target_on", "sort_key", "pk"))
    status = tables.Column(order_by=("status", "sort_key", "pk"))
    latest_rag = tables.Column(verbose_name="Latest rating", empty_values=())

    class Meta:
        model = Action
        fields = ("ref", "text", "plan", "objective", "lead_agencies", "target_on", "status", "latest_rag")
        empty_text = "No actions match these filters."
        attrs = STACKED_TABLE_ATTRS
        row_attrs = {"role": "row"}

    def __init__(self, *args, scales: Iterable[rating.Scale] = (), **kwargs):
        """`scales`: the rating scales (with their levels) of the plans listed, which the view read for the rating
        filter; a scale not given is read from a row's plan, once."""
        super().__init__(*args, **kwargs)
        # The ref and the text both link to the action, and the rows of an objective to it: each address is worked
        # out once per page rather than for every link.
        self._urls: dict[tuple[type, int], str] = {}
        # Each row holds its own copy of its plan, whose scale would be built again from its levels for every row.
        self._scales: dict[int, rating.Scale] = {scale.pk: scale for scale in scales}

    def _url_of(self, instance) -> str:
        key = (type(instance), instance.pk)
        if key not in self._urls:
            self._urls[key] = instance.get_absolute_url()
        return self._urls[key]

    def render_ref(self, value, record):
        return format_html('<a href="{}">{}</a>', self._url_of(record), value)

    def render_text(self, value, record):
        return format_html('<a href="{}">{}</a>', self._url_of(record), truncatewords(value, 15))

    def render_objective(self, value, record):
        plan = record.plan
        if plan is None or not plan.has_aims:
            return ""
        if plan.has_objectives:
            return format_html('<a href="{}">{} {}</a>', self._url_of(record.objective), plan.objective_name, value)
        aim = record.objective.aim
        return format_html('<a href="{}">{} {}</a>', self._url_of(aim), plan.aim_name, aim.number)

    def render_lead_agencies(self, record):
        return format_html_join(", ", "{}", ((str(agency),) for agency in self._lead_agencies[record.pk])) or "—"

    # The lead agencies of the page's actions in one light query, as the plan page reads them: a prefetch built a
    # related manager and a queryset for every row.
    @cached_property
    def _lead_agencies(self) -> dict[int, list[Agency]]:
        return lead_agency_lists([row.record.pk for row in self.paginated_rows])

    def render_target_on(self, record):
        return action_target(record)

    def render_latest_rag(self, value, record):
        # On the action's own plan's scale (given by the view, or read from the plan once); a blank rating prints
        # nothing.
        return self._scale_of(record.plan).badge(value)

    def _scale_of(self, plan) -> rating.Scale:
        if plan is None:
            return rating.RAG
        if plan.rating_scale_id not in self._scales:
            self._scales[plan.rating_scale_id] = plan.scale
        return self._scales[plan.rating_scale_id]

    def order_latest_rag(self, queryset, is_descending):
        queryset = queryset.annotate(rag_rank=RATING_RANK).order_by(
            "-rag_rank" if is_descending else "rag_rank", "sort_key", "pk"
        )
        return queryset, True


class PersonTable(tables.Table):
    caption = "People matching the filters"
    name = tables.Column(verbose_name="Name", empty_values=(), order_by=("last_name", "first_name", "username"))
    email = tables.Column(verbose_name="Work e-mail")
    agencies = tables.Column(verbose_name="Agencies", empty_values=(), orderable=False)
    role = tables.Column(verbose_name="Role", empty_values=(), orderable=False)
    is_active = tables.Column(verbose_name="Active", order_by=("-is_active", "last_name", "first_name"))
    last_login = tables.DateTimeColumn(verbose_name="Last signed in", format=DATETIME_FORMAT, default="Never")

    class Meta:
        model = User
        fields = ("name", "email", "agencies", "role", "is_active", "last_login")
        order_by = ("name",)
        empty_text = "Nobody matches these filters."

    def render_name(self, record):
        name = display_name(record)
        if record.is_superuser:
            return name
        return format_html('<a href="{}">{}</a>', reverse("objectives:person_update", args=[record.pk]), name)

    def render_agencies(self, record):
        return ", ".join(agency.name for agency in record.agencies.all()) or "—"

    def render_role(self, record):
        return people.role_label(record)

    def render_is_active(self, value):
        return "Active" if value else "Deactivated"


class PublishedReportTable(tables.Table):
    caption = "Published reports, newest first"
    title = tables.Column(linkify=True, verbose_name="Report")
    round = tables.Column(accessor="round__label", verbose_name="Round")
    published_at = tables.TemplateColumn(
        '<time datetime="{{ value|date:\'c\' }}">{{ value|date:"DATETIME_FORMAT" }}</time>', verbose_name="Published"
    )
    published_by = tables.Column(verbose_name="By", empty_values=())
    files = tables.TemplateColumn(template_name="objectives/_published_files.html", verbose_name="Files")

    class Meta:
        orderable = False

    def render_published_by(self, value):
        if value is None:
            return "Unknown"
        return display_name(value, missing="Unknown")


class HiddenItemTable(tables.Table):
    caption = "Hidden aims, objectives and actions, most recently hidden first"
    label = tables.Column(verbose_name="Item")
    plan = tables.Column(accessor="plan__title", verbose_name="Business plan", default="—")
    description = tables.Column(verbose_name="Title or action")
    hidden_by = tables.Column(verbose_name="Hidden by")
    hidden_at = tables.DateTimeColumn(format=DATETIME_FORMAT, verbose_name="Hidden on", default="Not recorded")
    restore = tables.TemplateColumn(
        template_name="objectives/_restore_button.html",
        verbose_name=mark_safe('<span class="visually-hidden">Restore</span>'),
        empty_values=(),
    )

    class Meta:
        orderable = False

    def render_description(self, value):
        return truncatewords(value, 25)


class AgencyTable(tables.Table):
    caption = "Agencies, by name"
    name = tables.Column(verbose_name="Agency")
    short_name = tables.Column(verbose_name="Short name", default="—")
    is_statutory_partner = tables.Column(verbose_name="Statutory partner")
    is_active = tables.Column(verbose_name="Status")
    action_count = tables.Column(verbose_name="Actions it leads", attrs={"td": {"class": "text-end"}})
    contributor_count = tables.Column(verbose_name="Contributors", attrs={"td": {"class": "text-end"}})
    change = tables.Column(verbose_name="Change", empty_values=(), orderable=False)

    class Meta:
        model = Agency
        fields = ("name", "short_name", "is_statutory_partner", "is_active", "action_count", "contributor_count")
        order_by = ("name",)
        empty_text = "No agencies yet."

    def render_is_statutory_partner(self, value):
        return "Statutory partner" if value else "No"

    def render_is_active(self, value):
        return "Active" if value else "Inactive"

    def render_change(self, record):
        return format_html(
            '<a href="{}">Edit<span class="visually-hidden"> {}</span></a> · '
            '<a href="{}">Merge<span class="visually-hidden"> {}</span> into another agency</a>',
            reverse("objectives:agency_update", args=[record.pk]),
            record.name,
            reverse("objectives:agency_merge", args=[record.pk]),
            record.name,
        )
