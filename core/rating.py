"""Rating scales: the words, colours and order of every rating the site shows.

A plan rates its actions on a scale (RAG, BRAG, a council's 1–4, or none at all; a board can make its own).
The scales live in the database (core.models.RatingScale); `Scale` is one read into plain data, which every
page, paper, count, filter and file reads. The built-in scales are defined here and copied into the database by a
migration; RAG is also the scale of actions that belong to no plan.

A blank rating is always allowed and prints as nothing: "" never stands for a level of any scale. An action with
no update at all in a round is counted and keyed as "No update" (NO_UPDATE, key "none").
"""

from dataclasses import dataclass, field

from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import slugify

from .contrast import border_needed
from .formats import in_words

# Pale fills get an outline so the badge's edge shows against the page (WCAG 1.4.11).
OUTLINE = "6F777B"


@dataclass(frozen=True)
class Rating:
    value: str  # as stored on a progress update; "" for no update yet
    label: str  # always shown: the colour is never the only sign
    meaning: str  # the key's wording, after the badge
    fill: str  # background, hex without "#"
    text: str  # text colour on that background
    border: str  # outline for the pale fills, or "" for none
    rank: int  # place on the scale, for sorting; 0 is nothing reported
    is_complete: bool = False  # counts as done (Complete, Blue, "1 Achieved")
    is_exception: bool = False  # listed among the exceptions the committee should see (Red, "3 Slipped")
    css_class: str = ""  # the class that colours its badge; see core.stylesheets

    @property
    def key(self) -> str:
        """The name in counts and filters, where "" would vanish."""
        return self.value or "none"


NO_UPDATE = Rating("", "No update", "nothing reported yet", "FFFFFF", "1A1A1A", OUTLINE, 0, css_class="rag-none")
# Shown for a stored value the plan's scale no longer has: in its own words, without a colour.
_UNKNOWN_FILL = ("FFFFFF", "1A1A1A", OUTLINE)


@dataclass(frozen=True)
class Scale:
    """One rating scale as plain data: its levels in the key's order."""

    name: str
    title: str
    levels: tuple[Rating, ...] = ()
    pk: int | None = None
    _by_key: dict = field(default=None, compare=False, repr=False)

    def __post_init__(self):
        object.__setattr__(self, "_by_key", {level.key: level for level in self.levels})

    @property
    def is_none(self) -> bool:
        """A plan that rates nothing: no key, no counts, no rating column."""
        return not self.levels

    @property
    def key_entries(self) -> tuple[Rating, ...]:
        """What the paper's key lists: each level, then "No update"; nothing for a scale of no levels."""
        return (*self.levels, NO_UPDATE) if self.levels else ()

    def rating(self, value: str | None) -> Rating:
        """The level for a stored value; blank, None and "none" are no update yet."""
        if not value or value == "none":
            return NO_UPDATE
        found = self._by_key.get(value)
        if found is None:
            return Rating(value, value, "", *_UNKNOWN_FILL, 0, css_class="rag-unknown")
        return found

    def label(self, value: str | None) -> str:
        """The level's words; "" for a blank rating, which prints as nothing."""
        return self.rating(value).label if value else ""

    def badge(self, value: str | None) -> SafeString:
        """The rating as a badge that says it in words as well as colour; "" prints nothing."""
        if not value:
            return SafeString("")
        shown = self.rating(value)
        return format_html('<span class="rag {}">{}</span>', shown.css_class, shown.label)

    def empty_counts(self) -> dict[str, int]:
        """Every level and "none" at 0, in the key's order."""
        return dict.fromkeys((entry.key for entry in self.key_entries), 0)

    def counted(self, rows) -> dict[str, int]:
        """`rows` of (stored value, how many) summed into the key's entries; {} for a scale of no levels.

        A value the scale no longer has keeps its own entry, after the key's, so no action goes uncounted.
        """
        if self.is_none:
            return {}
        counts = self.empty_counts()
        for value, number in rows:
            key = self.rating(value).key
            counts[key] = counts.get(key, 0) + number
        return counts

    def has(self, code: str) -> bool:
        """Whether `code` is exactly a level's stored code (not its label, not in another case)."""
        return code in self._by_key

    def find(self, text: str) -> Rating | None:
        """The level whose code or label is `text`, ignoring case and spaces at the ends; None if none is."""
        wanted = text.strip().casefold()
        for level in self.levels:
            if wanted in (level.value.casefold(), level.label.casefold()):
                return level
        return None

    @property
    def allowed(self) -> str:
        """The values an import or form accepts, in words: "red, amber, green, complete or not_started"."""
        return in_words((level.value for level in self.levels), "or")


