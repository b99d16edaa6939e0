"""Charts drawn on the server as SVG: no script, nothing the CSP refuses, printable in black and white.

`svg.py` holds the pieces every chart shares (the labelled root, text, fill patterns, the markup); `stacked.py`
draws stacked bars, one per period, such as a plan's ratings across its rounds; `line.py` one figure over time
against its target. training/charts.py draws its
horizontal bar charts on the same pieces.
"""

from .line import LinePoint, line_chart
from .stacked import Segment, StackedBar, stacked_bar_chart

__all__ = ["LinePoint", "Segment", "StackedBar", "line_chart", "stacked_bar_chart"]
