"""An earlier year of the demo board's child death overview panel, as its committee saw it: the panel's narrative
and main messages, without figures (the board had none to hand). Fictional, like the rest of the demo."""

from datetime import date

from reviews.models import CdopYear

NARRATIVE_YEAR = {
    "title": "2022/23",
    "ends_on": date(2023, 3, 31),
    "deaths_reviewed": None,
    "with_modifiable_factors": None,
    "summary": (
        "The panel kept up with its reviews all year, and its learning on safer sleep and on the transfer of care "
        "between hospitals changed how partners work."
    ),
    "narrative": (
        "The panel met every two months and completed most reviews within six months of the death being "
        "notified, well inside the national expectation. Where a review waited longer, it was for an inquest or "
        "a criminal investigation to finish first.\n\n"
        "Learning that changed practice this year:\n"
        "- Health visitors now talk through safer sleep at every contact in the first year, not only at the new "
        "birth visit, after the panel found that plans changed when babies were moved between homes.\n"
        "- The two hospital trusts agreed one checklist for transferring a seriously ill child, after a review "
        "found that information was lost between teams.\n"
        "- The rapid response team now visits the family home within 24 hours of an unexpected death, with a "
        "police officer trained in bereavement.\n\n"
        "The panel joined with two neighbouring areas to share an independent chair and to look at patterns "
        "across a larger number of deaths."
    ),
}


def load_cdop_narrative(loader) -> None:
    """Create the narrative-only CDOP year if it is missing."""
    loader.ensure(CdopYear, {"title": NARRATIVE_YEAR["title"]}, NARRATIVE_YEAR)
