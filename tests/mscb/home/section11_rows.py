"""Section 11 returns for the home page tests, made straight from the models: a cycle asking the given agencies."""

from datetime import timedelta

from django.utils import timezone

from assurance.models import Section11Cycle, Section11Return
from core.models import RatingScale

_made = 0


def cycle_asking(plan, agencies, *, deadline_in_days=14, published=False) -> Section11Cycle:
    global _made
    _made += 1
    today = timezone.localdate()
    cycle = Section11Cycle.objects.create(
        title=f"Section 11 test {_made}",
        code=f"T{_made}",
        plan=plan,
        scale=RatingScale.objects.get(name="rag"),
        opens_on=today - timedelta(days=30),
        deadline=today + timedelta(days=deadline_in_days),
        published_on=today if published else None,
    )
    cycle.agencies.set(agencies)
    return cycle


def return_of(cycle, agency, status=Section11Return.Status.DRAFT) -> Section11Return:
    submitted_on = None if status == Section11Return.Status.DRAFT else timezone.now()
    return Section11Return.objects.create(cycle=cycle, agency=agency, status=status, submitted_on=submitted_on)
