"""The demo board's case reviews and its child death overview panel (CDOP) year 2024/25.

Invented from start to finish: anonymised names, no child's details, CDOP figures in aggregate only.
"Child S" is a practice review under way whose rapid review's recommendations are already being acted
on, "Child T" a rapid review of an incident the board learnt of a few working days before the demo is
loaded (so its statutory clock is running), and "Child P" an older serious case review, closed.

Review and CDOP actions are the plan's own actions (made by `reviews.tracked`), so their progress is
written in the plan's rounds: accepted in December 2025, part-way through the workflow in March 2026.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.db.models import Q

from objectives.dates import parse_flexible_date
from objectives.models import Action, Agency, BusinessPlan, Objective, ProgressRound, ProgressUpdate
from reviews import services
from reviews.clock import add_working_days
from reviews.models import (
    CdopAction,
    CdopCategory,
    CdopFigure,
    CdopYear,
    Recommendation,
    RecommendationAction,
    Review,
    Subgroup,
)

from .progress_december import ROUND as DECEMBER
from .progress_march import ROUND as MARCH

_LONDON = ZoneInfo("Europe/London")
CASE_REVIEW_SUBGROUP = "Quality assurance and case review"


def _march(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=_LONDON)


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
                    "target": "2026-01-31",
                    "december": {
                        "rag": "green",
                        "progress": (
                            "The scheme now runs through the holidays. 41 of the 46 schools have named a holiday "
                            "contact; the other five have been asked again through the schools network."
                        ),
                        "impact": "Over the October half term 23 notifications reached a named contact by 9am.",
                    },
                    "march": {
                        "state": "submitted",
                        "submitted_at": _march(9, 11, 40),
                        "rag": "green",
                        "progress": (
                            "All 46 schools have a named holiday contact. Notifications over the Christmas and "
                            "February holidays went out by 9am the next day, as in term time."
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
                        "progress": "The audit tool is agreed; the audit is booked for February half term.",
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
                        "submitted_at": _march(12, 15, 10),
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
                    "target": "2026-02-28",
                    "december": {
                        "rag": "green",
                        "progress": "Four briefings held; 88 of the 104 health visitors and school nurses came.",
                        "impact": "",
                    },
                    "march": {
                        "state": "accepted",
                        "submitted_at": _march(5, 14, 0),
                        "accepted_at": _march(6, 10, 15),
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
                    "target": "2025-12-31",
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
                        "submitted_at": _march(11, 16, 30),
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
            "submitted_at": _march(4, 9, 20),
            "accepted_at": _march(4, 16, 0),
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
            "progress": "The summer campaign reached every secondary school; the Easter one is being planned.",
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
            "submitted_at": _march(10, 13, 45),
            "rag": "amber",
            "progress": "The guide went to every school in February. The same-day route starts in May.",
            "impact": "",
        },
    },
]


def load_reviews(loader, business_plan: BusinessPlan, agencies: dict[str, Agency], officers: dict, today: date):
    """Create whichever demo reviews, recommendations, CDOP figures and their actions and progress are missing."""
    rounds = {
        "december": ProgressRound.objects.get(plan=business_plan, as_of=DECEMBER["as_of"]),
        "march": ProgressRound.objects.get(plan=business_plan, as_of=MARCH["as_of"]),
    }
    demo = _Reviews(loader, business_plan, agencies, officers, rounds)
    subgroup, _ = loader.ensure(Subgroup, {"name": CASE_REVIEW_SUBGROUP}, {})
    # Child T's clock is set from the day the demo is loaded, so its next step is always days away.
    notified = add_working_days(today, -3)
    child_t = {**CHILD_T, "incident_notified_on": notified, "panel_notified_on": add_working_days(notified, 1)}
    for spec in (CHILD_S, child_t, CHILD_P):
        demo.review(spec, subgroup)
    demo.cdop_year(CDOP_YEAR, CDOP_FIGURES, CDOP_ACTIONS)


class _Reviews:
    def __init__(self, loader, business_plan, agencies, officers, rounds):
        self.loader = loader
        self.plan = business_plan
        self.agencies = agencies
        self.officers = officers
        self.rounds = rounds

    def review(self, spec: dict, subgroup: Subgroup) -> Review:
        fields = {key: value for key, value in spec.items() if key not in ("name", "objectives", "recommendations")}
        review, is_new = self.loader.ensure(Review, {"name": spec["name"]}, {**fields, "subgroup": subgroup})
        if is_new:
            review.objectives.set(Objective.objects.filter(plan=self.plan, ref__in=spec["objectives"]))
        for recommendation_spec in spec["recommendations"]:
            self.recommendation(review, recommendation_spec)
        return review

    def recommendation(self, review: Review, spec: dict) -> None:
        fields = {"text": spec["text"]}
        recommendation, is_new = self.loader.ensure(
            Recommendation, {"review": review, "number": spec["number"]}, fields
        )
        if is_new:
            recommendation.agencies.set([self.agencies[short_name] for short_name in spec["agencies"]])
        for position, action_spec in enumerate(spec["actions"], start=1):
            ref = f"{recommendation.action_ref_prefix}{position}"
            linked = Action.objects.filter(recommendation_link__recommendation=recommendation)
            action = self.existing_action(linked, ref, action_spec, RecommendationAction, recommendation=recommendation)
            if action is None:
                action = self.tracked_action(services.add_recommendation_action, recommendation, action_spec)
            self.progress(action, action_spec)

    def cdop_year(self, spec: dict, figures: dict[str, int], actions: list[dict]) -> None:
        year, _ = self.loader.ensure(CdopYear, {"title": spec["title"]}, spec)
        for position, (name, deaths) in enumerate(figures.items(), start=1):
            category, _ = self.loader.ensure(CdopCategory, {"name": name}, {"position": position})
            self.loader.ensure(CdopFigure, {"year": year, "category": category}, {"deaths": deaths})
        for position, action_spec in enumerate(actions, start=1):
            ref = f"{year.action_ref_prefix}{position}"
            linked = Action.objects.filter(cdop_link__year=year)
            action = self.existing_action(linked, ref, action_spec, CdopAction, year=year)
            if action is None:
                action = self.tracked_action(services.add_cdop_action, year, action_spec)
            self.progress(action, action_spec)

    def existing_action(self, linked, ref: str, spec: dict, link_model, **source) -> Action | None:
        """The demo action already made for this source, if any, linked to it again if the link was lost.

        Found by text as well as ref, since one re-made after a deletion may have taken the next number; and
        deleting a recommendation or a CDOP year leaves its actions in the plan, unlinked, under their refs.
        """
        action = linked.filter(plan=self.plan).filter(Q(ref=ref) | Q(text=spec["text"])).first()
        if action is not None:
            return action
        unlinked = Action.objects.filter(plan=self.plan, ref=ref, recommendation_link=None, cdop_link=None).first()
        if unlinked is not None:
            self.loader.ensure(link_model, {"action": unlinked}, source)
        return unlinked

    def tracked_action(self, add, source, spec: dict) -> Action:
        """A new action made the way the board manager makes one, recorded in the history as theirs."""
        target_on, target_is_month = parse_flexible_date(spec["target"])
        action = add(
            source,
            plan=self.plan,
            text=spec["text"],
            lead_agencies=[self.agencies[short_name] for short_name in spec["leads"]],
            target_on=target_on,
            target_is_month=target_is_month,
        )
        # The service runs outside a request, so its history rows name nobody until told who it was.
        Action.history.filter(id=action.pk, history_user=None).update(history_user=self.loader.manager)
        self.loader.created[Action] += 1
        return action

    def progress(self, action: Action, spec: dict) -> None:
        """The action's updates, written by an officer of a lead agency if there is one, as the plan's are."""
        author = next((self.officers[lead] for lead in spec["leads"] if lead in self.officers), self.loader.manager)
        for key, progress_round in self.rounds.items():
            update = spec.get(key)
            if update is not None:
                fields = {**update, **self.loader.workflow(update, author)}
                lookup = {"action": action, "round": progress_round}
                self.loader.ensure(ProgressUpdate, lookup, fields, by=author)
