"""The demo's budget: the demo plan year's contributions from the statutory partners and two others, and its spend."""

from budget.models import PartnerContribution, SpendLine
from budget.selectors import budget_for
from objectives.models import Agency, BusinessPlan

from .demo_loaded import MAIN_PLAN, load_demo


def test_the_demo_plan_has_contributions_from_every_statutory_partner_and_two_others(demo_output):
    plan = BusinessPlan.objects.get(title=MAIN_PLAN)
    contributions = PartnerContribution.objects.filter(plan=plan)

    statutory = set(Agency.objects.filter(is_statutory_partner=True))
    assert statutory <= {row.agency for row in contributions}
    assert contributions.exclude(agency__in=statutory).count() == 2
    assert contributions.exclude(in_kind="").count() == 1
    assert contributions.exclude(in_kind="").get().in_kind_value > 0


def test_the_demo_plan_spends_under_six_headings_within_its_pooled_budget(demo_output):
    plan = BusinessPlan.objects.get(title=MAIN_PLAN)

    assert list(SpendLine.objects.filter(plan=plan).values_list("heading", flat=True)) == [
        "Independent chair",
        "Business unit staff",
        "Case reviews",
        "Multi-agency training",
        "Child death overview panel",
        "Website and communications",
    ]
    budget = budget_for(plan)
    assert budget.budgeted == budget.pooled
    assert budget.spent < budget.paid


def test_the_demo_counts_its_budget_and_makes_it_once(demo_output):
    assert "5 partner contributions, 6 spend lines" in demo_output

    load_demo()

    assert PartnerContribution.objects.count() == 5
    assert SpendLine.objects.count() == 6
