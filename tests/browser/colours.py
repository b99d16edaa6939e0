"""Colours read from the browser's computed CSS, for the contrast axe cannot see.

axe takes a table cell's colour from its background, but Bootstrap paints a striped row with an inset box-shadow,
and axe does not judge focus rings at all. These helpers read what Chromium actually draws (getComputedStyle) and
leave the arithmetic to core/contrast.py.
"""

import re

from playwright.sync_api import ElementHandle, Locator, Page

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


def background_behind(locator: Locator | ElementHandle) -> str:
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


def focus_rings(locator: Locator | ElementHandle) -> list[tuple[str, float]]:
    """The focus indicator's rings as (colour, width in px that shows), outline and box-shadow alike.

    An outline drawn over a shadow ring hides all of it but the gap between the element and the outline.
    """
    return rings_drawn_by(locator.evaluate(_FOCUS_STYLE))


def rings_drawn_by(focus_style: list[str]) -> list[tuple[str, float]]:
    """focus_rings from the computed outline and box-shadow _FOCUS_STYLE reads."""
    outline_style, outline_width, outline_colour, outline_offset, box_shadow = focus_style
    width = float(outline_width.removesuffix("px")) if outline_style != "none" else 0.0
    offset = max(float(outline_offset.removesuffix("px")), 0.0)
    rings = [(outline_colour, width)] if width else []
    rings += [(colour, min(spread, offset) if width else spread) for colour, spread in shadow_rings(box_shadow)]
    return rings


def best_focus_contrast(locator: Locator | ElementHandle) -> float:
    """The best contrast, against what the element sits on, of any focus ring at least 2 px wide (1 if none)."""
    return best_contrast_of(focus_rings(locator), background_behind(locator))


def best_contrast_of(rings: list[tuple[str, float]], behind: str) -> float:
    return max((ratio(colour, behind) for colour, width in rings if width >= RING_MINIMUM_PX), default=1.0)


def tab_to(page: Page, locator: Locator, presses: int = 60) -> None:
    """Press Tab until the keyboard reaches the element, as a keyboard user would."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {locator} in {presses} presses")


# What has the keyboard's focus, named as a person would in a failure message: tag, id, classes, words and page.
_DESCRIBE_FOCUS = """
() => {
    const element = document.activeElement;
    if (!element || element === document.body || element === document.documentElement) {
        return `nothing (the page itself) on ${location.pathname}`;
    }
    const words = element.getAttribute("aria-label") || element.innerText || element.value || element.name || "";
    const id = element.id ? `#${element.id}` : "";
    const classes = [...element.classList].map(name => `.${name}`).join("");
    const shortened = words.trim().replace(/\\s+/g, " ").slice(0, 60);
    return `<${element.tagName.toLowerCase()}${id}${classes}> "${shortened}" on ${location.pathname}`;
}
"""

# Whether a person can see the focused element: a box of its own, not clipped away (Bootstrap's visually-hidden),
# faded out or hidden, and on top where it is drawn rather than under something else (WCAG 2.4.11).
_CAN_BE_SEEN = """
async element => {
    // Bootstrap scrolls smoothly to a newly focused element: look once it has stood still for three frames.
    for (let still = 0, frames = 0, last = null; still < 3 && frames < 120; frames++) {
        const {top, left} = element.getBoundingClientRect();
        still = `${top} ${left}` === last ? still + 1 : 0;
        last = `${top} ${left}`;
        await new Promise(resolve => requestAnimationFrame(resolve));
    }
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    if (box.width < 2 || box.height < 2) return "it has no size";
    if ((style.clip !== "auto" && style.clip !== "") || style.clipPath !== "none") return "it is clipped away";
    if (!element.checkVisibility({opacityProperty: true, visibilityProperty: true})) {
        return "it is hidden or transparent";
    }
    // A link that wraps has a box per line, and the middle of the whole may fall between them.
    const onTop = [...element.getClientRects()].map(part => {
        const x = Math.min(Math.max(part.left + part.width / 2, 0), innerWidth - 1);
        const y = Math.min(Math.max(part.top + part.height / 2, 0), innerHeight - 1);
        return document.elementFromPoint(x, y);
    });
    const labels = [...(element.labels || [])];
    const shows = top => !top || element.contains(top) || labels.some(label => label.contains(top));
    if (!onTop.some(shows)) {
        return `it is under <${onTop[0].tagName.toLowerCase()} class="${onTop[0].className}">`;
    }
    return "";
}
"""


def focused(page: Page) -> ElementHandle | None:
    """The element the keyboard has focused, or None when the focus is on the page itself or has left it.

    document.activeElement rather than a `:focus` locator: on a date field's calendar button the field matches
    only :focus-within, and the locator would find nothing.
    """
    return page.evaluate_handle(
        "() => [document.body, document.documentElement, null].includes(document.activeElement) ? null"
        " : document.activeElement"
    ).as_element()


def describe_focus(page: Page) -> str:
    """What has the focus, in words for a failure message."""
    return page.evaluate(_DESCRIBE_FOCUS)


# Everything assert_focus_visible judges, read in one call rather than five: the keyboard journeys check every
# stop of every page (hundreds), and each call to the browser costs a round trip. Read in the order the checks run.
_FOCUS_REPORT = f"""
async () => {{
    const element = document.activeElement;
    const description = ({_DESCRIBE_FOCUS})();
    if ([document.body, document.documentElement, null].includes(element)) return {{description, focused: false}};
    const hiddenBecause = await ({_CAN_BE_SEEN})(element);
    const behind = ({_BACKGROUND_BEHIND})(element);
    const focusStyle = await ({_FOCUS_STYLE})(element);
    return {{description, focused: true, hiddenBecause, behind, focusStyle}};
}}
"""


def assert_focus_visible(page: Page) -> str:
    """Fail unless the focused element can be seen, with a ring 2 px wide or more of 3:1 or more on what it sits on.

    Returns the element's description, so a journey can say which stops it passed.
    """
    report = page.evaluate(_FOCUS_REPORT)
    description = report["description"]
    assert report["focused"], f"The keyboard's focus is on {description}"
    hidden_because = report["hiddenBecause"]
    assert not hidden_because, f"{description} has the focus but cannot be seen: {hidden_because}"
    rings, behind = rings_drawn_by(report["focusStyle"]), report["behind"]
    contrast = best_contrast_of(rings, behind)
    assert contrast >= NON_TEXT_MINIMUM, (
        f"{description} shows no focus ring of {NON_TEXT_MINIMUM}:1 and {RING_MINIMUM_PX} px: "
        f"rings {rings} on {behind}, best {contrast:.2f}:1"
    )
    return description
