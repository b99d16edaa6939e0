"""Ratings per aim, objective and lead agency for the chosen round, and the movement since the round before."""

from http import HTTPStatus

from .conftest import RAG, lines_of

# Columns: RAG's key in order (Red, Amber, Green, Complete, Not started), then No update.


def test_ratings_are_counted_per_aim_and_objective_at_the_latest_round(reader_client, world, dashboard_url):
    response = reader_client.get(dashboard_url)

    dashboard = response.context["dashboard"]
    assert response.status_code == HTTPStatus.OK
    assert [column.label for column in dashboard.columns] == list(RAG)
    assert lines_of(dashboard.rating_lines) == [
        ("Aim 1: Keep children safe", 3, (1, 1, 1, 0, 0, 0)),
        ("Objective 1.1: Audit", 2, (1, 0, 1, 0, 0, 0)),
        ("Objective 1.2: Train", 1, (0, 1, 0, 0, 0, 0)),
        # 2.1.1 sent nothing in December: its September Green carries, as in the committee paper.
        ("Aim 2: Learn from reviews", 1, (0, 0, 1, 0, 0, 0)),
        ("Objective 2.1: Review", 1, (0, 0, 1, 0, 0, 0)),
        ("Total", 4, (1, 1, 2, 0, 0, 0)),
    ]


def test_an_action_led_by_two_agencies_counts_under_each(reader_client, world, dashboard_url):
    response = reader_client.get(dashboard_url)

    assert lines_of(response.context["dashboard"].agency_lines) == [
        ("Fenbridge Community Health", 2, (0, 1, 1, 0, 0, 0)),
        ("Fenbridge Police", 2, (1, 0, 1, 0, 0, 0)),
        ("No lead agency", 1, (0, 0, 1, 0, 0, 0)),
        ("Total", 4, (1, 1, 2, 0, 0, 0)),
    ]


def test_an_earlier_round_counts_its_own_ratings_and_those_before_it(reader_client, world, dashboard_url):
    response = reader_client.get(dashboard_url, {"round": world.september.pk})

    dashboard = response.context["dashboard"]
    # 1.2.1 had no update by September.
    assert lines_of(dashboard.rating_lines)[-1] == ("Total", 4, (0, 1, 2, 0, 0, 1))
    assert dashboard.movement_lines == []
    assert "is the plan's first round" in response.content.decode()


def test_movement_is_counted_per_aim_with_the_total(reader_client, world, dashboard_url):
    response = reader_client.get(dashboard_url)

    dashboard = response.context["dashboard"]
    assert dashboard.movements == ("Improved", "Worse", "Unchanged", "New", "Not rated")
    assert lines_of(dashboard.movement_lines) == [
        ("Aim 1: Keep children safe", 3, (1, 1, 0, 1, 0)),
        ("Aim 2: Learn from reviews", 1, (0, 0, 1, 0, 0)),
        ("Total", 4, (1, 1, 1, 1, 0)),
    ]


def test_the_tables_say_each_rating_in_words(reader_client, world, dashboard_url):
    page = reader_client.get(dashboard_url).content.decode()

    assert '<span class="rag rag-red">Red</span>' in page
    assert '<span class="rag rag-none">No update</span>' in page
    assert "Ratings by aim and objective" in page


def test_the_exceptions_list_the_worse_the_red_and_the_overdue_with_links(reader_client, world, dashboard_url):
    response = reader_client.get(dashboard_url)

    flagged = {item.action.ref: item.reasons for item in response.context["dashboard"].flagged}
    assert flagged == {
        "1.1.1": ("Worse since September 2025: Green then, Red now", "Rated Red"),
        "1.2.1": ("Overdue: target 30 November 2025",),
    }
    page = response.content.decode()
    assert f'href="{world.worse.get_absolute_url()}">Action 1.1.1</a>' in page
    assert f'href="{world.new.get_absolute_url()}">Action 1.2.1</a>' in page
