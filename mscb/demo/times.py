"""The demo's calendar: its story is written in a year of its own and moved to the days around today when loaded.

The story is the financial year 2025/26 as the board manager saw it on 13 March 2026, part-way through the open
March round. Loading the demo on another day moves it so that it reads the same on that day: the plan is the
financial year containing the day, what had happened by the story's day happened as long before this one, the
rounds fall on the nearest month ends, the open round's deadline is a week away, and what was still to come is
spread over the rest of the year. Rounds that would fall before the plan began (early in a year) are left out.
"""

import re
from calendar import month_name
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from objectives.dates import add_months, last_day_of_month, parse_flexible_date

LONDON = ZoneInfo("Europe/London")

STORY_TODAY = date(2026, 3, 13)
STORY_YEAR_START = date(2025, 4, 1)
STORY_YEAR_END = date(2026, 3, 31)
# The open round's as-of date in the story: where it lands decides how far the progress texts' months move.
STORY_OPEN_ROUND = date(2026, 3, 31)
OPEN_ROUND_DEADLINE_AFTER = timedelta(days=7)

MONTHS = list(month_name)[1:]
# "20 November", "July 2024", "March" ; "2024/25" ; "2023": a date, month or year in the story's words.
_DATED_WORDS = re.compile(
    rf"\b(?:(?P<day>\d{{1,2}}) )?(?P<month>{'|'.join(MONTHS)})(?: (?P<year>20\d\d))?\b"
    r"|\b(?P<start>20\d\d)/(?P<end>\d\d)\b"
    r"|\b(?P<bare>20\d\d)\b"
)


def in_open_round(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment in the story's open round (March 2026), when most of the demo's workflow happens."""
    return datetime(2026, 3, day, hour, minute, tzinfo=LONDON)


def reported_round(*, as_of: date, deadline: date, reported_on: date, updates: dict) -> dict:
    """A round the story's board reported to the committee on a day, so closed then: its progress is read-only."""
    return {"as_of": as_of, "deadline": deadline, "reported_on": reported_on, "updates": updates}


def financial_year(today: date) -> tuple[date, date]:
    """The first and last days of the financial year (1 April to 31 March) containing today."""
    start_year = today.year if today.month >= 4 else today.year - 1
    return date(start_year, 4, 1), date(start_year + 1, 3, 31)


def _is_month_end(day: date) -> bool:
    return day == last_day_of_month(day.year, day.month)


def _nearest_month_end(day: date) -> date:
    last_of_month = last_day_of_month(day.year, day.month)
    last_of_previous = day.replace(day=1) - timedelta(days=1)
    return last_of_previous if day - last_of_previous < last_of_month - day else last_of_month


class DemoCalendar:
    """The story's dates, times and words moved to the year containing `today`."""

    def __init__(self, today: date):
        self.today = today
        self.starts_on, self.ends_on = financial_year(today)
        self.years = self.starts_on.year - STORY_YEAR_START.year
        self.shift = today - STORY_TODAY
        open_round = self.as_of(STORY_OPEN_ROUND)
        self.months = (open_round.year - STORY_OPEN_ROUND.year) * 12 + open_round.month - STORY_OPEN_ROUND.month

    @property
    def plan_title(self) -> str:
        """The demo plan's title, the financial year in the board's words, such as "2026/27"."""
        return self.plan_text("2025/26")

    def day(self, story_day: date) -> date:
        """The day on which what the story dates `story_day` happens (or is due) when loaded today."""
        if story_day <= STORY_TODAY:
            return story_day + self.shift
        if story_day > STORY_YEAR_END:
            return self.ends_on + (story_day - STORY_YEAR_END)
        # The rest of the story's year (two weeks and a half) is spread over the rest of this one.
        share = (story_day - STORY_TODAY) / (STORY_YEAR_END - STORY_TODAY)
        return self.today + timedelta(days=round((self.ends_on - self.today).days * share))

    def moment(self, story_moment: datetime) -> datetime:
        return datetime.combine(self.day(story_moment.date()), story_moment.timetz())

    def year_day(self, story_day: date) -> date:
        """A day that belongs to the financial year rather than to the story, such as a plan's first day."""
        return add_months(story_day, 12 * self.years)

    def target(self, story_target: str) -> str:
        """An action's target as the board writes it ("March 2027" for a month, "2026-10-31" for a day)."""
        on, is_month = parse_flexible_date(story_target)
        moved = self.day(on)
        if is_month:
            return f"{month_name[moved.month]} {moved.year}"
        # A day target on a month's end ("2025-10-31") stays on one, as boards set them.
        return (_nearest_month_end(moved) if _is_month_end(on) else moved).isoformat()

    def as_of(self, story_as_of: date) -> date:
        """A round's as-of date: a month end stays one (the nearest), and none falls after the plan ends."""
        moved = story_as_of + self.shift
        if _is_month_end(story_as_of):
            moved = _nearest_month_end(moved)
        return min(moved, self.ends_on)

    def progress_round(self, spec: dict) -> dict | None:
        """A round's dates and state today, or None if it would fall before the plan began."""
        as_of = self.as_of(spec["as_of"])
        if as_of < self.starts_on:
            return None
        if "reported_on" not in spec:
            return {"as_of": as_of, "deadline": self.today + OPEN_ROUND_DEADLINE_AFTER, "closed_at": None}
        reported_on = self.day(spec["reported_on"])
        return {
            "as_of": as_of,
            "deadline": max(self.day(spec["deadline"]), self.starts_on),
            "closed_at": datetime.combine(reported_on, time(12, 0), tzinfo=LONDON),
        }

    def plan(self, spec: dict) -> dict:
        """A plan's fields for this financial year: its dates the year's, its title's years moved with them."""
        moved = {"starts_on": self.year_day(spec["starts_on"]), "ends_on": self.year_day(spec["ends_on"])}
        return {**spec, **moved, "title": self.plan_text(spec["title"])}

    def plan_text(self, text: str) -> str:
        """Words about the plan's year ("financial year 2025/26", "in 2023") with their years moved to this one."""
        return _DATED_WORDS.sub(lambda match: self._moved_words(match, 12 * self.years), text)

    def progress_text(self, text: str) -> str:
        """Words about a round ("the audit took place in July") with their months moved as the rounds moved."""
        return _DATED_WORDS.sub(lambda match: self._moved_words(match, self.months), text)

    def _moved_words(self, match: re.Match, months: int) -> str:
        # Years on their own, and financial years, belong to the plan's year whatever the words are about.
        if match["start"]:
            start = int(match["start"]) + self.years
            return f"{start}/{(start + 1) % 100:02d}"
        if match["bare"]:
            return str(int(match["bare"]) + self.years)
        story_year = int(match["year"] or STORY_YEAR_START.year)
        moved = add_months(date(story_year, MONTHS.index(match["month"]) + 1, int(match["day"] or 1)), months)
        words = f"{moved.day} {month_name[moved.month]}" if match["day"] else month_name[moved.month]
        return f"{words} {moved.year}" if match["year"] else words
