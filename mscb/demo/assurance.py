"""The demo's assurance: a Section 11 cycle under way, a completed multi-agency case audit and a joint targeted
area inspection with the board's decision on each recommendation. Every name, case and finding is invented; cases
go by codes (A1 to A4), never a name, date of birth or NHS number.

Police's Section 11 return is left not yet submitted, so a journey can fill it in; the others are submitted and
some moderated. Records are made through the models (and actions through add_sourced_action, as the board
manager's forms make them), each once, so the demo can be loaded again. The story itself is in assurance_story.py.
"""

from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone

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
from objectives.models import Action, Agency, BusinessPlan, ProgressRound, ProgressUpdate
from objectives.services.sourced_actions import add_sourced_action

from .assurance_story import AUDIT, INSPECTION, RETURNS, STANDARDS
from .progress_december import ROUND as DECEMBER
from .progress_september import ROUND as SEPTEMBER
from .times import LONDON

SECTION11_SCALE = "section-11"
FALLBACK_SCALE = "rag"


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
    _audit_recommendations(loader, business_plan, audit, (agencies, officers))
    _inspection(loader, business_plan, (agencies, officers))


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


def _audit_recommendations(loader, business_plan, audit, people: tuple[dict, dict]) -> None:
    fields = {
        "kind": RecommendationSource.Kind.CASE_AUDIT,
        "title": f"Multi-agency case audit: {audit.theme}, {month_year(audit.held_on)}",
        "reported_on": audit.completed_on,
        "plan": business_plan,
        "case_audit": audit,
        "summary": AUDIT["learning"],
    }
    source, _ = loader.ensure(RecommendationSource, {"code": "CA1"}, fields)
    _recommendations(loader, source, AUDIT["recommendations"], people)


def _inspection(loader, business_plan, people: tuple[dict, dict]) -> None:
    reported_on = loader.calendar.day(INSPECTION["reported_on"])
    fields = {
        "kind": RecommendationSource.Kind.JTAI,
        "title": f"{INSPECTION['title']}, {month_year(reported_on)}",
        "reported_on": reported_on,
        "plan": business_plan,
        "summary": INSPECTION["summary"],
    }
    source, _ = loader.ensure(RecommendationSource, {"code": "JT1"}, fields)
    _recommendations(loader, source, INSPECTION["recommendations"], people)


def _recommendations(loader, source, specs: list[dict], people: tuple[dict, dict]) -> None:
    """Each recommendation with the board's decision on it (at the meeting the story gives) and its actions."""
    agencies, _ = people
    for number, spec in enumerate(specs, start=1):
        # Never after the real today, which the decision's own check forbids, when the demo is told as at a later day.
        decided_on = min(loader.calendar.day(spec["decided_on"]), timezone.localdate())
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
            _action(loader, recommendation, action_spec, people)


def _action(loader, recommendation, spec: dict, people: tuple[dict, dict]) -> None:
    """The recommendation's action, made once, as the board manager's form makes it: a plan action and its link."""
    agencies, officers = people
    text = loader.calendar.plan_text(spec["text"])
    action = Action.objects.filter(assurance_recommendation_link__recommendation=recommendation, text=text).first()
    if action is None:
        action = _new_action(loader, recommendation, spec, text, agencies)
    author = next((officers[lead] for lead in spec["leads"] if lead in officers), loader.manager)
    for key, story_round in (("september", SEPTEMBER), ("december", DECEMBER)):
        progress_round = ProgressRound.objects.filter(
            plan=action.plan, as_of=loader.calendar.as_of(story_round["as_of"])
        ).first()
        update = spec.get(key)
        # A round left out of this year's plan (early in the year) has none of its progress.
        if progress_round is not None and update is not None:
            lookup = {"action": action, "round": progress_round}
            loader.ensure(ProgressUpdate, lookup, loader.update(update, author), by=author)


def _new_action(loader, recommendation, spec: dict, text: str, agencies: dict) -> Action:
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
    loader.created[Action] += 1
    return action
