"""The site's sortable tables say which column the rows are sorted by, and which way: aria-sort, an arrow, words."""

import re
from http import HTTPStatus

import pytest
from django.urls import reverse

from tests.factories import ActionFactory, BusinessPlanFactory

ACTIONS = reverse("objectives:action_list")
SORTED_HEADER = re.compile(r"<th[^>]*aria-sort=\"(\w+)\"[^>]*>(.*?)</th>", re.DOTALL)


@pytest.fixture
def actions(db):
    plan = BusinessPlanFactory()
    return ActionFactory.create_batch(3, objective__plan=plan)


def _sorted_headers(response) -> list[tuple[str, str]]:
    return [
        (direction, re.sub(r"\s+", " ", header))
        for direction, header in SORTED_HEADER.findall(response.content.decode())
    ]


@pytest.mark.parametrize(("sort", "direction", "arrow"), [("ref", "ascending", "▲"), ("-ref", "descending", "▼")])
def test_the_sorted_column_says_which_way_with_aria_sort_an_arrow_and_words(
    manager_client, actions, sort, direction, arrow
):
    response = manager_client.get(ACTIONS, {"sort": sort})

    assert response.status_code == HTTPStatus.OK
    [(said, header)] = _sorted_headers(response)
    assert said == direction
    assert f'>Ref<span class="sort-arrow" aria-hidden="true">{arrow}</span>' in header
    assert f'<span class="visually-hidden"> (sorted {direction})</span>' in header


def test_an_unsorted_list_marks_no_column(manager_client, actions):
    response = manager_client.get(ACTIONS)

    assert _sorted_headers(response) == []
    assert "sort-arrow" not in response.content.decode()


def test_a_tables_default_order_is_marked_too(manager_client):
    BusinessPlanFactory.create_batch(2)

    response = manager_client.get(reverse("objectives:plan_list"))

    # PlanTable lists the newest plan first.
    [(said, header)] = _sorted_headers(response)
    assert said == "descending"
    assert ">Start date<" in header
