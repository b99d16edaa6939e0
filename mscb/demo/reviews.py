"""The demo board's case reviews.

Invented from start to finish: anonymised names and no child's details. "Child S" is a practice review under way
whose rapid review's recommendations are already being acted on, "Child T" a rapid review of an incident the board
learnt of a few working days before the demo is loaded (so its statutory clock is running), and "Child P" an older
serious case review, closed.

Review actions are the plan's own actions (made by `reviews.services`), so their progress is written in the plan's
rounds: accepted in the story's December 2025 round, part-way through the workflow in its March 2026 one. Child S's
dates are the story's, moved with it; Child P's are history and stay as they were.
"""

from datetime import date

from objectives.models import Agency, BusinessPlan, Objective
from reviews import services
from reviews.clock import add_working_days
from reviews.models import Recommendation, RecommendationAction, Review, Subgroup

from .times import in_open_round
from .tracked_actions import TrackedActions

CASE_REVIEW_SUBGROUP = "Quality assurance and case review"


# Each recommendation's actions in order (so their references are CS-1.1, CS-1.2 …), with their progress
# by round. A round an action is missing from has nothing from its agency yet.
CHILD_S = {
    "name": "Child S",
    "code": "CS",
    "kind": Review.Kind.PRACTICE_REVIEW,
    "status": Review.Status.IN_PROGRESS,
    "summary": (
        "A primary school child was seriously injured at home. Several agencies knew of domestic abuse in the "
        "household and of missed health appointments, but nobody brought the information together.\n\n"
        "The rapid review made three recommendations that agencies are acting on while the local review runs."
    ),
    "incident_notified_on": date(2025, 6, 2),
    "panel_notified_on": date(2025, 6, 4),
    "rapid_review_on": date(2025, 6, 19),
    "commissioned_on": date(2025, 7, 14),
    # Six months from commissioning, extended with the national panel's agreement.
    "due_on": date(2026, 4, 30),
    "objectives": ["1.2", "2.1"],
    "story_dates": ["incident_notified_on", "panel_notified_on", "rapid_review_on", "commissioned_on", "due_on"],
    "recommendations": [
        {
            "number": 1,
            "text": (
                "When the police attend a domestic abuse incident where a child lives, the child's school should "
                "know before the next school day begins, in the school holidays as well as in term."
            ),
            "agencies": ["Police", "Schools"],
            "actions": [
                {
                    "text": "Extend the school notification scheme to incidents in the school holidays, with a "
                    "named holiday contact at every school.",
                    "leads": ["Police"],
                    "target": "March 2026",
                    "december": {
                        "rag": "green",
                        "progress": (
                            "The scheme now runs through the holidays. 41 of the 46 schools have named a holiday "
                            "contact; the other five have been asked again through the schools network."
                        ),
                        "impact": "Over the last half term 23 notifications reached a named contact by 9am.",
                    },
                    "march": {
                        "state": "submitted",
                        "submitted_at": in_open_round(9, 11, 40),
                        "rag": "green",
                        "progress": (
                            "All 46 schools have a named holiday contact. Notifications over the last two school "
                            "holidays went out by 9am the next day, as in term time."
                        ),
                        "impact": "58 holiday notifications since October, every one received by a named contact.",
                    },
                },
                {
                    "text": "Audit 20 notifications to check that schools recorded what they did with each one.",
                    "leads": ["Schools"],
                    "target": "March 2026",
                    "december": {
                        "rag": "amber",
                        "progress": "The audit tool is agreed; the audit is booked for the next half term.",
                        "impact": "",
                    },
                },
            ],
        },
        {
            "number": 2,
            "text": (
                "Health services should treat a child not brought to two appointments in a row as a possible sign "
                "of neglect, and tell the child's GP and health visitor or school nurse."
            ),
            "agencies": ["ICB", "Community Health"],
            "actions": [
                {
                    "text": "Adopt a 'was not brought' policy in every GP practice, with a prompt in the "
                    "practice's clinical system.",
                    "leads": ["ICB"],
                    "target": "March 2026",
                    "december": {
                        "rag": "amber",
                        "progress": (
                            "The ICB's safeguarding committee agreed the policy in November. 12 of the 31 GP "
                            "practices have the prompt; the rest will have it after the system update in January."
                        ),
                        "impact": "",
                    },
                    "march": {
                        "state": "submitted",
                        "submitted_at": in_open_round(12, 15, 10),
                        "rag": "green",
                        "progress": "29 of the 31 practices have the prompt; the last two get it in April.",
                        "impact": (
                            "In February practices followed up 64 children not brought to appointments, against "
                            "19 in the same month last year."
                        ),
                    },
                },
                {
                    "text": "Train health visitors and school nurses in the 'was not brought' policy and check "
                    "its use three months later.",
                    "leads": ["Community Health"],
                    "target": "2026-03-31",
                    "december": {
                        "rag": "green",
                        "progress": "Four briefings held; 88 of the 104 health visitors and school nurses came.",
                        "impact": "",
                    },
                    "march": {
                        "state": "accepted",
                        "submitted_at": in_open_round(5, 14, 0),
                        "accepted_at": in_open_round(6, 10, 15),
                        "rag": "green",
                        "progress": (
                            "Everyone has now been trained. The three-month check looked at 30 records:\n"
                            "- 27 showed the GP was told after a second missed appointment\n"
                            "- 3 did not, and the teams concerned have been spoken to"
                        ),
                        "impact": "27 of 30 records (90%) followed the policy, against 11 of 30 before it.",
                    },
                },
            ],
        },
        {
            "number": 3,
            "text": (
                "When a strategy discussion is held about a child, children's social care should invite health "
                "and the school as well as the police, and record why if either cannot take part."
            ),
            "agencies": ["Children's Services", "Police", "ICB"],
            "actions": [
                {
                    "text": "Change the strategy discussion record so that it asks who from health and education "
                    "took part, and why not if nobody did.",
                    "leads": ["Children's Services"],
                    "target": "March 2026",
                    "december": {
                        "rag": "green",
                        "progress": "The new record has been in use since 17 November.",
                        "impact": "Health took part in 38 of the 45 strategy discussions held since then.",
                    },
                    "march": {
                        "state": "draft",
                        "rag": "green",
                        "progress": "A dip sample of 20 strategy discussions is under way.",
                        "impact": "",
                    },
                },
                {
                    "text": "Make the police and health safeguarding duty lines able to join a strategy "
                    "discussion within two hours.",
                    "leads": ["Police", "ICB"],
                    "target": "March 2026",
                    "december": {
                        "rag": "amber",
                        "progress": (
                            "The police duty line can join within two hours in office hours. Health cover outside "
                            "office hours is still being agreed with the hospitals trust."
                        ),
                        "impact": "",
                    },
                    "march": {
                        "state": "submitted",
                        "submitted_at": in_open_round(11, 16, 30),
                        "rag": "amber",
                        "progress": (
                            "Out-of-hours health cover starts on 1 April. Until then the police duty line covers "
                            "evenings and weekends alone."
                        ),
                        "impact": "Since January 41 of 44 strategy discussions started within two hours.",
                    },
                },
            ],
        },
    ],
}

