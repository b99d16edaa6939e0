"""Actions: what the plan (or a review, or the CDOP) says will be done, by whom and by when."""

from collections import Counter
from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core import rating
from core.models import RatingScale

from ..dates import format_target
from ..roles import is_board_manager
from ..text import first_words
from .agencies import Agency
from .plan import BusinessPlan, Objective, RefModel, RefQuerySet, SoftDeleteModel
from .progress import ProgressUpdate
from .shapes import in_sentence, times_in_words


class ActionQuerySet(RefQuerySet):
    def visible_to(self, user):
        """Every reader sees the whole plan, less what was deleted."""
        if not user.has_perm("objectives.view_action"):
            return self.none()
        return self.not_hidden()

    def editable_by(self, user):
        """Actions whose progress this user may write: all for the board manager, else their agencies' own."""
        if is_board_manager(user):
            return self.not_hidden()
        if not user.has_perm("objectives.submit_progressupdate"):
            return self.none()
        led = Agency.members.through.objects.filter(user_id=user.pk).values("agency_id")
        led_actions = Action.lead_agencies.through.objects.filter(agency_id__in=led).values("action_id")
        return self.not_hidden().filter(pk__in=led_actions)

    def with_latest_rag(self):
        """Annotate each action with the rating (`latest_rag`) of its latest accepted progress update."""
        latest = ProgressUpdate.objects.filter(action=OuterRef("pk"), state=ProgressUpdate.State.ACCEPTED).order_by(
            "-round__as_of", "-pk"
        )
        return self.annotate(latest_rag=Subquery(latest.values("rag")[:1]))

    def overdue(self, today: date | None = None):
        """Open actions whose target date has passed."""
        today = today or timezone.localdate()
        return self.filter(status=Action.Status.OPEN, target_on__lt=today)

    def for_table(self):
        """What the action list's columns show of each action itself. ActionTable reads the page's lead agencies in
        one query of its own, and its rating scales from the list's view (or once a scale, read from the plan)."""
        return self.select_related("objective__aim", "plan__rating_scale").with_latest_rag()

    def rag_counts(self, scale: rating.Scale | None = None) -> dict[str, int]:
        """How many of these actions stand at each entry of `scale`'s key (RAG's without one), by latest update."""
        rows = self.with_latest_rag().values("latest_rag").annotate(total=Count("pk")).order_by()
        return (scale or rating.RAG).counted((row["latest_rag"], row["total"]) for row in rows)

    def rating_tallies(self) -> list[rating.Tally]:
        """Counts by latest rating on each scale these actions' plans use (RAG without a plan), in three queries.

        For pages whose actions may come from plans with different scales, such as a review's or the panel's.
        """
        return self.rag_counts_by(None, [None])[None]

    def rag_counts_by(self, field: str | None, keys) -> dict:
        """rating_tallies() for each of `keys`, the values of `field` (such as a CDOP year's id), in three queries."""
        grouping = [field] if field else []
        rows = list(
            self.with_latest_rag()
            .values(*grouping, "plan__rating_scale_id", "latest_rag")
            .annotate(total=Count("pk"))
            .order_by()
        )
        scales = _scales_by_pk({row["plan__rating_scale_id"] for row in rows})
        return {key: _tallies([row for row in rows if not field or row[field] == key], scales) for key in keys}


def tallies_of(actions) -> list[rating.Tally]:
    """rating_tallies() of actions already listed, without a query: each with `latest_update` (its latest accepted
    update, or None) and its plan's rating scale and levels fetched, as the review and CDOP pages list them.
    """
    counted = Counter((_scale_pk(action), _latest_code(action)) for action in actions)
    rows = [{"plan__rating_scale_id": pk, "latest_rag": code, "total": n} for (pk, code), n in counted.items()]
    listed = sorted({action.plan.rating_scale for action in actions if action.plan}, key=_in_scale_order)
    scales = {scale.pk: scale.as_scale() for scale in listed}
    return _tallies(rows, {None: rating.RAG, **scales} if None in {pk for pk, _ in counted} else scales)


def _scale_pk(action) -> int | None:
    return action.plan.rating_scale_id if action.plan else None


def _latest_code(action) -> str | None:
    return action.latest_update.rag if action.latest_update else None


def _in_scale_order(scale: RatingScale):
    """RatingScale.Meta.ordering, the order _scales_by_pk reads them in: built in first, then by title."""
    return (not scale.is_built_in, scale.title)


def _tallies(rows: list[dict], scales: dict) -> list[rating.Tally]:
    """One tally per scale these rows' actions rate on, in the scales' order (a "none" scale's counts nothing)."""
    tallies = []
    for pk, scale in scales.items():
        mine = [(row["latest_rag"], row["total"]) for row in rows if row["plan__rating_scale_id"] == pk]
        if mine:
            tallies.append(rating.Tally(scale, scale.counted(mine), sum(number for _, number in mine)))
    return tallies


def _scales_by_pk(pks: set) -> dict:
    """Each scale by pk as plain data, in the scales' own order; None (actions of no plan) is RAG."""
    found = RatingScale.objects.filter(pk__in=pks - {None}).prefetch_related("levels") if pks - {None} else []
    scales = {scale.pk: scale.as_scale() for scale in found}
    return {None: rating.RAG, **scales} if None in pks else scales


# How many words of its text an action shows in a table of actions (the plan page, a round, my actions).
SHORT_TEXT_WORDS = 20


