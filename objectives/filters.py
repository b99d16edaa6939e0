"""The action list's filters: every narrowing the list offers, applied to Action.objects.for_table()."""

import django_filters
from django.db.models import Q
from django.template.defaultfilters import truncatechars
from django_filters.fields import ModelChoiceField

from core.rating import PALETTE

from .models import Action, Agency, BusinessPlan, Objective, PlanShape

NO_UPDATE = "none"
YES_NO = [("yes", "Yes"), ("no", "No")]


class ObjectiveChoiceField(ModelChoiceField):
    # Objective refs repeat from plan to plan, so each choice says which plan it is in.
    def label_from_instance(self, obj):
        return f"{obj.ref} {truncatechars(obj.title, 50)} ({obj.plan.title})"


class ObjectiveFilter(django_filters.ModelChoiceFilter):
    field_class = ObjectiveChoiceField


class ActionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Search", method="filter_text", help_text="A reference or words in the action.")
    plan = django_filters.ModelChoiceFilter(
        label="Business plan", queryset=BusinessPlan.objects.all(), empty_label="Any plan"
    )
    # Only tree plans show their objectives; the others' are implicit and never offered.
    objective = ObjectiveFilter(
        queryset=Objective.objects.not_hidden()
        .filter(plan__shape=PlanShape.TREE)
        .select_related("plan")
        .order_by("-plan__starts_on", "sort_key"),
        empty_label="Any objective",
    )
    lead_agency = django_filters.ModelChoiceFilter(
        label="Lead agency", field_name="lead_agencies", queryset=Agency.objects.all(), empty_label="Any agency"
    )
    rag = django_filters.ChoiceFilter(
        label="Latest RAG",
        choices=[(rating.value or NO_UPDATE, rating.label) for rating in PALETTE],
        method="filter_rag",
        empty_label="Any RAG",
    )
    status = django_filters.ChoiceFilter(choices=Action.Status.choices, empty_label="Any status")
    overdue = django_filters.ChoiceFilter(
        label="Overdue", choices=YES_NO, method="filter_overdue", empty_label="Either"
    )

    class Meta:
        model = Action
        fields = ["q", "plan", "objective", "lead_agency", "rag", "status", "overdue"]

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(ref__startswith=value) | Q(text__icontains=value))

    def filter_rag(self, queryset, name, value):
        # The RAG that counts is the latest update's, annotated by for_table().
        if value == NO_UPDATE:
            return queryset.filter(latest_rag__isnull=True)
        return queryset.filter(latest_rag=value)

    def filter_overdue(self, queryset, name, value):
        if value == "yes":
            return queryset.overdue()
        return queryset.exclude(pk__in=Action.objects.overdue().values("pk"))
