"""What mscb keeps itself: people's history, the yearly report, the public site's words, and retention.

One module per resource; every model is importable from here, as Django expects.
"""

from . import people  # noqa: F401  (registers the user model's history)
from .password_reset import PasswordResetRequest
from .public import PublicProfile
from .retention import RetentionPolicy, RetentionRemoval
from .yearly import FamilyFeedback, PublishedYearlyReport, YearlyNarrative, YearlyReport

__all__ = [
    "FamilyFeedback",
    "PasswordResetRequest",
    "PublicProfile",
    "PublishedYearlyReport",
    "RetentionPolicy",
    "RetentionRemoval",
    "YearlyNarrative",
    "YearlyReport",
]
