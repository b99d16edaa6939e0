"""Write the demo board into the database, creating only what is missing so it can be re-run."""

from collections import Counter
from collections.abc import Callable
from datetime import date, datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser, Group
from django.db import models, transaction
from django.utils import timezone

from objectives.dates import parse_flexible_date
from objectives.models import Action, Agency, Aim, BusinessPlan, Objective, ProgressRound, ProgressUpdate

from . import cdop, cdop_narrative, covering, notifications, people, plan, reviews, training, training_figures
from .assurance import load_assurance
from .budget import load_budget
from .feedback import load_family_feedback
from .indicators import load_indicators
from .progress_december import ROUND as DECEMBER
from .progress_march import ROUND as MARCH
from .progress_september import ROUND as SEPTEMBER
from .shaped_plans import load_shaped_plans
from .times import DemoCalendar
from .yearly import load_yearly

ROUNDS = [SEPTEMBER, DECEMBER, MARCH]

# An action's other owners, its timescale in words and its success measure: text, blank unless the spec says.
OWNER_AND_MEASURE_FIELDS = ("responsibility", "lead_officer", "timescale", "success_measure")
# An update's words, which name the months of the round they report on.
PROGRESS_TEXT_FIELDS = ("progress", "impact", "return_comment")


def demo_day(today: date | None = None) -> date:
    """The day the demo is told as at: the day given; else the day it was first loaded, else today.

    Re-running the demo on a later day tells it as at the first day, so it only adds what is missing.
    """
    if today is not None:
        return today
    manager = get_user_model().objects.filter(username=people.MANAGER).first()
    return timezone.localdate(manager.date_joined) if manager else timezone.localdate()


@transaction.atomic
def load_demo(today: date | None = None) -> Counter[type[models.Model]]:
    """Create whichever demo users, agencies, plans, rounds and progress are missing; count them by model.

    The demo is told as at `today` (see `demo_day`): its plan is that day's financial year, its rounds and
    sessions fall around it.
    """
    today = demo_day(today)
    loader = _Loader(DemoCalendar(today))
    users = {spec["username"]: loader.user(spec) for spec in people.USERS}
    loader.manager = users[people.MANAGER]
    officers = {spec["agency"]: users[spec["username"]] for spec in people.USERS if "agency" in spec}
    agencies = {spec["short_name"]: loader.ensure(Agency, {"name": spec["name"]}, spec)[0] for spec in plan.AGENCIES}
    for short_name, officer in officers.items():
        loader.membership(officer, agencies[short_name])
    plan_fields = loader.calendar.plan(plan.PLAN)
    business_plan, _ = loader.ensure(BusinessPlan, {"title": plan_fields["title"]}, plan_fields)
    actions = loader.actions(business_plan, agencies)
    for round_spec in ROUNDS:
        loader.progress(business_plan, round_spec, actions, officers)
    covering.load_covering(loader, business_plan)
    reviews.load_reviews(loader, business_plan, agencies, officers, today=today)
    cdop.load_cdop(loader, business_plan, agencies, officers)
    cdop_narrative.load_cdop_narrative(loader)
    training.load_training(loader, agencies, today=today)
    training_figures.load_training_figures(loader, business_plan)
    load_shaped_plans(loader, agencies)
    notifications.load_notifications(loader, business_plan)
    load_indicators(loader, business_plan)
    load_assurance(loader, business_plan, agencies, officers)
    load_budget(loader, business_plan, agencies)
    load_family_feedback(loader, business_plan)
    load_yearly(loader, business_plan)
    return loader.created


