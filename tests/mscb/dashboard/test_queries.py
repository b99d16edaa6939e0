"""The dashboard's queries do not grow with the plan's actions, rounds or lead agencies."""

from datetime import date

from django.urls import reverse

from tests.factories import (
    ActionFactory,
    AgencyFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    ObjectiveFactory,
    ProgressRoundFactory,
    ProgressUpdateFactory,
)

# session, user, the user's permissions and their groups' in one (the page's permission check), plans that have rounds,
# their scales' levels, their rounds, agencies for the filter, the plan's actions, their lead agencies, every
# round's accepted ratings, aims, objectives, the plan's indicators, all their values
QUERIES = 14


def _more_of_everything(world, how_many: int) -> None:
    objective = ObjectiveFactory(aim=world.worse.objective.aim)
    rounds = [
        ProgressRoundFactory(plan=world.plan, as_of=date(2026, 1 + number, 28), deadline=None)
        for number in range(how_many)
    ]
    for number in range(how_many):
        action = ActionFactory(objective=objective, lead_agencies=[AgencyFactory(), AgencyFactory()])
        for progress_round in rounds:
            ProgressUpdateFactory(action=action, round=progress_round, rag=["red", "amber", "green"][number % 3])
        indicator = IndicatorFactory(plan=world.plan)
        for month in (6, 9, 12):
            IndicatorValueFactory(indicator=indicator, period_end=date(2025, month, 28), value=number + month)


def test_the_dashboard_asks_the_same_number_of_queries_however_big_the_plan(
    reader_client, world, django_assert_num_queries
):
    url = reverse("dashboard")
    # One indicator to begin with: with none, Django skips the values query.
    IndicatorFactory(plan=world.plan)
    with django_assert_num_queries(QUERIES):
        small = reader_client.get(url)
    _more_of_everything(world, 3)

    with django_assert_num_queries(QUERIES):
        large = reader_client.get(url)

    assert small.context["dashboard"].action_count == 4
    assert large.context["dashboard"].action_count == 7
    assert len(large.context["dashboard"].choice.rounds) == 5
    assert len(large.context["dashboard"].agency_lines) > len(small.context["dashboard"].agency_lines)
    assert len(large.context["dashboard"].panels) == len(small.context["dashboard"].panels) + 3


def test_a_chosen_round_and_agency_ask_no_more(reader_client, world, lead_agency, django_assert_num_queries):
    IndicatorFactory(plan=world.plan, owner=lead_agency)
    with django_assert_num_queries(QUERIES):
        reader_client.get(
            reverse("dashboard"), {"plan": world.plan.pk, "round": world.september.pk, "agency": lead_agency.pk}
        )
