"""The pieces every server-drawn chart shares: a root named by its title and description, text, fill patterns.

ElementTree writes the markup, so every label is escaped. The site's CSP refuses inline style attributes, so a
chart carries classes only (its CSS sizes it) and presentation attributes such as fill, which the CSP allows.
"""

import xml.etree.ElementTree as ET

from django.utils.safestring import SafeString, mark_safe

# Fills that stay apart when printed in black and white: the marks drawn over each pattern's ground.
PATTERN_KINDS = ("solid", "hatched", "dotted", "crossed", "horizontal", "vertical", "back-hatched", "grid")
PATTERN_SIZE = 8


def chart_root(chart_id: str, *, width: int, height: int, css_class: str, title: str, description: str) -> ET.Element:
    """An <svg> read out as one image by its <title> and <desc>, sized by its class and shaped by its viewBox."""
    svg = ET.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "class": css_class,
            "role": "img",
            "aria-labelledby": f"{chart_id}-title {chart_id}-desc",
            "viewBox": f"0 0 {width} {height}",
            "id": chart_id,
        },
    )
    ET.SubElement(svg, "title", {"id": f"{chart_id}-title"}).text = title
    ET.SubElement(svg, "desc", {"id": f"{chart_id}-desc"}).text = description
    return svg


def add_text(parent: ET.Element, x: float, y: float, text: str, attributes: dict) -> ET.Element:
    element = ET.SubElement(parent, "text", {"x": _number(x), "y": _number(y), **attributes})
    element.text = text
    return element


def add_pattern(defs: ET.Element, pattern_id: str, kind: str, *, ground: str, ink: str) -> None:
    """A fill of `kind` (one of PATTERN_KINDS): the `ground` colour with marks in `ink` over it."""
    attributes = {"id": pattern_id, "width": "8", "height": "8", "patternUnits": "userSpaceOnUse"}
    if kind in ("hatched", "back-hatched"):
        attributes["patternTransform"] = f"rotate({45 if kind == 'hatched' else -45})"
    pattern = ET.SubElement(defs, "pattern", attributes)
    ET.SubElement(pattern, "rect", {"width": "8", "height": "8", "fill": ground})
    for mark in _MARKS[kind]:
        tag, shape = mark
        ET.SubElement(pattern, tag, {**shape, **({"fill": ink} if tag == "circle" else {"stroke": ink})})


_VERTICAL = ("line", {"x1": "0", "y1": "0", "x2": "0", "y2": "8", "stroke-width": "3"})
_HORIZONTAL = ("line", {"x1": "0", "y1": "4", "x2": "8", "y2": "4", "stroke-width": "2"})
_MARKS = {
    "solid": (),
    "hatched": (_VERTICAL,),
    "back-hatched": (_VERTICAL,),
    "dotted": (("circle", {"cx": "4", "cy": "4", "r": "1.6"}),),
    "crossed": (
        ("line", {"x1": "0", "y1": "0", "x2": "8", "y2": "8", "stroke-width": "1.5"}),
        ("line", {"x1": "8", "y1": "0", "x2": "0", "y2": "8", "stroke-width": "1.5"}),
    ),
    "horizontal": (_HORIZONTAL,),
    "vertical": (("line", {"x1": "4", "y1": "0", "x2": "4", "y2": "8", "stroke-width": "2"}),),
    "grid": (_HORIZONTAL, ("line", {"x1": "4", "y1": "0", "x2": "4", "y2": "8", "stroke-width": "1"})),
}


def markup(svg: ET.Element) -> SafeString:
    """The chart as markup for a template."""
    return mark_safe(ET.tostring(svg, encoding="unicode"))  # noqa: S308 - ElementTree escaped every text


def _number(value: float) -> str:
    """Whole numbers without a point, others to one decimal place: a short, stable viewBox."""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"
