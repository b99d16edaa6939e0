"""The agencies that lead actions, and the people who write progress for them."""

from django.conf import settings
from django.db import models
from django.db.models import Value
from django.db.models.functions import Coalesce, Lower, NullIf
from simple_history.models import HistoricalRecords


class Agency(models.Model):
    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=40, blank=True)
    is_statutory_partner = models.BooleanField(
        "statutory partner", default=False, help_text="The council, police and health are the statutory partners."
    )
    is_active = models.BooleanField("active", default=True)
    # Agency contributors write progress for the actions their agencies lead.
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="agencies", blank=True)
    # Raised by each save through its edit form, so a save loaded before someone else's is refused, not lost.
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords(m2m_fields=[members])

    class Meta:
        # By the name pages show (the short name, else the full name), so "Police" sorts under P wherever agencies
        # are listed by it: filters, lead agencies columns, choices. Pages listing full names order by name.
        ordering = [Lower(Coalesce(NullIf("short_name", Value("")), "name")), "name"]
        verbose_name_plural = "agencies"

    def __str__(self):
        return self.short_name or self.name
