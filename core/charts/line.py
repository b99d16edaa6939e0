"""A line chart of one figure over time, such as an indicator's quarterly values, with its target as a dashed line.

Each point is marked and its value written above it, and the first and last periods are named under the line, so
the chart reads without colour and the table beside it carries every figure.
"""

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.safestring import SafeString

from .svg import add_text, chart_root, markup

WIDTH, HEIGHT = 360, 220
# Room above the line for the values, below it for the first and last periods and the target's key.
LEFT, RIGHT, TOP, BOTTOM = 24, 24, 32, 64
INK = "#1d3a5f"
# The narrowest gap between points that still leaves room for a value such as "1,204" above each.
MIN_WORDED_STEP = 48


@dataclass(frozen=True)
class LinePoint:
    label: str  # the period's end, short enough for the axis: "June 2026"
    value: float  # for drawing
    value_text: str  # as printed, "17.5%"


def line_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    points: Sequence[LinePoint],
    target: float | None = None,
    target_text: str = "",
) -> SafeString:
    """The points joined oldest to newest, left to right, scaled between the lowest and highest (target included)."""
    svg = chart_root(chart_id, width=WIDTH, height=HEIGHT, css_class="line-chart", title=title, description=description)
    if not points:
        add_text(svg, LEFT, TOP + 16, "No figures to chart.", {"class": "chart-empty"})
        return markup(svg)
    numbers = [point.value for point in points] + ([target] if target is not None else [])
    low, high = min(numbers), max(numbers)
    span = (high - low) or 1

    def y_of(value: float) -> float:
        return HEIGHT - BOTTOM - (value - low) / span * (HEIGHT - TOP - BOTTOM)

    step = (WIDTH - LEFT - RIGHT) / max(len(points) - 1, 1)
    coordinates = [(LEFT + index * step, y_of(point.value)) for index, point in enumerate(points)]
    if target is not None:
        _target_line(svg, y_of(target), target_text)
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in coordinates)
    ET.SubElement(svg, "polyline", {"points": line, "fill": "none", "stroke": INK, "stroke-width": "2"})
    # Too many periods to word each without overlap: the first and last only (the table has them all).
    worded = range(len(points)) if step >= MIN_WORDED_STEP else {0, len(points) - 1}
    for index, ((x, y), point) in enumerate(zip(coordinates, points, strict=True)):
        ET.SubElement(svg, "circle", {"cx": f"{x:.1f}", "cy": f"{y:.1f}", "r": "4", "fill": INK})
        if index in worded:
            add_text(svg, x, y - 10, point.value_text, {"class": "chart-value", "text-anchor": "middle"})
    axis = HEIGHT - BOTTOM + 24
    add_text(svg, LEFT, axis, points[0].label, {"class": "chart-label", "text-anchor": "start"})
    if len(points) > 1:
        add_text(svg, WIDTH - RIGHT, axis, points[-1].label, {"class": "chart-label", "text-anchor": "end"})
    return markup(svg)


def _target_line(svg: ET.Element, y: float, text: str) -> None:
    """The target across the chart, and its key under the periods: a short dashed line and its words."""
    key = HEIGHT - 12
    for x1, x2, at in ((LEFT, WIDTH - RIGHT, y), (LEFT, LEFT + 28, key - 5)):
        line = {"x1": str(x1), "x2": str(x2), "y1": f"{at:.1f}", "y2": f"{at:.1f}"}
        ET.SubElement(svg, "line", {**line, "stroke": "#505a5f", "stroke-width": "1.5", "stroke-dasharray": "6 4"})
    add_text(svg, LEFT + 36, key, text, {"class": "chart-target", "text-anchor": "start"})
