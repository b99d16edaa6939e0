"""Colour contrast as WCAG 2.2 measures it, for the colours a board chooses for its rating scale."""

import re

HEX_COLOUR = re.compile(r"^[0-9A-Fa-f]{6}$")
# WCAG 2.2 AA: 4.5:1 for a badge's words (1.4.3), 3:1 for its edge against the page (1.4.11).
TEXT_MINIMUM = 4.5
EDGE_MINIMUM = 3.0
PAGE = "FFFFFF"
DARK_TEXT = "1A1A1A"
LIGHT_TEXT = "FFFFFF"


def _channel(value: int) -> float:
    value /= 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """Relative luminance of a colour written as six hex digits, without "#"."""
    red, green, blue = (int(colour[index : index + 2], 16) for index in (0, 2, 4))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def border_needed(fill: str) -> bool:
    """A pale badge needs an outline to stand out from the white page."""
    return contrast_ratio(fill, PAGE) < EDGE_MINIMUM


def best_text(fill: str) -> str:
    """Dark or light words, whichever reads better on the fill."""
    return max((DARK_TEXT, LIGHT_TEXT), key=lambda text: contrast_ratio(fill, text))
