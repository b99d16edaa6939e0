from .scales import RatingLevel, RatingScale
from .uploads import StagedUpload, StagedUploadQuerySet

__all__ = ["RatingLevel", "RatingScale", "StagedUpload", "StagedUploadQuerySet"]
