"""Trend panels: each a chart with its data table beside it and a sentence that says what it shows.

The page draws every panel that panels.TREND_PANELS makes, in order. Each maker takes the figures the page already
gathered (`TrendInputs`) and returns its panels, with the queries of its own that it needs: this module's ratings
across the rounds, and indicator_trends' values of each indicator.
"""

from dataclasses import dataclass

from django.utils.safestring import SafeString

from core.charts import Segment, StackedBar, stacked_bar_chart
from core.formats import in_words, month_year
from core.rating import Rating, Scale
from objectives.models import Action
from objectives.models.shapes import in_sentence, plural

from .selectors import Choice, rating_columns

TOTAL = "Total"


@dataclass(frozen=True)
class TrendInputs:
    """What the page gathered: who is looking, the choice, the plan's scale, its actions (narrowed by agency) and
    their ratings."""

    user: object
    choice: Choice
    scale: Scale
    actions: list[Action]
    ratings: dict[int, dict[int, str]]  # by round id, then action id; see selectors.ratings_by_round


@dataclass(frozen=True)
class TrendPanel:
    """A chart, the table of the same figures (a row per period) and the sentence that sums them up."""

    panel_id: str
    heading: str
    summary: str
    chart: SafeString
    caption: str
    row_heading: str
    # Rating badges (SafeString) or words; the table's last column is the total.
    columns: tuple
    rows: tuple[tuple[str, tuple[int, ...]], ...]
    note: str = ""


def ratings_panels(inputs: TrendInputs) -> list[TrendPanel]:
    """The plan's ratings across its rounds (up to the chosen one): none for a plan that rates nothing."""
    scale, choice = inputs.scale, inputs.choice
    if scale.is_none:
        return []
    by_round = [[inputs.ratings[one.pk].get(action.pk) for action in inputs.actions] for one in choice.rounds]
    columns = rating_columns(scale, [value for values in by_round for value in values])
    rows = []
    for one, values in zip(choice.rounds, by_round, strict=True):
        counts = scale.counted((value, 1) for value in values)
        rows.append((month_year(one.as_of), tuple(counts.get(column.key, 0) for column in columns)))
    actions = in_sentence(plural(choice.plan.action_name))
    title = f"Ratings of business plan {choice.plan.title}'s {actions} in each round"
    chart = stacked_bar_chart(
        chart_id="chart-ratings",
        title=title,
        description="A bar per round, cut by rating; the same figures are in the table beside the chart.",
        segments=[Segment(column.label, f"#{column.fill}", f"#{column.text}") for column in columns],
        bars=[StackedBar(f"{label}: {sum(counts)} {actions}", counts) for label, counts in rows],
    )
    return [
        TrendPanel(
            panel_id="ratings",
            heading="Ratings across the rounds",
            summary=ratings_summary(rows, columns, actions),
            chart=chart,
            caption=title,
            row_heading="Round",
            columns=(*(scale.badge(column.key) for column in columns), TOTAL),
            rows=tuple((label, (*counts, sum(counts))) for label, counts in rows),
        )
    ]


def ratings_summary(rows: list[tuple[str, tuple[int, ...]]], columns: list[Rating], actions: str) -> str:
    """ "In March 2026, 12 of 40 actions were rated Green, up from 8 in December 2025; 3 were rated Red, down from 5."

    Names the level most actions stand at in the latest round, then the board's exception levels taken together.
    """
    label, counts = rows[-1]
    earlier = rows[-2] if len(rows) > 1 else None
    rated = [(count, -index) for index, (column, count) in enumerate(zip(columns, counts, strict=True)) if column.value]
    if not rated or max(rated)[0] == 0:
        return f"In {label}, none of the {sum(counts)} {actions} had a rating."
    top = -max(rated)[1]
    verb = "was" if counts[top] == 1 else "were"
    sentence = f"In {label}, {counts[top]} of {sum(counts)} {actions} {verb} rated {columns[top].label}"
    sentence += _change(counts, earlier, [top])
    exceptions = [index for index, column in enumerate(columns) if column.is_exception and index != top]
    if exceptions and not columns[top].is_exception:
        number = sum(counts[index] for index in exceptions)
        named = in_words((columns[index].label for index in exceptions), "or")
        sentence += f"; {number} {'was' if number == 1 else 'were'} rated {named}"
        sentence += _change(counts, earlier, exceptions, named_round=False)
    return sentence + "."


def _change(counts, earlier, indexes: list[int], *, named_round: bool = True) -> str:
    """ ", up from 8 in December 2025", ", down from 5", ", as in December 2025"; "" with no round before."""
    if earlier is None:
        return ""
    now, before = sum(counts[index] for index in indexes), sum(earlier[1][index] for index in indexes)
    when = f" in {earlier[0]}" if named_round else ""
    if now == before:
        return f", the same as{when or ' before'}"
    return f", {'up' if now > before else 'down'} from {before}{when}"
