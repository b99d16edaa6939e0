"""The demo's assurance: a Section 11 cycle under way, a completed multi-agency case audit and a joint targeted
area inspection with the board's decision on each recommendation. Every name, case and finding is invented; cases
go by codes (A1 to A4), never a name, date of birth or NHS number.

Police's Section 11 return is left not yet submitted, so a journey can fill it in; the others are submitted and
some moderated. Records are made through the models (and actions through add_sourced_action, as the board
manager's forms make them), each once, so the demo can be loaded again.
"""

from datetime import date, datetime, time

from django.db import transaction

from assurance.models import (
    AssuranceRecommendation,
    AuditCase,
    AuditGrading,
    AuditQuestion,
    CaseAudit,
    RecommendationSource,
    Section11Cycle,
    Section11Return,
    SourcedRecommendationAction,
    Standard,
    StandardAssessment,
)
from core.formats import long_date, month_year
from core.models import RatingScale
from core.models.decisions import Decision
from objectives.models import Action, Agency, BusinessPlan
from objectives.services.sourced_actions import add_sourced_action

from .times import LONDON

SECTION11_SCALE = "section-11"
FALLBACK_SCALE = "rag"

SUBMITTED, MODERATED, DRAFT = (
    Section11Return.Status.SUBMITTED,
    Section11Return.Status.MODERATED,
    Section11Return.Status.DRAFT,
)

# The demo's framework, used only where the board has none yet.
STANDARDS = [
    (1, "Senior leadership and accountability", "A named senior lead answers for safeguarding children."),
    (2, "Safe recruitment and allegations", "Safer recruitment checks, and a clear route for allegations."),
    (3, "Training and supervision", "Staff are trained for their role and supervised in their safeguarding work."),
    (4, "Listening to children", "Children's views and experiences shape the service."),
    (5, "Information sharing", "Staff share information promptly and know the agreed local arrangements."),
    (6, "Learning from reviews and audits", "Learning from reviews and audits changes practice."),
]

# Each agency's return: ratings ("good", "partly", "weak") repeat over the standards in number order.
RETURNS = {
    "Children's Services": {
        "status": MODERATED,
        "submitted": date(2026, 2, 20),
        "moderated": date(2026, 3, 6),
        "ratings": ["good", "good", "partly"],
        "evidence": "Quarterly quality assurance reports; supervision audit of 40 case files.",
        "improvements": "Refresh supervision guidance and re-audit in six months.",
        "challenge": "The board asked for the re-audit's results before agreeing a higher rating.",
    },
    "ICB": {
        "status": MODERATED,
        "submitted": date(2026, 2, 24),
        "moderated": date(2026, 3, 6),
        "ratings": ["good", "partly", "good", "weak"],
        "evidence": "Designated professionals' annual report; GP practice safeguarding leads list.",
        "improvements": "Add children's feedback to the primary care safeguarding survey.",
        "challenge": "Agreed as rated: the evidence of children's voice in primary care is thin.",
    },
    "Hospitals Trust": {
        "status": SUBMITTED,
        "submitted": date(2026, 3, 2),
        "ratings": ["good", "partly"],
        "evidence": "Safeguarding training compliance at 88%; emergency department audit.",
        "improvements": "Raise level 3 training compliance in the emergency department.",
    },
    "Schools": {
        "status": SUBMITTED,
        "submitted": date(2026, 3, 9),
        "ratings": ["partly", "good"],
        "evidence": "Annual safeguarding returns from schools and colleges.",
        "improvements": "Follow up the schools that did not return their safeguarding audit.",
    },
    # Left for its officer to fill in and submit.
    "Police": {"status": DRAFT, "ratings": []},
}

