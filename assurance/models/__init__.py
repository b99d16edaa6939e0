"""Assurance: is what agencies do effective? Section 11 self-assessments, multi-agency case audits, and the
recommendations of inspections, reviews and audits with the board's decision on each.

What the board agrees to do is the plan's own tracked `Action` (no objective, `plan` the plan whose rounds it
reports in), linked here one to one, as case reviews' actions are: progress, rounds, ratings, the workflow and
reminders are written once, in objectives.
"""

from .audits import AuditCase, AuditGrading, AuditQuestion, CaseAudit
from .recommendations import AssuranceRecommendation, RecommendationSource, SourcedRecommendationAction
from .section11 import ImprovementAction, Section11Cycle, Section11Return, Standard, StandardAssessment

__all__ = [
    "AssuranceRecommendation",
    "AuditCase",
    "AuditGrading",
    "AuditQuestion",
    "CaseAudit",
    "ImprovementAction",
    "RecommendationSource",
    "Section11Cycle",
    "Section11Return",
    "SourcedRecommendationAction",
    "Standard",
    "StandardAssessment",
]
