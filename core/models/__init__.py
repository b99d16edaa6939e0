from .decisions import NEEDS_REASONS, Decision, RecordedDecision
from .public import PublicDocument, PublicDocumentQuerySet
from .scales import RatingLevel, RatingScale
from .uploads import CheckStatus, StagedUpload, StagedUploadQuerySet

__all__ = [
    "NEEDS_REASONS",
    "CheckStatus",
    "PublicDocument",
    "PublicDocumentQuerySet",
    "Decision",
    "RatingLevel",
    "RatingScale",
    "RecordedDecision",
    "StagedUpload",
    "StagedUploadQuerySet",
]
