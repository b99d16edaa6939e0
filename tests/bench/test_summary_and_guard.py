"""The bench's judgement of its figures against the issue's bar, and its refusal to time a busy machine."""

import pytest

from bench.guard import BusyMachine, LoadGuard
from bench.summary import judge


def verdicts(figures: dict) -> dict[str, str]:
    return {row["bar"]: row["verdict"] for row in judge(figures)}


def test_a_figure_within_its_bar_passes_and_one_over_it_fails():
    found = verdicts({"plan_ms_1000": 150, "action_list_ms_max": 100.1, "report_ratio_200": 2.4})

    assert found["Plan page at 1,000 actions ≤ 150 ms"] == "pass"
    assert found["Action list ≤ 100 ms at every size (slowest size)"] == "FAIL"
    assert found["Report, 200 actions × 10 rounds ≤ 3× the floor"] == "pass"


def test_errors_and_changes_must_be_none_and_query_counts_constant():
    found = verdicts({"load_errors_200": 1, "reimport_changes": 0, "queries_constant": False})

    assert found["200 locust users: 0 errors (conflicts excepted)"] == "FAIL"
    assert found["Re-import changes nothing (history rows added)"] == "pass"
    assert found["Query counts constant from 5 to 1,000 actions"] == "FAIL"


def test_a_figure_not_measured_is_said_so_and_a_busy_figure_shows_its_load():
    rows = {row["bar"]: row for row in judge({"pdf_s_200": 3.5}, {"pdf_s_200": 2.25})}

    assert rows["1,000-row import ≤ 3 s"]["verdict"] == "not measured"
    assert rows["PDF of 200 actions ≤ 4 s when built"]["figure"] == "3.5 (load 2.25)"


def test_the_guard_refuses_a_busy_machine_and_says_why():
    guard = LoadGuard(threshold=1.5, read=lambda: (3.2, 1.0, 1.0))

    with pytest.raises(BusyMachine) as refused:
        guard.check("the pages")

    assert "Not timing the pages: the load average is 3.20, above 1.50" in str(refused.value)
    assert "--anyway" in str(refused.value)


def test_the_guard_times_a_quiet_machine_and_a_busy_one_when_told_to_anyway():
    assert LoadGuard(threshold=1.5, read=lambda: (0.4, 0, 0)).check("the pages") == 0.4
    assert LoadGuard(threshold=1.5, anyway=True, read=lambda: (3.2, 0, 0)).check("the pages") == 3.2