@dataclass(frozen=True)
class Tally:
    """How many actions stand at each entry of one scale's key: what a page's counts show for that scale."""

    scale: Scale
    counts: dict[str, int]  # {} on a scale of no levels, whose actions are still in `total`
    total: int


def css_class_for(scale_name: str, code: str) -> str:
    """The class that colours a level's badge: static CSS has RAG's; /ratings.css (core.stylesheets) every scale's."""
    if scale_name == DEFAULT_SCALE_NAME:
        return f"rag-{code}"
    # slugify() never leaves "--" inside a part, so the double hyphen keeps scale "a" code "b-c" apart from
    # scale "a-b" code "c".
    return f"rag-{slugify(scale_name) or 'scale'}--{slugify(code) or 'level'}"


def outline_for(fill: str) -> str:
    """The outline a badge of this fill needs against the white page, or "" for none."""
    return OUTLINE if border_needed(fill) else ""


def level(value, label, meaning, fill, text, rank, *, complete=False, exception=False, scale="rag") -> Rating:
    """One level of a scale, with its outline and class worked out from its colours and names."""
    return Rating(
        value,
        label,
        meaning,
        fill,
        text,
        outline_for(fill),
        rank,
        is_complete=complete,
        is_exception=exception,
        css_class=css_class_for(scale, value),
    )


DEFAULT_SCALE_NAME = "rag"

# The built-in scales, by the names import_plan's --scale takes. A migration copies them into the database.
RAG = Scale(
    "rag",
    "RAG: Red, Amber, Green, with Not started and Complete",
    (
        level("red", "Red", "not on track; needs the board's attention", "B4232A", "FFFFFF", 2, exception=True),
        level("amber", "Amber", "some risk to the target", "FFBF47", "1A1A1A", 3),
        level("green", "Green", "on track", "00703C", "FFFFFF", 4),
        level("complete", "Complete", "done", "1D70B8", "FFFFFF", 5, complete=True),
        level("not_started", "Not started", "not yet begun", "F3F2F1", "1A1A1A", 1),
    ),
)
BRAG = Scale(
    "brag",
    "BRAG: Blue (complete), Red, Amber, Green",
    (
        level("blue", "Blue", "complete", "1D70B8", "FFFFFF", 4, complete=True, scale="brag"),
        level(
            "red",
            "Red",
            "not on track; needs the board's attention",
            "B4232A",
            "FFFFFF",
            1,
            exception=True,
            scale="brag",
        ),
        level("amber", "Amber", "some risk to the target", "FFBF47", "1A1A1A", 2, scale="brag"),
        level("green", "Green", "on track", "00703C", "FFFFFF", 3, scale="brag"),
    ),
)
FOUR_POINT = Scale(
    "four-point",
    "Four-point: 1 Achieved to 4 Not achieved",
    (
        level("1", "1 Achieved (fully)", "achieved in full", "1D70B8", "FFFFFF", 4, complete=True, scale="four-point"),
        level("2", "2 On track but not yet due for completion", "on track", "00703C", "FFFFFF", 3, scale="four-point"),
        level("3", "3 Slipped", "behind its timescale", "FFBF47", "1A1A1A", 2, exception=True, scale="four-point"),
        level("4", "4 Not achieved", "not achieved", "B4232A", "FFFFFF", 1, exception=True, scale="four-point"),
    ),
)
NO_RATING = Scale("none", "No rating")
BUILT_IN = (RAG, BRAG, FOUR_POINT, NO_RATING)

# RAG's key: what papers published before plans had their own scales printed.
PALETTE = RAG.key_entries


def rating(value: str | None) -> Rating:
    """A RAG level, for a paper published before plans had their own scales."""
    return RAG.rating(value)


def css_rules(scales) -> str:
    """The badge colours of these scales as CSS, for the stylesheet every page links and the PDF's own styles.

    Kept out of inline style attributes, which the site's Content Security Policy blocks.
    """
    rules = []
    for scale in scales:
        for entry in scale.levels:
            border = f" border-color: #{entry.border};" if entry.border else ""
            rules.append(f".rag.{entry.css_class} {{ background: #{entry.fill}; color: #{entry.text};{border} }}")
    return "\n".join(rules) + "\n"
