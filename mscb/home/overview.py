"""The chair's and readers' overview: each current plan's latest round, its ratings, the paper and the reviews."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count
from django.utils import timezone

from objectives.models import Action, BusinessPlan, ProgressRound, ProgressUpdate
from reviews.models import Review


@dataclass
class PlanOverview:
    plan: BusinessPlan
    latest_round: ProgressRound | None
    # Each rating given in the round and how many, as Scale.counted() keys them; "no update" is left out.
    ratings: dict[str, int] = field(default_factory=dict)

    @property
    def rated(self) -> int:
        return sum(self.ratings.values())


@dataclass
class Overview:
    plans: list[PlanOverview]
    open_reviews: int | None  # None for someone who may not read the review register


def overview(user, *, today: date | None = None) -> Overview:
    """Four queries with reviews (plans, their scales' levels, rounds, rating counts), one more for the reviews."""
    plans = current_plans(today or timezone.localdate())
    latest = latest_rounds(plans)
    counts = accepted_ratings([r for r in latest.values() if r is not None], Action.objects.visible_to(user))
    found = []
    for plan in plans:
        progress_round = latest[plan.pk]
        rows = counts.get(progress_round.pk, []) if progress_round else []
        tallied = plan.scale.counted(rows)
        ratings = {key: number for key, number in tallied.items() if number and key != "none"}
        found.append(PlanOverview(plan, progress_round, ratings))
    open_reviews = Review.objects.visible_to(user).open().count() if user.has_perm("reviews.view_review") else None
    return Overview(found, open_reviews)


def current_plans(today: date) -> list[BusinessPlan]:
    """The plans running today; between plans, the one that started last."""
    return list(BusinessPlan.objects.with_scale().current(today).order_by("-starts_on", "title"))


def latest_rounds(plans: list[BusinessPlan]) -> dict[int, ProgressRound | None]:
    """Each plan's round with the latest as-of date, open or closed, in one query."""
    latest: dict[int, ProgressRound | None] = dict.fromkeys((plan.pk for plan in plans), None)
    for progress_round in ProgressRound.objects.filter(plan__in=plans).order_by("plan_id", "-as_of"):
        if latest[progress_round.plan_id] is None:
            latest[progress_round.plan_id] = progress_round
    return latest


def accepted_ratings(progress_rounds: list[ProgressRound], visible_actions) -> dict[int, list[tuple[str, int]]]:
    """How many accepted updates stand at each rating in each round (one query); drafts and submissions never count."""
    if not progress_rounds:
        return {}
    accepted = ProgressUpdate.objects.accepted().filter(round__in=progress_rounds, action__in=visible_actions)
    by_round: dict[int, list[tuple[str, int]]] = {}
    for row in accepted.values("round_id", "rag").annotate(number=Count("pk")).order_by():
        by_round.setdefault(row["round_id"], []).append((row["rag"], row["number"]))
    return by_round
