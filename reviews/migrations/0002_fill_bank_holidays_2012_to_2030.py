"""England and Wales bank holidays for 2012 to 2030, from the usual rules and the one-off changes.

Written out here rather than imported, so the migration stays as it ran. Later years, and any new
one-off holiday, are added in the admin.
"""

from datetime import date, timedelta

from django.db import migrations

FIRST_YEAR, LAST_YEAR = 2012, 2030

# One-off changes: (year, usual name) -> replacement days, and extra holidays.
_MOVED = {
    (2012, "Spring bank holiday"): [(date(2012, 6, 4), "Spring bank holiday")],
    (2020, "Early May bank holiday"): [(date(2020, 5, 8), "Early May bank holiday (VE day)")],
    (2022, "Spring bank holiday"): [(date(2022, 6, 2), "Spring bank holiday")],
}
_EXTRA = [
    (date(2012, 6, 5), "Queen's Diamond Jubilee"),
    (date(2022, 6, 3), "Platinum Jubilee bank holiday"),
    (date(2022, 9, 19), "Bank holiday for the State Funeral of Queen Elizabeth II"),
    (date(2023, 5, 8), "Bank holiday for the coronation of King Charles III"),
]


def _easter_sunday(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (the anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def _first_monday(year: int, month: int) -> date:
    day = date(year, month, 1)
    return day + timedelta(days=(7 - day.weekday()) % 7)


def _last_monday(year: int, month: int) -> date:
    day = date(year, month + 1, 1) - timedelta(days=1)
    return day - timedelta(days=day.weekday())


def _after_weekend(day: date, taken: set) -> date:
    """A holiday falling at a weekend moves to the next weekday not already a holiday."""
    while day.weekday() >= 5 or day in taken:
        day += timedelta(days=1)
    return day


def bank_holidays(year: int) -> list[tuple[date, str]]:
    easter = _easter_sunday(year)
    usual = [
        ("New Year's Day", _after_weekend(date(year, 1, 1), set())),
        ("Good Friday", easter - timedelta(days=2)),
        ("Easter Monday", easter + timedelta(days=1)),
        ("Early May bank holiday", _first_monday(year, 5)),
        ("Spring bank holiday", _last_monday(year, 5)),
        ("Summer bank holiday", _last_monday(year, 8)),
    ]
    days = []
    for name, day in usual:
        days.extend(_MOVED.get((year, name), [(day, name)]))
    christmas = _after_weekend(date(year, 12, 25), set())
    boxing = _after_weekend(date(year, 12, 26), {christmas})
    days += [(christmas, "Christmas Day"), (boxing, "Boxing Day")]
    days += [(day, name) for day, name in _EXTRA if day.year == year]
    return sorted(days)


def fill(apps, schema_editor):
    BankHoliday = apps.get_model("reviews", "BankHoliday")
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        for day, name in bank_holidays(year):
            BankHoliday.objects.get_or_create(on=day, defaults={"name": name})


def empty(apps, schema_editor):
    BankHoliday = apps.get_model("reviews", "BankHoliday")
    BankHoliday.objects.filter(on__year__gte=FIRST_YEAR, on__year__lte=LAST_YEAR).delete()


class Migration(migrations.Migration):
    dependencies = [("reviews", "0001_add_bank_holidays")]

    operations = [migrations.RunPython(fill, empty)]
