"""The refusal a versioned save raises when someone else saved the row after the form was loaded."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import models


class ConflictError(ValidationError):
    """Someone else saved the row after this form was loaded; `saved` is the row as they left it."""

    def __init__(self, message: str, *, saved: models.Model, saved_by: str, saved_at: datetime):
        super().__init__(message, code="conflict")
        self.saved, self.saved_by, self.saved_at = saved, saved_by, saved_at
