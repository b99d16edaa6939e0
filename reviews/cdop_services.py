"""Saving a CDOP year with its deaths per category: all or nothing, and never over someone else's later save."""

from django.core.exceptions import ValidationError
from django.db import transaction

from core.formats import plural
from objectives.services import take_next_version

from .models import CdopCategory, CdopFigure, CdopYear


@transaction.atomic
def save_cdop_year(*, year: CdopYear, figures: dict[CdopCategory, int], expected_version: int | None) -> CdopYear:
    """Save the year and a figure per category given (0 kept as 0), unless the year changed since it was loaded."""
    existing: dict[int, CdopFigure] = {}
    if year.pk:
        take_next_version(year, expected_version=expected_version, subject=str)
        existing = {figure.category_id: figure for figure in CdopFigure.objects.filter(year=year)}
    _refuse_categories_over_reviewed(year, figures, existing)
    year.full_clean()
    year.save()
    for category, deaths in figures.items():
        figure = existing.get(category.pk)
        if figure is None:
            CdopFigure(year=year, category=category, deaths=deaths).save()
        elif figure.deaths != deaths:
            # Only real changes are saved, so the history shows what someone changed, not every number again.
            figure.deaths = deaths
            figure.save(update_fields=["deaths"])
    return year


def _refuse_categories_over_reviewed(
    year: CdopYear, figures: dict[CdopCategory, int], existing: dict[int, CdopFigure]
) -> None:
    """Each death reviewed falls in one category at most, so the categories cannot add up to more."""
    given = {category.pk: deaths for category, deaths in figures.items()}
    kept = {category_id: figure.deaths for category_id, figure in existing.items() if category_id not in given}
    total = sum(given.values()) + sum(kept.values())
    reviewed = year.deaths_reviewed or 0
    if total > reviewed:
        raise ValidationError(
            f"The categories add up to {total}, more than the {plural(reviewed, 'death')} reviewed.",
            code="categories_over_reviewed",
        )
