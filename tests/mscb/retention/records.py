"""Records of every kind the retention rules remove, each made at a moment the test names."""

import itertools
from datetime import datetime, timedelta

from django.utils import timezone

from core.models import StagedUpload
from mscb.models import PublishedYearlyReport, YearlyReport
from objectives.models import PublishedReport
from tests.factories import ProgressRoundFactory, UserFactory
from tests.training.factories import RegistrationFactory, TrainingSessionFactory

_tokens = itertools.count()


def at(year, month, day, hour=0, minute=0, second=0) -> datetime:
    """A moment in London time."""
    return timezone.make_aware(datetime(year, month, day, hour, minute, second))


def upload(*, uploaded_at: datetime, applied_at: datetime | None = None, kind="plan", content=b"a,b\n"):
    made = StagedUpload.objects.create(
        kind=kind,
        token=f"retention-{next(_tokens)}",
        uploaded_by=UserFactory(),
        file_name="upload.csv",
        content=content,
        applied_at=applied_at,
    )
    StagedUpload.objects.filter(pk=made.pk).update(uploaded_at=uploaded_at)
    return made


def committee_report(*, published_at: datetime, title="Progress report December 2018"):
    progress_round = ProgressRoundFactory()
    report = PublishedReport.objects.create(plan=progress_round.plan, round=progress_round, title=title)
    PublishedReport.objects.filter(pk=report.pk).update(published_at=published_at)
    return report


def yearly_report(*, published_at: datetime, title="Annual report 2018/19"):
    plan = ProgressRoundFactory().plan
    report = YearlyReport.objects.create(plan=plan, title=title)
    published = PublishedYearlyReport.objects.create(report=report, title=title)
    PublishedYearlyReport.objects.filter(pk=published.pk).update(published_at=published_at)
    return published


def registration(*, ends_at: datetime, **fields):
    session = TrainingSessionFactory(starts_at=ends_at - timedelta(hours=3), ends_at=ends_at)
    return RegistrationFactory(session=session, **fields)
