"""A review's statutory deadlines are worked out by reviews.services wherever it is saved, not by Review.save()."""

from datetime import date
from http import HTTPStatus

import pytest
from django.urls import reverse

from reviews import services
from reviews.models import Review
from tests.reviews.factories import ReviewFactory

pytestmark = pytest.mark.django_db

# No bank holiday falls within these clocks, so the deadlines are 5 and 15 weekdays on.
NOTIFIED = date(2025, 6, 2)


def test_the_deadlines_are_worked_out_by_the_service_and_saved_with_the_review():
    review = Review(name="Child Q", code="CQ", kind=Review.Kind.RAPID_REVIEW, incident_notified_on=NOTIFIED)

    services.save_review(review=review, objectives=[], expected_version=None)

    review.refresh_from_db()
    assert (review.panel_due_on, review.rapid_review_due_on) == (date(2025, 6, 9), date(2025, 6, 23))


def test_saving_the_model_alone_leaves_the_deadlines_to_the_service():
    review = ReviewFactory(incident_notified_on=NOTIFIED)
    review.incident_notified_on = date(2025, 7, 1)

    review.save()

    review.refresh_from_db()
    assert review.panel_due_on == date(2025, 6, 9)


def test_the_admin_works_out_the_deadlines_of_a_notification_date_it_changes(admin_client):
    review = ReviewFactory(incident_notified_on=NOTIFIED)
    data = {
        "name": review.name,
        "code": review.code,
        "kind": review.kind,
        "status": review.status,
        "summary": review.summary,
        "incident_notified_on": "2025-07-01",
        "recommendations-TOTAL_FORMS": "0",
        "recommendations-INITIAL_FORMS": "0",
    }

    response = admin_client.post(reverse("admin:reviews_review_change", args=[review.pk]), data)

    assert response.status_code == HTTPStatus.FOUND
    review.refresh_from_db()
    assert (review.panel_due_on, review.rapid_review_due_on) == (date(2025, 7, 8), date(2025, 7, 22))
