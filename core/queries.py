"""Query shapes more than one page needs."""

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce


def count_of(queryset, column: str) -> Coalesce:
    """How many rows of `queryset` have `column` pointing at the outer row, as one subquery; 0 for none.

    For a list that shows a count beside each row (a plan's actions, an agency's contributors) in the list's one
    query, however many rows it has.
    """
    counted = queryset.filter(**{column: OuterRef("pk")}).values(column).annotate(total=Count("pk")).values("total")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)
