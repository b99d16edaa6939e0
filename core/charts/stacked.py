"""Stacked bars, one per period (a plan's rounds, say), each cut into segments that count one kind of thing.

Each segment has its own fill pattern and a legend entry in words, and says its name and figure in a tooltip, so
nothing depends on colour; the page puts the same figures in a table beside the chart. The bars are horizontal and
the viewBox about a phone's width, as training's charts are, so the words stay legible on a 320 px screen.
"""

import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from django.utils.safestring import SafeString

from .svg import PATTERN_KINDS, add_pattern, add_text, chart_root, markup

WIDTH = 360
LEFT = 8
LINE_HEIGHT = 20
# Legend entries wrap at this many characters ("2 On track but not yet due for completion" takes two lines).
LEGEND_CHARACTERS = 34
SWATCH = 16
BAR_HEIGHT = 24
BAR_GAP = 16


@dataclass(frozen=True)
class Segment:
    """One kind of thing a bar counts ("Green"), with the colours of its pattern: ground and marks."""

    name: str
    ground: str = "#ffffff"
    ink: str = "#1a1a1a"


@dataclass(frozen=True)
class StackedBar:
    label: str
    values: tuple[int, ...]  # one per segment, in the segments' order


def stacked_bar_chart(
    *, chart_id: str, title: str, description: str, segments: Sequence[Segment], bars: Sequence[StackedBar]
) -> SafeString:
    """An SVG of one stacked bar per period under a legend; its height grows with the legend and the bars."""
    legend_lines = [textwrap.wrap(segment.name, LEGEND_CHARACTERS) or [""] for segment in segments]
    legend_tops = list(accumulate((len(lines) * LINE_HEIGHT + 4 for lines in legend_lines), initial=8))
    bars_top = legend_tops[-1] + 8
    row = LINE_HEIGHT + BAR_HEIGHT + BAR_GAP
    height = bars_top + max(len(bars), 1) * row
    svg = chart_root(
        chart_id, width=WIDTH, height=height, css_class="stacked-chart", title=title, description=description
    )
    defs = ET.SubElement(svg, "defs")
    for number, segment in enumerate(segments):
        kind = PATTERN_KINDS[number % len(PATTERN_KINDS)]
        add_pattern(defs, _pattern_id(chart_id, number), kind, ground=segment.ground, ink=segment.ink)
    _legend(svg, chart_id, legend_lines, legend_tops)
    largest = max((sum(bar.values) for bar in bars), default=0) or 1
    for index, bar in enumerate(bars):
        _bar(svg, chart_id, segments, bar, top=bars_top + index * row, scale=(WIDTH - 2 * LEFT) / largest)
    if not bars:
        add_text(svg, LEFT, bars_top + 16, "No figures to chart.", {"class": "chart-empty"})
    return markup(svg)


def _pattern_id(chart_id: str, number: int) -> str:
    return f"{chart_id}-pattern-{number}"


def _legend(svg, chart_id: str, legend_lines: list[list[str]], tops: list[int]) -> None:
    legend = ET.SubElement(svg, "g", {"class": "chart-legend"})
    for number, (lines, top) in enumerate(zip(legend_lines, tops, strict=False)):
        swatch = {"x": str(LEFT), "y": str(top), "width": str(SWATCH), "height": str(SWATCH)}
        ET.SubElement(legend, "rect", {**swatch, "fill": f"url(#{_pattern_id(chart_id, number)})", "stroke": "#1a1a1a"})
        label = add_text(legend, LEFT + SWATCH + 8, top + 13, lines[0], {"class": "chart-legend-label"})
        for line in lines[1:]:
            ET.SubElement(label, "tspan", {"x": str(LEFT + SWATCH + 8), "dy": str(LINE_HEIGHT)}).text = line


def _bar(svg, chart_id: str, segments: Sequence[Segment], bar: StackedBar, *, top: int, scale: float) -> None:
    """The period's label and total above its bar, then a segment per kind, each as wide as its share."""
    group = ET.SubElement(svg, "g", {"class": "chart-row"})
    add_text(group, LEFT, top + 15, bar.label, {"class": "chart-label"})
    y = top + LINE_HEIGHT
    # Segment edges from running totals, rounded once each, so the bar's length never drifts from its total.
    edges = [LEFT + round(total * scale) for total in accumulate(bar.values, initial=0)]
    total = sum(bar.values)
    for number, (segment, value) in enumerate(zip(segments, bar.values, strict=True)):
        if not value:
            continue
        rect = ET.SubElement(
            group,
            "rect",
            {
                "class": "chart-segment",
                "data-series": segment.name,
                "data-value": str(value),
                "x": str(edges[number]),
                "y": str(y),
                "width": str(max(edges[number + 1] - edges[number], 1)),
                "height": str(BAR_HEIGHT),
                "fill": f"url(#{_pattern_id(chart_id, number)})",
                "stroke": "#1a1a1a",
            },
        )
        ET.SubElement(rect, "title").text = f"{segment.name}: {value} of {total}"
