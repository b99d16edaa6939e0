"""Saving the budget: checked rows, a named duplicate, and a stale save refused rather than lost."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from budget import services
from budget.models import PartnerContribution, SpendLine
from core.conflicts import ConflictError
from tests.budget.factories import PartnerContributionFactory, SpendLineFactory
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db


def test_saving_a_new_contribution_keeps_version_one(plan):
    agency = AgencyFactory(short_name="Police")
    contribution = PartnerContribution(plan=plan, agency=agency, agreed=Decimal("100"))

    saved = services.save_contribution(contribution=contribution, expected_version=None)

    assert saved.pk
    assert saved.version == 1


def test_a_second_contribution_from_the_same_agency_is_refused_by_name(plan):
    first = PartnerContributionFactory(plan=plan, agency=AgencyFactory(short_name="Police"))

    with pytest.raises(ValidationError) as refused:
        services.save_contribution(
            contribution=PartnerContribution(plan=plan, agency=first.agency), expected_version=None
        )

    assert refused.value.messages == ["Police already has a contribution for 2025/26: edit that one instead."]
    assert PartnerContribution.objects.count() == 1


def test_editing_a_contribution_takes_the_next_version(plan):
    contribution = PartnerContributionFactory(plan=plan)
    contribution.paid = Decimal("10000")

    services.save_contribution(contribution=contribution, expected_version=1)

    contribution.refresh_from_db()
    assert (contribution.paid, contribution.version) == (Decimal("10000"), 2)


def test_a_stale_contribution_save_is_refused_and_the_saved_one_kept(plan):
    contribution = PartnerContributionFactory(plan=plan)
    theirs = PartnerContribution.objects.get(pk=contribution.pk)
    theirs.paid = Decimal("7000")
    services.save_contribution(contribution=theirs, expected_version=1)
    contribution.paid = Decimal("1")

    with pytest.raises(ConflictError) as refused:
        services.save_contribution(contribution=contribution, expected_version=1)

    assert refused.value.saved.paid == Decimal("7000")
    assert PartnerContribution.objects.get().paid == Decimal("7000")


def test_a_negative_amount_is_refused_by_full_clean(plan):
    contribution = PartnerContribution(plan=plan, agency=AgencyFactory(), agreed=Decimal("-1"))

    with pytest.raises(ValidationError) as refused:
        services.save_contribution(contribution=contribution, expected_version=None)

    assert "agreed" in refused.value.message_dict
    assert not PartnerContribution.objects.exists()


def test_a_duplicate_heading_is_refused_by_name_whatever_its_case(plan):
    SpendLineFactory(plan=plan, heading="Case reviews")

    with pytest.raises(ValidationError) as refused:
        services.save_spend_line(line=SpendLine(plan=plan, heading="case reviews"), expected_version=None)

    expected = "2025/26 already has a spend heading called “case reviews”: edit that one instead."
    assert refused.value.messages == [expected]


def test_a_spend_line_keeps_its_own_heading_when_edited(plan):
    line = SpendLineFactory(plan=plan, heading="Case reviews")
    line.spent = Decimal("12.34")

    services.save_spend_line(line=line, expected_version=1)

    line.refresh_from_db()
    assert (line.spent, line.version) == (Decimal("12.34"), 2)


def test_a_stale_spend_line_save_is_refused(plan):
    line = SpendLineFactory(plan=plan)
    theirs = SpendLine.objects.get(pk=line.pk)
    services.save_spend_line(line=theirs, expected_version=1)

    with pytest.raises(ConflictError):
        services.save_spend_line(line=line, expected_version=1)

    assert SpendLine.objects.get().version == 2


def test_deleting_keeps_the_row_in_its_history(plan):
    contribution = PartnerContributionFactory(plan=plan)
    line = SpendLineFactory(plan=plan)

    services.delete_contribution(contribution=contribution)
    services.delete_spend_line(line=line)

    assert not PartnerContribution.objects.exists()
    assert not SpendLine.objects.exists()
    assert PartnerContribution.history.filter(history_type="-").count() == 1
    assert SpendLine.history.filter(history_type="-").count() == 1
