"""/health/ for the load balancer and monitoring: "ok" (200) or "failing" (503), nothing more.

Anyone may call it without signing in, so the answer names no check; what failed goes to the log
(logger mscb.health, level WARNING), where the site's staff read it.
"""

import logging

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from . import checks

logger = logging.getLogger(__name__)


@login_not_required
@never_cache
@require_safe
def health(request):
    found = checks.problems()
    if found:
        logger.warning("Health check failing: %s", "; ".join(found))
        return HttpResponse("failing\n", status=503, content_type="text/plain; charset=utf-8")
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
