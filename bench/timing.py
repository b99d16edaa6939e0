"""Timed requests over HTTP and the figures taken from them."""

import math
import statistics
import time
from collections.abc import Callable

from deploy.check.browser import Browser, Origin


def timed_gets(
    browser: Browser,
    origin: Origin,
    path: str,
    *,
    runs: int,
    warm_up: int = 2,
    before_each: Callable[[], None] | None = None,
) -> list[float]:
    """Milliseconds for each of `runs` GETs of `path` after `warm_up` untimed ones; each must answer 200.
    `before_each`, when given, runs untimed before each timed GET (a change the page must then show)."""
    for _ in range(warm_up):
        browser.get(origin, path, timeout=120)
    times = []
    for _ in range(runs):
        if before_each is not None:
            before_each()
        started = time.perf_counter()
        response = browser.get(origin, path, timeout=120)
        times.append((time.perf_counter() - started) * 1000)
        if response.status != 200:
            raise RuntimeError(f"{origin.name} answered {response.status} for {path}")
    return times


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile: the value at or below which `share` of the values fall."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]
