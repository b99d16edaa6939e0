"""The business plan: agencies, plans, aims, objectives, actions, progress rounds and updates.

One module per resource; every model is importable from here, as Django and the rest of the code expect.
"""

from .actions import Action, ActionQuerySet
from .agencies import Agency
from .covering import CommitteeHeading, CoveringReport, CoveringSection
from .indicators import Indicator, IndicatorQuerySet, IndicatorValue
from .notifications import DigestItem, EmailKind, EmailLog, NotificationPreference
from .plan import (
    Aim,
    BusinessPlan,
    Objective,
    ObjectiveQuerySet,
    RefModel,
    RefQuerySet,
    SoftDeleteQuerySet,
    implicit_aim,
)
from .progress import ProgressRound, ProgressUpdate, ProgressUpdateQuerySet, ReminderLog
from .publishing import PublishedReport
from .shapes import LEVEL_NAMES, PlanShape, ReportColumn

__all__ = [
    "Action",
    "ActionQuerySet",
    "Agency",
    "Aim",
    "BusinessPlan",
    "CommitteeHeading",
    "CoveringReport",
    "CoveringSection",
    "DigestItem",
    "EmailKind",
    "EmailLog",
    "Indicator",
    "IndicatorQuerySet",
    "IndicatorValue",
    "LEVEL_NAMES",
    "NotificationPreference",
    "Objective",
    "ObjectiveQuerySet",
    "PlanShape",
    "ProgressRound",
    "ProgressUpdate",
    "ProgressUpdateQuerySet",
    "PublishedReport",
    "RefModel",
    "RefQuerySet",
    "ReminderLog",
    "ReportColumn",
    "SoftDeleteQuerySet",
    "implicit_aim",
]
