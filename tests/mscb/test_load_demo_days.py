"""The demo is told as at the day it is loaded, so on any day of the year it looks like a board's that day."""

from datetime import date, datetime, time, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from mscb.demo import people
from mscb.demo.loader import load_demo
from mscb.demo.times import LONDON, financial_year
from objectives.models import Action, BusinessPlan, ProgressRound
from training.models import TrainingSession

from .demo_loaded import row_counts

# A real board has a few actions past their target; the rest are moved or still to come.
FEW_OVERDUE = 3


def _first_of_april(today: date) -> date:
    return financial_year(today)[0]


def _thirtieth_of_september(today: date) -> date:
    return financial_year(today)[0].replace(month=9, day=30)


def _thirty_first_of_march(today: date) -> date:
    return financial_year(today)[1]


def _today(today: date) -> date:
    return today


@pytest.fixture(scope="module", params=[_first_of_april, _thirtieth_of_september, _thirty_first_of_march, _today])
def _demo_loaded_as_at(request, django_db_setup, django_db_blocker):
    """The demo loaded once per day for the module's tests, in a transaction rolled back after them."""
    day = request.param(timezone.localdate())
    fast_hasher = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    with django_db_blocker.unblock(), fast_hasher, transaction.atomic():
        load_demo(today=day)
        yield day
        transaction.set_rollback(True)


@pytest.fixture
def demo_day(_demo_loaded_as_at, db):
    """A day of this financial year (or today) and the demo plan loaded as at it."""
    starts_on, _ = financial_year(_demo_loaded_as_at)
    title = f"{starts_on.year}/{(starts_on.year + 1) % 100:02d}"
    return _demo_loaded_as_at, BusinessPlan.objects.get(title=title)


def test_the_demo_plan_is_the_financial_year_containing_the_day(demo_day):
    day, plan = demo_day

    assert (plan.starts_on, plan.ends_on) == financial_year(day)


def test_the_demo_has_one_open_round_whose_deadline_is_days_away(demo_day):
    day, plan = demo_day
    open_round = plan.rounds.get(closed_at__isnull=True)

    assert day < open_round.deadline <= day + timedelta(days=14)
    assert open_round.as_of >= day


def test_the_demo_reported_its_earlier_rounds_before_the_day(demo_day):
    day, plan = demo_day
    reported = plan.rounds.filter(closed_at__isnull=False)

    assert all(progress_round.as_of < timezone.localdate(progress_round.closed_at) < day for progress_round in reported)
    # Early in the year the plan has no room for rounds before today; from the autumn it holds them all.
    assert reported.count() == (0 if day.month == 4 else 2)


def test_the_demo_has_only_a_few_actions_past_their_target(demo_day):
    day, plan = demo_day

    assert Action.objects.filter(plan=plan).overdue(day).count() <= FEW_OVERDUE


def test_the_demo_has_training_sessions_run_and_to_come(demo_day):
    day, _ = demo_day
    starts = [timezone.localdate(session.starts_at) for session in TrainingSession.objects.all()]

    assert min(starts) < day <= max(starts)


def test_running_the_demo_on_a_later_day_tells_it_as_at_the_day_it_was_first_loaded(db):
    first_day = timezone.localdate() - timedelta(days=100)
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        load_demo(today=first_day)
        # As if the demo had been loaded on that day: its users joined then.
        first_moment = datetime.combine(first_day, time(9, 0), tzinfo=LONDON)
        get_user_model().objects.filter(username=people.MANAGER).update(date_joined=first_moment)
        before = row_counts()

        created = load_demo()

    assert not created
    assert row_counts() == before
    assert ProgressRound.objects.filter(closed_at__isnull=True, deadline=first_day + timedelta(days=7)).exists()