CHILD_T = {
    "name": "Child T",
    "code": "CT",
    "kind": Review.Kind.RAPID_REVIEW,
    "status": Review.Status.NOTIFIED,
    "summary": (
        "A teenager was seriously harmed in the community. The police and the youth justice service knew of "
        "concerns about exploitation. The rapid review will decide whether a local review is needed."
    ),
    "objectives": ["2.2"],
    "recommendations": [],
}

CHILD_P = {
    "name": "Child P",
    "code": "CP",
    "kind": Review.Kind.SERIOUS_CASE_REVIEW,
    "status": Review.Status.CLOSED,
    "summary": (
        "A serious case review about the neglect of a young child. Its action plan was completed and signed off "
        "by the board in 2021."
    ),
    "commissioned_on": date(2018, 3, 5),
    "due_on": date(2018, 12, 31),
    "completed_on": date(2019, 1, 31),
    "published_on": date(2019, 5, 14),
    "objectives": [],
    "recommendations": [],
}


def load_reviews(loader, business_plan: BusinessPlan, agencies: dict[str, Agency], officers: dict, today: date):
    """Create whichever demo reviews, recommendations and their actions and progress are missing."""
    actions = TrackedActions(loader, business_plan, agencies, officers)
    subgroup, _ = loader.ensure(Subgroup, {"name": CASE_REVIEW_SUBGROUP}, {})
    # Child T's clock is set from the day the demo is loaded, so its next step is always days away.
    notified = add_working_days(today, -3)
    child_t = {**CHILD_T, "incident_notified_on": notified, "panel_notified_on": add_working_days(notified, 1)}
    child_s = {**CHILD_S, **{key: loader.calendar.day(CHILD_S[key]) for key in CHILD_S["story_dates"]}}
    for spec in (child_s, child_t, CHILD_P):
        review = _review(loader, business_plan, spec, subgroup)
        for recommendation_spec in spec["recommendations"]:
            _recommendation(loader, actions, review, recommendation_spec)


def _review(loader, business_plan: BusinessPlan, spec: dict, subgroup: Subgroup) -> Review:
    """The review, saved by the service the register's form uses, so its statutory deadlines are worked out."""
    objectives = Objective.objects.filter(plan=business_plan, ref__in=spec["objectives"])
    skipped = ("name", "objectives", "recommendations", "story_dates")
    fields = {key: value for key, value in spec.items() if key not in skipped}
    review, _ = loader.ensure(
        Review,
        {"name": spec["name"]},
        {**fields, "subgroup": subgroup},
        save=lambda review: services.save_review(review=review, objectives=objectives, expected_version=None),
    )
    return review


def _recommendation(loader, actions: TrackedActions, review: Review, spec: dict) -> None:
    lookup = {"review": review, "number": spec["number"]}
    recommendation, is_new = loader.ensure(Recommendation, lookup, {"text": spec["text"]})
    if is_new:
        recommendation.agencies.set([actions.agencies[short_name] for short_name in spec["agencies"]])
    actions.ensure(
        spec["actions"],
        source=recommendation,
        link_model=RecommendationAction,
        source_field="recommendation",
        add=services.add_recommendation_action,
    )
