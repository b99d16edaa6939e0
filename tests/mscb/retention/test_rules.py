"""Each retention rule removes exactly what is past its period on the day, and nothing a moment younger."""

from datetime import date

import pytest

from core.models import StagedUpload
from mscb.models import PublishedYearlyReport, RetentionPolicy, RetentionRemoval
from mscb.retention.rules import RULES
from mscb.retention.services import apply_retention, due_now
from objectives.models import PublishedReport
from training.erasure import ERASED_NAME
from training.models import Registration

from .records import at, committee_report, registration, upload, yearly_report

pytestmark = pytest.mark.django_db

TODAY = date(2026, 6, 10)


@pytest.fixture(autouse=True)
def policy():
    RetentionPolicy.objects.update_or_create(
        pk=1,
        defaults={
            "applied_imports_days": 90,
            "staged_imports_days": 30,
            "published_reports_months": 84,
            "attendee_details_months": 36,
        },
    )


def test_applied_uploads_go_once_more_than_the_days_have_passed_since_they_were_applied():
    # 90 days before 10 June 2026 is 12 March: applied before that day is past its time.
    old = upload(uploaded_at=at(2026, 3, 1), applied_at=at(2026, 3, 11, 23, 59, 59))
    young = upload(uploaded_at=at(2026, 3, 1), applied_at=at(2026, 3, 12))

    apply_retention(today=TODAY)

    assert list(StagedUpload.objects.all()) == [young]
    assert not StagedUpload.objects.filter(pk=old.pk).exists()


def test_unconfirmed_uploads_go_once_more_than_the_days_have_passed_since_they_were_uploaded():
    # 30 days before 10 June 2026 is 11 May.
    old = upload(uploaded_at=at(2026, 5, 10, 23, 59, 59))
    young = upload(uploaded_at=at(2026, 5, 11))
    applied_long_ago_but_recently = upload(uploaded_at=at(2026, 1, 1), applied_at=at(2026, 6, 1))

    apply_retention(today=TODAY)

    assert set(StagedUpload.objects.all()) == {young, applied_long_ago_but_recently}
    assert not StagedUpload.objects.filter(pk=old.pk).exists()


def test_published_committee_reports_go_after_the_calendar_months():
    # 84 calendar months before 10 June 2026 is 10 June 2019.
    old = committee_report(published_at=at(2019, 6, 9, 23, 59, 59))
    young = committee_report(published_at=at(2019, 6, 10))

    apply_retention(today=TODAY)

    assert list(PublishedReport.objects.all()) == [young]
    assert not PublishedReport.objects.filter(pk=old.pk).exists()


def test_published_yearly_reports_go_after_the_calendar_months():
    old = yearly_report(published_at=at(2019, 6, 9, 23, 59, 59))
    young = yearly_report(published_at=at(2019, 6, 10))

    apply_retention(today=TODAY)

    assert list(PublishedYearlyReport.objects.all()) == [young]
    assert not PublishedYearlyReport.objects.filter(pk=old.pk).exists()


def test_a_month_longer_than_the_day_counts_to_its_last_day():
    RetentionPolicy.objects.update(published_reports_months=3)
    # Three months before 31 May 2026 is 28 February (there is no 31 February).
    old = committee_report(published_at=at(2026, 2, 27, 23, 59))
    young = committee_report(published_at=at(2026, 2, 28))

    apply_retention(today=date(2026, 5, 31))

    assert list(PublishedReport.objects.all()) == [young]
    assert not PublishedReport.objects.filter(pk=old.pk).exists()


def test_attendees_of_sessions_ended_more_than_the_months_ago_are_anonymised_not_deleted():
    # 36 months before 10 June 2026 is 10 June 2023.
    old = registration(ends_at=at(2023, 6, 9, 23, 59, 59), attendee_name="Priya Old")
    young = registration(ends_at=at(2023, 6, 10), attendee_name="Sam Young")

    apply_retention(today=TODAY)

    old.refresh_from_db()
    young.refresh_from_db()
    assert old.attendee_name == ERASED_NAME
    assert old.email.endswith("@erased.invalid")
    assert young.attendee_name == "Sam Young"
    assert Registration.objects.count() == 2


def test_running_again_removes_nothing_more_and_logs_nothing():
    registration(ends_at=at(2020, 1, 1))
    upload(uploaded_at=at(2020, 1, 1))
    apply_retention(today=TODAY)

    outcomes = apply_retention(today=TODAY)

    assert [outcome.count for outcome in outcomes] == [0] * len(RULES)
    assert RetentionRemoval.objects.count() == 2


def test_a_dry_run_counts_what_is_due_and_removes_nothing():
    upload(uploaded_at=at(2020, 1, 1), applied_at=at(2020, 1, 2))
    upload(uploaded_at=at(2020, 1, 1))
    committee_report(published_at=at(2019, 1, 1))
    yearly_report(published_at=at(2019, 1, 1))
    kept = registration(ends_at=at(2020, 1, 1), attendee_name="Priya Kept")

    outcomes = apply_retention(today=TODAY, dry_run=True)

    assert [outcome.count for outcome in outcomes] == [1, 1, 1, 1, 1]
    assert StagedUpload.objects.count() == 2
    assert PublishedReport.objects.count() == PublishedYearlyReport.objects.count() == 1
    kept.refresh_from_db()
    assert kept.attendee_name == "Priya Kept"
    assert not RetentionRemoval.objects.exists()


def test_due_now_matches_what_a_run_then_removes():
    upload(uploaded_at=at(2020, 1, 1))
    registration(ends_at=at(2020, 1, 1))
    registration(ends_at=at(2020, 1, 1))

    due = [outcome.count for outcome in due_now(policy=RetentionPolicy.current(), today=TODAY)]
    removed = [outcome.count for outcome in apply_retention(today=TODAY)]

    assert due == removed == [0, 1, 0, 0, 2]


def test_each_kind_removed_is_logged_once_with_its_count_and_references_never_names():
    plan_upload = upload(uploaded_at=at(2020, 1, 1), kind="plan")
    report = committee_report(published_at=at(2019, 1, 1), title="Progress report March 2019")
    first = registration(ends_at=at(2020, 1, 1, 12), attendee_name="Priya Named", email="priya@example.org")
    second = registration(ends_at=at(2020, 1, 1), attendee_name="Sam Named", email="sam@example.org")

    apply_retention(today=TODAY)

    log = {row.kind: row for row in RetentionRemoval.objects.all()}
    assert set(log) == {"uploaded files never confirmed", "published committee reports", RULES[-1].kind}
    assert (log["uploaded files never confirmed"].count, log["uploaded files never confirmed"].detail) == (
        1,
        f"plan upload {plan_upload.pk}",
    )
    assert log["published committee reports"].detail == f"Progress report March 2019 (id {report.pk})"
    attendees = log[RULES[-1].kind]
    assert attendees.count == 2
    assert attendees.reason == RetentionRemoval.Reason.SCHEDULE
    assert f"registration {first.pk} ({first.session.course.title}, 1 January 2020)" in attendees.detail
    assert f"registration {second.pk}" in attendees.detail
    for row in log.values():
        assert "Named" not in row.detail
        assert "example.org" not in row.detail
