"""python manage.py rollover_plan: thin over the service, one summary line, clear refusals."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from objectives.models import Action, BusinessPlan

pytestmark = pytest.mark.django_db


def rollover(*options) -> str:
    output = StringIO()
    call_command("rollover_plan", *options, stdout=output)
    return output.getvalue()


def test_the_command_starts_next_year_from_the_plans_titles(source):
    output = rollover("--from", "2025/26", "--to", "2026/27")

    plan = BusinessPlan.objects.get(title="2026/27")
    assert output == "Business plan 2026/27 started from 2025/26 with 2 open actions carried over.\n"
    assert (plan.starts_on, plan.ends_on) == (date(2026, 4, 1), date(2027, 3, 31))
    assert not plan.rounds.exists()


def test_dates_can_be_given_for_a_title_without_years(source):
    rollover("--from", "2025/26", "--to", "Next plan", "--starts", "2026-05-01", "--ends", "2027-04-30")

    assert BusinessPlan.objects.get(title="Next plan").starts_on == date(2026, 5, 1)


def test_the_dry_run_says_what_would_be_carried_and_writes_nothing(source):
    output = rollover("--from", "2025/26", "--to", "2026/27", "--dry-run")

    assert output == "Dry run: 2026/27 would carry over 2 open actions from 2025/26; nothing was written.\n"
    assert not BusinessPlan.objects.filter(title="2026/27").exists()
    assert not Action.objects.filter(carried_from__isnull=False).exists()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("--from", "1999/00", "--to", "2026/27"), "There is no business plan “1999/00”."),
        (("--from", "2025/26", "--to", "Next plan"), "“Next plan” does not name a financial year"),
        (("--from", "2025/26", "--to", "2025/26"), "There is already a business plan “2025/26”"),
        (("--from", "2025/26", "--to", "2026/27", "--ends", "2026-01-01"), "The new plan must end after it starts."),
        (("--from", "2025/26", "--to", "2026/27", "--starts", "1 April"), "'1 April' is not a date"),
    ],
)
def test_bad_inputs_are_refused_with_a_clear_message(source, options, message):
    with pytest.raises(CommandError, match=message.replace("(", r"\(")):
        rollover(*options)

    assert BusinessPlan.objects.count() == 1
