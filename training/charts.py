"""Horizontal bar charts drawn on the server as SVG: no script, printable in black and white.

Each bar has its value written beside it in words ("12 attended"), and each series its own fill pattern and
legend entry, so nothing depends on colour. ElementTree writes the markup, so every label is escaped.

The site's CSP refuses inline style attributes, so the chart carries classes only; static/css/mscb.css sets its
size and type. The viewBox is narrow, about a phone's width, so its 16-unit words are drawn at 13 px on a
320 px screen; the CSS lets it grow only a little beyond that on wider ones. The root, text and patterns are
core.charts' shared pieces.
"""

import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from django.utils.safestring import SafeString

from core.charts.svg import add_pattern, add_text, chart_root, markup

WIDTH = 360
# One line of a bar's label; labels longer than LABEL_CHARACTERS wrap onto more lines.
LINE_HEIGHT = 20
LABEL_CHARACTERS = 38
BAR_HEIGHT = 18
BAR_GAP = 4
ROW_GAP = 14
TOP = 40
LEFT = 8
# Room to the right of the longest bar for its value in words ("125 did not attend").
VALUE_ROOM = 160


@dataclass(frozen=True)
class Series:
    """One kind of bar: its name says what the number counts ("attended", "did not attend")."""

    name: str
    # solid: dark fill; hatched: diagonal black lines on white; dotted: dots on white.
    pattern: str = "solid"


@dataclass(frozen=True)
class Bar:
    label: str
    values: tuple[int, ...]


def horizontal_bar_chart(
    *, chart_id: str, title: str, description: str, series: Sequence[Series], bars: Sequence[Bar]
) -> SafeString:
    """An SVG bar chart whose height grows with the number of bars; each bar group is labelled and valued."""
    labels = [textwrap.wrap(bar.label, LABEL_CHARACTERS) or [""] for bar in bars]
    bars_height = len(series) * (BAR_HEIGHT + BAR_GAP) + ROW_GAP
    tops = list(accumulate((len(lines) * LINE_HEIGHT + bars_height for lines in labels), initial=TOP))
    height = (tops[-1] if bars else TOP + LINE_HEIGHT + bars_height) + 10
    # No width, height or style: the class sizes it (CSP refuses style attributes) and the viewBox keeps its shape.
    svg = chart_root(
        chart_id, width=WIDTH, height=height, css_class="training-chart", title=title, description=description
    )
    _patterns(svg, chart_id)
    _legend(svg, chart_id, series)

    largest = max((value for bar in bars for value in bar.values), default=0) or 1
    scale = (WIDTH - LEFT - VALUE_ROOM) / largest
    for bar, lines, top in zip(bars, labels, tops, strict=False):
        _bar_group(svg, chart_id, series, bar, lines, top=top, scale=scale)
    if not bars:
        add_text(svg, LEFT, TOP + 16, "No figures for this period.", {"class": "chart-empty"})
    return markup(svg)


def _bar_group(
    svg, chart_id: str, series: Sequence[Series], bar: Bar, lines: list[str], *, top: int, scale: float
) -> None:
    """One labelled group: its label on one line or more, then a bar per series with its value in words beside it."""
    group = ET.SubElement(svg, "g", {"class": "chart-row"})
    label = add_text(group, LEFT, top + 16, lines[0], {"class": "chart-label"})
    for line in lines[1:]:
        ET.SubElement(label, "tspan", {"x": str(LEFT), "dy": str(LINE_HEIGHT)}).text = line
    for number, (one_series, value) in enumerate(zip(series, bar.values, strict=True)):
        y = top + len(lines) * LINE_HEIGHT + 2 + number * (BAR_HEIGHT + BAR_GAP)
        width = max(round(value * scale), 1 if value else 0)
        ET.SubElement(
            group,
            "rect",
            {
                "class": "chart-bar",
                "data-series": one_series.name,
                "data-value": str(value),
                "x": str(LEFT),
                "y": str(y),
                "width": str(width),
                "height": str(BAR_HEIGHT),
                "fill": f"url(#{chart_id}-{one_series.pattern})",
                "stroke": "#1a1a1a",
            },
        )
        add_text(group, LEFT + width + 6, y + 14, f"{value} {one_series.name}", {"class": "chart-value"})


def _patterns(svg, chart_id: str) -> None:
    """Fills that stay distinct when printed in black and white."""
    defs = ET.SubElement(svg, "defs")
    add_pattern(defs, f"{chart_id}-solid", "solid", ground="#1d3a5f", ink="#ffffff")
    add_pattern(defs, f"{chart_id}-hatched", "hatched", ground="#ffffff", ink="#1a1a1a")
    add_pattern(defs, f"{chart_id}-dotted", "dotted", ground="#ffffff", ink="#1a1a1a")


def _legend(svg, chart_id: str, series: Sequence[Series]) -> None:
    legend = ET.SubElement(svg, "g", {"class": "chart-legend"})
    x = LEFT
    for one_series in series:
        ET.SubElement(
            legend,
            "rect",
            {
                "x": str(x),
                "y": "8",
                "width": "16",
                "height": "16",
                "fill": f"url(#{chart_id}-{one_series.pattern})",
                "stroke": "#1a1a1a",
            },
        )
        add_text(legend, x + 22, 21, one_series.name, {"class": "chart-legend-label"})
        x += 40 + 9 * len(one_series.name)
