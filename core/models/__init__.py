from .content import ContentVersion, VersionedKey
from .decisions import NEEDS_REASONS, Decision, RecordedDecision
from .generated import GeneratedFile, GeneratedFileQuerySet
from .public import FilesStatus, PublicDocument, PublicDocumentQuerySet
from .scales import RatingLevel, RatingScale
from .uploads import CheckStatus, StagedUpload, StagedUploadQuerySet

__all__ = [
    "NEEDS_REASONS",
    "CheckStatus",
    "ContentVersion",
    "FilesStatus",
    "PublicDocument",
    "PublicDocumentQuerySet",
    "Decision",
    "GeneratedFile",
    "GeneratedFileQuerySet",
    "RatingLevel",
    "RatingScale",
    "RecordedDecision",
    "StagedUpload",
    "StagedUploadQuerySet",
    "VersionedKey",
]
