"""The demo plan year's budget: what the three statutory partners and two others put in, and six headings of spend.

Every amount is invented. The pooled budget matches what was budgeted; Case reviews is overspent and the ICB has
paid three quarters of its share, so the page, the paper and the yearly report have something to point at.
"""

from decimal import Decimal

from budget.models import PartnerContribution, SpendLine
from objectives.models import Agency, BusinessPlan

# (agency's short name, agreed, paid so far, given in kind, its estimated value)
CONTRIBUTIONS = [
    ("Children's Services", "98000.00", "98000.00", "", None),
    ("ICB", "72000.00", "54000.00", "", None),
    ("Police", "41500.00", "41500.00", "", None),
    ("Probation", "4500.00", "2250.00", "", None),
    (
        "Schools",
        "0.00",
        "0.00",
        "A training room at Eastmere Academy for the multi-agency courses, and its caretaker's time.",
        "3200.00",
    ),
]

# (heading, budgeted, spent)
SPEND_LINES = [
    ("Independent chair", "28000.00", "21000.00"),
    ("Business unit staff", "118000.00", "88500.00"),
    ("Case reviews", "35000.00", "41250.00"),
    ("Multi-agency training", "18000.00", "12600.00"),
    ("Child death overview panel", "12000.00", "8400.00"),
    ("Website and communications", "5000.00", "3150.00"),
]


def load_budget(loader, business_plan: BusinessPlan, agencies: dict[str, Agency]) -> None:
    """Create whichever of the demo plan's contributions and spend lines are missing."""
    for short_name, agreed, paid, in_kind, in_kind_value in CONTRIBUTIONS:
        fields = {
            "agreed": Decimal(agreed),
            "paid": Decimal(paid),
            "in_kind": in_kind,
            "in_kind_value": Decimal(in_kind_value) if in_kind_value else None,
        }
        loader.ensure(PartnerContribution, {"plan": business_plan, "agency": agencies[short_name]}, fields)
    for position, (heading, budgeted, spent) in enumerate(SPEND_LINES, start=1):
        fields = {"budgeted": Decimal(budgeted), "spent": Decimal(spent), "position": position}
        loader.ensure(SpendLine, {"plan": business_plan, "heading": heading}, fields)
