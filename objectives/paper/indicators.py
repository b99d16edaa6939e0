"""An objective's performance indicators as the paper prints them: worked out once as text, so a published paper
shows them as they stood, and its trend drawn as an SVG line that needs no style attribute."""

from dataclasses import dataclass

# The sparkline's drawing box; the stylesheet sets its printed size.
WIDTH, HEIGHT, PAD = 100, 24, 3


@dataclass(frozen=True)
class TrendPoint:
    period: str  # "to September 2012"
    value: str  # "413", as printed
    number: float  # for drawing only


@dataclass(frozen=True)
class PaperIndicator:
    name: str
    # A rate's "per 10,000 children", printed after its name; "" for a number or a percentage (whose values carry %).
    per: str
    # The latest value up to the paper's as-of date and its period; "" when there is none yet.
    latest: str
    latest_period: str
    target: str
    # In words; "" when the plan rates nothing or no threshold is reached.
    rating_label: str
    rating_class: str
    rating_fill: str
    rating_text: str
    # "improving", "worsening", "no change", or "" with one value.
    direction: str
    points: tuple[TrendPoint, ...] = ()

    @property
    def title(self) -> str:
        return f"{self.name} ({self.per})" if self.per else self.name

    @property
    def trend_words(self) -> str:
        """ "199 (2010) → 409 (2011) → 413 (to September 2012)"."""
        return " → ".join(f"{point.value} ({point.period})" for point in self.points)

    @property
    def direction_words(self) -> str:
        return self.direction or "no earlier value"

    @property
    def latest_words(self) -> str:
        return f"{self.latest} ({self.latest_period})" if self.latest else "No value yet"

    @property
    def sparkline_points(self) -> str:
        """The trend as an SVG polyline's points, scaled to the box, oldest on the left."""
        return " ".join(f"{x:g},{y:g}" for x, y in self.sparkline_coordinates)

    @property
    def sparkline_coordinates(self) -> list[tuple[float, float]]:
        numbers = [point.number for point in self.points]
        if not numbers:
            return []
        low, high = min(numbers), max(numbers)
        span = (high - low) or 1
        step = (WIDTH - 2 * PAD) / max(len(numbers) - 1, 1)
        return [
            (round(PAD + index * step, 2), round(HEIGHT - PAD - (number - low) / span * (HEIGHT - 2 * PAD), 2))
            for index, number in enumerate(numbers)
        ]

    @property
    def sparkline_end(self) -> tuple[float, float] | None:
        """Where the latest value is, marked with a dot."""
        coordinates = self.sparkline_coordinates
        return coordinates[-1] if coordinates else None
