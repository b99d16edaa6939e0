"""The demo's feedback from children and families: three invented items for the demo plan, in the board's words.

Nobody is named or can be recognised; each item says how it was gathered, what was said and what changed.
An item gathered for a round's report belongs to the first round on or after the day it came in.
"""

from datetime import date

from mscb.models.yearly import FamilyFeedback
from objectives.models import BusinessPlan

# (story day received, how it was gathered, what they told us, what we did about it, for a round's report)
ITEMS = [
    (
        date(2025, 9, 18),
        "Youth council session",
        "Members said they did not know who to tell when a friend was being hurt at home, and that school posters "
        "about help were aimed at younger children.",
        "The education subgroup rewrote the secondary school posters with the youth council, who chose the words "
        "and the pictures; they are now up in every secondary school.",
        True,
    ),
    (
        date(2025, 11, 20),
        "Parents' survey after early help assessments",
        "Most parents felt listened to, but many said they had to tell their story again to each new worker and "
        "that letters used words they did not understand.",
        "Early help now shares one family summary between workers, with the family's agreement, and the letters "
        "were rewritten in plain English with parents from the survey.",
        True,
    ),
    (
        date(2026, 2, 12),
        "Young people's consultation on online safety",
        "Young people said online safety lessons came too late and talked about dangers they already knew, not "
        "about what to do when something goes wrong.",
        "",
        False,
    ),
]


def load_family_feedback(loader, business_plan: BusinessPlan) -> None:
    """Create whichever of the items is missing, by plan and how it was gathered."""
    for story_day, source, summary, response, for_round in ITEMS:
        received_on = loader.calendar.day(story_day)
        progress_round = None
        if for_round:
            progress_round = business_plan.rounds.filter(as_of__gte=received_on).order_by("as_of").first()
        fields = {"received_on": received_on, "round": progress_round, "summary": summary, "response": response}
        loader.ensure(FamilyFeedback, {"plan": business_plan, "source": source}, fields)
