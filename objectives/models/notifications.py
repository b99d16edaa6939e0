"""E-mail notifications: what each person wants to hear about, the e-mails sent, and the digest's waiting items."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class EmailKind(models.TextChoices):
    """Why an e-mail was sent; the first four are the ones people choose how to receive."""

    SUBMITTED = "submitted", "An update is submitted for review"
    RETURNED = "returned", "An update is returned to the agency"
    ACCEPTED = "accepted", "An update is accepted"
    ROUND_OPENED = "round_opened", "A progress round opens"
    REMINDER = "reminder", "Reminder to write progress"
    DIGEST = "digest", "Daily digest"
    # A security notice to the person themselves (mscb.two_factor_notice), never a preference.
    TWO_FACTOR_ADDED = "two_factor_added", "An authenticator app is added"
    EVALUATION = "evaluation", "Training evaluation link"


class NotificationPreference(models.Model):
    """How one person receives one kind of e-mail; no row means at once."""

    class Delivery(models.TextChoices):
        IMMEDIATE = "immediate", "An e-mail straight away"
        DIGEST = "digest", "In a daily digest"
        NONE = "none", "No e-mail"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(max_length=20, choices=EmailKind)
    delivery = models.CharField(max_length=20, choices=Delivery.choices, default=Delivery.IMMEDIATE)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_person_and_kind")]

    def __str__(self):
        return f"{self.user}: {self.get_kind_display()} – {self.get_delivery_display()}"


class EmailLogQuerySet(models.QuerySet):
    def for_table(self):
        return self.select_related("recipient")


class EmailLog(models.Model):
    """One e-mail to one person: written before it is sent, then marked sent or failed with the reason."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to be sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="emails"
    )
    # The address it went to, kept as it was: people change theirs.
    address = models.EmailField("to")
    kind = models.CharField(max_length=20, choices=EmailKind)
    subject = models.CharField(max_length=255)
    body = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    error = models.TextField("why it failed", blank=True)
    # A default rather than auto_now_add, so the demo can tell a year of e-mails.
    created_at = models.DateTimeField("written", default=timezone.now)
    sent_at = models.DateTimeField("sent", null=True, blank=True)

    objects = EmailLogQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "e-mail log entry"
        verbose_name_plural = "e-mail log entries"

    def __str__(self):
        return f"{self.get_kind_display()} to {self.address}: {self.subject}"


class DigestItem(models.Model):
    """Something a person chose to hear about in their daily digest; `digest` is the e-mail it went in."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_items")
    kind = models.CharField(max_length=20, choices=EmailKind)
    headline = models.CharField(max_length=255)
    detail = models.TextField(blank=True)
    link = models.CharField(max_length=500)
    created_at = models.DateTimeField(default=timezone.now)
    digest = models.ForeignKey(EmailLog, on_delete=models.SET_NULL, null=True, blank=True, related_name="items")

    class Meta:
        ordering = ["recipient", "kind", "created_at", "pk"]

    def __str__(self):
        return f"{self.recipient}: {self.headline}"
