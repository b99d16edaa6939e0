"""Saving performance indicators and their values; each refuses a stale save rather than overwrite someone's."""

from django.core.exceptions import ValidationError
from django.db import transaction

from ..models import Indicator, IndicatorValue
from .conflicts import take_next_version


@transaction.atomic
def save_indicator(*, indicator: Indicator, objectives, expected_version: int | None) -> Indicator:
    """Save an indicator and the objectives it belongs to, unless someone saved it since it was loaded."""
    if indicator.pk:
        take_next_version(indicator, expected_version=expected_version, subject=lambda saved: saved.name)
    indicator.full_clean()
    indicator.save()
    indicator.objectives.set(objectives)
    return indicator


@transaction.atomic
def record_indicator_value(*, value: IndicatorValue, entered_by, expected_version: int | None) -> IndicatorValue:
    """Save one period's value, naming who entered it; a second value for the same period is refused, not merged."""
    if value.pk:
        take_next_version(value, expected_version=expected_version, subject=lambda saved: f"the value for {saved}")
    clash = IndicatorValue.objects.filter(indicator_id=value.indicator_id, period_end=value.period_end)
    if clash.exclude(pk=value.pk).exists():
        raise ValidationError(
            {"period_end": f"A value for {value.period_text} is held already; edit that one instead."}
        )
    value.entered_by = entered_by
    value.full_clean()
    value.save()
    return value
