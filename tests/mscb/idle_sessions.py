"""A signed-in test client's session as stored, and its idle stamp set back in time."""

import time

from django.contrib.sessions.models import Session

from mscb.middleware import ACTIVE_AT_KEY


def stored_session(client):
    return Session.objects.get(session_key=client.session.session_key)


def set_active_at(client, seconds_ago):
    """Stamp the session as last active `seconds_ago` (mscb.middleware reads the stamp, not the store's expiry)."""
    session = client.session
    session[ACTIVE_AT_KEY] = int(time.time()) - seconds_ago
    session.save()
