"""mscb composes the apps: the paper's sections in its declared order, and the roles' grants across apps."""

from http import HTTPStatus

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from django.utils.module_loading import import_string

from mscb.apps import PAPER_SECTIONS
from objectives import roles
from objectives.paper import sections
from tests.reviews.factories import ReviewFactory
from training.roles import TRAINING_ADMINS

DECLARED = [import_string(path).kind for path in PAPER_SECTIONS]


def test_the_paper_sections_come_in_the_order_mscb_declares():
    assert list(sections._REGISTERED) == DECLARED == ["case_reviews", "cdop", "assurance", "training", "budget"]


@pytest.mark.parametrize("apps", [["reviews", "training"], ["training", "reviews"]])
def test_sections_and_grants_do_not_follow_the_order_apps_are_installed(monkeypatch, apps):
    monkeypatch.setattr(sections, "_REGISTERED", {})
    # The plan's own roles only, as objectives declares them: mscb adds the rest.
    plan_roles = [roles.BOARD_MANAGERS, roles.AGENCY_CONTRIBUTORS, roles.READERS]
    monkeypatch.setattr(roles, "ROLE_PERMISSIONS", {role: roles.READ for role in plan_roles})
    monkeypatch.setattr(roles, "ROLE_CHOICES", [(role, role) for role in plan_roles])
    reordered = [app for app in settings.INSTALLED_APPS if app not in apps]
    reordered[reordered.index("mscb") : reordered.index("mscb")] = apps

    # Every app's ready() runs again, in the new order.
    with override_settings(INSTALLED_APPS=reordered):
        registered = list(sections._REGISTERED)

    assert registered == DECLARED
    assert "reviews.view_review" in roles.ROLE_PERMISSIONS[TRAINING_ADMINS]


@pytest.mark.django_db
def test_training_administrators_read_the_case_reviews(training_admin_client, training_admin):
    review = ReviewFactory()

    response = training_admin_client.get(reverse("reviews:review_detail", args=[review.pk]))

    assert response.status_code == HTTPStatus.OK
    assert training_admin.has_perm("reviews.view_review")
    assert not training_admin.has_perm("reviews.change_review")
