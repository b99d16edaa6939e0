"""Published documents made straight from the paper's data, without laying out a PDF: fast enough for every test."""

import hashlib
from datetime import date

import pytest
from django.utils import timezone

from mscb.models import PublishedYearlyReport, YearlyReport
from objectives.models import PublishedReport
from objectives.paper.build import build_paper
from objectives.paper.html import render_standalone_html
from objectives.paper.snapshot import to_snapshot
from tests.factories import (
    ActionFactory,
    AimFactory,
    BusinessPlanFactory,
    ObjectiveFactory,
    ProgressRoundFactory,
    ProgressUpdateFactory,
)

PROGRESS = "Repeat referrals down from 24% to 17% after the new triage."
PDF = b"%PDF-1.7 a committee report"
DOCX = b"PK a committee report in Word"


def _files(report) -> None:
    report.pdf, report.docx = PDF, DOCX
    report.pdf_sha256, report.docx_sha256 = hashlib.sha256(PDF).hexdigest(), hashlib.sha256(DOCX).hexdigest()


def publish(progress_round, *, public_by=None, progress_is_public=False) -> PublishedReport:
    """A committee report of the round as publishing freezes it (its PDF and Word files stand-ins), public if said."""
    paper = build_paper(progress_round=progress_round, author="")
    report = PublishedReport(
        plan=progress_round.plan,
        round=progress_round,
        title=paper.title,
        snapshot=to_snapshot(paper),
        html=render_standalone_html(paper),
        progress_is_public=progress_is_public,
    )
    _files(report)
    if public_by is not None:
        report.make_public(by=public_by)
    report.save()
    return report


def publish_yearly(plan, *, public_by=None, title="Annual report 2025/26") -> PublishedYearlyReport:
    yearly, _ = YearlyReport.objects.get_or_create(plan=plan, defaults={"title": title})
    html = f"<html><body><h1>{title}</h1><p>See <a href='/plans/{plan.pk}/'>the plan</a>.</p></body></html>"
    report = PublishedYearlyReport(report=yearly, title=title, html=html)
    _files(report)
    if public_by is not None:
        report.make_public(by=public_by)
    report.save()
    return report


@pytest.fixture
def progress_round(lead_agency):
    plan = BusinessPlanFactory(title="2025/26", starts_on=date(2025, 4, 1), ends_on=date(2026, 3, 31))
    objective = ObjectiveFactory(aim=AimFactory(plan=plan, number="1", title="Children are safe at home"), ref="1.1")
    action = ActionFactory(objective=objective, ref="1.1.1", text="Extend the triage", lead_agencies=[lead_agency])
    december = ProgressRoundFactory(plan=plan, as_of=date(2025, 12, 31), deadline=date(2025, 12, 12))
    ProgressUpdateFactory(action=action, round=december, progress=PROGRESS, rag="amber")
    return december


@pytest.fixture
def today():
    return timezone.localdate()
