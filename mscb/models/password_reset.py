"""Password reset requests of the last hour, counted so one address or one account cannot ask without end.

Kept in the database, which every web server shares; rows older than the hour are deleted as new ones come.
"""

from django.db import models
from django.utils import timezone


class PasswordResetRequest(models.Model):
    """One reset e-mail asked for: where from, and for which e-mail address (as typed, in lower case)."""

    ip_address = models.GenericIPAddressField("address")
    email = models.CharField("e-mail address asked for", max_length=254)
    requested_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-requested_at"]
        indexes = [
            models.Index(fields=["ip_address", "requested_at"], name="reset_request_by_address"),
            models.Index(fields=["email", "requested_at"], name="reset_request_by_email"),
        ]

    def __str__(self):
        return f"{self.email} from {self.ip_address} at {self.requested_at:%Y-%m-%d %H:%M}"