class _Loader:
    """Creates the missing rows, counts them by model and names their creator in the history.

    Specs are written in the story's calendar; `calendar` moves their dates and words to the demo's day.
    """

    def __init__(self, calendar: DemoCalendar):
        self.calendar = calendar
        self.created: Counter[type[models.Model]] = Counter()
        self.manager: AbstractUser | None = None

    def ensure(
        self, model, lookup: dict, fields: dict, by: AbstractUser | None = None, save: Callable | None = None
    ) -> tuple[models.Model, bool]:
        """The row matching lookup, or a new one with fields, validated and saved; and whether it is new.

        `save` is the service the app saves such a row with, where saving means more than the row itself.
        """
        row = model.objects.filter(**lookup).first()
        if row is not None:
            return row, False
        row = model(**{**fields, **lookup})
        # Recorded in the history as the creator, so the demo's history reads like a real board's.
        row._history_user = by or self.manager
        row.full_clean()
        if save is None:
            row.save()
        else:
            save(row)
        self.created[model] += 1
        return row, True

    def user(self, spec: dict) -> AbstractUser:
        """The demo user with this username; a new one gets the demo password (existing ones keep theirs)."""
        user_model = get_user_model()
        user = user_model.objects.filter(username=spec["username"]).first()
        if user is None:
            user = user_model(
                username=spec["username"],
                first_name=spec["first_name"],
                last_name=spec["last_name"],
                email=f"{spec['username']}@example.org",
                is_staff=spec.get("is_staff", False),
                is_superuser=spec.get("is_superuser", False),
            )
            user.set_password(people.PASSWORD)
            user.full_clean()
            user.save()
            user.groups.add(Group.objects.get(name=spec["group"]))
            self.created[user_model] += 1
        return user

    def membership(self, user: AbstractUser, agency: Agency) -> None:
        """Make the officer a member of the agency they write for, once."""
        if not agency.members.filter(pk=user.pk).exists():
            agency.members.add(user)

    def actions(self, business_plan: BusinessPlan, agencies: dict) -> dict[str, tuple[Action, list[str]]]:
        """The plan's aims, objectives and actions; returns each action with its lead agencies' short names."""
        actions = {}
        for aim_spec in plan.AIMS:
            fields = {"title": aim_spec["title"], "strategic_lead": aim_spec.get("strategic_lead", "")}
            aim, _ = self.ensure(Aim, {"plan": business_plan, "number": aim_spec["number"]}, fields)
            for objective_spec in aim_spec["objectives"]:
                fields = {"aim": aim, "title": objective_spec["title"]}
                objective, _ = self.ensure(Objective, {"plan": business_plan, "ref": objective_spec["ref"]}, fields)
                for spec in objective_spec["actions"]:
                    action = self.action(spec, objective, agencies)
                    actions[spec["ref"]] = (action, spec["leads"])
        return actions

    def action(self, spec: dict, objective: Objective, agencies: dict[str, Agency]) -> Action:
        """The action with this ref; a new one gets its target, owners, measure, status and lead agencies."""
        calendar = self.calendar
        target_on, target_is_month = self.target(spec["target"]) if "target" in spec else (None, False)
        completed_on = calendar.day(spec["completed_on"]) if "completed_on" in spec else None
        fields = {
            "objective": objective,
            "text": calendar.plan_text(spec["text"]),
            "target_on": target_on,
            "target_is_month": target_is_month,
            "status": Action.Status.COMPLETED if completed_on else Action.Status.OPEN,
            "completed_on": completed_on,
            **{field: calendar.plan_text(spec.get(field, "")) for field in OWNER_AND_MEASURE_FIELDS},
        }
        action, is_new = self.ensure(Action, {"plan": objective.plan, "ref": spec["ref"]}, fields)
        if is_new:
            action.lead_agencies.set([agencies[short_name] for short_name in spec.get("leads", [])])
            self.revise_target(action, spec.get("revised_targets", []))
        return action

    def target(self, story_target: str) -> tuple[date, bool]:
        """A target written in the story's calendar, as a date and whether only its month counts."""
        return parse_flexible_date(self.calendar.target(story_target))

    def revise_target(self, action: Action, targets: list[str]) -> None:
        """Move a new action's target as the board did during the year, one save a revision, as a form would."""
        for target in targets:
            on, is_month = self.target(target)
            action.revise_target(on, is_month=is_month)
            action._history_user = self.manager
            action.full_clean()
            action.save()

    def progress_round(self, business_plan: BusinessPlan, spec: dict) -> ProgressRound | None:
        """The plan's round for a story round, made if missing; None if it would fall before the plan began."""
        fields = self.calendar.progress_round(spec)
        if fields is None:
            return None
        as_of = fields.pop("as_of")
        return self.ensure(ProgressRound, {"plan": business_plan, "as_of": as_of}, fields)[0]

    def progress(self, business_plan: BusinessPlan, spec: dict, actions: dict, officers: dict) -> None:
        """One progress round and its updates, each written by an officer of a lead agency if there is one."""
        progress_round = self.progress_round(business_plan, spec)
        if progress_round is None:
            return
        for ref, update in spec["updates"].items():
            action, leads = actions[ref]
            author = next((officers[lead] for lead in leads if lead in officers), self.manager)
            lookup = {"action": action, "round": progress_round}
            self.ensure(ProgressUpdate, lookup, self.update(update, author), by=author)

    def update(self, update: dict, author: AbstractUser) -> dict:
        """An update's fields as at the demo's day, with who wrote, submitted and accepted it."""
        moved = {
            key: self.calendar.moment(value) if isinstance(value, datetime) else value for key, value in update.items()
        }
        for field in PROGRESS_TEXT_FIELDS:
            if field in moved:
                moved[field] = self.calendar.progress_text(moved[field])
        return {**moved, **self.workflow(update, author)}

    def workflow(self, update: dict, author: AbstractUser) -> dict:
        """Who wrote, submitted and accepted an update, as far as its state goes; accepted unless it says."""
        # The rounds reported to the committee name no state: their progress was accepted.
        state = update.get("state", ProgressUpdate.State.ACCEPTED)
        people = {"state": state, "author": author}
        if "submitted_at" in update:
            people["submitted_by"] = author
        if state == ProgressUpdate.State.ACCEPTED:
            people["accepted_by"] = self.manager
        return people
