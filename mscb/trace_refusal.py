"""TRACE and TRACK echo a request back, cookies and all, which a script on another site can use to read them
(cross-site tracing). Nothing here needs either, so they are refused before anything else runs, whichever
server (gunicorn directly, or behind the proxy) receives them."""

from django.http import HttpResponseNotAllowed

REFUSED_METHODS = frozenset({"TRACE", "TRACK"})
# What the site answers at all; each page may accept fewer, and says so itself.
ALLOWED_METHODS = ["GET", "HEAD", "POST", "OPTIONS"]


class RefuseTraceMiddleware:
    """First in MIDDLEWARE: a TRACE or TRACK request gets 405 without a session, user or view being looked at."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in REFUSED_METHODS:
            return HttpResponseNotAllowed(ALLOWED_METHODS)
        return self.get_response(request)
