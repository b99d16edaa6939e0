"""The demo board's child death overview panel (CDOP): its last year (2024/25 in the story), in aggregate figures
only, and the actions from its annual report, which are the plan's own actions with progress in the plan's rounds.
"""

from datetime import date

from objectives.models import Agency, BusinessPlan
from reviews import services
from reviews.models import CdopAction, CdopCategory, CdopFigure, CdopYear

from .times import in_open_round
from .tracked_actions import TrackedActions

CDOP_YEAR = {
    "title": "2024/25",
    "ends_on": date(2025, 3, 31),
    "deaths_reviewed": 28,
    "with_modifiable_factors": 8,
    "summary": (
        "The panel reviewed 28 deaths of children in Eastmere, most of them babies under one year old. It found "
        "modifiable factors in 8, most often unsafe sleeping arrangements and smoking in the home.\n\n"
        "Its recommendations are about safer sleep, water safety and children who harm themselves."
    ),
}

# The national categories, in their usual order, with the deaths in each: they add up to the deaths reviewed.
CDOP_FIGURES = {
    "Deliberately inflicted injury, abuse or neglect": 1,
    "Suicide or deliberate self-inflicted harm": 2,
    "Trauma and other external factors": 2,
    "Malignancy": 3,
    "Acute medical or surgical condition": 2,
    "Chronic medical condition": 2,
    "Chromosomal, genetic and congenital anomalies": 6,
    "Perinatal or neonatal event": 7,
    "Infection": 1,
    "Sudden unexpected, unexplained death": 2,
}

CDOP_ACTIONS = [
    {
        "text": "Give every family with a new baby the safer sleep message at the new birth visit and again at "
        "six to eight weeks, and record that it was given.",
        "leads": ["ICB", "Community Health"],
        "target": "March 2026",
        "december": {
            "rag": "green",
            "progress": "The safer sleep checklist is part of the new birth visit record since September.",
            "impact": "The message was recorded at 94% of new birth visits in October and November.",
        },
        "march": {
            "state": "accepted",
            "submitted_at": in_open_round(4, 9, 20),
            "accepted_at": in_open_round(4, 16, 0),
            "rag": "green",
            "progress": "The six-to-eight-week check now records the message too.",
            "impact": "Recorded at 96% of new birth visits and 91% of six-to-eight-week checks in February.",
        },
    },
    {
        "text": "Run a water safety campaign with schools and the fire service before the Easter and summer "
        "holidays, aimed at 11 to 16 year olds.",
        "leads": ["Schools", "Children's Services"],
        "target": "March 2026",
        "december": {
            "rag": "green",
            "progress": "The first campaign reached every secondary school; the second is being planned.",
            "impact": "",
        },
        "march": {
            "state": "draft",
            "rag": "green",
            "progress": "Assemblies are booked in 9 of the 11 secondary schools for the last week of term.",
            "impact": "",
        },
    },
    {
        "text": "Give school staff a short guide to the self-harm pathway, and agree with the ICB how schools "
        "refer a child to mental health services on the same day.",
        "leads": ["ICB", "Schools"],
        "target": "March 2026",
        "december": {
            "rag": "amber",
            "progress": "The guide is written; the same-day referral route needs the mental health trust's agreement.",
            "impact": "",
        },
        "march": {
            "state": "submitted",
            "submitted_at": in_open_round(10, 13, 45),
            "rag": "amber",
            "progress": "The guide went to every school in February. The same-day route starts in May.",
            "impact": "",
        },
    },
]


def load_cdop(loader, business_plan: BusinessPlan, agencies: dict[str, Agency], officers: dict) -> None:
    """Create whichever of the demo CDOP year, its figures and its actions with their progress are missing."""
    # The panel's last full year before the plan's, whatever year the demo is loaded in.
    calendar = loader.calendar
    title, ends_on = calendar.plan_text(CDOP_YEAR["title"]), calendar.year_day(CDOP_YEAR["ends_on"])
    fields = {**CDOP_YEAR, "title": title, "ends_on": ends_on}
    year, _ = loader.ensure(CdopYear, {"title": fields["title"]}, fields)
    for position, (name, deaths) in enumerate(CDOP_FIGURES.items(), start=1):
        category, _ = loader.ensure(CdopCategory, {"name": name}, {"position": position})
        loader.ensure(CdopFigure, {"year": year, "category": category}, {"deaths": deaths})
    TrackedActions(loader, business_plan, agencies, officers).ensure(
        CDOP_ACTIONS, source=year, link_model=CdopAction, source_field="year", add=services.add_cdop_action
    )
