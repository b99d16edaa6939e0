"""The review register's filters: kind, status, overdue and agency, applied to the reviews a user may see."""

import django_filters
from django.db.models import Q
from django_filters.fields import ModelChoiceField

from objectives.models import Action, Agency

from .models import Recommendation, RecommendationAction, Review

YES_NO = [("yes", "Yes"), ("no", "No")]
NOT_CLOSED = "not_closed"


class AgencyChoiceField(ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class AgencyFilter(django_filters.ModelChoiceFilter):
    field_class = AgencyChoiceField


class ReviewFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=Review.Kind.choices, empty_label="Any kind")
    # Closed reviews stay in the register by default; "Any but closed" is the quick way to hide them.
    status = django_filters.ChoiceFilter(
        choices=[(NOT_CLOSED, "Any but closed"), *Review.Status.choices],
        method="filter_status",
        empty_label="Any status",
    )
    overdue = django_filters.ChoiceFilter(
        label="Next step overdue", choices=YES_NO, method="filter_overdue", empty_label="Either"
    )
    agency = AgencyFilter(
        label="Agency",
        queryset=Agency.objects.order_by("name"),
        method="filter_agency",
        empty_label="Any agency",
        help_text="Reviews with a recommendation for this agency or an action it leads.",
    )

    class Meta:
        model = Review
        fields = ["kind", "status", "overdue", "agency"]

    def filter_status(self, queryset, name, value):
        if value == NOT_CLOSED:
            return queryset.open()
        return queryset.filter(status=value)

    def filter_overdue(self, queryset, name, value):
        if value == "yes":
            return queryset.overdue()
        return queryset.exclude(pk__in=Review.objects.overdue().values("pk"))

    def filter_agency(self, queryset, name, value):
        # Subqueries rather than joins, so a review with many matching rows is listed once, without distinct().
        for_agency = Recommendation.objects.filter(agencies=value).values("review_id")
        shown = Action.objects.not_hidden().filter(lead_agencies=value)
        led = RecommendationAction.objects.filter(action__in=shown)
        return queryset.filter(Q(pk__in=for_agency) | Q(pk__in=led.values("recommendation__review_id")))
