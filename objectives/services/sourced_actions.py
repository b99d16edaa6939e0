"""Plan actions made from something outside the plan's aims: a case review's recommendation, a CDOP annual report,
a Section 11 standard, an inspection's recommendation.

Such an action has no objective and a reference made of its source's prefix and the next free number, such as
"CS-2.1" or "S11-5.3"; it reports in the plan's progress rounds like any other action. The apps that make them
link the action to their record themselves, in the same transaction.
"""

import re
from datetime import date
from typing import NotRequired, TypedDict

from ..models import Action, Agency, BusinessPlan


class ActionFields(TypedDict):
    text: str
    lead_agencies: list[Agency]
    target_on: NotRequired[date | None]
    target_is_month: NotRequired[bool]


def next_ref(plan: BusinessPlan, prefix: str) -> str:
    """The prefix and one more than the highest number after it in the plan, counting hidden actions too."""
    pattern = re.compile(rf"^{re.escape(prefix)}(\d+)$")
    taken = Action.objects.filter(plan=plan, ref__startswith=prefix).values_list("ref", flat=True)
    numbers = [int(match.group(1)) for ref in taken if (match := pattern.match(ref))]
    return f"{prefix}{max(numbers, default=0) + 1}"


def add_sourced_action(
    *,
    plan: BusinessPlan,
    prefix: str,
    text: str,
    lead_agencies: list[Agency],
    target_on: date | None = None,
    target_is_month: bool = False,
) -> Action:
    """A new action of `plan` outside its objectives; call inside the transaction that links it to its source."""
    action = Action(
        plan=plan,
        objective=None,
        ref=next_ref(plan, prefix),
        text=text,
        target_on=target_on,
        target_is_month=target_is_month if target_on else False,
    )
    action.full_clean()
    action.save()
    action.lead_agencies.set(lead_agencies)
    return action