AUDIT = {
    "theme": "Neglect in children under five",
    "held_on": date(2026, 1, 21),
    "completed_on": date(2026, 2, 11),
    "agencies": ["Children's Services", "Police", "ICB", "Schools"],
    "questions": [
        "Was neglect recognised early, and by whom?",
        "Did agencies share information promptly and act on what they heard?",
        "Was the child's daily lived experience understood and recorded?",
    ],
    # Each case's gradings by agency, one per question.
    "cases": {
        "A1": {"Children's Services": ["partly", "good", "partly"], "ICB": ["good", "partly", "weak"]},
        "A2": {"Children's Services": ["good", "good", "good"], "Police": ["partly", "partly", "partly"]},
        "A3": {"ICB": ["weak", "partly", "partly"], "Schools": ["partly", "good", "partly"]},
        "A4": {"Children's Services": ["partly", "weak", "partly"], "Police": ["good", "partly", "partly"]},
    },
    "findings": (
        "Health visitors recognised neglect early in three of the four cases.\n"
        "- Referrals described incidents rather than the build-up of concern over time.\n"
        "- Few records said what a day was like for the child."
    ),
    "learning": "Practitioners need a shared way of describing cumulative neglect in referrals.",
    "recommendations": [
        {
            "text": "Introduce a neglect screening tool for use by every agency before referral.",
            "agencies": ["Children's Services", "ICB"],
            "decision": Decision.ACCEPTED,
            "decided_on": date(2026, 2, 26),
            "actions": [
                {
                    "text": "Agree and launch a multi-agency neglect screening tool, with briefings for staff.",
                    "leads": ["Children's Services", "ICB"],
                    "target": "September 2026",
                }
            ],
        }
    ],
}

INSPECTION = {
    "title": "Joint targeted area inspection: children at risk of exploitation",
    "reported_on": date(2025, 12, 5),
    "summary": "Inspectors found strong partnership working at the front door and gaps in return home interviews.",
    "recommendations": [
        {
            "text": "Make sure every child missing from home is offered a return home interview within 72 hours.",
            "agencies": ["Children's Services", "Police"],
            "decision": Decision.ACCEPTED,
            "decided_on": date(2026, 1, 22),
            "actions": [
                {
                    "text": "Commission return home interviews to be offered within 72 hours, and report "
                    "take-up each quarter.",
                    "leads": ["Children's Services"],
                    "target": "June 2026",
                },
                {
                    "text": "Share missing episodes with the commissioned service by the next working day.",
                    "leads": ["Police"],
                    "target": "May 2026",
                },
            ],
        },
        {
            "text": "Improve the recording of exploitation risk in health records.",
            "agencies": ["ICB", "Hospitals Trust"],
            "decision": Decision.ACCEPTED,
            "decided_on": date(2026, 1, 22),
            "actions": [
                {
                    "text": "Add an exploitation risk prompt to emergency department triage notes.",
                    "leads": ["Hospitals Trust"],
                    "target": "July 2026",
                }
            ],
        },
        {
            "text": "Set up a separate exploitation panel for each district of the county.",
            "agencies": ["Police", "Children's Services"],
            "decision": Decision.PARTLY_ACCEPTED,
            "reasons": "One county-wide panel with district leads serves a small county better than four panels; "
            "the board accepted the aim of local knowledge, not separate panels.",
            "decided_on": date(2026, 1, 22),
            "actions": [
                {
                    "text": "Name a district lead for each district on the county exploitation panel.",
                    "leads": ["Police"],
                    "target": "April 2026",
                }
            ],
        },
        {
            "text": "Create a new exploitation team within the partnership's business unit.",
            "agencies": ["Children's Services"],
            "decision": Decision.NOT_ACCEPTED,
            "reasons": "The existing exploitation hub already does this work; a second team would duplicate it.",
            "decided_on": date(2026, 1, 22),
        },
    ],
}


