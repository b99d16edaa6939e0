"""The covering report of a round's committee paper, and the board's template of its numbered headings.

The committee debates the covering report; the plan table follows it as the appendix. The board manager
writes one per round in the browser, under headings the board keeps as its own template.
"""

from django.db import models
from simple_history.models import HistoricalRecords

from core.formats import month_year

from .progress import ProgressRound

TEXT_HELP = "Leave a blank line between paragraphs; start bullets with “- ”."


class CommitteeHeading(models.Model):
    """One numbered heading of the board's covering report template; migration 0011 gave the usual council ones."""

    position = models.PositiveSmallIntegerField()
    heading = models.CharField(max_length=200, unique=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.heading


class CoveringReport(models.Model):
    round = models.OneToOneField(ProgressRound, on_delete=models.CASCADE, related_name="covering_report")
    meeting_on = models.DateField("meeting date", null=True, blank=True)
    committee = models.CharField(max_length=200)
    title = models.CharField(max_length=300)
    report_from_name = models.CharField(
        "report from (name)", max_length=200, blank=True, help_text="Usually the Independent Chair's name."
    )
    report_from_role = models.CharField(
        "report from (role)", max_length=200, blank=True, help_text="Such as Independent Chair."
    )
    author = models.CharField(max_length=200, blank=True, help_text="Printed on the cover as the report's author.")
    contact = models.CharField(
        "contact details", max_length=300, blank=True, help_text="Such as a telephone number and e-mail address."
    )
    summary = models.TextField(blank=True, help_text=TEXT_HELP)
    # Raised on every save, so a second person's stale save is refused rather than overwriting.
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    def __str__(self):
        return f"Covering report: {self.title}"

    @staticmethod
    def default_title(progress_round: ProgressRound) -> str:
        return f"Business plan {progress_round.plan.title}: progress report {month_year(progress_round.as_of)}"


class CoveringSection(models.Model):
    """The text under one numbered heading; a heading with no text has no row and is left out of the paper."""

    report = models.ForeignKey(CoveringReport, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField()
    # Kept as written, so a heading the template later renames or drops still prints as the committee saw it.
    heading = models.CharField(max_length=200)
    text = models.TextField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["report", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["report", "heading"], name="one_section_per_heading_in_covering_report"),
        ]

    def __str__(self):
        return self.heading
