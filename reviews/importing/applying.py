"""Write a checked review action plan to the database, all or nothing."""

from django.db import transaction
from django.db.models import F
from simple_history.utils import update_change_reason

from objectives.importing.cells import SheetRow

from ..models import Recommendation, Review
from ..services import add_recommendation_action
from .checking import ReviewChanges, check_rows


@transaction.atomic
def import_rows(rows: list[SheetRow], *, review: Review, reason: str, dry_run: bool = False) -> ReviewChanges:
    """Check the rows against the review as it is now and, if every row is good, write them all.

    Any problem, or a dry run, writes nothing; the result says what was (or would be) done.
    """
    # Two imports into one review run one after the other, so the second finds the first's actions already there.
    review = Review.objects.select_for_update().get(pk=review.pk)
    changes = check_rows(rows, review=review)
    if changes.can_apply and not dry_run:
        apply_changes(changes, reason=reason)
    return changes


@transaction.atomic
def apply_changes(changes: ReviewChanges, *, reason: str) -> None:
    """Create the new recommendations and actions and add the new agencies; a ValidationError undoes everything."""
    reason = reason[:100]  # the history's change reason holds 100 characters
    recommendations = {}
    for new in changes.new_recommendations:
        recommendation = Recommendation(review=changes.review, number=new.number, text=new.text)
        # Checked already, but the review may have changed since (another manager added recommendation 3).
        recommendation.full_clean()
        recommendation._change_reason = reason
        recommendation.save()
        recommendation.agencies.set(new.agencies)
        recommendations[new.number] = recommendation
    for added in changes.added_agencies:
        added.recommendation.agencies.add(*added.agencies)
        # A form opened on the recommendation before the import must not save over the new agencies.
        Recommendation.objects.filter(pk=added.recommendation.pk).update(version=F("version") + 1)
    for new in changes.new_actions:
        recommendation = new.recommendation or recommendations[new.number]
        target_on, target_is_month = new.target or (None, False)
        action = add_recommendation_action(
            recommendation,
            plan=new.plan,
            text=new.text,
            lead_agencies=new.lead_agencies,
            target_on=target_on,
            target_is_month=target_is_month,
        )
        update_change_reason(action, reason)
