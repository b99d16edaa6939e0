from audit.models import SecurityEvent


def events(kind: str) -> list[SecurityEvent]:
    """The log's entries of one kind, oldest first."""
    return list(SecurityEvent.objects.filter(kind=kind).order_by("pk"))


def forget_setup() -> None:
    """Empty the log of what arranging the test wrote (its users, groups and sign-ins), so only the act is read."""
    SecurityEvent.objects.all().delete()
