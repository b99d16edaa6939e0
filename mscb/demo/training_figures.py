"""Training the demo board recorded but did not book through the product: figures from before it was used and
from other providers, as the committee's papers quoted them. The latest round's paper counts training since
March 2011, so they print there. Every course, provider and number is invented."""

from datetime import date

from objectives.models import BusinessPlan, ProgressRound
from training.models import PaperPeriod, TrainingFigure

# (course, from, to, attended, provider, note): "to" equal to "from" is a single day's training.
FIGURES = [
    (
        "Domestic abuse and safeguarding children (full day)",
        date(2011, 3, 1),
        date(2013, 3, 31),
        111,
        "",
        "Run by the board before bookings moved online.",
    ),
    (
        "Safer sleep briefing for midwives and health visitors",
        date(2019, 5, 14),
        date(2019, 5, 14),
        38,
        "Eastmere Community Health NHS Trust",
        "",
    ),
    (
        "Child sexual exploitation: awareness for taxi drivers",
        date(2017, 9, 1),
        date(2018, 3, 31),
        246,
        "Eastmere Council licensing team",
        "A condition of holding a licence since September 2017.",
    ),
]
PAPER_STARTS_ON = date(2011, 3, 1)


def load_training_figures(loader, business_plan: BusinessPlan) -> None:
    """Create whichever recorded figures are missing, and the latest round's period if it has none."""
    for course_title, starts_on, ends_on, attended, provider, note in FIGURES:
        lookup = {"course_title": course_title, "starts_on": starts_on, "ends_on": ends_on}
        loader.ensure(TrainingFigure, lookup, {"attended": attended, "provider": provider, "note": note})
    latest = ProgressRound.objects.filter(plan=business_plan).order_by("-as_of").first()
    if latest is not None:
        loader.ensure(PaperPeriod, {"progress_round": latest}, {"starts_on": PAPER_STARTS_ON})
