"""Progress: the rounds a plan reports in, each action's update in a round, and the reminders about them."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from simple_history.models import HistoricalRecords

from core.formats import long_date, month_year

from ..roles import is_board_manager
from .plan import BusinessPlan


class ProgressRound(models.Model):
    plan = models.ForeignKey(BusinessPlan, on_delete=models.CASCADE, related_name="rounds")
    as_of = models.DateField("as of", help_text="The date the progress report describes, such as 31 December 2025.")
    deadline = models.DateField("deadline for updates", null=True, blank=True)
    # A closed round is read-only: its accepted progress is what the committee was told.
    closed_at = models.DateTimeField("closed", null=True, blank=True)
    # Raised by each save through its edit form, so a save loaded before someone else's is refused, not lost.
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "-as_of"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "as_of"], name="one_round_per_date_in_plan"),
        ]

    # Updates are often collected after the date a report describes, but not months after:
    # a later deadline is almost always a mistyped year.
    DEADLINE_GRACE = timedelta(days=62)

    def __str__(self):
        return self.label

    def get_absolute_url(self):
        return reverse("objectives:report", args=[self.plan_id, self.pk])

    def clean(self):
        # The form and the plan import both call this, so a round never falls outside its plan.
        if self.plan_id is None and not ProgressRound.plan.is_cached(self):
            return
        errors = self.date_problems()
        if errors:
            raise ValidationError(errors)

    def date_problems(self) -> dict[str, str]:
        """What is wrong with the round's dates for its plan, by field; empty when nothing is."""
        plan, as_of, deadline = self.plan, self.as_of, self.deadline
        problems = {}
        if as_of and not plan.starts_on <= as_of <= plan.ends_on:
            problems["as_of"] = (
                f"The as-of date must fall within the plan, from {long_date(plan.starts_on)} "
                f"to {long_date(plan.ends_on)}."
            )
        elif as_of and plan.pk and ProgressRound.objects.filter(plan=plan, as_of=as_of).exclude(pk=self.pk).exists():
            problems["as_of"] = f"This plan already has a round as of {long_date(as_of)}."
        if deadline and deadline < plan.starts_on:
            problems["deadline"] = f"The deadline cannot be before the plan starts on {long_date(plan.starts_on)}."
        elif deadline and as_of and "as_of" not in problems and deadline > as_of + self.DEADLINE_GRACE:
            problems["deadline"] = (
                f"The deadline cannot be more than two months after the as-of date ({long_date(as_of)})."
            )
        return problems

    @property
    def label(self) -> str:
        return f"Progress report {month_year(self.as_of)}"

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    @property
    def closed_notice(self) -> str:
        """Why its progress cannot be written, in the words every page and service uses."""
        return f"{self.label} is closed: its progress can no longer be changed."


class ProgressUpdateQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Accepted progress is public to readers; drafts and submissions only to their agencies and the manager."""
        if is_board_manager(user):
            return self.all()
        if not user.has_perm("objectives.view_progressupdate"):
            return self.none()
        # The action model by its relation, as actions.py imports this module.
        action_model = self.model._meta.get_field("action").related_model
        own = action_model.objects.editable_by(user).values("pk")
        return self.filter(Q(state=ProgressUpdate.State.ACCEPTED) | Q(action__in=own))

    def of_action_visible_to(self, user, action, *, may_write: bool):
        """visible_to(user)'s updates of one action, when the caller already knows whether this person may write
        it (an action's page asks): a writer who may read progress sees all of its updates, so the rule's subquery
        of every action they may write is left out."""
        if may_write and user.has_perm("objectives.view_progressupdate"):
            return self.filter(action=action)
        return self.visible_to(user).filter(action=action)

    def accepted(self):
        """Only accepted progress goes into the committee report."""
        return self.filter(state=ProgressUpdate.State.ACCEPTED)

    def latest_per_action(self):
        """Of these updates, each action's one from its latest round (the newest row breaking a tie), in one query.

        Filter first: the window numbers only the rows left. A window rather than a correlated subquery, so the
        database reads each action's updates once however many actions there are; Django puts it in a subquery on
        SQLite and PostgreSQL alike, since neither filters on a window in the same SELECT.

        The window numbers only the ids (with the action and round date it sorts by) and the winners' whole rows are
        read by id afterwards: sorting every round's ~1,000 characters of progress spilled to disk on PostgreSQL and
        took twice as long (104 ms against 45 ms for 1,000 actions × 10 rounds).
        """
        newest_first = Window(
            RowNumber(), partition_by=F("action_id"), order_by=(F("round__as_of").desc(), F("pk").desc())
        )
        winners = self.annotate(row_number=newest_first).filter(row_number=1).values("pk")
        return self.model._default_manager.filter(pk__in=winners)


class ProgressUpdate(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"
        RETURNED = "returned", "Returned"
        ACCEPTED = "accepted", "Accepted"

    class Rag(models.TextChoices):
        """The built-in RAG scale's codes, for code that writes RAG ratings (the demo, the tests)."""

        NOT_STARTED = "not_started", "Not started"
        RED = "red", "Red"
        AMBER = "amber", "Amber"
        GREEN = "green", "Green"
        COMPLETE = "complete", "Complete"

    action = models.ForeignKey("Action", on_delete=models.CASCADE, related_name="progress_updates")
    round = models.ForeignKey(ProgressRound, on_delete=models.CASCADE, related_name="progress_updates")
    progress = models.TextField(
        "progress",
        blank=True,
        help_text="What was done. Leave a blank line between paragraphs; start bullets with “- ”.",
    )
    impact = models.TextField(
        "evidence of impact",
        blank=True,
        help_text="What changed for children, with figures where you have them.",
    )
    # A level's code on the plan's rating scale (see core.rating); blank is no rating and prints as nothing.
    rag = models.CharField("rating", max_length=20, blank=True, default="")
    state = models.CharField(max_length=20, choices=State.choices, default=State.DRAFT)
    return_comment = models.TextField(
        "comment", blank=True, help_text="Why the board manager returned the update, and what it needs."
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Raised on every save, so a second person's stale save is refused rather than overwriting.
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()
    objects = ProgressUpdateQuerySet.as_manager()

    class Meta:
        ordering = ["action", "-round__as_of"]
        constraints = [
            models.UniqueConstraint(fields=["action", "round"], name="one_update_per_action_and_round"),
        ]
        indexes = [
            # Each action's latest accepted update (accepted().latest_per_action(), on every plan page, action
            # list and paper) read from this narrow index, not from the table, whose rows carry ~1,000 characters
            # of progress: 3.6 ms against 12.5 ms for a plan of 200 actions × 10 rounds on PostgreSQL, which reads
            # it without touching the table. "accepted" is State.ACCEPTED, not in reach inside Meta.
            models.Index(
                fields=["action", "round", "id"],
                include=["rag"],
                condition=Q(state="accepted"),
                name="accepted_progress",
            ),
        ]
        permissions = [
            ("submit_progressupdate", "Can write and submit progress for their agencies' actions"),
            ("review_progressupdate", "Can accept or return submitted progress"),
        ]

    def __str__(self):
        return f"{self.action} – {self.round.label}"

    def get_absolute_url(self):
        return self.action.get_absolute_url()

    @property
    def was_imported(self) -> bool:
        """Accepted with nobody named as writer, submitter or acceptor: only an import leaves an update so."""
        people = (self.author_id, self.submitted_by_id, self.accepted_by_id)
        return self.state == self.State.ACCEPTED and all(person is None for person in people)

    def clean(self):
        if self.action_id and self.round_id and self.action.plan_id not in (None, self.round.plan_id):
            raise ValidationError({"round": "This round belongs to another plan."})
        if self.rag and self.round_id:
            scale = self.round.plan.scale
            if not scale.has(self.rag):
                allowed = f"one of {scale.allowed}" if scale.levels else "left blank: the plan has no rating scale"
                raise ValidationError(
                    {"rag": f"“{self.rag}” is not a rating on this plan's scale; it must be {allowed}."}
                )


class ReminderLog(models.Model):
    """One reminder e-mail to one person about one round, so a reason is never sent twice."""

    class Reason(models.TextChoices):
        BEFORE_DEADLINE = "before_deadline", "Deadline approaching"
        AFTER_DEADLINE = "after_deadline", "Deadline passed"
        BY_MANAGER = "by_manager", "Sent by the board manager"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders")
    round = models.ForeignKey(ProgressRound, on_delete=models.CASCADE, related_name="reminders")
    reason = models.CharField(max_length=20, choices=Reason.choices)
    sent_at = models.DateTimeField(auto_now_add=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            # The scheduled reminders go once per person, round and reason; the manager may remind again.
            models.UniqueConstraint(
                fields=["user", "round", "reason"],
                condition=~Q(reason="by_manager"),
                name="scheduled_reminder_sent_once",
            ),
        ]

    def __str__(self):
        return f"{self.get_reason_display()} to {self.user} for {self.round}"
