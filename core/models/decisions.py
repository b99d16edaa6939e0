"""The board's decision on a recommendation, whatever made it: a case review, an inspection, an audit.

Working Together asks boards to keep a record of the decisions and actions taken on review recommendations;
inspections and scrutiny reviews are tracked the same way. Each kind of recommendation keeps its decision in
these fields, so the register, the paper and the yearly report read every source alike.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


class Decision(models.TextChoices):
    AWAITING = "", "Awaiting decision"
    ACCEPTED = "accepted", "Accepted"
    PARTLY_ACCEPTED = "partly_accepted", "Partly accepted"
    NOT_ACCEPTED = "not_accepted", "Not accepted"


# A board that does not take a recommendation, or only part of it, must say why.
NEEDS_REASONS = (Decision.PARTLY_ACCEPTED, Decision.NOT_ACCEPTED)


class RecordedDecision(models.Model):
    decision = models.CharField(max_length=20, choices=Decision, blank=True, default=Decision.AWAITING)
    decision_reasons = models.TextField(
        "reasons", blank=True, help_text="Why the board did not accept it, or accepted only part of it."
    )
    decided_by = models.CharField(
        "decided by", max_length=120, blank=True, help_text="Who decided, such as “The board” or “Executive group”."
    )
    decision_meeting = models.CharField(
        "at the meeting",
        max_length=120,
        blank=True,
        help_text="The meeting it was decided at, such as “Board, 12 March 2026”.",
    )
    decided_on = models.DateField("decided on", null=True, blank=True)

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        errors = {}
        if self.decision in NEEDS_REASONS and not self.decision_reasons.strip():
            errors["decision_reasons"] = (
                f"Give the board's reasons: a recommendation {self.get_decision_display().lower()} needs them."
            )
        if self.decision and self.decided_on is None:
            errors["decided_on"] = "Give the date the board decided."
        if self.decided_on and self.decided_on > timezone.localdate():
            errors["decided_on"] = "The date of the decision cannot be in the future."
        if not self.decision and (self.decided_on or self.decided_by.strip() or self.decision_meeting.strip()):
            errors["decision"] = "Choose the board's decision, or clear who decided, the meeting and the date."
        if errors:
            raise ValidationError(errors)
