"""The trend panels the dashboard draws, in order: each maker a function of TrendInputs returning its panels."""

from collections.abc import Callable

from .indicator_trends import indicator_panels
from .trends import TrendInputs, TrendPanel, ratings_panels

TREND_PANELS: list[Callable[[TrendInputs], list[TrendPanel]]] = [ratings_panels, indicator_panels]


def trend_panels(inputs: TrendInputs) -> list[TrendPanel]:
    return [panel for make in TREND_PANELS for panel in make(inputs)]
