"""The action list's filters: every narrowing the list offers, applied to Action.objects.for_table()."""

import django_filters
from django import forms
from django.db.models import Q
from django.template.defaultfilters import truncatechars
from django.utils import formats
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeData, mark_safe
from django.utils.timezone import localdate
from django_filters.fields import ModelChoiceField, ModelChoiceIterator

from core.models import RatingScale
from core.rating import NO_UPDATE as NO_UPDATE_RATING
from core.rating import Scale

from .models import Action, Agency, BusinessPlan, Objective, PlanShape

NO_UPDATE = "none"
YES_NO = [("yes", "Yes"), ("no", "No")]


class Select(forms.Select):
    """Django's <select>, drawn in Python: the same HTML as its select.html and select_option.html templates.

    The filter offers some sixty options, and a template include for each was a sixth of the action list's time.
    Named as Django's is because crispy gives the element a class named after its widget's class ("select").
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [format_html('<select name="{}"{}>', widget["name"], _attributes(widget["attrs"]))]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html('\n  <optgroup label="{}">', group_name))
            parts.extend(
                format_html(
                    '\n  <option value="{}"{}>{}</option>\n',
                    _as_string(option["value"]),
                    _attributes(option["attrs"]),
                    formats.localize(option["label"]),
                )
                for option in options
            )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # each part is format_html's, so escaped


def _as_string(value):
    # As the template's `value|stringformat:'s'`, which keeps safe text safe.
    text = f"{value}"
    return mark_safe(text) if isinstance(value, SafeData) else text


def _attributes(attrs: dict) -> str:
    """As django/forms/widgets/attrs.html: ` name="value"`, ` name` for True, nothing for False."""
    parts = []
    for name, value in attrs.items():
        if value is True:
            parts.append(f" {conditional_escape(name)}")
        elif value is not False:
            parts.append(f' {conditional_escape(name)}="{conditional_escape(_as_string(value))}"')
    return mark_safe("".join(parts))  # escaped above


class _OneQueryIterator(forms.models.ModelChoiceIterator):
    # Django reads a model choice field's options through queryset.iterator(), which on PostgreSQL is a server-side
    # cursor (DECLARE ... WITH HOLD, FETCH, CLOSE): worth it for thousands of rows, not for a filter's few dozen.
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:
            yield self.choice(obj)


class FetchedChoiceIterator(ModelChoiceIterator, _OneQueryIterator):
    """django-filter's choices (with its null choice), read in one plain query rather than through a cursor."""


class FetchedChoiceField(ModelChoiceField):
    iterator = FetchedChoiceIterator
    widget = Select


class FetchedChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = FetchedChoiceField


class ObjectiveChoiceField(FetchedChoiceField):
    # Objective refs repeat from plan to plan, so each choice says which plan it is in.
    def label_from_instance(self, obj):
        return f"{obj.ref} {truncatechars(obj.title, 50)} ({obj.plan.title})"


class ObjectiveFilter(django_filters.ModelChoiceFilter):
    field_class = ObjectiveChoiceField


def rating_scales_in_use(plan_pk: str | None = None) -> list[Scale]:
    """The scales (with levels) of the plans the list may show, or of the one plan chosen: two queries.

    Every reader sees every plan, so these are the scales of all plans; RAG comes too, as actions of no plan use it.
    """
    plans = BusinessPlan.objects.all()
    if plan_pk and plan_pk.isdigit():
        plans = plans.filter(pk=plan_pk)
    rows = RatingScale.objects.filter(pk__in=plans.values("rating_scale_id")).prefetch_related("levels")
    return [scale for scale in (row.as_scale() for row in rows) if not scale.is_none]


def objectives_offered(plan_pk: str | None, chosen_pk: str | None):
    """The objectives the filter offers: the chosen plan's, else the current plans'; and the one already chosen.

    Only tree plans show their objectives; the others' are implicit and never offered. An objective of an older plan
    stays valid when a link names it, so the list it filters still works.
    """
    plans = BusinessPlan.objects.filter(pk=plan_pk) if _is_id(plan_pk) else BusinessPlan.objects.current(localdate())
    offered = Q(plan__in=plans)
    if _is_id(chosen_pk):
        offered |= Q(pk=chosen_pk)
    return (
        Objective.objects.not_hidden()
        .filter(offered, plan__shape=PlanShape.TREE)
        .select_related("plan")
        .order_by("-plan__starts_on", "sort_key")
    )


def _is_id(value) -> bool:
    return isinstance(value, str) and value.isascii() and value.isdigit() and len(value) < 10


def rating_choices(scales: list[Scale]) -> list:
    """The rating filter's choices: each scale's levels under its title (as "scale id:code"), then No update."""
    grouped = [
        (scale.title, [(f"{scale.pk}:{level.value}", level.label) for level in scale.levels]) for scale in scales
    ]
    return [*grouped, (NO_UPDATE, NO_UPDATE_RATING.label)]


class ActionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Search", method="filter_text", help_text="A reference or words in the action.")
    plan = FetchedChoiceFilter(label="Business plan", queryset=BusinessPlan.objects.all(), empty_label="Any plan")
    # Narrowed to the plans listed when the filter is made (objectives_offered), so the form never grows with them.
    objective = ObjectiveFilter(queryset=Objective.objects.none(), empty_label="Any objective")
    lead_agency = FetchedChoiceFilter(
        label="Lead agency", field_name="lead_agencies", queryset=Agency.objects.all(), empty_label="Any agency"
    )
    rag = django_filters.ChoiceFilter(
        label="Latest rating", choices=[], method="filter_rag", empty_label="Any rating", widget=Select
    )
    status = django_filters.ChoiceFilter(choices=Action.Status.choices, empty_label="Any status", widget=Select)
    overdue = django_filters.ChoiceFilter(
        label="Overdue", choices=YES_NO, method="filter_overdue", empty_label="Either", widget=Select
    )

    class Meta:
        model = Action
        fields = ["q", "plan", "objective", "lead_agency", "rag", "status", "overdue"]

    def __init__(self, *args, rating_scales: list[Scale], **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["objective"].queryset = objectives_offered(self.data.get("plan"), self.data.get("objective"))
        # A rating is a level of one scale, so two scales' "red" (or "1") are told apart by the scale's id.
        if rating_scales:
            self.filters["rag"].extra["choices"] = rating_choices(rating_scales)
        else:
            del self.filters["rag"]

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(ref__startswith=value) | Q(text__icontains=value))

    def filter_rag(self, queryset, name, value):
        # The rating that counts is the latest accepted update's, annotated by for_table().
        if value == NO_UPDATE:
            return queryset.filter(Q(latest_rag__isnull=True) | Q(latest_rag=""))
        scale_pk, _, code = value.partition(":")
        return queryset.filter(plan__rating_scale_id=scale_pk, latest_rag=code)

    def filter_overdue(self, queryset, name, value):
        if value == "yes":
            return queryset.overdue()
        return queryset.exclude(pk__in=Action.objects.overdue().values("pk"))
