"""The plan import makes rounds only inside the plan's dates, and a round whose date has passed closed."""

from datetime import date

import pytest
from django.utils import timezone

from objectives.models import ProgressRound
from tests.factories import BusinessPlanFactory
from tests.objectives.import_files import import_errors, plan_row, run_import, write_csv

pytestmark = pytest.mark.django_db


def test_a_round_whose_date_has_passed_is_made_closed(tmp_path):
    path = write_csv(tmp_path / "plan.csv", [plan_row(progress_date="December 2025", progress="Done", rag="Green")])

    run_import(path)

    progress_round = ProgressRound.objects.get()
    assert progress_round.as_of == date(2025, 12, 31)
    assert progress_round.is_closed
    assert progress_round.deadline is None


def test_a_round_not_yet_due_is_made_open(tmp_path):
    today = timezone.localdate()
    BusinessPlanFactory(title="Now", starts_on=date(today.year - 1, 1, 1), ends_on=date(today.year + 1, 12, 31))
    path = write_csv(
        tmp_path / "plan.csv", [plan_row(progress_date=f"December {today.year + 1}", progress="Planned", rag="Green")]
    )

    run_import(path, plan="Now")

    assert not ProgressRound.objects.get().is_closed


def test_last_years_progress_makes_no_round_in_next_years_plan(tmp_path):
    BusinessPlanFactory(title="2026/27", starts_on=date(2026, 4, 1), ends_on=date(2027, 3, 31))
    path = write_csv(tmp_path / "plan.csv", [plan_row(progress_date="December 2025", progress="Done", rag="Green")])

    errors = import_errors(path, plan="2026/27")

    assert "The as-of date must fall within the plan, from 1 April 2026 to 31 March 2027." in errors
    assert not ProgressRound.objects.exists()
