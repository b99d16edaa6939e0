"""The dashboard's filters: a plan, one of its rounds and a lead agency, each defaulting when left out.

The choices come from lists the page already fetched, so checking them asks the database nothing more. A number
that is no choice, or a round of another plan, is refused with a message saying what to choose instead.
"""

from django import forms

from core.formats import month_year
from objectives.models import Agency, BusinessPlan

from .selectors import Choice, default_choice


def _choice(label: str, noun: str) -> forms.TypedChoiceField:
    """A list to choose from by id, where an id not on the list is named back to the person."""
    return forms.TypedChoiceField(
        label=label,
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": f"Choose {noun} from the list: “%(value)s” is not one of them."},
    )


class DashboardForm(forms.Form):
    plan = _choice("Business plan", "a business plan")
    round = _choice("Progress round", "a progress round")
    agency = _choice("Lead agency", "a lead agency")

    def __init__(self, data, *, plans: list[BusinessPlan], agencies: list[Agency]):
        super().__init__(data)
        self.plans = {plan.pk: plan for plan in plans}
        self.rounds = {one.pk: one for plan in plans for one in plan.rounds.all()}
        self.agencies = {agency.pk: agency for agency in agencies}
        self.default = default_choice(plans)
        current = f"Current plan ({self.default.plan.title})" if self.default else "Current plan"
        self.fields["plan"].choices = [("", current), *((plan.pk, plan.title) for plan in plans)]
        # Each plan's rounds under its title, latest first, as a round means nothing without its plan.
        grouped = [
            (plan.title, [(one.pk, month_year(one.as_of)) for one in list(plan.rounds.all())[::-1]]) for plan in plans
        ]
        self.fields["round"].choices = [("", "Latest round"), *grouped]
        self.fields["agency"].choices = [("", "All lead agencies"), *((agency.pk, agency.name) for agency in agencies)]

    def clean(self):
        cleaned = super().clean()
        if self.errors or self.default is None:
            return cleaned
        progress_round = self.rounds.get(cleaned.get("round"))
        plan = self.plans.get(cleaned.get("plan"))
        # A round chosen on its own brings its plan; neither chosen, the current plan.
        plan = plan or (self.plans[progress_round.plan_id] if progress_round else self.default.plan)
        if progress_round is not None and progress_round.plan_id != plan.pk:
            other = self.plans[progress_round.plan_id]
            self.add_error(
                "round",
                f"{progress_round.label} is a round of business plan {other.title}, not {plan.title}: choose one of "
                f"{plan.title}'s rounds, or “Latest round”.",
            )
            return cleaned
        latest = list(plan.rounds.all())[-1]
        cleaned["choice"] = Choice(plan, progress_round or latest, self.agencies.get(cleaned.get("agency")))
        return cleaned
