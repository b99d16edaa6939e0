"""The security log: one row per sign-in, refusal, download, publication or change to who may do what."""

from django.conf import settings
from django.db import models


class EntryIsPermanent(Exception):
    """Raised on changing or deleting one security log entry: only the retention purge removes them."""


class SecurityEvent(models.Model):
    """What a security review asks about afterwards: who, from where, what and when. Written once, never changed."""

    class Kind(models.TextChoices):
        SIGN_IN = "sign_in", "Signed in"
        SIGN_IN_FAILED = "sign_in_failed", "Sign-in failed"
        TWO_FACTOR_FAILED = "two_factor_failed", "Wrong two-factor code"
        LOCKED_OUT = "locked_out", "Locked out"
        PERMISSION_DENIED = "permission_denied", "Refused (403)"
        DOWNLOAD = "download", "Downloaded a file"
        PUBLISHED = "published", "Report published"
        MADE_PUBLIC = "made_public", "Report made public"
        WITHDRAWN = "withdrawn", "Report withdrawn from public"
        USER_CREATED = "user_created", "Person added"
        USER_CHANGED = "user_changed", "Person's account changed"
        ROLE_CHANGED = "role_changed", "Role or agency changed"
        PASSWORD_CHANGED = "password_changed", "Password changed"
        TWO_FACTOR_ADDED = "two_factor_added", "Two-factor app added"
        TWO_FACTOR_REMOVED = "two_factor_removed", "Two-factor app removed"

    happened_at = models.DateTimeField("when", auto_now_add=True)
    kind = models.CharField(max_length=32, choices=Kind.choices)
    # Who did it; kept as typed when nobody is signed in (a failed sign-in), and kept after the account goes.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    username = models.CharField(max_length=254, blank=True)
    address = models.GenericIPAddressField(null=True, blank=True)
    path = models.CharField(max_length=500, blank=True)
    method = models.CharField(max_length=10, blank=True)
    # What it was about, by reference: never a password, a code or a secret.
    detail = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-happened_at", "-pk"]
        indexes = [
            models.Index(fields=["-happened_at", "-id"], name="audit_event_newest"),
            models.Index(fields=["kind", "-happened_at"], name="audit_event_kind"),
            models.Index(fields=["username"], name="audit_event_username"),
            models.Index(fields=["address"], name="audit_event_address"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.username or '(nobody)'} {self.happened_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        # A log that can be rewritten proves nothing: rows are added, and only the retention purge removes them.
        if not self._state.adding:
            raise EntryIsPermanent("A security log entry cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise EntryIsPermanent("A security log entry is removed only by purge_security_log, when past its time.")
