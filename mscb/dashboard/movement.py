"""Whether an action's rating got better or worse since the round before, on its plan's scale.

"Better" follows the scale's order (a level's rank: the higher, the further on), with two rules before it, so that
a board's own scale reads as the committee would: reaching a level that counts as complete is always better and
leaving one always worse; and entering a level marked as an exception (Red, "3 Slipped") from one that is not is
always worse, leaving one always better. So on RAG, Not started → Red is worse (the action is now off track) and
Green → Complete better. A blank rating, or a value the scale no longer has, counts as no rating: an action with
no rating in the round before and one now is "new"; one with no rating now is "not rated", whatever it had before.
"""

from django.db import models

from core.rating import Rating, Scale


class Movement(models.TextChoices):
    """In the order the movement table's columns read."""

    IMPROVED = "improved", "Improved"
    WORSE = "worse", "Worse"
    UNCHANGED = "unchanged", "Unchanged"
    NEW = "new", "New"
    NOT_RATED = "not_rated", "Not rated"


def standing(level: Rating) -> tuple[bool, bool, int]:
    """How far on a level is, for comparing two levels of one scale: complete first, then clear of exceptions."""
    return (level.is_complete, not level.is_exception, level.rank)


def rated_level(scale: Scale, value: str | None) -> Rating | None:
    """The level `value` stands for on `scale`, or None for no rating (blank, none, or a value it lacks)."""
    if not value or not scale.has(value):
        return None
    return scale.rating(value)


def movement(scale: Scale, before: str | None, now: str | None) -> Movement:
    """How an action moved from its rating `before` (the round before's) to `now` (this round's)."""
    level_now, level_before = rated_level(scale, now), rated_level(scale, before)
    if level_now is None:
        return Movement.NOT_RATED
    if level_before is None:
        return Movement.NEW
    if standing(level_now) > standing(level_before):
        return Movement.IMPROVED
    if standing(level_now) < standing(level_before):
        return Movement.WORSE
    return Movement.UNCHANGED
