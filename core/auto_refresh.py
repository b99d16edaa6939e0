"""Whether a page that waits for background work (an import's check, a file being made) reloads by itself.

Only when the person asked, with ?refresh=auto: a page that reloads under a screen reader, unasked, fails WCAG 2.2.1
(timing adjustable; axe's meta-refresh rule). The reload is a meta refresh, as the site's CSP allows no inline
script; templates/includes/_auto_refresh_meta.html and _auto_refresh_links.html draw it and the choice.
"""

from django.http import HttpRequest

ASKED = "auto"


def asked_for(request: HttpRequest) -> bool:
    return request.GET.get("refresh") == ASKED
