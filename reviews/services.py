"""The writes of case reviews and CDOP: saving reviews with their statutory deadlines, recommendations, CDOP years
with their figures, and making plan actions out of a recommendation or a CDOP annual report.

A review's action is "CS-2.1" (review code, recommendation number, action number); a CDOP action is
"CDOP25-1" (the panel's year by the year it ends in, action number). Both are unique within their plan.
"""

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Unpack

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from core.formats import plural
from objectives.models import Action, Agency, BusinessPlan, Objective
from objectives.services.conflicts import take_next_version
from objectives.services.sourced_actions import ActionFields, add_sourced_action

from . import clock
from .models import (
    CdopAction,
    CdopCategory,
    CdopFigure,
    CdopYear,
    Recommendation,
    RecommendationAction,
    Review,
)

# Reviews


def set_statutory_deadlines(*, review: Review) -> None:
    """Work out the review's deadlines under the guidance it began under; the caller saves.

    The national panel's and the rapid review's count from the day the board learned of the incident, and exist
    only from the 2018 guidance on; completion is the review's own due date or else, for a local review, the
    guidance's timescale from the decision to initiate it (six months for a serious case review under 2010 to
    2015). Stored rather than computed on reading, so the register's lists can filter and sort on them.
    """
    edition, notified = review.edition, review.incident_notified_on
    review.panel_due_on = review.rapid_review_due_on = None
    if notified and edition.has_national_panel:
        review.panel_due_on, review.rapid_review_due_on = clock.statutory_deadlines(notified, edition)
    guidance_due = edition.completion_due(review.decided_on) if review.is_local_review else None
    review.completion_due_on = review.due_on or guidance_due


@transaction.atomic
def save_review(*, review: Review, objectives: Iterable[Objective], expected_version: int | None) -> Review:
    """Save a review and the objectives it informs, unless someone saved it after `expected_version` was loaded."""
    if review.pk is not None:
        # Refused as a stale save of a plan action is, naming who saved it and when.
        take_next_version(review, expected_version=expected_version, subject=lambda saved: f"review {saved}")
    set_statutory_deadlines(review=review)
    try:
        # A savepoint, so the refusal below leaves the transaction usable.
        with transaction.atomic():
            review.save()
            review.objectives.set(objectives)
    except IntegrityError:
        # The form checked the name and prefix; another review with the same took them in the meantime.
        raise ValidationError(
            "Another review with this anonymised name or reference prefix was saved just now. "
            "Choose another and save again."
        ) from None
    return review


# 15 working days never span more than this many calendar days, even over Christmas and Easter together.
_LONGEST_CLOCK_DAYS = 35


def refresh_deadlines_around(*, days: list[date]) -> int:
    """Work out again the deadlines of reviews whose clock runs over any of `days`; how many moved.

    Called when a bank holiday is added, moved or removed, so a review's stored deadlines (which lists
    filter on) never keep a holiday the table no longer has, or miss one it has gained.
    """
    moved = 0
    for day in sorted(set(days)):
        window = (day - timedelta(days=_LONGEST_CLOCK_DAYS), day - timedelta(days=1))
        for review in Review.objects.filter(incident_notified_on__range=window):
            stored = (review.panel_due_on, review.rapid_review_due_on)
            set_statutory_deadlines(review=review)
            if stored != (review.panel_due_on, review.rapid_review_due_on):
                # Saved through the model, so the review's history shows when and why its deadline moved.
                review.save(update_fields=["panel_due_on", "rapid_review_due_on", "completion_due_on"])
                moved += 1
    return moved


# Recommendations


@transaction.atomic
def save_recommendation(
    *, recommendation: Recommendation, agencies: Iterable[Agency], expected_version: int | None
) -> Recommendation:
    """Save a recommendation and its agencies unless someone saved it after `expected_version` was loaded."""
    take_next_version(
        recommendation, expected_version=expected_version, subject=lambda saved: f"recommendation {saved.number}"
    )
    recommendation.save()
    recommendation.agencies.set(agencies)
    return recommendation


# CDOP years


@transaction.atomic
def save_cdop_year(
    *, year: CdopYear, figures: dict[CdopCategory, int | None], expected_version: int | None
) -> CdopYear:
    """Save the year and its figure per category (0 kept as 0; None, not recorded, removes the category's figure),
    unless the year changed since it was loaded."""
    existing: dict[int, CdopFigure] = {}
    if year.pk:
        take_next_version(year, expected_version=expected_version, subject=str)
        existing = {figure.category_id: figure for figure in CdopFigure.objects.filter(year=year)}
    _refuse_categories_over_reviewed(year, figures, existing)
    year.full_clean()
    year.save()
    for category, deaths in figures.items():
        figure = existing.get(category.pk)
        if figure is None and deaths is not None:
            CdopFigure(year=year, category=category, deaths=deaths).save()
        elif figure is not None and deaths is None:
            figure.delete()
        elif figure is not None and figure.deaths != deaths:
            # Only real changes are saved, so the history shows what someone changed, not every number again.
            figure.deaths = deaths
            figure.save(update_fields=["deaths"])
    return year


def _refuse_categories_over_reviewed(
    year: CdopYear, figures: dict[CdopCategory, int | None], existing: dict[int, CdopFigure]
) -> None:
    """Each death reviewed falls in one category at most, so the categories cannot add up to more (when the
    deaths reviewed are known: an unknown total limits nothing)."""
    if year.deaths_reviewed is None:
        return
    given = {category.pk: deaths or 0 for category, deaths in figures.items()}
    kept = {category_id: figure.deaths for category_id, figure in existing.items() if category_id not in given}
    total = sum(given.values()) + sum(kept.values())
    if total > year.deaths_reviewed:
        raise ValidationError(
            f"The categories add up to {total}, more than the {plural(year.deaths_reviewed, 'death')} reviewed.",
            code="categories_over_reviewed",
        )


# Tracked actions: a recommendation's or a CDOP year's actions are the plan's own


@transaction.atomic
def add_recommendation_action(
    recommendation: Recommendation, *, plan: BusinessPlan, **fields: Unpack[ActionFields]
) -> Action:
    """A new action of the recommendation, reporting in `plan`'s progress rounds."""
    action = add_sourced_action(plan=plan, prefix=recommendation.action_ref_prefix, **fields)
    RecommendationAction.objects.create(recommendation=recommendation, action=action)
    return action


@transaction.atomic
def add_cdop_action(year: CdopYear, *, plan: BusinessPlan, **fields: Unpack[ActionFields]) -> Action:
    """A new action from the panel's annual report for `year`, reporting in `plan`'s progress rounds."""
    action = add_sourced_action(plan=plan, prefix=year.action_ref_prefix, **fields)
    CdopAction.objects.create(year=year, action=action)
    return action
