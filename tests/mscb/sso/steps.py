"""The steps of an organisation's sign-in through the stub provider, with Django's test client."""

from urllib.parse import urlsplit

import requests
from django.urls import reverse

EMAIL = "sam.jones@nhs.example"


def to_provider(client, next_url=""):
    """Press the button: the site's redirect to the provider, and the provider's back to the site."""
    start = client.get(reverse("sso:start"), {"next": next_url} if next_url else {})
    assert start.status_code == 302
    at_provider = requests.get(start.url, allow_redirects=False, timeout=10)
    assert at_provider.status_code == 302
    back = urlsplit(at_provider.headers["Location"])
    return f"{back.path}?{back.query}"


def sign_in_through(client, next_url=""):
    """The whole round trip; the answer to the callback, not followed further."""
    return client.get(to_provider(client, next_url))


def signed_in_id(client):
    return client.session.get("_auth_user_id")
