"""The project's pages and error handlers, plus pages that fail on purpose, for tests/mscb/test_errors.py."""

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import SuspiciousOperation
from django.urls import path

from mscb.urls import handler400, handler500
from mscb.urls import urlpatterns as project_urlpatterns

__all__ = ["handler400", "handler500", "urlpatterns"]


def broken(request):
    raise RuntimeError("A page that fails, as a bug would.")


@login_not_required
def suspicious(request):
    raise SuspiciousOperation("A request the site cannot read.")


urlpatterns = [
    path("test-broken/", broken),
    path("test-suspicious/", suspicious),
    *project_urlpatterns,
]
