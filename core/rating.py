"""The rating palette: every RAG the site shows, with its words, colours and place, in one table.

The badge CSS (static/css/mscb.css), the Word paper's shading, every RAG key, the counts and the
filter all read PALETTE; tests/core/test_rating.py checks that the CSS classes agree with it.
The stored values are ProgressUpdate.Rag's; "" (shown as "none" in CSS and counts) is no update yet.
"""

from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import SafeString


@dataclass(frozen=True)
class Rating:
    value: str  # as stored on a progress update; "" for no update yet
    label: str  # always shown: the colour is never the only sign
    meaning: str  # the key's wording, after the badge
    fill: str  # background, hex without "#"
    text: str  # text colour on that background
    border: str  # outline for the pale fills, or "" for none
    rank: int  # place on the scale from nothing reported to done, for sorting

    @property
    def key(self) -> str:
        """The name in CSS classes and counts, where "" would vanish."""
        return self.value or "none"

    @property
    def css_class(self) -> str:
        return f"rag-{self.key}"


# In the order of the committee report's key.
PALETTE = (
    Rating("red", "Red", "not on track; needs the board's attention", "B4232A", "FFFFFF", "", 2),
    Rating("amber", "Amber", "some risk to the target", "FFBF47", "1A1A1A", "", 3),
    Rating("green", "Green", "on track", "00703C", "FFFFFF", "", 4),
    Rating("complete", "Complete", "done", "1D70B8", "FFFFFF", "", 5),
    Rating("not_started", "Not started", "not yet begun", "F3F2F1", "1A1A1A", "6F777B", 1),
    Rating("", "No update", "nothing reported yet", "FFFFFF", "1A1A1A", "6F777B", 0),
)
_BY_KEY = {rating.key: rating for rating in PALETTE}
NO_UPDATE = _BY_KEY["none"]


def rating(value: str | None) -> Rating:
    """The palette's entry for a stored value; blank, None and "none" are no update yet."""
    found = _BY_KEY.get(value or "none")
    if found is None:
        # A value no longer on the scale still shows, in its own words, without a colour.
        return Rating(value, value, "", NO_UPDATE.fill, NO_UPDATE.text, NO_UPDATE.border, 0)
    return found


def label(value: str | None) -> str:
    return rating(value).label


def empty_counts() -> dict[str, int]:
    """Every rating at 0, keyed as CSS and counts name them, in the key's order."""
    return dict.fromkeys(_BY_KEY, 0)


def badge(value: str | None) -> SafeString:
    """The RAG as a badge that says its colour in words as well as showing it."""
    shown = rating(value)
    return format_html('<span class="rag {}">{}</span>', shown.css_class, shown.label)
