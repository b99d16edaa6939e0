"""Nothing shown to a signed-in person is kept by a browser or proxy: plans, bookings, people's names and the
two-factor secret would otherwise stay on a shared computer's disk, or in a proxy, after signing out.

One middleware, so a new page, download or error cannot forget it. Public pages keep their own caching
(mscb.public.caching) for visitors who are not signed in; static files never reach this far.
"""

from django.db import DatabaseError
from django.utils.cache import add_never_cache_headers


class NoStoreForSignedInMiddleware:
    """Every response to a signed-in user says `Cache-Control: private, no-store` (with Django's never-cache set)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if _maybe_signed_in(request):
            # Replaces a public page's `public, max-age=300`: a signed-in visitor's copy may carry their session.
            add_never_cache_headers(response)
        return response


def _maybe_signed_in(request) -> bool:
    """Whether the request is a signed-in user's; when the database cannot say, it may be, so treated as one."""
    user = getattr(request, "user", None)
    if user is None:  # Answered before the user was looked up (a refused TRACE): nobody is signed in to it.
        return False
    try:
        return user.is_authenticated
    except DatabaseError:
        return True
