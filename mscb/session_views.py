"""The idle-session warning's "Stay signed in": a request whose only job is to count as activity."""

from django.http import HttpResponse
from django.views.decorators.http import require_POST

from mscb.middleware import mark_active


@require_POST
def keep_alive(request):
    """Start the idle time again now, whatever the once-a-minute rule would say; 204, as there is nothing to show.

    Signed out already, LoginRequiredMiddleware answers with the sign-in redirect instead, which the
    warning's script reads as "the session has ended".
    """
    mark_active(request.session)
    return HttpResponse(status=204)
