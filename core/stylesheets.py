"""/ratings.css: the badge colours of every rating scale, built-in or the board's, as one stylesheet.

Colours go in a stylesheet because the site's Content Security Policy forbids inline style attributes. It holds
nothing but colours, so it needs no sign-in (the sign-in page links it too). Browsers ask again each time and
get "not modified" until a scale changes, as the ETag is a hash of the rules themselves.
"""

import hashlib

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from .models import RatingScale
from .rating import css_rules


@login_not_required
@require_safe
def ratings_css(request):
    scales = [row.as_scale() for row in RatingScale.objects.prefetch_related("levels")]
    rules = css_rules(scales)
    etag = f'"{hashlib.sha256(rules.encode()).hexdigest()[:32]}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(rules, content_type="text/css; charset=utf-8")
    response["ETag"] = etag
    patch_cache_control(response, no_cache=True)
    return response
