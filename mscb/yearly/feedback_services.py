"""Writing feedback from children and families: a save that refuses a stale version, as every versioned record."""

from django.db import transaction

from objectives.services.conflicts import take_next_version

from ..models.yearly import FamilyFeedback


@transaction.atomic
def save_family_feedback(*, feedback: FamilyFeedback, expected_version: int | None) -> FamilyFeedback:
    """Save the feedback, unless someone saved it since the form was loaded."""
    if feedback.pk:
        take_next_version(feedback, expected_version=expected_version, subject=str)
    feedback.full_clean()
    feedback.save()
    return feedback
