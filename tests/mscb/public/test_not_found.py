"""Whatever is not public answers the same 404, word for word: nothing tells a visitor that a report exists."""

from http import HTTPStatus

import pytest
from django.urls import get_resolver, reverse

from mscb.public import services

from .conftest import publish, publish_yearly

pytestmark = pytest.mark.django_db


@pytest.fixture
def not_found_pages(board_manager, progress_round):
    """Addresses of a report never made public, one withdrawn, a yearly report's draft publication, one that
    does not exist, a file format the public is not given, and a kind of document there is not."""
    never = publish(progress_round)
    withdrawn = services.withdraw(document=publish(progress_round, public_by=board_manager), by=board_manager)
    draft = publish_yearly(progress_round.plan)
    public = publish(progress_round, public_by=board_manager)
    return [
        reverse("public:report_detail", args=[never.pk]),
        reverse("public:report_file", args=[never.pk, "pdf"]),
        reverse("public:report_detail", args=[withdrawn.pk]),
        reverse("public:report_file", args=[withdrawn.pk, "docx"]),
        reverse("public:yearly_detail", args=[draft.pk]),
        reverse("public:yearly_file", args=[draft.pk, "pdf"]),
        reverse("public:report_detail", args=[999999]),
        reverse("public:report_file", args=[public.pk, "html"]),
        reverse("public:yearly_detail", args=[public.pk + 1000]),
    ]


def test_everything_not_public_is_the_same_404(client, not_found_pages):
    responses = [client.get(url) for url in not_found_pages]

    assert {response.status_code for response in responses} == {HTTPStatus.NOT_FOUND}
    assert len({response.content for response in responses}) == 1


def test_a_signed_in_manager_meets_the_same_404_on_the_public_pages(manager_client, not_found_pages):
    statuses = {manager_client.get(url).status_code for url in not_found_pages}

    assert statuses == {HTTPStatus.NOT_FOUND}


def _open_views(patterns, prefix=""):
    from django.urls import URLResolver

    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _open_views(pattern.url_patterns, prefix + str(pattern.pattern))
        elif not getattr(pattern.callback, "login_required", True):
            yield prefix + str(pattern.pattern)


def test_the_only_pages_open_without_signing_in_are_the_public_pages_and_the_sign_in_pages():
    open_routes = set(_open_views(get_resolver().url_patterns))

    assert {route for route in open_routes if not route.startswith(("accounts/", "admin/"))} == {
        "public/",
        "public/reports/<int:pk>/",
        "public/reports/<int:pk>/file.<str:file_format>",
        "public/yearly-reports/<int:pk>/",
        "public/yearly-reports/<int:pk>/file.<str:file_format>",
        "ratings.css",
        "training/evaluate/<str:token>/",
        # The load balancer's probe: "ok" or "failing", nothing more (mscb/health).
        "health/",
    }
