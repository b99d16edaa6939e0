"""The words the public pages open with: what the board is for and how to raise a concern about a child."""

from django.db import models
from simple_history.models import HistoricalRecords

from .one_row import OneRow


class PublicProfile(OneRow):
    """One row: the board's public words. The board's name comes from the BOARD_NAME setting."""

    purpose = models.TextField(
        "what the partnership does",
        blank=True,
        help_text="A few sentences for the public: who the partners are and what they do together.",
    )
    raise_a_concern = models.TextField(
        "how to raise a concern about a child",
        blank=True,
        help_text="Who to contact, with telephone numbers, including out of hours and in an emergency (999).",
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "public pages' words"
        verbose_name_plural = "public pages' words"

    def __str__(self):
        return "The public pages' words"
