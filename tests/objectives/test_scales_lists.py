"""Every list and count of ratings follows each plan's own scale: the action list, reviews' and CDOP's counts."""

from datetime import date

import pytest
from django.urls import reverse

from core.models import RatingScale
from objectives.models import Action
from tests.factories import ActionFactory, BusinessPlanFactory, ProgressRoundFactory, ProgressUpdateFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("objectives:action_list")


def rated_plan(scale_name: str, *ratings: str, title: str = "2025/26"):
    plan = BusinessPlanFactory(title=title, rating_scale=RatingScale.objects.get(name=scale_name))
    december = ProgressRoundFactory(plan=plan, as_of=date(2025, 12, 31))
    for index, rag in enumerate(ratings, start=1):
        action = ActionFactory(objective__aim__plan=plan, objective__aim__number=str(index), ref=f"R{index}")
        ProgressUpdateFactory(action=action, round=december, rag=rag)
    return plan


def listed_refs(response) -> list[str]:
    return [row.ref for row in response.context["table"].page.object_list.data]


def test_the_action_list_shows_four_point_ratings_in_their_own_words(manager_client):
    rated_plan("four-point", "3", "1")

    html = manager_client.get(LIST_URL).content.decode()

    assert '<span class="rag rag-four-point--3">3 Slipped</span>' in html
    assert '<span class="rag rag-four-point--1">1 Achieved (fully)</span>' in html


def test_a_blank_rating_prints_nothing_on_the_action_list(manager_client):
    rated_plan("rag", "")

    html = manager_client.get(LIST_URL).content.decode()

    assert "Not started" not in html.split("<table", 1)[1]
    assert 'class="rag ' not in html.split("<table", 1)[1]


def test_the_rating_filter_offers_each_scales_levels_under_its_name(manager_client):
    four_point = rated_plan("four-point", "3").rating_scale
    rag = rated_plan("rag", "red", title="2026/27").rating_scale

    html = manager_client.get(LIST_URL).content.decode()

    assert '<optgroup label="Four-point: 1 Achieved to 4 Not achieved">' in html
    assert f'<option value="{four_point.pk}:3">3 Slipped</option>' in html
    assert f'<option value="{rag.pk}:red">Red</option>' in html
    assert "BRAG" not in html  # no plan uses it


def test_filtering_by_a_level_keeps_two_scales_codes_apart(manager_client):
    rated_plan("rag", "red")
    brag = rated_plan("brag", "red", title="2026/27")
    brag.actions.update(ref="B1")

    response = manager_client.get(LIST_URL, {"rag": f"{brag.rating_scale_id}:red"})

    assert listed_refs(response) == ["B1"]


def test_a_plan_that_rates_nothing_has_no_rating_column_or_filter(manager_client):
    plan = rated_plan("none", "")

    html = manager_client.get(LIST_URL, {"plan": plan.pk}).content.decode()

    assert 'id="id_rag"' not in html
    assert "Latest rating" not in html


def test_sorting_by_rating_follows_the_levels_rank(manager_client):
    rated_plan("four-point", "1", "4", "3", "2")

    response = manager_client.get(LIST_URL, {"sort": "latest_rag"})

    # Ranks: 4 Not achieved 1, 3 Slipped 2, 2 On track 3, 1 Achieved 4.
    assert listed_refs(response) == ["R2", "R3", "R4", "R1"]


def test_counts_are_keyed_by_the_scale_given():
    plan = rated_plan("four-point", "3", "3", "")
    ActionFactory(objective__aim__plan=plan)

    counts = Action.objects.filter(plan=plan).rag_counts(plan.scale)

    assert counts == {"1": 0, "2": 0, "3": 2, "4": 0, "none": 2}


def test_tallies_count_each_plans_actions_on_its_own_scale():
    rated_plan("four-point", "3")
    rated_plan("rag", "red", "green", title="2026/27")
    rated_plan("none", "", title="2027/28")

    tallies = {tally.scale.name: tally for tally in Action.objects.rating_tallies()}

    assert tallies["four-point"].counts["3"] == 1
    assert (tallies["rag"].counts["red"], tallies["rag"].counts["green"], tallies["rag"].total) == (1, 1, 2)
    assert (tallies["none"].counts, tallies["none"].total) == ({}, 1)