def load_assurance(loader, business_plan: BusinessPlan, agencies: dict[str, Agency], officers: dict) -> None:
    """Create whichever of the demo's Section 11, case audit and inspection records are missing."""
    if not Standard.objects.exists():
        # Only when no framework has been set up (by a migration or the board): the demo's own standards.
        for number, title, description in STANDARDS:
            loader.ensure(Standard, {"number": number}, {"title": title, "description": description})
    scale = RatingScale.objects.filter(name=SECTION11_SCALE).first() or RatingScale.objects.get(name=FALLBACK_SCALE)
    cycle = _cycle(loader, business_plan, scale, agencies)
    for short_name, spec in RETURNS.items():
        _return(loader, cycle, agencies[short_name], spec, officers.get(short_name))
    audit = _audit(loader, business_plan, agencies)
    _audit_recommendations(loader, business_plan, audit, agencies)
    _inspection(loader, business_plan, agencies)


def rating_codes(scale: RatingScale) -> dict[str, str]:
    """The story's "good", "partly" and "weak" as the scale's codes: RAG's green, amber and red, else its first,
    middle and last levels."""
    codes = list(scale.levels.order_by("position").values_list("code", flat=True))
    if {"green", "amber", "red"} <= set(codes):
        return {"good": "green", "partly": "amber", "weak": "red"}
    return {"good": codes[0], "partly": codes[len(codes) // 2], "weak": codes[-1]}


def _moment(loader, story_day: date) -> datetime:
    return datetime.combine(loader.calendar.day(story_day), time(10, 30), tzinfo=LONDON)


def _cycle(loader, business_plan, scale, agencies) -> Section11Cycle:
    calendar = loader.calendar
    fields = {
        "title": calendar.plan_text("Section 11 2025/26"),
        "plan": business_plan,
        "scale": scale,
        "opens_on": calendar.day(date(2026, 1, 12)),
        "deadline": calendar.day(date(2026, 3, 27)),
    }
    cycle, is_new = loader.ensure(Section11Cycle, {"code": "S11"}, fields)
    if is_new:
        cycle.standards.set(Standard.objects.filter(is_active=True))
        cycle.agencies.set([agencies[short_name] for short_name in RETURNS])
    return cycle


def _return(loader, cycle, agency, spec: dict, officer) -> None:
    """The agency's return and its self-assessment per standard; moderated ones with the board's challenge."""
    status = spec["status"]
    fields = {"status": status}
    if status != Section11Return.Status.DRAFT:
        fields |= {"submitted_on": _moment(loader, spec["submitted"]), "submitted_by": officer or loader.manager}
    section11_return, _ = loader.ensure(Section11Return, {"cycle": cycle, "agency": agency}, fields)
    codes = rating_codes(cycle.scale)
    for standard in cycle.standards.order_by("number"):
        rating = spec["ratings"][(standard.number - 1) % len(spec["ratings"])] if spec["ratings"] else ""
        fields = {"rating": codes[rating] if rating else ""}
        if rating:
            fields["evidence"] = spec["evidence"]
            fields["improvement_actions"] = spec["improvements"] if rating != "good" else ""
        if status == Section11Return.Status.MODERATED:
            fields |= {
                "challenge": spec["challenge"] if rating != "good" else "",
                "agreed_rating": codes[rating],
                "moderated_by": loader.manager,
                "moderated_on": _moment(loader, spec["moderated"]),
            }
        loader.ensure(StandardAssessment, {"section11_return": section11_return, "standard": standard}, fields)


def _audit(loader, business_plan, agencies) -> CaseAudit:
    """The completed audit with its questions, cases and each agency's grading of its own work."""
    calendar = loader.calendar
    fields = {
        "held_on": calendar.day(AUDIT["held_on"]),
        "plan": business_plan,
        "scale": RatingScale.objects.get(name=FALLBACK_SCALE),
        "status": CaseAudit.Status.COMPLETED,
        "findings": AUDIT["findings"],
        "learning": AUDIT["learning"],
        "completed_on": calendar.day(AUDIT["completed_on"]),
    }
    audit, is_new = loader.ensure(CaseAudit, {"theme": AUDIT["theme"]}, fields)
    if is_new:
        audit.agencies.set([agencies[short_name] for short_name in AUDIT["agencies"]])
    questions = [
        loader.ensure(AuditQuestion, {"audit": audit, "number": number}, {"text": text})[0]
        for number, text in enumerate(AUDIT["questions"], start=1)
    ]
    codes = rating_codes(audit.scale)
    for code, gradings in AUDIT["cases"].items():
        case, _ = loader.ensure(AuditCase, {"audit": audit, "code": code}, {})
        for short_name, grades in gradings.items():
            for question, grade in zip(questions, grades, strict=True):
                lookup = {"case": case, "question": question, "agency": agencies[short_name]}
                fields = {
                    "grade": codes[grade],
                    "graded_by": loader.manager,
                    "graded_on": _moment(loader, AUDIT["held_on"]),
                }
                loader.ensure(AuditGrading, lookup, fields)
    return audit


def _audit_recommendations(loader, business_plan, audit, agencies) -> None:
    fields = {
        "kind": RecommendationSource.Kind.CASE_AUDIT,
        "title": f"Multi-agency case audit: {audit.theme}, {month_year(audit.held_on)}",
        "reported_on": audit.completed_on,
        "plan": business_plan,
        "case_audit": audit,
        "summary": AUDIT["learning"],
    }
    source, _ = loader.ensure(RecommendationSource, {"code": "CA1"}, fields)
    _recommendations(loader, source, AUDIT["recommendations"], agencies)


def _inspection(loader, business_plan, agencies) -> None:
    reported_on = loader.calendar.day(INSPECTION["reported_on"])
    fields = {
        "kind": RecommendationSource.Kind.JTAI,
        "title": f"{INSPECTION['title']}, {month_year(reported_on)}",
        "reported_on": reported_on,
        "plan": business_plan,
        "summary": INSPECTION["summary"],
    }
    source, _ = loader.ensure(RecommendationSource, {"code": "JT1"}, fields)
    _recommendations(loader, source, INSPECTION["recommendations"], agencies)


def _recommendations(loader, source, specs: list[dict], agencies) -> None:
    """Each recommendation with the board's decision on it (at the meeting the story gives) and its actions."""
    for number, spec in enumerate(specs, start=1):
        decided_on = loader.calendar.day(spec["decided_on"])
        fields = {
            "text": spec["text"],
            "decision": spec["decision"],
            "decision_reasons": spec.get("reasons", ""),
            "decided_by": "The board",
            "decision_meeting": f"Board, {long_date(decided_on)}",
            "decided_on": decided_on,
        }
        recommendation, is_new = loader.ensure(AssuranceRecommendation, {"source": source, "number": number}, fields)
        if is_new:
            recommendation.agencies.set([agencies[short_name] for short_name in spec["agencies"]])
        for action_spec in spec.get("actions", []):
            _action(loader, recommendation, action_spec, agencies)


def _action(loader, recommendation, spec: dict, agencies) -> None:
    """The recommendation's action, made once, as the board manager's form makes it: a plan action and its link."""
    text = loader.calendar.plan_text(spec["text"])
    if recommendation.action_links.filter(action__text=text).exists():
        return
    target_on, target_is_month = loader.target(spec["target"])
    with transaction.atomic():
        action = add_sourced_action(
            plan=recommendation.source.plan,
            prefix=recommendation.action_ref_prefix,
            text=text,
            lead_agencies=[agencies[short_name] for short_name in spec["leads"]],
            target_on=target_on,
            target_is_month=target_is_month,
        )
        SourcedRecommendationAction.objects.create(recommendation=recommendation, action=action)
    # Made outside a request, so its history names nobody until told who it was.
    Action.history.filter(id=action.pk, history_user=None).update(history_user=loader.manager)
    # Counted by its link: the plan's own actions are the demo plan's count, which the loader reports apart.
    loader.created[SourcedRecommendationAction] += 1
