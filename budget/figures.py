"""A year's budget as JSON-ready figures: what the committee paper and the yearly report store and print.

Amounts are kept as decimal strings ("1234.50"), never floats, so a stored paper prints exactly what was
recorded; `core.formats.pounds` writes them as "£1,234.50" on the page and in Word alike.
"""

from decimal import Decimal

from .selectors import Budget


def _amount(value: Decimal | None) -> str:
    return "" if value is None else str(value.quantize(Decimal("0.01")))


def figures_for(budget: Budget) -> dict:
    """The totals, each partner's contribution and each spend heading, as text and decimal strings."""
    return {
        "totals": {
            "pooled": _amount(budget.pooled),
            "paid": _amount(budget.paid),
            "outstanding": _amount(budget.outstanding),
            "in_kind_value": _amount(budget.in_kind_value),
            "budgeted": _amount(budget.budgeted),
            "spent": _amount(budget.spent),
            "difference": _amount(budget.budgeted - budget.spent),
            "balance": _amount(budget.balance),
        },
        "contributions": [
            {
                "agency": str(row.agency),
                "agreed": _amount(row.agreed),
                "paid": _amount(row.paid),
                "outstanding": _amount(row.outstanding),
                "overpaid": _amount(row.paid - row.agreed) if row.paid > row.agreed else "",
                "in_kind": row.in_kind,
                "in_kind_value": _amount(row.in_kind_value),
            }
            for row in budget.contributions
        ],
        "spend_lines": [
            {
                "heading": line.heading,
                "budgeted": _amount(line.budgeted),
                "spent": _amount(line.spent),
                "difference": _amount(line.budgeted - line.spent),
            }
            for line in budget.spend_lines
        ],
    }