class Action(SoftDeleteModel, RefModel):
    hidden_with = ("objective", "objective__aim")

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        COMPLETED = "completed", "Completed"
        WITHDRAWN = "withdrawn", "Withdrawn"

    plan = models.ForeignKey(
        BusinessPlan, on_delete=models.CASCADE, related_name="actions", null=True, blank=True, editable=False
    )
    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="actions", null=True, blank=True)
    text = models.TextField("action")
    lead_agencies = models.ManyToManyField(Agency, related_name="led_actions", blank=True)
    # Owners beside the lead agencies, as boards write them.
    responsibility = models.CharField(
        max_length=200, blank=True, help_text="Who is responsible, in the board's words, such as “Chair / DCS”."
    )
    lead_officer = models.CharField(
        "lead officer", max_length=200, blank=True, help_text="A named person, such as “Sam Okafor, Head of Service”."
    )
    target_on = models.DateField("target date", null=True, blank=True)
    target_is_month = models.BooleanField(
        "month only", default=False, help_text="The target is a month, such as March 2026, not a day."
    )
    timescale = models.CharField(
        max_length=300,
        blank=True,
        help_text="A timescale in words, beside or instead of a date, such as “Across financial year 2026/27”.",
    )
    # The first target date, kept when the target is revised; see revise_target().
    original_target_on = models.DateField("original target date", null=True, blank=True, editable=False)
    original_target_is_month = models.BooleanField(default=False, editable=False)
    times_slipped = models.PositiveSmallIntegerField("times slipped", default=0, editable=False)
    success_measure = models.TextField(
        "success measure", blank=True, help_text="How the board will know it worked: the output or outcome measured."
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    completed_on = models.DateField(null=True, blank=True)
    is_deleted = models.BooleanField("deleted", default=False)
    # Raised on every save through a form, so a second person's stale save is refused, not lost.
    version = models.PositiveIntegerField(default=1, editable=False)
    # The action this one continues from an earlier plan (see services.rollover). PROTECT, not SET_NULL: the link is
    # the carried action's history, so an earlier plan cannot be deleted from under the plans that continue it.
    carried_from = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, editable=False, related_name="carried_into"
    )
    # The first action of the chain, so every earlier plan's history is read in one query however long the chain.
    chain_start = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, editable=False, related_name="+"
    )

    history = HistoricalRecords(m2m_fields=[lead_agencies])
    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "sort_key"]
        constraints = [
            # Unique within the parent: the objective, or the plan for a review's or the CDOP's actions.
            models.UniqueConstraint(
                fields=["objective", "ref"], condition=Q(objective__isnull=False), name="action_ref_unique_in_objective"
            ),
            models.UniqueConstraint(
                fields=["plan", "ref"], condition=Q(objective__isnull=True), name="action_ref_unique_in_plan"
            ),
            models.CheckConstraint(
                condition=Q(status="completed") | Q(completed_on__isnull=True),
                name="only_completed_actions_have_completed_on",
            ),
        ]

    def __str__(self):
        return f"Action {self.ref}"

    def get_absolute_url(self):
        return reverse("objectives:action_detail", args=[self.pk])

    @property
    def short_text(self) -> str:
        """Its text as a table of actions links it: the first words, so a row stays a row."""
        return first_words(self.text, SHORT_TEXT_WORDS)

    def clean(self):
        if self.objective_id:
            self.plan_id = self.objective.plan_id
        # Only built when there is something to clash with: an import cleans a thousand new actions at once.
        if self.plan_id and self.ref and self._clashes().exists():
            raise ValidationError({"ref": f"{self.name} already exists {self._where()}."})
        if self.status != self.Status.COMPLETED:
            self.completed_on = None

    def _clashes(self):
        if self.objective_id:
            return Action.objects.filter(objective_id=self.objective_id, ref=self.ref).exclude(pk=self.pk)
        # Actions from a case review or the CDOP have no objective and are unique in the plan.
        return Action.objects.filter(plan_id=self.plan_id, objective__isnull=True, ref=self.ref).exclude(pk=self.pk)

    def _where(self) -> str:
        """Where a reference must be unique, in the plan's words: under objective 1.1, under priority 1a."""
        if self.objective_id is None or not self.plan.has_aims:
            return "in this plan"
        if self.plan.has_objectives:
            return f"under {in_sentence(self.plan.objective_name)} {self.objective.ref}"
        return f"under {in_sentence(self.plan.aim_name)} {self.objective.aim.number}"

    @property
    def name(self) -> str:
        """ "Recommendation 3", "Action 1.1.2": the plan's word for an action and its reference."""
        return f"{self.plan.action_name if self.plan_id else 'Action'} {self.ref}"

    @property
    def slippage_display(self) -> str:
        """ "slipped twice", or "" for a target never moved later."""
        return f"slipped {times_in_words(self.times_slipped)}" if self.times_slipped else ""

    @property
    def target_display(self) -> str:
        return format_target(self.target_on, self.target_is_month)

    @property
    def original_target_display(self) -> str:
        """The first target, once a revision moved it; else ""."""
        if self.original_target_on is None:
            return ""
        return format_target(self.original_target_on, self.original_target_is_month)

    def revise_target(self, on: date | None, *, is_month: bool = False):
        """Set a new target date, keeping the first one and counting each move later as a slip."""
        if on == self.target_on and is_month == self.target_is_month:
            return
        if self.target_on is not None and on is not None and on > self.target_on:
            if self.original_target_on is None:
                self.original_target_on, self.original_target_is_month = self.target_on, self.target_is_month
            self.times_slipped += 1
        self.target_on, self.target_is_month = on, is_month

    @property
    def is_overdue(self) -> bool:
        return self.is_overdue_on(timezone.localdate())

    def is_overdue_on(self, today: date) -> bool:
        """For a page of many actions, which asks the date once: working it out is most of what is_overdue costs."""
        return self.status == self.Status.OPEN and self.target_on is not None and self.target_on < today

    def mark_completed(self, on: date | None = None):
        self.status = self.Status.COMPLETED
        self.completed_on = on or timezone.localdate()
