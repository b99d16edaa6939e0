"""The issue's bar ("Done when"): each line, the figure the run measured, and pass or fail."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    label: str
    figure: str
    limit: float | bool
    unit: str = ""

    def verdict(self, figures: dict) -> str:
        value = figures.get(self.figure)
        if value is None:
            return "not measured"
        if isinstance(self.limit, bool):
            return "pass" if value is self.limit else "FAIL"
        return "pass" if value <= self.limit else "FAIL"


BARS = [
    Bar("Report, 200 actions × 10 rounds ≤ 3× the floor", "report_ratio_200", 3.0, "×"),
    Bar("Report, 1,000 actions ≤ 3× the floor", "report_ratio_1000", 3.0, "×"),
    # The same page built afresh, as it is after any change (the paper is otherwise found by its content version).
    Bar("Report after a change, 200 actions ≤ 3× the floor", "report_changed_ratio_200", 3.0, "×"),
    Bar("Report after a change, 1,000 actions ≤ 3× the floor", "report_changed_ratio_1000", 3.0, "×"),
    Bar("Query counts constant from 5 to 1,000 actions", "queries_constant", True),
    Bar("Plan page at 1,000 actions ≤ 150 ms", "plan_ms_1000", 150, "ms"),
    Bar("Action list ≤ 100 ms at every size (slowest size)", "action_list_ms_max", 100, "ms"),
    Bar("PDF of 200 actions ≤ 4 s when built", "pdf_s_200", 4.0, "s"),
    Bar("Repeat download of an unchanged paper ≤ 50 ms", "pdf_repeat_ms_200", 50, "ms"),
    Bar("200 locust users: 0 errors (conflicts excepted)", "load_errors_200", 0),
    Bar("200 locust users: p95 ≤ 800 ms on 3 workers", "load_p95_200", 800, "ms"),
    Bar("50 locust users: p95 ≤ 250 ms", "load_p95_50", 250, "ms"),
    Bar("1,000-row import ≤ 3 s", "import_s", 3.0, "s"),
    Bar("Re-import ≤ 2 s", "reimport_s", 2.0, "s"),
    Bar("Re-import changes nothing (history rows added)", "reimport_changes", 0),
]


def judge(figures: dict, loads: dict | None = None) -> list[dict]:
    """One row a bar: its label, the figure (with the load average beside it when there is one), the bar, verdict."""
    loads = loads or {}
    rows = []
    for bar in BARS:
        value = figures.get(bar.figure)
        shown = "-" if value is None else (("yes" if value else "no") if isinstance(value, bool) else f"{value:g}")
        if bar.figure in loads:
            shown += f" (load {loads[bar.figure]:.2f})"
        limit = ("yes" if bar.limit else "no") if isinstance(bar.limit, bool) else f"≤ {bar.limit:g} {bar.unit}"
        rows.append({"bar": bar.label, "figure": shown, "limit": limit.strip(), "verdict": bar.verdict(figures)})
    return rows
