"""The board's settings that exist once: the public pages' words, the retention periods."""

from django.db import models


class OneRow(models.Model):
    """A model with a single row, kept at pk 1 and made with its defaults the first time it is asked for."""

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    @classmethod
    def current(cls):
        row, _ = cls.objects.get_or_create(pk=1)
        return row
