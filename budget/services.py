"""Recording the year's budget: each save checks its row, refuses a stale version and names a duplicate.

A duplicate agency or heading is found here rather than left to the database's unique constraint, so the
message names it ("Police already has a contribution for 2025/26") instead of a bare "already exists".
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from objectives.services.conflicts import take_next_version

from .models import PartnerContribution, SpendLine


@transaction.atomic
def save_contribution(*, contribution: PartnerContribution, expected_version: int | None) -> PartnerContribution:
    """Save an agency's contribution to a plan year, unless someone saved it since it was loaded."""
    if contribution.pk:
        take_next_version(contribution, expected_version=expected_version, subject=str)
    duplicate = PartnerContribution.objects.filter(plan=contribution.plan_id, agency=contribution.agency_id)
    if duplicate.exclude(pk=contribution.pk).exists():
        raise ValidationError(
            f"{contribution.agency} already has a contribution for {contribution.plan.title}: edit that one instead.",
            code="duplicate",
        )
    contribution.full_clean()
    contribution.save()
    return contribution


@transaction.atomic
def save_spend_line(*, line: SpendLine, expected_version: int | None) -> SpendLine:
    """Save a heading of the year's spend, unless someone saved it since it was loaded."""
    if line.pk:
        take_next_version(line, expected_version=expected_version, subject=str)
    duplicate = SpendLine.objects.filter(plan=line.plan_id, heading__iexact=line.heading.strip())
    if duplicate.exclude(pk=line.pk).exists():
        raise ValidationError(
            f"{line.plan.title} already has a spend heading called “{line.heading.strip()}”: edit that one instead.",
            code="duplicate",
        )
    line.full_clean()
    line.save()
    return line


@transaction.atomic
def delete_contribution(*, contribution: PartnerContribution) -> None:
    """Delete a contribution; its history keeps what it was, for the admin."""
    contribution.delete()


@transaction.atomic
def delete_spend_line(*, line: SpendLine) -> None:
    """Delete a spend heading; its history keeps what it was, for the admin."""
    line.delete()
