"""Case reviews and the child death overview panel. For now: the bank holidays the statutory clock skips."""

from django.db import models


class BankHolidayQuerySet(models.QuerySet):
    def dates_between(self, first, last) -> set:
        """The bank holidays from `first` to `last`, both included, as a set of dates."""
        return set(self.filter(on__range=(first, last)).values_list("on", flat=True))


class BankHoliday(models.Model):
    """A bank holiday in England and Wales; filled for 2012 to 2030, and the admin adds new ones."""

    on = models.DateField("date", unique=True)
    name = models.CharField(max_length=100)

    objects = BankHolidayQuerySet.as_manager()

    class Meta:
        ordering = ["on"]

    def __str__(self):
        return f"{self.name} ({self.on:%d %B %Y})"
