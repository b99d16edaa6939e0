import pytest

from audit.models import SecurityEvent


def events(kind: str) -> list[SecurityEvent]:
    """The log's entries of one kind, oldest first."""
    return list(SecurityEvent.objects.filter(kind=kind).order_by("pk"))


@pytest.fixture
def manager_page_client(manager_client):
    return manager_client
