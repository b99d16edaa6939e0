"""The register's rules: statutory deadlines, the next step, overdue reviews, action references and who reads what."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from objectives import roles
from objectives.models import Action
from reviews import services
from reviews.models import BankHoliday, CdopYear, Review
from tests.factories import ActionFactory, BusinessPlanFactory, UserFactory
from tests.reviews.factories import CdopYearFactory, RecommendationFactory, ReviewFactory

pytestmark = pytest.mark.django_db


def test_saving_works_out_the_statutory_deadlines_from_the_notification():
    BankHoliday.objects.get_or_create(on=date(2025, 12, 25), defaults={"name": "Christmas Day"})
    BankHoliday.objects.get_or_create(on=date(2025, 12, 26), defaults={"name": "Boxing Day"})
    BankHoliday.objects.get_or_create(on=date(2026, 1, 1), defaults={"name": "New Year's Day"})
    review = ReviewFactory(incident_notified_on=date(2025, 12, 19))  # the Friday before Christmas

    assert review.panel_due_on == date(2025, 12, 30)
    assert review.rapid_review_due_on == date(2026, 1, 14)


def test_clearing_the_notification_clears_the_deadlines():
    review = ReviewFactory(incident_notified_on=date(2025, 6, 2))
    review.incident_notified_on = None
    services.set_statutory_deadlines(review=review)
    review.save()

    review.refresh_from_db()
    assert (review.panel_due_on, review.rapid_review_due_on) == (None, None)


def test_next_step_moves_from_panel_to_rapid_review_to_the_report():
    today = timezone.localdate()
    review = ReviewFactory(incident_notified_on=today, due_on=today + timedelta(days=200))
    assert review.next_step.label == "Tell the national panel"

    review.panel_notified_on = today
    assert review.next_step.label == "Hold the rapid review"

    review.rapid_review_on = today
    assert (review.next_step.label, review.next_step.due_on) == ("Complete the review", today + timedelta(days=200))

    review.completed_on = today
    assert review.next_step is None


def test_a_published_or_closed_review_waits_for_nothing():
    long_ago = date(2020, 1, 6)
    for status in (Review.Status.PUBLISHED, Review.Status.CLOSED):
        assert ReviewFactory(status=status, incident_notified_on=long_ago).next_step is None


def test_next_step_reads_as_a_sentence_and_knows_when_it_is_late():
    step = ReviewFactory(incident_notified_on=date(2025, 6, 2)).next_step

    assert str(step) == "Tell the national panel by 9 June 2025"
    assert step.is_overdue


def test_overdue_finds_each_late_step_and_nothing_else():
    today = date(2026, 3, 2)
    panel_late = ReviewFactory(incident_notified_on=date(2026, 2, 2))
    rapid_late = ReviewFactory(incident_notified_on=date(2026, 2, 2), panel_notified_on=date(2026, 2, 3))
    report_late = ReviewFactory(due_on=date(2026, 3, 1))
    ReviewFactory(due_on=date(2026, 3, 2))  # due today: not late yet
    ReviewFactory(due_on=date(2026, 3, 1), completed_on=date(2026, 2, 27))
    ReviewFactory(due_on=date(2026, 3, 1), status=Review.Status.CLOSED)
    ReviewFactory(incident_notified_on=date(2026, 2, 2), status=Review.Status.PUBLISHED)

    assert set(Review.objects.overdue(today)) == {panel_late, rapid_late, report_late}


def test_overdue_judges_only_the_next_step_as_the_review_page_does():
    today = date(2026, 3, 2)
    # The panel is due on 5 March, so the report's earlier due date is not the step the review waits for.
    waiting_for_panel = ReviewFactory(incident_notified_on=date(2026, 2, 26), due_on=date(2026, 3, 1))

    assert not waiting_for_panel.next_step.due_on < today
    assert list(Review.objects.overdue(today)) == []


def test_dates_out_of_order_are_named():
    review = ReviewFactory.build(
        incident_notified_on=date(2026, 2, 10), panel_notified_on=date(2026, 2, 9), code="CX", name="Child X"
    )

    with pytest.raises(ValidationError) as raised:
        review.full_clean()
    assert raised.value.message_dict["panel_notified_on"] == [
        "The national panel notified date cannot be before the serious incident notified date."
    ]


def test_a_review_code_is_capitals_and_digits():
    with pytest.raises(ValidationError, match="reference prefix"):
        ReviewFactory.build(code="c-s", name="Child Q").full_clean()


def test_review_actions_are_numbered_under_their_recommendation():
    plan = BusinessPlanFactory()
    recommendation = RecommendationFactory(review=ReviewFactory(code="CS"), number=2)

    first = services.add_recommendation_action(recommendation, plan=plan, text="Audit referrals", lead_agencies=[])
    first.is_deleted = True
    first.save()
    second = services.add_recommendation_action(recommendation, plan=plan, text="Train staff", lead_agencies=[])

    assert (first.ref, second.ref) == ("CS-2.1", "CS-2.2")
    assert (second.plan, second.objective) == (plan, None)
    assert second.recommendation_link.recommendation == recommendation


def test_cdop_actions_are_numbered_by_the_year_they_end_in():
    plan = BusinessPlanFactory()
    year = CdopYearFactory(title="2024/25", ends_on=date(2025, 3, 31))

    refs = [services.add_cdop_action(year, plan=plan, text=text, lead_agencies=[]).ref for text in ("Sleep", "Water")]

    assert refs == ["CDOP25-1", "CDOP25-2"]


def test_a_prefixed_ref_clashing_in_the_plan_is_named():
    plan = BusinessPlanFactory()
    recommendation = RecommendationFactory(review=ReviewFactory(code="CS"), number=1)
    services.add_recommendation_action(recommendation, plan=plan, text="Audit", lead_agencies=[])
    clash = Action(plan=plan, ref="CS-1.1", text="Another")

    with pytest.raises(ValidationError, match="Action CS-1.1 already exists in this plan."):
        clash.full_clean()


def test_prefixed_refs_sort_naturally():
    plan = BusinessPlanFactory()
    for ref in ["CS-1.10", "CS-1.9", "CS-2.1"]:
        ActionFactory(plan=plan, objective=None, ref=ref)

    assert list(Action.objects.filter(plan=plan).in_ref_order().values_list("ref", flat=True)) == [
        "CS-1.9",
        "CS-1.10",
        "CS-2.1",
    ]


def test_modifiable_factors_cannot_exceed_the_deaths_reviewed():
    year = CdopYear(title="2023/24", ends_on=date(2024, 3, 31), deaths_reviewed=10, with_modifiable_factors=11)

    with pytest.raises(ValidationError, match=r"modifiable factors \(11\) cannot be more than the deaths reviewed"):
        year.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        year.save()


@pytest.mark.parametrize(
    ("role", "can_change"),
    [(roles.BOARD_MANAGERS, True), (roles.READERS, False), (roles.AGENCY_CONTRIBUTORS, False)],
)
def test_every_role_reads_the_register_and_only_managers_change_it(role, can_change):
    user = UserFactory(roles=[role])
    review = ReviewFactory()

    assert list(Review.objects.visible_to(user)) == [review]
    assert user.has_perm("reviews.view_cdopyear")
    assert user.has_perm("reviews.change_review") is can_change
    assert list(Review.objects.editable_by(user)) == ([review] if can_change else [])


def test_someone_without_a_role_sees_no_reviews():
    ReviewFactory()

    assert not Review.objects.visible_to(UserFactory()).exists()
