"""Confirming a review import applies only the changes its preview showed."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pytest_django.asserts import assertContains

from objectives.models import Action
from reviews.models import Recommendation
from tests.factories import BusinessPlanFactory
from tests.objectives.import_files import write_csv
from tests.reviews.factories import RecommendationFactory, ReviewFactory

pytestmark = pytest.mark.django_db

HEADER = ["recommendation", "recommendation_text", "action", "lead_agency", "target_date"]
SHARE = "Agencies share information about a child at risk on the day they learn it."


def test_a_recommendation_added_since_the_preview_stops_the_old_preview_applying(manager_client, lead_agency, tmp_path):
    BusinessPlanFactory(title="2025/26", starts_on=date(2025, 4, 1), ends_on=date(2026, 3, 31))
    review = ReviewFactory(name="Child S", code="CS")
    rows = [["1", SHARE, "Set up a daily information-sharing call", "Police", "March 2026"]]
    file = SimpleUploadedFile("child-s.csv", write_csv(tmp_path / "file.csv", rows, header=HEADER).read_bytes())
    preview_url = manager_client.post(reverse("reviews:review_import_upload", args=[review.pk]), {"file": file}).url
    shown = manager_client.get(preview_url).context["preview"].fingerprint
    # Meanwhile another manager types recommendation 1 in by hand: the file's action would now join it.
    RecommendationFactory(review=review, number=1, text=SHARE)

    response = manager_client.post(preview_url, {"fingerprint": shown})

    assertContains(response, "The review changed since you checked this file: here is the new preview.")
    assert Recommendation.objects.count() == 1
    assert not Action.objects.exists()
