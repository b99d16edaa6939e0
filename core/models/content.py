"""The content version the database keeps (core.content_version) and what each version was found to hold."""

from django.db import models


class ContentVersion(models.Model):
    """One row (pk 1) whose value database triggers raise whenever a watched table changes; never written by Django."""

    value = models.BigIntegerField(default=1)

    def __str__(self):
        return f"content version {self.value}"


class VersionedKey(models.Model):
    """The content hash something was found to have at a content version: while the version stands, the hash does.

    `scope` is the hash of everything besides the database the content depends on (what is made, for which round,
    the date, settings, who reads it); one row per scope, moved on to the newest version built.
    """

    scope = models.CharField(max_length=64, unique=True)
    version = models.BigIntegerField()
    key = models.CharField(max_length=64)

    def __str__(self):
        return f"{self.scope} at {self.version}"
