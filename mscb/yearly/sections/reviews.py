"""A placeholder for a section of the yearly report, until its figures are gathered."""

from ..registry import YearlySection


def build(plan) -> dict:
    return {}


def write_word(document, figures: dict) -> None:
    return None


SECTION = YearlySection(
    key="reviews",
    title="Case reviews: decisions and actions on their recommendations",
    asks_for=(
        "A record of the decisions and actions taken (or planned) to implement the recommendations "
        "of local and national child safeguarding practice reviews, and the improvements they led "
        "to."
    ),
    build=build,
    template_name="yearly/sections/_pending.html",
    write_word=write_word,
)
