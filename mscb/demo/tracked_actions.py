"""The demo's review and CDOP actions: the plan's own actions, made through reviews.services as the board manager
makes them, with their progress in the plan's rounds that were the story's December 2025 and March 2026 ones.
"""

from django.db.models import Model, Q

from objectives.models import Action, Agency, BusinessPlan, ProgressRound, ProgressUpdate

from .progress_december import ROUND as DECEMBER
from .progress_march import ROUND as MARCH


class TrackedActions:
    """Makes the missing actions of a recommendation or a CDOP year, and writes their progress by round."""

    def __init__(self, loader, business_plan: BusinessPlan, agencies: dict[str, Agency], officers: dict):
        self.loader = loader
        self.plan = business_plan
        self.agencies = agencies
        self.officers = officers
        # A round left out of this year's plan (early in the year) has none of their progress.
        self.rounds = {
            key: ProgressRound.objects.filter(plan=business_plan, as_of=loader.calendar.as_of(spec["as_of"])).first()
            for key, spec in (("december", DECEMBER), ("march", MARCH))
        }

    def ensure(self, specs: list[dict], *, source: Model, link_model: type[Model], source_field: str, add) -> None:
        """The source's actions in order (refs such as CS-1.1, CS-1.2 …), each made once, with its progress.

        `link_model` links an action to the source through its `source_field`; `add` is the service that makes
        a new action of the source.
        """
        link = {source_field: source}
        linked = Action.objects.filter(pk__in=link_model.objects.filter(**link).values("action_id"))
        for position, spec in enumerate(specs, start=1):
            ref = f"{source.action_ref_prefix}{position}"
            action = self.existing_action(linked, ref, spec, link_model, **link)
            if action is None:
                action = self.tracked_action(add, source, spec)
            self.progress(action, spec)

    def existing_action(self, linked, ref: str, spec: dict, link_model, **source) -> Action | None:
        """The demo action already made for this source, if any, linked to it again if the link was lost.

        Found by text as well as ref, since one re-made after a deletion may have taken the next number; and
        deleting a recommendation or a CDOP year leaves its actions in the plan, unlinked, under their refs.
        """
        text = self.loader.calendar.plan_text(spec["text"])
        action = linked.filter(plan=self.plan).filter(Q(ref=ref) | Q(text=text)).first()
        if action is not None:
            return action
        unlinked = Action.objects.filter(plan=self.plan, ref=ref, recommendation_link=None, cdop_link=None).first()
        if unlinked is not None:
            self.loader.ensure(link_model, {"action": unlinked}, source)
        return unlinked

    def tracked_action(self, add, source, spec: dict) -> Action:
        """A new action made the way the board manager makes one, recorded in the history as theirs."""
        target_on, target_is_month = self.loader.target(spec["target"])
        action = add(
            source,
            plan=self.plan,
            text=self.loader.calendar.plan_text(spec["text"]),
            lead_agencies=[self.agencies[short_name] for short_name in spec["leads"]],
            target_on=target_on,
            target_is_month=target_is_month,
        )
        # The service runs outside a request, so its history rows name nobody until told who it was.
        Action.history.filter(id=action.pk, history_user=None).update(history_user=self.loader.manager)
        self.loader.created[Action] += 1
        return action

    def progress(self, action: Action, spec: dict) -> None:
        """The action's updates, written by an officer of a lead agency if there is one, as the plan's are."""
        author = next((self.officers[lead] for lead in spec["leads"] if lead in self.officers), self.loader.manager)
        for key, progress_round in self.rounds.items():
            update = spec.get(key)
            if update is not None and progress_round is not None:
                lookup = {"action": action, "round": progress_round}
                self.loader.ensure(ProgressUpdate, lookup, self.loader.update(update, author), by=author)
