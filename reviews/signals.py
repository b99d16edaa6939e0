"""A bank holiday added, moved or removed (in the admin) moves the deadlines of the reviews it falls within.

The receivers only call the service that works the deadlines out again.
"""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from .models import BankHoliday
from .services import refresh_deadlines_around


@receiver(pre_save, sender=BankHoliday, dispatch_uid="reviews_bank_holiday_before")
def _remember_the_old_date(sender, instance, raw=False, **kwargs):
    if instance.pk and not raw:
        instance._previous_on = BankHoliday.objects.filter(pk=instance.pk).values_list("on", flat=True).first()


@receiver(post_save, sender=BankHoliday, dispatch_uid="reviews_bank_holiday_saved")
def _bank_holiday_saved(sender, instance, raw=False, **kwargs):
    if raw:  # loading fixtures: no reviews to move
        return
    previous = getattr(instance, "_previous_on", None)
    refresh_deadlines_around(days=[instance.on, *([previous] if previous else [])])


@receiver(post_delete, sender=BankHoliday, dispatch_uid="reviews_bank_holiday_deleted")
def _bank_holiday_deleted(sender, instance, **kwargs):
    refresh_deadlines_around(days=[instance.on])
