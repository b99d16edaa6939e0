"""Colours read from the browser's computed CSS, for the contrast axe cannot see.

axe takes a table cell's colour from its background, but Bootstrap paints a striped row with an inset box-shadow,
and axe does not judge focus rings at all. These helpers read what Chromium actually draws (getComputedStyle) and
leave the arithmetic to core/contrast.py.
"""

import re

from playwright.sync_api import Locator, Page

from core.contrast import contrast_ratio

# WCAG 2.2: 1.4.3 for words, 1.4.11 for a control's edge and a focus indicator.
TEXT_MINIMUM = 4.5
NON_TEXT_MINIMUM = 3.0
# A focus ring thinner than this is hard to see whatever its colour (after WCAG 2.4.13's 2 px perimeter).
RING_MINIMUM_PX = 2.0
WHITE = "rgb(255, 255, 255)"

_RGB = re.compile(r"rgba?\(([^)]*)\)")
_LENGTH = re.compile(r"(-?[\d.]+)px")

# The first ancestor (or the page) with a colour of its own: what an element's edge and focus ring sit on.
_BACKGROUND_BEHIND = """
element => {
    for (let node = element.parentElement; node; node = node.parentElement) {
        const colour = getComputedStyle(node).backgroundColor;
        if (!/^rgba\\(.*, 0\\)$/.test(colour) && colour !== "transparent") return colour;
    }
    return "rgb(255, 255, 255)";
}
"""

# Read once the focus transitions (Bootstrap fades a field's ring in) have finished.
_FOCUS_STYLE = """
async element => {
    await Promise.all(element.getAnimations().map(animation => animation.finished));
    const style = getComputedStyle(element);
    return [style.outlineStyle, style.outlineWidth, style.outlineColor, style.outlineOffset, style.boxShadow];
}
"""


def rgba(css_colour: str) -> tuple[float, float, float, float]:
    """Red, green, blue (0 to 255) and alpha (0 to 1) of a computed colour such as "rgba(0, 0, 0, 0.05)"."""
    parts = [float(part) for part in _RGB.search(css_colour)[1].replace("/", ",").split(",")]
    return (*parts[:3], parts[3] if len(parts) == 4 else 1.0)


def over(css_colour: str, base: str) -> str:
    """The colour seen when `css_colour` is painted on an opaque `base` (both computed colours)."""
    *colour, alpha = rgba(css_colour)
    *under, _ = rgba(base)
    red, green, blue = (round(alpha * top + (1 - alpha) * bottom) for top, bottom in zip(colour, under, strict=True))
    return f"rgb({red}, {green}, {blue})"


def hex_digits(css_colour: str) -> str:
    """An opaque computed colour as the six hex digits core/contrast.py takes."""
    return "".join(f"{round(channel):02X}" for channel in rgba(css_colour)[:3])


def ratio(css_colour: str, base: str) -> float:
    """WCAG contrast of a computed colour, painted on its base, against that base (itself on a white page)."""
    base = over(base, WHITE)
    return contrast_ratio(hex_digits(over(css_colour, base)), hex_digits(base))


def background_behind(locator: Locator) -> str:
    return locator.evaluate(_BACKGROUND_BEHIND)


def shadow_rings(box_shadow: str) -> list[tuple[str, float]]:
    """Each outer box-shadow drawn as a ring (no offset, no blur) as (colour, spread in px)."""
    rings = []
    for shadow in re.split(r",(?![^(]*\))", box_shadow):
        if "inset" in shadow or "rgb" not in shadow:
            continue
        x, y, blur, *spread = (float(length) for length in _LENGTH.findall(shadow))
        if x == y == blur == 0 and spread:
            rings.append((_RGB.search(shadow)[0], spread[0]))
    return rings


def focus_rings(locator: Locator) -> list[tuple[str, float]]:
    """The focus indicator's rings as (colour, width in px that shows), outline and box-shadow alike.

    An outline drawn over a shadow ring hides all of it but the gap between the element and the outline.
    """
    style = locator.evaluate(_FOCUS_STYLE)
    outline_style, outline_width, outline_colour, outline_offset, box_shadow = style
    width = float(outline_width.removesuffix("px")) if outline_style != "none" else 0.0
    offset = max(float(outline_offset.removesuffix("px")), 0.0)
    rings = [(outline_colour, width)] if width else []
    rings += [(colour, min(spread, offset) if width else spread) for colour, spread in shadow_rings(box_shadow)]
    return rings


def best_focus_contrast(locator: Locator) -> float:
    """The best contrast, against what the element sits on, of any focus ring at least 2 px wide (1 if none)."""
    behind = background_behind(locator)
    rings = focus_rings(locator)
    return max((ratio(colour, behind) for colour, width in rings if width >= RING_MINIMUM_PX), default=1.0)


def tab_to(page: Page, locator: Locator, presses: int = 60) -> None:
    """Press Tab until the keyboard reaches the element, as a keyboard user would."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {locator} in {presses} presses")
