from .decisions import NEEDS_REASONS, Decision, RecordedDecision
from .public import PublicDocument, PublicDocumentQuerySet
from .scales import RatingLevel, RatingScale
from .uploads import StagedUpload, StagedUploadQuerySet

__all__ = [
    "NEEDS_REASONS",
    "PublicDocument",
    "PublicDocumentQuerySet",
    "Decision",
    "RatingLevel",
    "RatingScale",
    "RecordedDecision",
    "StagedUpload",
    "StagedUploadQuerySet",
]
